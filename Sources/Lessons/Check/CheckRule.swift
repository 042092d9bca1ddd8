/// The rule that grades a `predict` answer against a demo's live report (`check:`).
///
/// Grammar (keywords are case-insensitive):
///
///     rule       := "within" tolerance "of" operand
///                 | "equals" operand | "at least" operand | "at most" operand
///                 | comparison { ("and" | "or") comparison }      -- "and" binds tighter
///     comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
///     operand    := "metric" path | "answer" | path | number | "true" | "false" | quoted text
///     tolerance  := ["±"] number [unit]    -- a distance in the answer's unit: ± 0.5 durations
///                 | ("×" | "x") number      -- a ratio: ×1.25, answer/measured and back ≤ 1.25
///
/// The old relative form `within 25% of …` is refused: 25% below is further off than 25% above
/// on the scale a student reasons on (3 and 5 around 4 are not equally wrong by it), so it
/// cannot give two answers equally far off the same verdict.
///
/// A `path` is a dotted metric name (`final`, `parent.pid`); a number may use `_` or `,`
/// separators (`2_000_000`, `2,000,000`). `=` means `==`; `≤ ≥ ≠` are accepted too.
public enum CheckRule: Sendable, Hashable, CustomStringConvertible {
  /// A condition over metrics (and possibly `answer`): alternatives joined by `or`, each a
  /// list of comparisons joined by `and`. Without `answer`, the student predicts whether it
  /// holds (true/false); with `answer`, the student's number must make it hold.
  case condition([[CheckComparison]])
  /// The student's number is within a tolerance of the operand.
  case within(CheckTolerance, of: CheckOperand)
  /// The student's answer equals the operand (numbers, words, or a choice's text or letter).
  case equals(CheckOperand)
  /// The student's number is at least the operand.
  case atLeast(CheckOperand)
  /// The student's number is at most the operand.
  case atMost(CheckOperand)

  /// Reads a rule.
  /// - Parameter text: the rule as written after `check:`.
  /// - Returns: the rule.
  /// - Throws: `CheckRuleError` with a one-line message and where in `text` it went wrong.
  public static func parse(_ text: String) throws(CheckRuleError) -> CheckRule {
    var parser = try CheckRuleParser(text)
    return try parser.rule()
  }

  /// The metric paths the rule reads, in order, without repeats.
  public var metricPaths: [String] {
    var paths: [String] = []
    for operand in operands {
      if case .metric(let p) = operand, !paths.contains(p) { paths.append(p) }
    }
    return paths
  }

  /// Whether the rule mentions `answer` (or grades one implicitly, as `within` does).
  public var usesAnswer: Bool {
    switch self {
    case .condition: operands.contains(.answer)
    default: true
    }
  }

  /// What the student types for this rule (without choices).
  public var input: PredictInput {
    switch self {
    case .condition: usesAnswer ? .number : .truth
    case .within, .atLeast, .atMost: .number
    case .equals: .value
    }
  }

  /// Every operand, left to right.
  var operands: [CheckOperand] {
    switch self {
    case .condition(let alternatives): alternatives.flatMap { $0.flatMap { [$0.lhs, $0.rhs] } }
    case .within(_, let o), .equals(let o), .atLeast(let o), .atMost(let o): [o]
    }
  }

  /// The rule written back in its canonical form.
  public var description: String {
    switch self {
    case .condition(let alternatives):
      alternatives.map { $0.map(\.description).joined(separator: " and ") }
        .joined(separator: " or ")
    case .within(let tolerance, let o): "within \(tolerance) of \(o)"
    case .equals(let o): "equals \(o)"
    case .atLeast(let o): "at least \(o)"
    case .atMost(let o): "at most \(o)"
    }
  }
}

/// How far a student's number may be from the measurement in a `within` rule. Both forms
/// treat answers equally far off on their own scale alike: ± d on the answer's scale, ×f on a
/// ratio scale (twice too high and half too low are equally far off).
public enum CheckTolerance: Sendable, Hashable, CustomStringConvertible {
  /// `within ± 0.5 durations of …`: |answer − measured| ≤ the amount, in the answer's unit.
  /// The unit is the one written in the rule (nil when none); the quiz parser checks it
  /// against the question's `unit:` and converts the amount into that unit.
  case plusMinus(Double, unit: String?)
  /// `within ×1.25 of …`: answer ÷ measured and measured ÷ answer both at most the factor
  /// (which is above 1).
  case factor(Double)

  public var description: String {
    switch self {
    case .plusMinus(let d, let unit): "± \(NumberText.format(d))\(unit.map { " \($0)" } ?? "")"
    case .factor(let f): "×\(NumberText.format(f))"
    }
  }
}

/// One comparison of a condition: `metric final < 2000000`.
public struct CheckComparison: Sendable, Hashable, CustomStringConvertible {
  /// The left operand.
  public var lhs: CheckOperand
  /// The comparison.
  public var op: ComparisonOperator
  /// The right operand.
  public var rhs: CheckOperand

  /// Creates a comparison.
  public init(_ lhs: CheckOperand, _ op: ComparisonOperator, _ rhs: CheckOperand) {
    self.lhs = lhs
    self.op = op
    self.rhs = rhs
  }

  public var description: String { "\(lhs) \(op.rawValue) \(rhs)" }
}

/// A comparison operator of a check rule.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "=="
  case notEqual = "!="

  /// How the operator reads in an explanation (`≤` for `<=`).
  var symbol: String {
    switch self {
    case .less: "<"
    case .lessOrEqual: "≤"
    case .greater: ">"
    case .greaterOrEqual: "≥"
    case .equal: "=="
    case .notEqual: "≠"
    }
  }
}

/// A value in a check rule.
public enum CheckOperand: Sendable, Hashable, CustomStringConvertible {
  /// A metric of the demo's report, by dotted path.
  case metric(String)
  /// The student's answer.
  case answer
  /// A number.
  case number(Double)
  /// A quoted word or phrase.
  case text(String)
  /// `true` or `false`.
  case truth(Bool)

  public var description: String {
    switch self {
    case .metric(let p): "metric \(p)"
    case .answer: "answer"
    case .number(let n): NumberText.format(n).replacing(",", with: "_")
    case .text(let t): "\"\(t)\""
    case .truth(let b): b ? "true" : "false"
    }
  }
}

/// A check rule that does not read: what was expected, and where.
public struct CheckRuleError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One line: `expected a metric, a number or 'answer' after '<', found 'of'`.
  public var message: String
  /// The 0-based character offset in the rule's text where the problem is.
  public var offset: Int

  /// Creates an error.
  public init(_ message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}

extension CheckRule {
  /// The rule with a `within ± d <unit>` distance converted into the question's `unit:`
  /// (`within ± 100 ms of …` with `unit: s` is ± 0.1 s), or why the two units do not fit.
  func inAnswerUnit(_ answerUnit: String?) -> Result<CheckRule, CheckRuleError> {
    guard case .within(.plusMinus(let amount, let written), let operand) = self else {
      return .success(self)
    }
    guard let written else { return .success(self) }
    do throws(AnswerError) {
      let converted = try AnswerParser.number(
        NumberText.format(amount) + " " + written, unit: answerUnit)
      return .success(.within(.plusMinus(converted, unit: answerUnit), of: operand))
    } catch {
      let declared =
        answerUnit.map { "the answer's unit is '\($0)'" } ?? "the question has no 'unit:'"
      return .failure(
        CheckRuleError(
          "the tolerance is in '\(written)', but \(declared) (\(error.message))", offset: 0))
    }
  }
}
