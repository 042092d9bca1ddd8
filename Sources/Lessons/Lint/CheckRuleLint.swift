import DemoContract
import Localization

/// The linter's checks of a `check:` rule against what its demo declares it reports: every
/// metric the rule reads is declared, compared with a value of its own type, and in the unit
/// the question's answer is given in. Without these, a misspelt metric leaves the question
/// silently ungraded, and an answer in ms compared with a figure in seconds is 1000× off.
extension LessonLinter {
  /// The problems of `question`'s check rule against the declaration of its demo.
  func lintCheckRule(of question: Question) -> [LessonProblem] {
    guard let invocation = question.demo, let rule = question.check,
      let declaration = demos.first(where: { $0.name == invocation.demo }),
      !declaration.metrics.isEmpty
    else { return [] }
    var problems: [LessonProblem] = []
    func problem(_ detail: LintPhrase) {
      problems.append(
        LessonProblem(
          question.location, key: "lint.aboutQuestion", ["id": question.id],
          phrases: ["detail": detail]))
    }
    var types: [String: MetricDeclaration] = [:]
    for path in rule.metricPaths {
      guard let metric = declaration.metric(path) else {
        problem(
          LintPhrase(
            "lint.checkMetric",
            Self.nearestMetric(path, declaration.metrics).withNear([
              "path": path, "demo": declaration.name,
            ])))
        continue
      }
      types[path] = metric
    }
    for message in Self.typeMismatches(rule, types) { problem(message) }
    // Choices under a rule that compares a number: each must read as one, or the chosen
    // answer could never be graded.
    if rule.input == .number {
      let name =
        switch rule {
        case .within: LintPhrase("lint.rule.within")
        case .atLeast: LintPhrase("lint.rule.atLeast")
        case .atMost: LintPhrase("lint.rule.atMost")
        default: LintPhrase("lint.rule.numeric")
        }
      for c in question.choices
      where CheckEvaluation.number(ofChoice: c.text, unit: question.unit) == nil {
        var values = ["label": c.label, "text": c.text]
        values["unit"] = question.unit
        let key = question.unit == nil ? "lint.choiceNotNumber" : "lint.choiceNotNumberIn"
        problem(LintPhrase(key, values, phrases: ["rule": name]))
      }
    }
    if rule.usesAnswer, let unit = question.unit {
      for path in rule.answerMetricPaths {
        guard let metric = types[path], let why = Self.unitMismatch(answer: unit, metric) else {
          continue
        }
        problem(
          LintPhrase("lint.unitMismatch", ["unit": unit, "path": path], phrases: ["why": why]))
      }
    }
    return problems
  }

  /// The declared metric a misspelt `path` most likely meant, as a path the rule could name:
  /// a near spelling of a concrete path (patterns filled in with their first words), else the
  /// path sharing the most words with it (`exit_code` → `exit_status`).
  static func nearestMetric(_ path: String, _ metrics: [MetricDeclaration]) -> String? {
    let examples = metrics.flatMap(\.examplePaths)
    if let near = Suggestions.nearest(path, examples) { return near }
    func words(_ s: String) -> Set<Substring> {
      Set(s.split { $0 == "." || $0 == "_" || $0 == "-" })
    }
    let mine = words(path)
    let scored = examples.map { ($0, words($0).intersection(mine).count) }.filter { $0.1 > 0 }
    return scored.max { $0.1 < $1.1 }?.0
  }

