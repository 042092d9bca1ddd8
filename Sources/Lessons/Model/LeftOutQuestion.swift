import Localization
import Render

/// A question of a lesson file that the quiz leaves out, because lint finds an error in it (an
/// unknown `demo:`, a pattern that does not compile, a check rule naming a metric its demo
/// does not declare): a quiz never asks a broken question, and says in one line that it left
/// it out and why.
public struct LeftOutQuestion: Sendable, Hashable {
  /// The question's id.
  public var id: String
  /// The first error lint finds in it.
  public var problem: LessonProblem

  /// Creates an entry.
  public init(id: String, problem: LessonProblem) {
    self.id = id
    self.problem = problem
  }

  /// One line for the quiz: `left out question 'q' (…/01-x.md:12:7): unknown demo 'shm-rase';
  /// did you mean 'shm-race'?`, safe to print (``TerminalSafe``).
  public var line: String {
    // The check rule's messages start by naming the question, which this line has done; in
    // the language ProcLab speaks.
    let message =
      problem.code == "lint.aboutQuestion" && problem.phrase.values["id"] == id
      ? problem.phrase.phrases["detail"]?.text ?? problem.text : problem.text
    return TerminalSafe.escape(
      Catalog.text(
        "quiz.leftOut", ["id": id, "location": "\(problem.location)", "message": message]))
  }
}
