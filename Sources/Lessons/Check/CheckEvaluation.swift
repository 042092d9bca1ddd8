public import DemoContract

/// The verdict of a check rule on a prediction, with what was measured.
public struct CheckOutcome: Sendable, Hashable {
  /// Whether the prediction was right.
  public enum Verdict: Sendable, Hashable {
    /// The prediction holds.
    case correct
    /// It does not.
    case incorrect
    /// It cannot be graded: a metric is missing or of the wrong kind, or the answer does not
    /// fit the rule. Not the student's fault.
    case undetermined
  }

  /// The verdict.
  public var verdict: Verdict
  /// What was measured, for the screen: `1,234,567`, or `ppid = 4242, parent.pid = 4242`.
  public var measured: String
  /// One line: `measured 1,234,567 < 2,000,000 is true, as you predicted`.
  public var explanation: String

  /// Creates an outcome.
  public init(verdict: Verdict, measured: String, explanation: String) {
    self.verdict = verdict
    self.measured = measured
    self.explanation = explanation
  }

  /// Whether the prediction was right.
  public var isCorrect: Bool { verdict == .correct }
}

extension CheckRule {
  /// Grades a prediction against measured metrics.
  ///
  /// A metric that is an array of numbers counts as their median; an object counts as its
  /// `median`, else its `mean`, else its `value`.
  ///
  /// - Parameters:
  ///   - answer: the student's prediction.
  ///   - metrics: looks up a metric by dotted path (`DemoReport.metric(_:)`).
  ///   - unit: the question's unit, appended to numbers in the explanation.
  /// - Returns: the verdict, the measured values as text and a one-line explanation.
  public func evaluate(
    answer: PredictAnswer, metrics: (String) -> JSONValue?, unit: String? = nil
  ) -> CheckOutcome {
    withoutActuallyEscaping(metrics) { lookup in
      var evaluation = CheckEvaluation(answer: answer, metrics: lookup, unit: unit)
      return evaluation.run(self)
    }
  }

  /// Grades a prediction against a report's metrics (`DemoReport.metrics`).
  public func evaluate(
    answer: PredictAnswer, metrics report: [String: JSONValue], unit: String? = nil
  ) -> CheckOutcome {
    let root = JSONValue.object(report)
    return evaluate(answer: answer, metrics: { root.path($0) }, unit: unit)
  }
}

/// A value while a rule is evaluated.
enum CheckValue: Hashable {
  case number(Double)
  case text(String)
  case truth(Bool)

  var number: Double? {
    switch self {
    case .number(let n): n
    case .text(let t): NumberText.parse(t.trimmingWhitespace())
    case .truth: nil
    }
  }

  func formatted(unit: String?) -> String {
    switch self {
    case .number(let n): NumberText.format(n) + (unit.map { " \($0)" } ?? "")
    case .text(let t): t
    case .truth(let b): b ? "true" : "false"
    }
  }
}

/// One evaluation of a rule: resolves operands, remembers what was measured.
struct CheckEvaluation {
  let answer: PredictAnswer
  let metrics: (String) -> JSONValue?
  let unit: String?
  var measured: [(path: String, text: String)] = []

  init(answer: PredictAnswer, metrics: @escaping (String) -> JSONValue?, unit: String?) {
    self.answer = answer
    self.metrics = metrics
    self.unit = unit
  }

  enum Failure: Error {
    case undetermined(String)
  }

  mutating func run(_ rule: CheckRule) -> CheckOutcome {
    // A condition's figures are named: "slowdown = 35.5" says what 35.5 is. A figure the
    // student's number is compared with speaks for itself.
    var named = false
    if case .condition = rule { named = true }
    do throws(Failure) {
      let (correct, explanation) = try grade(rule)
      return CheckOutcome(
        verdict: correct ? .correct : .incorrect, measured: measuredText(named: named),
        explanation: explanation)
    } catch {
      switch error {
      case .undetermined(let why):
        return CheckOutcome(
          verdict: .undetermined, measured: measuredText(named: named), explanation: why)
      }
    }
  }

