import Demos
import Glibc
import Lessons
import LineEditor
import Measure
import OSKit
import Quiz
import Render

/// Asks the questions of a quiz at the prompt: answers by letter, number or text, `hint`,
/// `skip`, `quit`; predictions graded against a live run of their demo; a summary at the end.
struct QuizFlow {
  let session: Session
  /// Tries allowed when a question does not say (`retries:`): the first, plus one retry.
  static let defaultRetries = 1

  func run(_ items: [QuizItem], title: String) {
    guard !items.isEmpty else {
      session.refuse("no questions to ask in \(title)")
      return
    }
    let style = session.style
    session.tell(
      "\n" + style.bold("Quiz: \(title)")
        + " — \(items.count) question\(items.count == 1 ? "" : "s"). "
        + "Answer by letter, number or text; hint, skip and quit work at any question.")
    let start = MonotonicClock.seconds()
    var outcomes: [QuestionOutcome] = []
    for (i, item) in items.enumerated() {
      guard let outcome = ask(item, number: i + 1, of: items.count) else { break }
      outcomes.append(outcome)
      let key = item.key
      let first = outcome.firstTry
      session.store.update { p in
        var q = p.questions[key] ?? QuestionProgress()
        q.record(correctFirstTry: first, at: ProgressStore.now())
        p.questions[key] = q
      }.map(session.refuse)
    }
    let summary = QuizSummary(outcomes: outcomes, seconds: MonotonicClock.seconds() - start)
    show(summary, title: title)
    if !outcomes.isEmpty {
      let lessonsAsked = Set(outcomes.map(\.lesson))
      let lesson = lessonsAsked.count == 1 ? lessonsAsked.first! : "all"
      session.store.update { p in
        p.quizzes.append(
          QuizScore(
            lesson: lesson, score: summary.score, total: summary.total, date: ProgressStore.now(),
            seconds: summary.seconds))
      }.map(session.refuse)
    }
  }

  /// Asks one question; nil when the student quits the quiz.
  func ask(_ item: QuizItem, number: Int, of total: Int) -> QuestionOutcome? {
    let q = item.question
    let style = session.style
    var text = "\n" + style.dim("── question \(number) of \(total) · \(item.lessonTitle) ──") + "\n"
    text += MarkdownRenderer(style: style).render(q.ask)
    if !text.hasSuffix("\n") { text += "\n" }
    switch q.kind {
    case .choice, .multi:
      for c in q.choices { text += "  \(c.label)) \(c.text)\n" }
      if q.kind == .multi { text += style.dim("  (select all that apply, e.g. a, c)") + "\n" }
    case .order:
      for c in q.items { text += "  \(c.label)) \(c.text)\n" }
      text += style.dim("  (type the letters in order, e.g. c a b)") + "\n"
    case .truefalse:
      text += style.dim("  (true or false)") + "\n"
    case .number:
      text +=
        style.dim("  (a number\(q.unit.map { ", in \($0) or another unit of time" } ?? ""))") + "\n"
    case .predict:
      if !q.choices.isEmpty {
        for c in q.choices { text += "  \(c.label)) \(c.text)\n" }
      }
      text += style.dim("  (predict first; then the demo runs live and grades you)") + "\n"
    case .text:
      break
    }
    session.say(text)
    let allowed = 1 + max(0, q.retries ?? QuizFlow.defaultRetries)
    var tries = 0
    var hints = 0
    var lastAnswer = ""
    var firstTry = false
    while true {
      session.reader.prompt = "answer \(style.unicode ? "›" : ">") "
      let line: String
      switch session.reader.readLine() {
      case .line(let l): line = TerminalSafe.escape(l).trimmedSpaces  // echoed back later
      case .interrupted:
        session.say("(quiz stopped)")
        return nil
      case .endOfInput, .hangUp:
        session.running = false
        return nil
      }
      switch line.lowercased() {
      case "":
        session.refuse("type an answer, or hint, skip or quit")
        continue
      case "hint":
        if hints < q.hints.count {
          session.say(style.color("hint \(hints + 1)/\(q.hints.count): ", .cyan) + q.hints[hints])
          hints += 1
        } else {
          session.refuse(q.hints.isEmpty ? "this question has no hints" : "no more hints")
        }
        continue
      case "skip":
        session.say("skipped — the answer: \(q.answerText)")
        explain(q)
        return outcome(
          item, answer: "", correct: false, firstTry: false, tries: tries, skipped: true,
          measured: nil, hints: hints)
      case "quit", "exit":
        return nil
      default:
        break
      }
      if q.kind == .predict {
        let prediction: PredictAnswer
        do {
          prediction = try Grader.readPrediction(q, answer: line)
        } catch {
          session.refuse(error.message)
          continue
        }
        return predict(item, prediction: prediction, line: line, hints: hints)
      }
      let grade: Grade
      do {
        grade = try Grader.grade(q, answer: line)
      } catch {
        session.refuse(error.message)
        continue
      }
      tries += 1
      lastAnswer = line
      if tries == 1 { firstTry = grade.isCorrect }
      if grade.isCorrect {
        session.say(style.color(style.unicode ? "✓ Right." : "Right.", .green))
        explain(q)
        return outcome(
          item, answer: lastAnswer, correct: true, firstTry: firstTry, tries: tries, skipped: false,
          measured: nil, hints: hints)
      }
      session.say(style.color(style.unicode ? "✗ Not quite." : "Not quite.", .red))
      if let feedback = grade.feedback {
        session.say(MarkdownRenderer(style: style).render(feedback))
      }
      if tries < allowed {
        let left = allowed - tries
        session.say(
          style.dim("Try again (\(left) more \(left == 1 ? "try" : "tries")), or hint / skip."))
      } else {
        session.say("The answer: \(style.bold(q.answerText))")
        explain(q)
        return outcome(
          item, answer: lastAnswer, correct: false, firstTry: false, tries: tries, skipped: false,
          measured: nil, hints: hints)
      }
    }
  }

