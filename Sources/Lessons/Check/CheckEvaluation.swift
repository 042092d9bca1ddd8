import DemoContract
import Localization
import Render

/// One evaluation of a rule: resolves operands, remembers what was measured.
///
/// Figures are named by their declared labels and formatted by their declared units; a number
/// written in the rule is formatted in the unit of the metric it is compared with, so that
/// `metric one_cpu.both_running_fraction >= 0.5` reads `62.0% ≥ 50.0%`.
struct CheckEvaluation {
  let answer: PredictAnswer
  let metrics: (String) -> JSONValue?
  let unit: String?
  let declarations: [MetricDeclaration]
  var measured: [(path: String, label: String, text: String)] = []

  init(
    answer: PredictAnswer, metrics: @escaping (String) -> JSONValue?, unit: String?,
    declarations: [MetricDeclaration]
  ) {
    self.answer = answer
    self.metrics = metrics
    self.unit = unit
    self.declarations = declarations
  }

  enum Failure: Error {
    case undetermined(String)
  }

  mutating func run(_ rule: CheckRule) -> CheckOutcome {
    // A condition's figures are named: "the child's parent process id: 4242" says what 4242
    // is. A figure the student's number is compared with speaks for itself.
    var named = false
    if case .condition = rule { named = true }
    do throws(Failure) {
      let (correct, explanation) = try grade(rule)
      return CheckOutcome(
        verdict: correct ? .correct : .incorrect, figures: figures(named: named),
        explanation: explanation)
    } catch {
      switch error {
      case .undetermined(let why):
        return CheckOutcome(
          verdict: .undetermined, figures: figures(named: named), explanation: why)
      }
    }
  }

  func figures(named: Bool) -> [String] {
    if !named, measured.count == 1, let only = measured.first { return [only.text] }
    return measured.map { "\($0.label): \($0.text)" }
  }

  /// The declaration of a metric path, if the demo declares it.
  func declaration(_ path: String) -> MetricDeclaration? { declarations.declaration(for: path) }

  /// A metric as the student reads its name: its label in the session's language, else its
  /// path.
  func label(_ path: String) -> String { declaration(path)?.screenLabel(for: path) ?? path }

  /// The declared unit of an operand, when it is a declared metric.
  func declaredUnit(_ operand: CheckOperand) -> MetricUnit? {
    if case .metric(let p) = operand { return declaration(p)?.unit }
    return nil
  }

  var answerValue: CheckValue {
    switch answer {
    case .truth(let b): .truth(b)
    case .number(let n): .number(n)
    case .text(let t): NumberText.parse(t.trimmingWhitespace()).map { .number($0) } ?? .text(t)
    case .choice(_, _, let text):
      Self.number(ofChoice: text, unit: unit).map { .number($0) } ?? .text(text)
    }
  }

  /// A choice's text as a number in the question's unit, as a typed answer would be read
  /// ("4 s", "4000 ms" and "4초" are 4 with `unit: s`; "4 durations" is 4 with `unit:
  /// durations`), or nil when it is not one (`proclab lint` refuses such a choice under a
  /// numeric rule).
  static func number(ofChoice text: String, unit: String?) -> Double? {
    let trimmed = AnswerNormalization.normalized(text).trimmingWhitespace()
    if let n = NumberText.parse(trimmed) { return n }
    guard let quantity = NumberText.splitQuantity(trimmed),
      case .success(let converted) = QuantityUnit.convert(
        quantity.value, from: quantity.unit, to: unit)
    else { return nil }
    return converted
  }

  /// The student's answer as text, formatted like the figure it is compared with (a pid as a
  /// pid), except that a lesson's own unit word (`processes`) is kept.
  func answerText(against target: MetricUnit?) -> String {
    switch answer {
    case .choice(_, let label, let text): return "\(label)) \(text)"
    default:
      if case .number(let n) = answerValue { return inAnswerTerms(n, target) }
      return answerValue.formatted(unit: unit)
    }
  }

