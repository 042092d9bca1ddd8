/// The rule that grades a `predict` answer against a demo's live report (`check:`).
///
/// Grammar (keywords are case-insensitive):
///
///     rule       := "within" ["±"] number ["%"] "of" operand
///                 | "equals" operand | "at least" operand | "at most" operand
///                 | comparison { ("and" | "or") comparison }      -- "and" binds tighter
///     comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
///     operand    := "metric" path | "answer" | path | number | "true" | "false" | quoted text
///
/// A `path` is a dotted metric name (`final`, `parent.pid`); a number may use `_` or `,`
/// separators (`2_000_000`, `2,000,000`). `=` means `==`; `≤ ≥ ≠` are accepted too.
public enum CheckRule: Sendable, Hashable, CustomStringConvertible {
  /// A condition over metrics (and possibly `answer`): alternatives joined by `or`, each a
  /// list of comparisons joined by `and`. Without `answer`, the student predicts whether it
  /// holds (true/false); with `answer`, the student's number must make it hold.
  case condition([[CheckComparison]])
  /// The student's number is within a tolerance of the operand.
  case within(Tolerance, of: CheckOperand)
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
    case .within(let tolerance, let o):
      switch tolerance {
      case .relative(let f): "within \(NumberText.format(f * 100))% of \(o)"
      case .absolute(let d): "within \(NumberText.format(d)) of \(o)"
      case .exact: "equals \(o)"
      }
    case .equals(let o): "equals \(o)"
    case .atLeast(let o): "at least \(o)"
    case .atMost(let o): "at most \(o)"
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

/// Reads a check rule: a tokenizer and a recursive-descent parser without recursion (the
/// grammar is flat), bounded in length.
struct CheckRuleParser {
  enum Token: Hashable {
    case word(String)
    case number(Double)
    case text(String)
    case op(ComparisonOperator)
    case percent
    case plusMinus
    case end
  }

  static let maximumTokens = 200
  static let twoCharacterOperators: [String: ComparisonOperator] = [
    "<=": .lessOrEqual, ">=": .greaterOrEqual, "==": .equal, "!=": .notEqual,
  ]
  static let keywords: Set<String> = [
    "metric", "answer", "within", "of", "equals", "at", "least", "most", "and", "or", "true",
    "false",
  ]

  var tokens: [(token: Token, offset: Int, text: String)] = []
  var position = 0
  let length: Int

