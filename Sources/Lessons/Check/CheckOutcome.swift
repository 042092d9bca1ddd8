public import DemoContract
import Localization

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
  /// What was measured, one figure each, named by its declared label and formatted by its
  /// unit: `["the child's parent process id: 4242", "the REPL's process id: 4242"]`. A single
  /// figure the student's number is compared with is its value alone: `["4.02 task durations"]`.
  public var figures: [String]
  /// One line: `measured 1,234,567 < 2,000,000 is true, as you predicted`. For an
  /// undetermined outcome, why it could not be graded.
  public var explanation: String
  /// Whether every figure the rule reads is declared a fact (the same on every run), so that
  /// a wrong prediction is wrong, not unlucky.
  public var aboutFact: Bool

  /// Creates an outcome.
  public init(verdict: Verdict, figures: [String], explanation: String, aboutFact: Bool = false) {
    self.verdict = verdict
    self.figures = figures
    self.explanation = explanation
    self.aboutFact = aboutFact
  }

  /// The figures on one line, for summaries: `a: 1; b: 2`.
  public var measured: String { figures.joined(separator: "; ") }

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
  ///   - unit: the question's unit, appended to the student's numbers in the explanation.
  ///   - declarations: the metrics the demo declares: their labels name the figures, their
  ///     units format them, their kinds say whether the prediction was about a fact.
  /// - Returns: the verdict, the measured values as text and a one-line explanation.
  public func evaluate(
    answer: PredictAnswer, metrics: (String) -> JSONValue?, unit: String? = nil,
    declarations: [MetricDeclaration] = []
  ) -> CheckOutcome {
    withoutActuallyEscaping(metrics) { lookup in
      var evaluation = CheckEvaluation(
        answer: answer, metrics: lookup, unit: unit, declarations: declarations)
      var outcome = evaluation.run(self)
      outcome.aboutFact = isAboutFact(declarations)
      return outcome
    }
  }

  /// Grades a prediction against a report's metrics (`DemoReport.metrics`).
  public func evaluate(
    answer: PredictAnswer, metrics report: [String: JSONValue], unit: String? = nil,
    declarations: [MetricDeclaration] = []
  ) -> CheckOutcome {
    let root = JSONValue.object(report)
    return evaluate(
      answer: answer, metrics: { root.path($0) }, unit: unit, declarations: declarations)
  }

  /// Whether every metric the rule reads is declared a fact.
  public func isAboutFact(_ declarations: [MetricDeclaration]) -> Bool {
    let kinds = metricPaths.map { declarations.declaration(for: $0)?.kind }
    return !kinds.isEmpty && kinds.allSatisfy { $0 == .fact }
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
    case .truth(let b): Catalog.text(b ? "quiz.check.true" : "quiz.check.false")
    }
  }

  /// Formatted by a metric's declared unit when there is one, else with the question's unit.
  func formatted(_ declared: MetricUnit?, unit: String?) -> String {
    if case .number(let n) = self, let declared { return MetricText.format(n, declared) }
    return formatted(unit: unit)
  }
}