  func measuredText(named: Bool) -> String {
    if !named, measured.count == 1, let only = measured.first { return only.text }
    return measured.map { "\($0.path) = \($0.text)" }.joined(separator: ", ")
  }

  var answerValue: CheckValue {
    switch answer {
    case .truth(let b): .truth(b)
    case .number(let n): .number(n)
    case .text(let t): NumberText.parse(t.trimmingWhitespace()).map { .number($0) } ?? .text(t)
    case .choice(_, _, let text):
      NumberText.parse(text.trimmingWhitespace()).map { .number($0) } ?? .text(text)
    }
  }

  var answerText: String {
    switch answer {
    case .choice(_, let label, let text): "\(label)) \(text)"
    default: answerValue.formatted(unit: unit)
    }
  }

  mutating func grade(_ rule: CheckRule) throws(Failure) -> (Bool, String) {
    switch rule {
    case .condition(let alternatives):
      var parts: [String] = []
      var holds = false
      for conjunction in alternatives {
        var all = true
        var texts: [String] = []
        for comparison in conjunction {
          let (value, text) = try compare(comparison)
          all = all && value
          texts.append(text)
        }
        holds = holds || all
        parts.append(texts.joined(separator: " and "))
      }
      let shown = parts.joined(separator: " or ")
      let truth = holds ? "true" : "false"
      if rule.usesAnswer {
        return (holds, "with your \(answerText): \(shown) is \(truth)")
      }
      guard case .truth(let predicted) = answer else {
        throw .undetermined("this prediction is true or false, not \(answerText)")
      }
      let said = predicted ? "true" : "false"
      return predicted == holds
        ? (true, "measured \(shown) is \(truth), as you predicted")
        : (false, "measured \(shown) is \(truth); you predicted \(said)")

    case .within(let tolerance, let operand):
      let target = try numeric(operand)
      let given = try answerNumber()
      let off = abs(given - target)
      let head = "you said \(fmt(given)), measured \(fmt(target))"
      switch tolerance {
      case .relative(let fraction):
        let limit = NumberText.format(fraction * 100) + "%"
        if target == 0 {
          let ok = off <= NumberKey.slack(0)
          return (ok, ok ? "\(head): exact" : "\(head): off by \(fmt(off)), more than \(limit)")
        }
        let ratio = off / abs(target)
        let percent = NumberText.format((ratio * 100).rounded()) + "%"
        let ok = off <= fraction * abs(target) + NumberKey.slack(target)
        return (
          ok,
          ok
            ? "\(head): \(percent) off, within \(limit)"
            : "\(head): \(percent) off, more than \(limit)"
        )
      case .absolute(let delta):
        let ok = off <= delta + NumberKey.slack(target)
        return (
          ok,
          ok
            ? "\(head): off by \(fmt(off)), within ± \(fmt(delta))"
            : "\(head): off by \(fmt(off)), more than ± \(fmt(delta))"
        )
      case .exact:
        let ok = NumberKey.nearlyEqual(given, target)
        return (ok, ok ? "\(head): equal" : "\(head): not equal")
      }

    case .equals(let operand):
      let target = try value(operand)
      let head = "you said \(answerText), measured \(target.formatted(unit: unit))"
      var ok = CheckEvaluation.equal(answerValue, target)
      if !ok, case .choice(_, let label, _) = answer, case .text(let t) = target {
        ok = t.trimmingWhitespace().lowercased() == label.lowercased()
      }
      return (ok, ok ? "\(head): equal" : "\(head): not equal")

    case .atLeast(let operand), .atMost(let operand):
      let target = try numeric(operand)
      let given = try answerNumber()
      let isLeast = if case .atLeast = rule { true } else { false }
      let ok =
        isLeast
        ? given >= target - NumberKey.slack(target) : given <= target + NumberKey.slack(target)
      let relation = given == target ? "=" : (given < target ? "<" : ">")
      return (
        ok,
        "you said \(fmt(given)), measured \(fmt(target)): \(fmt(given)) \(relation) "
          + "\(fmt(target)), \(ok ? "" : "not ")at \(isLeast ? "least" : "most") the measurement"
      )
    }
  }

