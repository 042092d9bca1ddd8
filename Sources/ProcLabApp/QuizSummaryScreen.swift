import DemoContract
import Localization
import Quiz
import Render

/// The table at the end of a quiz: each question's result, the score of graded first tries,
/// whether the quiz was left early, and what to review.
extension QuizFlow {
  func show(_ summary: QuizSummary, title: String) {
    let style = session.style
    guard !summary.outcomes.isEmpty else {
      session.say(Catalog.text("summary.nothing"))
      return
    }
    let time = Units.duration(summary.seconds, language: Catalog.language)
    var footer = [Catalog.text("summary.time", ["time": time])]
    if summary.notGraded > 0 {
      footer.append(Catalog.text("summary.notGraded", ["count": String(summary.notGraded)]))
    }
    if !summary.isComplete {
      footer.append(
        Catalog.text(
          "summary.leftEarly",
          ["answered": String(summary.answered), "planned": String(summary.planned)]))
    }
    var table = Table(
      title: Catalog.text(
        "summary.title",
        ["title": title, "score": String(summary.score), "total": String(summary.total)]),
      columns: [
        .init(name: Catalog.text("summary.question"), align: .left),
        .init(name: Catalog.text("summary.yourAnswer"), align: .left),
        .init(name: Catalog.text("summary.answer"), align: .left),
        .init(name: Catalog.text("summary.result"), align: .left),
        .init(name: Catalog.text("summary.tries"), align: .right),
      ],
      rows: [], footer: footer)
    for o in summary.outcomes {
      table.append([
        o.question, o.result == .skipped ? "—" : o.answer,
        o.measured.map { Catalog.text("summary.measured", ["value": $0]) }
          ?? (o.kind == "predict"
            ? Catalog.text("summary.liveDecides") : Self.shown(o.correctAnswer, kind: o.kind)),
        resultText(o.result), String(o.tries),
      ])
    }
    session.say(table.render(style))
    let review = summary.toReview
    if review.isEmpty {
      if summary.isComplete && summary.total > 0 && summary.score == summary.total {
        session.say(Catalog.text("summary.perfect"))
      }
      return
    }
    let places = review.map { o -> String in
      // The step as the prompt shows it: its number and title.
      guard let lesson = session.library.lesson(id: o.lesson),
        let index = lesson.steps.firstIndex(where: { $0.id == o.stepID })
      else {
        return Catalog.text(
          "summary.place", ["question": o.question, "lesson": o.lesson, "step": o.stepID])
      }
      return Catalog.text(
        "summary.placeOpen",
        [
          "question": o.question, "lesson": o.lesson, "number": String(index + 1),
          "title": lesson.steps[index].title,
        ])
    }
    session.tell(Catalog.text("summary.review", ["places": places.joined(separator: "; ")]))
  }

  /// A true/false question's key in the session's language ("false" is 거짓 in Korean); any
  /// other key as the lesson gives it.
  static func shown(_ answer: String, kind: String) -> String {
    guard kind == "truefalse", answer == "true" || answer == "false" else { return answer }
    return Catalog.text(answer == "true" ? "quiz.check.true" : "quiz.check.false")
  }

  func resultText(_ result: QuestionResult) -> String {
    let unicode = session.style.unicode
    switch result {
    case .rightFirstTry:
      return Catalog.text(unicode ? "summary.result.right" : "summary.result.right.ascii")
    case .rightOnRetry: return Catalog.text("summary.result.retry")
    case .wrong:
      return Catalog.text(unicode ? "summary.result.wrong" : "summary.result.wrong.ascii")
    case .skipped: return Catalog.text("summary.result.skipped")
    case .notGraded(let reason): return Catalog.text("quiz.notGraded", ["reason": reason])
    case .notCounted: return Catalog.text("summary.result.notCounted")
    }
  }
}