  /// A number on the student's scale: with the lesson's own unit word (`4 durations`) when
  /// the question has one, else formatted like the figure it is compared with.
  func inAnswerTerms(_ x: Double, _ declared: MetricUnit?) -> String {
    if let unit, QuantityUnit.lookup(unit) == nil {
      return CheckEvaluation.short(x) + " " + unit
    }
    return CheckValue.number(x).formatted(declared, unit: unit)
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
        parts.append(texts.joined(separator: Catalog.text("quiz.check.and")))
      }
      let shown = parts.joined(separator: Catalog.text("quiz.check.or"))
      let truth = Catalog.text(holds ? "quiz.check.true" : "quiz.check.false")
      if rule.usesAnswer {
        return (
          holds,
          Catalog.text(
            "quiz.check.withAnswer",
            ["answer": answerText(against: nil), "shown": shown, "truth": truth])
        )
      }
      guard case .truth(let predicted) = answer else {
        throw .undetermined(
          Catalog.text("quiz.check.notTruth", ["answer": answerText(against: nil)]))
      }
      let said = Catalog.text(predicted ? "quiz.check.true" : "quiz.check.false")
      let figures = ["shown": shown, "truth": truth, "said": said]
      return predicted == holds
        ? (true, Catalog.text("quiz.check.asPredicted", figures))
        : (false, Catalog.text("quiz.check.notAsPredicted", figures))

    case .within(let tolerance, let operand):
      let target = try numeric(operand)
      let given = try answerNumber()
      return within(tolerance, given: given, target: target, declared: declaredUnit(operand))

    case .equals(let operand):
      let target = try value(operand)
      let declared = declaredUnit(operand)
      let head = Catalog.text(
        "quiz.check.head",
        [
          "answer": answerText(against: declared),
          "measured": target.formatted(declared, unit: unit),
        ])
      var ok = CheckEvaluation.equal(answerValue, target)
      if !ok, case .choice(_, let label, _) = answer, case .text(let t) = target {
        ok = t.trimmingWhitespace().lowercased() == label.lowercased()
      }
      return (ok, Catalog.text(ok ? "quiz.check.equal" : "quiz.check.notEqual", ["head": head]))