  func fmt(_ x: Double) -> String { CheckValue.number(x).formatted(unit: unit) }

  func answerNumber() throws(Failure) -> Double {
    guard let n = answerValue.number else {
      throw .undetermined("this prediction is a number, not \(answerText)")
    }
    return n
  }

  mutating func numeric(_ operand: CheckOperand) throws(Failure) -> Double {
    let v = try value(operand)
    guard let n = v.number else {
      throw .undetermined("\(operand) is \(v.formatted(unit: nil)), not a number")
    }
    return n
  }

  mutating func value(_ operand: CheckOperand) throws(Failure) -> CheckValue {
    switch operand {
    case .answer: return answerValue
    case .number(let n): return .number(n)
    case .text(let t): return .text(t)
    case .truth(let b): return .truth(b)
    case .metric(let path):
      guard let json = metrics(path) else {
        throw .undetermined("the demo reported no metric '\(path)'")
      }
      let (resolved, note) = CheckEvaluation.resolve(json)
      guard let resolved else {
        throw .undetermined("metric '\(path)' is \(CheckEvaluation.kind(json)), not a value")
      }
      if !measured.contains(where: { $0.path == path }) {
        measured.append((path, resolved.formatted(unit: unit) + (note.map { " (\($0))" } ?? "")))
      }
      return resolved
    }
  }

  mutating func compare(_ c: CheckComparison) throws(Failure) -> (Bool, String) {
    let l = try value(c.lhs)
    let r = try value(c.rhs)
    let text = "\(l.formatted(unit: unit)) \(c.op.symbol) \(r.formatted(unit: unit))"
    switch c.op {
    case .equal: return (CheckEvaluation.equal(l, r), text)
    case .notEqual: return (!CheckEvaluation.equal(l, r), text)
    default:
      guard let a = l.number, let b = r.number else {
        throw .undetermined("cannot order \(l.formatted(unit: nil)) and \(r.formatted(unit: nil))")
      }
      let result =
        switch c.op {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
      return (result, text)
    }
  }

  static func equal(_ a: CheckValue, _ b: CheckValue) -> Bool {
    switch (a, b) {
    case (.truth(let x), .truth(let y)): return x == y
    case (.truth(let x), .text(let t)), (.text(let t), .truth(let x)):
      return AnswerParser.truth(t) == x
    case (.text(let x), .text(let y)):
      if let m = NumberText.parse(x.trimmingWhitespace()),
        let n = NumberText.parse(y.trimmingWhitespace())
      {
        return NumberKey.nearlyEqual(m, n)
      }
      return collapsed(x) == collapsed(y)
    default:
      guard let x = a.number, let y = b.number else { return false }
      return NumberKey.nearlyEqual(x, y)
    }
  }

  /// Text with surrounding spaces removed and inner runs of spaces made one.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A metric as a value: arrays of numbers by their median, objects by median/mean/value.
  static func resolve(_ json: JSONValue) -> (CheckValue?, String?) {
    switch json {
    case .number(let n): return (n.isFinite ? .number(n) : nil, nil)
    case .string(let s): return (.text(s), nil)
    case .bool(let b): return (.truth(b), nil)
    case .null: return (nil, nil)
    case .array(let items):
      let numbers = items.compactMap { item -> Double? in
        if case .number(let n) = item, n.isFinite { return n }
        return nil
      }
      guard !numbers.isEmpty, numbers.count == items.count else { return (nil, nil) }
      let sorted = numbers.sorted()
      let mid = sorted.count / 2
      let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
      return (.number(median), sorted.count == 1 ? nil : "median of \(sorted.count)")
    case .object(let fields):
      for key in ["median", "mean", "value"] {
        if case .number(let n)? = fields[key], n.isFinite { return (.number(n), key) }
      }
      return (nil, nil)
    }
  }

  static func kind(_ json: JSONValue) -> String {
    switch json {
    case .null: "null"
    case .array: "a list"
    case .object: "an object"
    case .bool: "true/false"
    case .number: "a number"
    case .string: "text"
    }
  }
}
