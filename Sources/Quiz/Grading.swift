public import Demos
public import Lessons

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
  /// For predictions: what the live run measured, and a one-line comparison.
  public var measured: String?
  public var comparison: String?

  public var isCorrect: Bool { verdict == .correct }
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
  public static func grade(
    _ question: Question, prediction: PredictAnswer, given text: String, report: DemoReport
  ) -> Grade {
    guard let rule = question.check else {
      return Grade(
        verdict: .undetermined, given: text, feedback: nil, measured: nil,
        comparison: "this question has no check rule")
    }
    let outcome = rule.evaluate(answer: prediction, metrics: report.metrics, unit: question.unit)
    let verdict: Grade.Verdict =
      switch outcome.verdict {
      case .correct: .correct
      case .incorrect: .incorrect
      case .undetermined: .undetermined
      }
    return Grade(
      verdict: verdict, given: text,
      feedback: verdict == .incorrect ? question.feedback(forPrediction: prediction) : nil,
      measured: outcome.measured, comparison: outcome.explanation)
  }
}
