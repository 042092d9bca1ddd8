public import DemoContract
public import Lessons
public import Localization

/// The verdict on one answer, with what the student should read next.
public struct Grade: Sendable, Equatable {
  public enum Verdict: Sendable, Equatable {
    case correct
    case incorrect
    /// A prediction that could not be graded (a metric missing): not the student's fault.
    case undetermined
  }

  public var verdict: Verdict
  /// The student's answer as they typed it.
  public var given: String
  /// A correction written for this wrong answer, if the lesson has one.
  public var feedback: String?
  /// For predictions: what the live run measured, and a one-line comparison (for an
  /// ungraded prediction, why it could not be graded).
  public var measured: String?
  public var comparison: String?
  /// For predictions: each figure measured on a line of its own, named by its label.
  public var figures: [String] = []
  /// For predictions: whether the rule reads only facts (the same on every run), so a miss is
  /// plainly wrong rather than "not this time".
  public var aboutFact = false

  public var isCorrect: Bool { verdict == .correct }

  /// Why the answer was not graded, or nil when it was: "the demo did not report …".
  public var notGradedReason: String? {
    verdict == .undetermined ? comparison ?? Catalog.text("verdict.undecided") : nil
  }

  /// The verdict in a word or two: "✓ right"; a wrong prediction about a fact "✗ wrong", about
  /// a measurement that varies "✗ not this time"; "not graded".
  ///
  /// - Parameters:
  ///   - unicode: Whether the terminal shows ✓ and ✗.
  ///   - language: The language; the process's (`Catalog.language`) when not given.
  public func verdictText(unicode: Bool, language: Language? = nil) -> String {
    let key =
      switch verdict {
      case .correct: unicode ? "verdict.right" : "verdict.right.ascii"
      case .incorrect where aboutFact || measured == nil:
        unicode ? "verdict.wrong" : "verdict.wrong.ascii"
      case .incorrect: unicode ? "verdict.notThisTime" : "verdict.notThisTime.ascii"
      case .undetermined: "verdict.notGraded"
      }
    return Catalog.text(key, in: language)
  }

  /// The line under a prediction's verdict: the comparison, or "not graded: why".
  public var verdictLine: String? {
    if let why = notGradedReason { return Catalog.text("verdict.notGradedWhy", ["why": why]) }
    return comparison
  }

  /// An ungraded prediction: its demo could not run or did not finish.
  public static func notGraded(given: String, reason: String) -> Grade {
    Grade(
      verdict: .undetermined, given: given, feedback: nil, measured: nil, comparison: reason)
  }
}

/// Grades answers against questions. Pure: no I/O, so tests and autograding use it directly.
public enum Grader {
  /// Grades an answer to any question but a prediction.
  /// - Throws: `AnswerError` when the text does not read as an answer of the right shape (a
  ///   letter past the last choice, a number without one): not a wrong answer, a retype.
  public static func grade(_ question: Question, answer text: String) throws(AnswerError) -> Grade {
    let answer = try AnswerParser.parse(text, for: question)
    let right = question.isCorrect(answer)
    return Grade(
      verdict: right ? .correct : .incorrect, given: text,
      feedback: right ? nil : question.feedback(for: answer), measured: nil, comparison: nil)
  }

  /// Reads a prediction before the demo runs (so a typo is caught before anything starts).
  public static func readPrediction(
    _ question: Question, answer text: String
  ) throws(AnswerError) -> PredictAnswer {
    try AnswerParser.parsePrediction(text, for: question)
  }

  /// Grades a prediction against the report of a live run.
  /// - Parameter declarations: the metrics the demo declares (`DemoDeclaration.metrics`): the
  ///   verdict names figures by their labels and units, and a miss about a fact is wrong.
  public static func grade(
    _ question: Question, prediction: PredictAnswer, given text: String, report: DemoReport,
    declarations: [MetricDeclaration]
  ) -> Grade {
    guard let rule = question.check else {
      return .notGraded(given: text, reason: Catalog.text("verdict.noCheckRule"))
    }
    let outcome = rule.evaluate(
      answer: prediction, metrics: report.metrics, unit: question.unit,
      declarations: declarations)
    let verdict: Grade.Verdict =
      switch outcome.verdict {
      case .correct: .correct
      case .incorrect: .incorrect
      case .undetermined: .undetermined
      }
    return Grade(
      verdict: verdict, given: text,
      feedback: verdict == .incorrect ? question.feedback(forPrediction: prediction) : nil,
      measured: outcome.measured, comparison: outcome.explanation, figures: outcome.figures,
      aboutFact: outcome.aboutFact)
  }
}