    case .atLeast(let operand), .atMost(let operand):
      let target = try numeric(operand)
      let given = try answerNumber()
      let declared = declaredUnit(operand)
      let isLeast = if case .atLeast = rule { true } else { false }
      let ok =
        isLeast
        ? given >= target - NumberKey.slack(target) : given <= target + NumberKey.slack(target)
      let relation = given == target ? "=" : (given < target ? "<" : ">")
      let (a, b) = (answerText(against: declared), fmt(target, declared))
      let key =
        isLeast
        ? (ok ? "quiz.check.atLeast" : "quiz.check.notAtLeast")
        : (ok ? "quiz.check.atMost" : "quiz.check.notAtMost")
      return (ok, Catalog.text(key, ["answer": a, "measured": b, "relation": relation]))
    }
  }

  /// A `within` rule: the same distance on the rule's own scale, the same verdict, and a
  /// sentence whose figures agree with it.
  func within(
    _ tolerance: CheckTolerance, given: Double, target: Double, declared: MetricUnit?
  ) -> (Bool, String) {
    let head = Catalog.text(
      "quiz.check.head",
      ["answer": answerText(against: declared), "measured": fmt(target, declared)])
    switch tolerance {
    case .plusMinus(let delta, _):
      let off = abs(given - target)
      let ok = off <= delta + NumberKey.slack(target)
      if off <= NumberKey.slack(target) {
        return (true, Catalog.text("quiz.check.exact", ["head": head]))
      }
      let (offText, limit) = (inAnswerTerms(off, declared), inAnswerTerms(delta, declared))
      let below = given < target
      if ok {
        return (
          true,
          Catalog.text(
            below ? "quiz.check.withinBelow" : "quiz.check.withinAbove",
            ["head": head, "off": offText, "limit": limit])
        )
      }
      // Rounded for the screen, a miss by a hair would read "0.5 above, more than ± 0.5".
      let shown = offText == limit ? Catalog.text("quiz.check.justOver", ["limit": limit]) : offText
      return (
        false,
        Catalog.text(
          below ? "quiz.check.beyondBelow" : "quiz.check.beyondAbove",
          ["head": head, "off": shown, "limit": limit])
      )
    case .factor(let factor):
      let limit = "×" + NumberText.format(factor)
      guard target > 0 else {
        return (
          false, Catalog.text("quiz.check.ratioNeedsAboveZero", ["head": head, "limit": limit])
        )
      }
      guard given > 0 else {
        return (false, Catalog.text("quiz.check.notWithinRatio", ["head": head, "limit": limit]))
      }
      if NumberKey.nearlyEqual(given, target) {
        return (true, Catalog.text("quiz.check.exact", ["head": head]))
      }
      let ratio = max(given / target, target / given)
      let ok = ratio <= factor * (1 + 1e-9)
      let low = given < target
      let ratioText = Units.ratio(ratio)
      if ok {
        return (
          true,
          Catalog.text(
            low ? "quiz.check.ratioWithinLow" : "quiz.check.ratioWithinHigh",
            ["head": head, "ratio": ratioText, "limit": limit])
        )
      }
      let shown =
        ratioText == Units.ratio(factor)
        ? Catalog.text("quiz.check.justOver", ["limit": Units.ratio(factor)]) : ratioText
      return (
        false,
        Catalog.text(
          low ? "quiz.check.ratioBeyondLow" : "quiz.check.ratioBeyondHigh",
          ["head": head, "ratio": shown, "limit": limit])
      )
    }
  }

  /// Three significant digits without trailing zeros (`0.104`, `0.5`, `4`); whole numbers
  /// from 1000 on with separators, as the student typed them.
  static func short(_ x: Double) -> String {
    guard abs(x) < 1000, x != x.rounded() else { return NumberText.format(x) }
    var text = Units.significant(x)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  func fmt(_ x: Double, _ declared: MetricUnit?) -> String {
    CheckValue.number(x).formatted(declared, unit: unit)
  }

  func answerNumber() throws(Failure) -> Double {
    guard let n = answerValue.number else {
      throw .undetermined(
        Catalog.text("quiz.check.notNumber", ["answer": answerText(against: nil)]))
    }
    return n
  }

  mutating func numeric(_ operand: CheckOperand) throws(Failure) -> Double {
    let v = try value(operand)
    guard let n = v.number else {
      throw .undetermined(
        Catalog.text(
          "quiz.check.operandNotNumber", ["name": name(operand), "value": v.formatted(unit: nil)]))
    }
    return n
  }

  /// An operand as the student reads it: a metric by its label.
  func name(_ operand: CheckOperand) -> String {
    if case .metric(let p) = operand { return label(p) }
    return operand.description
  }

  mutating func value(_ operand: CheckOperand) throws(Failure) -> CheckValue {
    switch operand {
    case .answer: return answerValue
    case .number(let n): return .number(n)
    case .text(let t): return .text(t)
    case .truth(let b): return .truth(b)
    case .metric(let path):
      guard let json = metrics(path) else {
        throw .undetermined(Catalog.text("quiz.check.notReported", ["label": label(path)]))
      }
      let (resolved, note) = CheckEvaluation.resolve(json)
      guard let resolved else {
        throw .undetermined(
          Catalog.text(
            "quiz.check.notValue", ["label": label(path), "kind": CheckEvaluation.kind(json)]))
      }
      if !measured.contains(where: { $0.path == path }) {
        let text = resolved.formatted(declaration(path)?.unit, unit: unit)
        measured.append((path, label(path), text + (note.map { " (\($0))" } ?? "")))
      }
      return resolved
    }
  }

  mutating func compare(_ c: CheckComparison) throws(Failure) -> (Bool, String) {
    let l = try value(c.lhs)
    let r = try value(c.rhs)
    // Each side in its own declared unit, or else in the unit of the other side's metric.
    func text(_ v: CheckValue, _ mine: CheckOperand, _ other: CheckOperand) -> String {
      if mine == .answer { return answerText(against: declaredUnit(other)) }
      return v.formatted(declaredUnit(mine) ?? declaredUnit(other), unit: unit)
    }
    let shown = "\(text(l, c.lhs, c.rhs)) \(c.op.symbol) \(text(r, c.rhs, c.lhs))"
    switch c.op {
    case .equal: return (CheckEvaluation.equal(l, r), shown)
    case .notEqual: return (!CheckEvaluation.equal(l, r), shown)
    default:
      guard let a = l.number, let b = r.number else {
        throw .undetermined(
          Catalog.text(
            "quiz.check.cannotOrder",
            ["left": l.formatted(unit: nil), "right": r.formatted(unit: nil)]))
      }
      let result =
        switch c.op {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
      return (result, shown)
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