  /// One message for each comparison of a metric with a value of another type.
  static func typeMismatches(
    _ rule: CheckRule, _ types: [String: MetricDeclaration]
  ) -> [LintPhrase] {
    func type(_ operand: CheckOperand) -> MetricValueType? {
      switch operand {
      case .metric(let p): types[p]?.unit.jsonType
      case .number: .number
      case .text: .text
      case .truth: .boolean
      case .answer: nil
      }
    }
    var out: [LintPhrase] = []
    func mismatch(_ path: String, _ type: MetricValueType, _ with: LintPhrase) {
      out.append(
        LintPhrase(
          "lint.typeMismatch", ["path": path], phrases: ["type": type.phrase, "with": with]))
    }
    func compare(_ a: CheckOperand, _ b: CheckOperand, ordered: Bool) {
      for (metric, other) in [(a, b), (b, a)] {
        guard case .metric(let path) = metric, let mine = types[path]?.unit.jsonType else {
          continue
        }
        if ordered, !mine.isNumeric {
          mismatch(path, mine, LintPhrase("lint.withOrdered"))
          return
        }
        guard let theirs = type(other) else { continue }
        if mine.isNumeric != theirs.isNumeric || (!mine.isNumeric && mine != theirs) {
          mismatch(path, mine, LintPhrase("lint.withType", phrases: ["type": theirs.phrase]))
          return
        }
      }
    }
    switch rule {
    case .condition(let alternatives):
      for comparison in alternatives.joined() {
        let ordered = comparison.op != .equal && comparison.op != .notEqual
        compare(comparison.lhs, comparison.rhs, ordered: ordered)
      }
    case .within(_, let o), .atLeast(let o), .atMost(let o):
      if case .metric(let path) = o, let mine = types[path]?.unit.jsonType, !mine.isNumeric {
        mismatch(path, mine, LintPhrase("lint.withNumberAnswer"))
      }
    case .equals: break
    }
    return out
  }

  /// Why an answer given in `unit` cannot be compared with `metric` as it stands, or nil.
  static func unitMismatch(answer unit: String, _ metric: MetricDeclaration) -> LintPhrase? {
    guard let given = QuantityUnit.lookup(unit) else { return nil }
    let expected: (QuantityUnit.Dimension, Double)? =
      switch metric.unit {
      case .seconds: (.time, 1)
      case .nanoseconds: (.time, 1e-9)
      case .bytes: (.size, 1)
      case .kibibytes: (.size, 1024)
      case .ratio: (.factor, 1)
      case .fraction: (.percent, 0.01)
      default: nil
      }
    guard let (dimension, scale) = expected else {
      return LintPhrase(
        "lint.unitNotA", ["unit": metric.unit.rawValue],
        phrases: ["dimension": given.dimension.phrase])
    }
    if given.dimension != dimension {
      return LintPhrase("lint.unitIn", ["unit": metric.unit.rawValue])
    }
    if given.scale != scale {
      return LintPhrase("lint.unitScale", ["unit": metric.unit.rawValue])
    }
    return nil
  }
}

extension CheckRule {
  /// The metrics the student's answer is compared with.
  var answerMetricPaths: [String] {
    switch self {
    case .condition(let alternatives):
      alternatives.joined().flatMap { c -> [String] in
        switch (c.lhs, c.rhs) {
        case (.answer, .metric(let p)), (.metric(let p), .answer): [p]
        default: []
        }
      }
    case .within(_, .metric(let p)), .equals(.metric(let p)), .atLeast(.metric(let p)),
      .atMost(.metric(let p)):
      [p]
    default: []
    }
  }
}

extension MetricValueType {
  /// The type's name in a lint line (`number`, in Korean `수`).
  var phrase: LintPhrase {
    switch self {
    case .number: LintPhrase("lint.type.number")
    case .integer: LintPhrase("lint.type.integer")
    case .boolean: LintPhrase("lint.type.boolean")
    case .text: LintPhrase("lint.type.text")
    case .list: LintPhrase("lint.type.list")
    }
  }
}

extension QuantityUnit.Dimension {
  /// The dimension's name in a lint line (`time`, in Korean `시간`).
  var phrase: LintPhrase {
    switch self {
    case .time: LintPhrase("lint.dimension.time")
    case .size: LintPhrase("lint.dimension.size")
    case .percent: LintPhrase("lint.dimension.percent")
    case .factor: LintPhrase("lint.dimension.factor")
    }
  }
}