  init(_ text: String) throws(CheckRuleError) {
    let s = Array(text.unicodeScalars)
    // Where each scalar starts in `text`, so that tokens are sliced, not rebuilt.
    var starts = Array(text.unicodeScalars.indices)
    starts.append(text.endIndex)
    length = s.count
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    func isLetter(_ c: Unicode.Scalar) -> Bool {
      let v = c.value | 0x20
      return c.value < 0x80 ? (v >= 97 && v <= 122) || c == "_" : c.properties.isAlphabetic
    }
    func isWordPart(_ c: Unicode.Scalar) -> Bool {
      isLetter(c) || isDigit(c) || c == "." || c == "-"
    }
    func slice(_ range: Range<Int>) -> String {
      String(text[starts[range.lowerBound]..<starts[range.upperBound]])
    }
    var i = 0
    while i < s.count {
      let c = s[i]
      let start = i
      if AnswerParser.isSpace(c) {
        i += 1
        continue
      }
      guard tokens.count < CheckRuleParser.maximumTokens else {
        throw CheckRuleError("check rule too long", offset: start)
      }
      func next(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
      let startsNumber =
        isDigit(c) || c == "." && next(1).map(isDigit) == true
        || (c == "-" || c == "+" || c == "\u{2212}") && next(1).map(isDigit) == true
      if isLetter(c) {
        while i < s.count, isWordPart(s[i]) { i += 1 }
        let word = slice(start..<i)
        tokens.append((.word(word), start, word))
      } else if startsNumber {
        i += 1
        while i < s.count {
          let d = s[i]
          if isDigit(d) || d == "_" || d == "." {
            i += 1
          } else if d == ",", i + 1 < s.count, isDigit(s[i + 1]) {
            i += 1
          } else if d == "e" || d == "E", i + 1 < s.count,
            isDigit(s[i + 1])
              || (s[i + 1] == "-" || s[i + 1] == "+")
                && i + 2 < s.count && isDigit(s[i + 2])
          {
            i += 2
          } else {
            break
          }
        }
        let literal = slice(start..<i)
        guard let value = NumberText.parse(literal) else {
          throw CheckRuleError("'\(literal)' is not a number", offset: start)
        }
        tokens.append((.number(value), start, literal))
      } else if c == "\"" || c == "'" || c == "“" {
        let close: Unicode.Scalar = c == "“" ? "”" : c
        i += 1
        while i < s.count, s[i] != close { i += 1 }
        guard i < s.count else {
          throw CheckRuleError("quoted text is not closed", offset: start)
        }
        tokens.append((.text(slice((start + 1)..<i)), start, slice(start..<(i + 1))))
        i += 1
      } else {
        if let second = next(1),
          let op = CheckRuleParser.twoCharacterOperators[
            String(Character(c)) + String(Character(second))]
        {
          tokens.append((.op(op), start, slice(start..<(i + 2))))
          i += 2
          continue
        }
        let single: ComparisonOperator? =
          switch c {
          case "<": .less
          case ">": .greater
          case "=": .equal
          case "≤": .lessOrEqual
          case "≥": .greaterOrEqual
          case "≠": .notEqual
          default: nil
          }
        if let single {
          tokens.append((.op(single), start, String(Character(c))))
        } else if c == "%" {
          tokens.append((.percent, start, "%"))
        } else if c == "±" {
          tokens.append((.plusMinus, start, "±"))
        } else {
          throw CheckRuleError("unexpected '\(Character(c))' in check rule", offset: start)
        }
        i += 1
      }
    }
    tokens.append((.end, length, "end of rule"))
  }

  var current: Token { tokens[min(position, tokens.count - 1)].token }
  var currentOffset: Int { tokens[min(position, tokens.count - 1)].offset }
  var currentText: String { tokens[min(position, tokens.count - 1)].text }

  mutating func advance() { position = min(position + 1, tokens.count - 1) }

  func keyword(_ token: Token) -> String? {
    if case .word(let w) = token { return w.lowercased() }
    return nil
  }

  func error(_ expected: String) -> CheckRuleError {
    let found = current == .end ? "the end of the rule" : "'\(currentText)'"
    return CheckRuleError("expected \(expected), found \(found)", offset: currentOffset)
  }

  mutating func rule() throws(CheckRuleError) -> CheckRule {
    guard current != .end else {
      throw CheckRuleError(
        "empty check rule; write e.g. 'metric final < 2000000' or 'equals metric pid'",
        offset: 0)
    }
    let result: CheckRule
    switch keyword(current) {
    case "within":
      advance()
      if current == .plusMinus { advance() }
      guard case .number(let amount) = current, amount >= 0 else {
        throw error("a tolerance after 'within', such as 25% or 0.5")
      }
      advance()
      var tolerance = Tolerance.absolute(amount)
      if current == .percent {
        tolerance = .relative(amount / 100)
        advance()
      }
      guard keyword(current) == "of" else { throw error("'of'") }
      advance()
      result = .within(tolerance, of: try answerFreeOperand())
    case "equals":
      advance()
      result = .equals(try answerFreeOperand())
    case "at":
      advance()
      switch keyword(current) {
      case "least":
        advance()
        result = .atLeast(try answerFreeOperand())
      case "most":
        advance()
        result = .atMost(try answerFreeOperand())
      default:
        throw error("'least' or 'most' after 'at'")
      }
    default:
      result = try condition()
    }
    guard current == .end else {
      throw error(
        result.isCondition ? "'and', 'or' or the end of the rule" : "the end of the rule")
    }
    guard !result.metricPaths.isEmpty else {
      throw CheckRuleError(
        "the rule reads no metric; name one as 'metric <name>'", offset: 0)
    }
    return result
  }

  mutating func condition() throws(CheckRuleError) -> CheckRule {
    var alternatives: [[CheckComparison]] = [[try comparison()]]
    while true {
      switch keyword(current) {
      case "and":
        advance()
        alternatives[alternatives.count - 1].append(try comparison())
      case "or":
        advance()
        alternatives.append([try comparison()])
      default:
        return .condition(alternatives)
      }
    }
  }

  mutating func comparison() throws(CheckRuleError) -> CheckComparison {
    let lhs = try operand()
    guard case .op(let op) = current else {
      throw error("a comparison (<, <=, >, >=, ==, !=) after \(lhs)")
    }
    advance()
    let rhs = try operand()
    return CheckComparison(lhs, op, rhs)
  }

  mutating func answerFreeOperand() throws(CheckRuleError) -> CheckOperand {
    let offset = currentOffset
    let result = try operand()
    if result == .answer {
      throw CheckRuleError("compare the answer with a metric, not with itself", offset: offset)
    }
    return result
  }

  mutating func operand() throws(CheckRuleError) -> CheckOperand {
    switch current {
    case .number(let n):
      advance()
      return .number(n)
    case .text(let t):
      advance()
      return .text(t)
    case .word(let w):
      switch w.lowercased() {
      case "metric":
        advance()
        guard case .word(let path) = current else { throw error("a metric name after 'metric'") }
        let offset = currentOffset
        advance()
        return .metric(try CheckRuleParser.validPath(path, offset: offset))
      case "answer":
        advance()
        return .answer
      case "true":
        advance()
        return .truth(true)
      case "false":
        advance()
        return .truth(false)
      default:
        guard !CheckRuleParser.keywords.contains(w.lowercased()) else {
          throw error("a metric, a number or 'answer'")
        }
        let offset = currentOffset
        advance()
        return .metric(try CheckRuleParser.validPath(w, offset: offset))
      }
    default:
      throw error("a metric, a number or 'answer'")
    }
  }

  static func validPath(_ path: String, offset: Int) throws(CheckRuleError) -> String {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false)
    guard !parts.contains(where: \.isEmpty), !path.hasSuffix("-") else {
      throw CheckRuleError("'\(path)' is not a metric name", offset: offset)
    }
    return path
  }
}

extension CheckRule {
  var isCondition: Bool {
    if case .condition = self { return true }
    return false
  }
}