  /// A prediction: read it, run the demo live, grade it against the measurement.
  func predict(
    _ item: QuizItem, prediction: PredictAnswer, line: String, hints: Int
  ) -> QuestionOutcome {
    let q = item.question
    let style = session.style
    guard let invocation = q.demo, let definition = DemoCatalog.listed(invocation.demo),
      let parameters = try? definition.validate(invocation.arguments)
    else {
      session.refuse("this question's demo cannot run; it is not counted")
      return outcome(
        item, answer: line, correct: false, firstTry: false, tries: 1, skipped: true, measured: nil,
        hints: hints)
    }
    session.say(
      style.color("▶ run \(invocation.commandLine)", .cyan)
        + style.dim("  (live, to check your prediction)"))
    let presenter = DemoPresenter(style: style)
    let result = session.host.run(definition, parameters) { event in
      let text = presenter.render(event)
      if !text.isEmpty { session.say(text) }
    }
    session.discardTypeahead()
    guard let report = result.report else {
      session.refuse(
        "the demo did not finish (\(result.failure ?? "no report")); this question is not counted")
      return outcome(
        item, answer: line, correct: false, firstTry: false, tries: 1, skipped: true, measured: nil,
        hints: hints)
    }
    let grade = Grader.grade(q, prediction: prediction, given: line, report: report)
    let verdict: String
    switch grade.verdict {
    case .correct: verdict = style.color(style.unicode ? "✓ right" : "right", .green)
    case .incorrect: verdict = style.color(style.unicode ? "✗ not this time" : "wrong", .red)
    case .undetermined: verdict = style.color("could not be graded", .yellow)
    }
    let table = Table(
      title: "Your prediction against the live run",
      columns: [
        .init(name: "you predicted", align: .left), .init(name: "measured", align: .left),
        .init(name: "verdict", align: .left),
      ],
      rows: [[line, grade.measured ?? "—", verdict]],
      footer: grade.comparison.map { [$0] } ?? [])
    session.say(table.render(style))
    if let feedback = grade.feedback {
      session.say(MarkdownRenderer(style: style).render(feedback))
    }
    explain(q)
    if grade.verdict == .undetermined {
      return outcome(
        item, answer: line, correct: false, firstTry: false, tries: 1, skipped: true,
        measured: grade.measured, hints: hints)
    }
    return outcome(
      item, answer: line, correct: grade.isCorrect, firstTry: grade.isCorrect, tries: 1,
      skipped: false, measured: grade.measured, hints: hints)
  }

  func explain(_ q: Question) {
    if let explanation = q.explanation {
      session.say(MarkdownRenderer(style: session.style).render(explanation))
    }
  }

  func outcome(
    _ item: QuizItem, answer: String, correct: Bool, firstTry: Bool, tries: Int, skipped: Bool,
    measured: String?, hints: Int
  ) -> QuestionOutcome {
    QuestionOutcome(
      lesson: item.lessonID, question: item.question.id, stepID: item.question.stepID,
      kind: item.question.kind.rawValue, ask: item.question.ask, answer: answer,
      correctAnswer: item.question.answerText, correct: correct, firstTry: firstTry, tries: tries,
      skipped: skipped, measured: measured, hintsShown: hints)
  }

  func show(_ summary: QuizSummary, title: String) {
    let style = session.style
    guard summary.total > 0 else {
      session.say("Quiz ended before any question was answered.")
      return
    }
    var table = Table(
      title: "\(title): \(summary.score) of \(summary.total) right on the first try",
      columns: [
        .init(name: "question", align: .left), .init(name: "your answer", align: .left),
        .init(name: "answer", align: .left), .init(name: "result", align: .left),
        .init(name: "tries", align: .right),
      ],
      rows: [], footer: ["time taken: \(Units.duration(summary.seconds))"])
    for o in summary.outcomes {
      let result =
        o.skipped
        ? "skipped"
        : o.firstTry
          ? (style.unicode ? "✓" : "ok") : o.correct ? "on retry" : (style.unicode ? "✗" : "x")
      table.append([
        o.question, o.skipped ? "—" : o.answer,
        o.measured.map { "measured \($0)" }
          ?? (o.kind == "predict" ? "a live run decides" : o.correctAnswer),
        result, String(o.tries),
      ])
    }
    session.say(table.render(style))
    let review = summary.toReview
    if review.isEmpty {
      session.say("Everything right the first time.")
    } else {
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
  }
}
