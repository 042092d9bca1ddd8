import DemoContract
import Quiz
import Render

/// The table at the end of a quiz: each question's result, the score of graded first tries,
/// whether the quiz was left early, and what to review.
extension QuizFlow {
  func show(_ summary: QuizSummary, title: String) {
    let style = session.style
    guard !summary.outcomes.isEmpty else {
      session.say("Quiz ended before any question was answered.")
      return
    }
    var footer = ["time taken: \(Units.duration(summary.seconds))"]
    if summary.notGraded > 0 {
      footer.append("not graded: \(summary.notGraded), left out of the score")
    }
    if !summary.isComplete {
      footer.append(
        "left early: \(summary.answered) of \(summary.planned) questions asked; kept as left "
          + "early, never a lesson's score")
    }
    var table = Table(
      title: "\(title): \(summary.score) of \(summary.total) right on the first try",
      columns: [
        .init(name: "question", align: .left), .init(name: "your answer", align: .left),
        .init(name: "answer", align: .left), .init(name: "result", align: .left),
        .init(name: "tries", align: .right),
      ],
      rows: [], footer: footer)
    for o in summary.outcomes {
      table.append([
        o.question, o.result == .skipped ? "—" : o.answer,
        o.measured.map { "measured \($0)" }
          ?? (o.kind == "predict" ? "a live run decides" : o.correctAnswer),
        resultText(o.result), String(o.tries),
      ])
    }
    session.say(table.render(style))
    let review = summary.toReview
    if review.isEmpty {
      if summary.isComplete && summary.total > 0 && summary.score == summary.total {
        session.say("Everything right the first time.")
      }
      return
    }
    let places = review.map { o -> String in
      // The step as the prompt shows it: its number and title.
      guard let lesson = session.library.lesson(id: o.lesson),
        let index = lesson.steps.firstIndex(where: { $0.id == o.stepID })
      else { return "\(o.question) (lesson \(o.lesson), step \(o.stepID))" }
      return "\(o.question) (open \(o.lesson) \(index + 1): \(lesson.steps[index].title))"
    }
    session.tell(
      "To review: " + places.joined(separator: "; ") + ". The review command brings them back.")
  }

  func resultText(_ result: QuestionResult) -> String {
    let unicode = session.style.unicode
    switch result {
    case .rightFirstTry: return unicode ? "✓" : "ok"
    case .rightOnRetry: return "on retry"
    case .wrong: return unicode ? "✗" : "x"
    case .skipped: return "skipped"
    case .notGraded(let reason): return "not graded: \(reason)"
    case .notCounted: return "not counted (demo stopped)"
    }
  }
}
