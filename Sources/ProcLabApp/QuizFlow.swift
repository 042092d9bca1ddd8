import DemoContract
import Demos
import Glibc
import Lessons
import LineEditor
import Localization
import Measure
import OSKit
import Quiz
import Render

/// Asks the questions of a quiz at the prompt: answers by letter, number or text, `hint`,
/// `skip`, `quit`; predictions graded against a live run of their demo; a summary at the end.
/// What it records, and what it leaves out, is docs/progress.md.
struct QuizFlow {
  let session: Session
  /// Keeps each answer in the chained quiz record (`submit` reads it).
  let recorder = QuizRecorder()

  /// Runs a quiz. `kind` says what it was asked for; without it, one lesson's questions are
  /// that lesson's quiz and questions of several lessons are `quiz all`.
  /// `leftOut`: the questions of its lessons that lint finds an error in, one line each.
  func run(
    _ items: [QuizItem], title: String, kind: QuizKind? = nil, leftOut: [LeftOutQuestion] = []
  ) {
    for question in leftOut { session.refuse(question.line) }
    guard !items.isEmpty else {
      session.refuse(Catalog.text("quiz.none", ["title": title]))
      return
    }
    let style = session.style
    let heading = style.bold(Catalog.text("quiz.heading", ["title": title]))
    session.tell("\n" + Catalog.plural("quiz.intro", count: items.count, ["heading": heading]))
    let start = MonotonicClock.seconds()
    var outcomes: [QuestionOutcome] = []
    for (i, item) in items.enumerated() {
      guard let outcome = ask(item, number: i + 1, of: items.count) else { break }
      outcomes.append(outcome)
      record(outcome)
      recorder.record(outcome, session: session)
    }
    let summary = QuizSummary(
      outcomes: outcomes, planned: items.count, seconds: MonotonicClock.seconds() - start)
    show(summary, title: title)
    guard summary.answered > 0 else { return }
    let lessonsAsked = Set(items.map(\.lessonID))
    let lesson = lessonsAsked.count == 1 ? lessonsAsked.first! : "all"
    let quizKind = kind ?? (lessonsAsked.count == 1 ? .lesson : .all)
    session.store.update { p in
      p.quizzes.append(summary.record(lesson: lesson, kind: quizKind, date: ProgressStore.now()))
    }.map(session.refuse)
  }

  /// Saves one graded answer: an attempt, its Leitner box, its first-ever result. A question
  /// not graded or not counted leaves the record as it was.
  func record(_ outcome: QuestionOutcome) {
    guard outcome.result.isGraded else { return }
    let key = outcome.key
    let first = outcome.result == .rightFirstTry
    session.store.update { p in
      var q = p.questions[key] ?? QuestionProgress()
      q.record(correctFirstTry: first, at: ProgressStore.now())
      p.questions[key] = q
    }.map(session.refuse)
  }

  /// Shows one question: its text and how to answer it.
  func present(_ item: QuizItem, number: Int, of total: Int) {
    let q = item.question
    let style = session.style
    let rule = Catalog.text(
      "quiz.question.rule",
      ["number": String(number), "total": String(total), "lesson": item.lessonTitle])
    var text = "\n" + style.dim(rule) + "\n"
    text += MarkdownRenderer(style: style).render(q.ask)
    if !text.hasSuffix("\n") { text += "\n" }
    switch q.kind {
    case .choice, .multi:
      text += QuizText.choices(q.choices, style: style)
      if q.kind == .multi { text += style.dim(Catalog.text("quiz.how.multi")) + "\n" }
    case .order:
      text += QuizText.choices(q.items, style: style)
      text += style.dim(Catalog.text("quiz.how.order")) + "\n"
    case .truefalse:
      text += style.dim(Catalog.text("quiz.how.truefalse")) + "\n"
    case .number:
      let what = q.unitHint() ?? Catalog.text("quiz.how.aNumber")
      text += style.dim(Catalog.text("quiz.how.number", ["what": what])) + "\n"
    case .predict:
      text += QuizText.choices(q.choices, style: style)
      let declared = q.demo.flatMap { DemoCatalog.listed($0.demo) }?.declaration.metrics ?? []
      let how =
        q.unitHint(metrics: declared).map { Catalog.text("quiz.how.predictUnit", ["what": $0]) }
        ?? Catalog.text("quiz.how.predict")
      text += style.dim(how) + "\n"
    case .text:
      break
    }
    session.say(text)
  }

  /// What the student typed at `answer ›`: a line, or nil when they leave the quiz.
  func readAnswer() -> String? {
    let style = session.style
    while true {
      session.reader.prompt = Catalog.text("quiz.prompt", ["arrow": style.unicode ? "›" : ">"])
      switch session.reader.readLine() {
      case .line(let l): return TerminalSafe.escape(l).trimmedSpaces  // echoed back later
      case .interrupted(let hadText):
        // As at the prompt: Ctrl-C clears a half-typed answer; on an empty line it leaves.
        session.say("")
        if hadText { continue }
        return nil
      case .endOfInput, .hangUp:
        session.running = false
        return nil
      }
    }
  }

  /// Asks one question; nil when the student leaves the quiz.
  func ask(_ item: QuizItem, number: Int, of total: Int) -> QuestionOutcome? {
    let q = item.question
    let style = session.style
    present(item, number: number, of: total)
    recorder.questionShown()
    let allowed = TryPolicy.allowedTries(q)
    var tries = 0
    var hints = 0
    // Feedback that names the right answer, kept back until the last try.
    var heldBack: [String] = []
    while true {
      guard let line = readAnswer() else { return nil }
      switch line.lowercased() {
      case "":
        session.refuse(Catalog.text("quiz.empty"))
        continue
      case "hint", "힌트":
        if hints < q.hints.count {
          session.say(
            QuizText.hint(q.hints[hints], number: hints + 1, of: q.hints.count, style: style))
          hints += 1
        } else {
          session.refuse(Catalog.text(q.hints.isEmpty ? "quiz.noHints" : "quiz.noMoreHints"))
        }
        continue
      case "skip", "건너뛰기":
        if q.kind == .predict, q.answer == nil, let demo = q.demo {
          // Its answer is whatever a live run measures: there is none to show, and no raw
          // check rule (metric paths) is shown instead.
          session.tell(Catalog.text("quiz.skipped.live", ["demo": demo.demo]))
        } else {
          session.tell(Catalog.text("quiz.skipped.answer", ["answer": q.answerText]))
        }
        showHeldBack(heldBack)
        explain(q)
        return outcome(item, answer: "", result: .skipped, tries: tries, hints: hints)
      case "quit", "exit", "그만":
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
      if grade.isCorrect {
        session.say(
          style.color(Catalog.text(style.unicode ? "quiz.right" : "quiz.right.ascii"), .green))
        explain(q)
        let result: QuestionResult = tries == 1 ? .rightFirstTry : .rightOnRetry
        return outcome(item, answer: line, result: result, tries: tries, hints: hints)
      }
      session.say(
        style.color(Catalog.text(style.unicode ? "quiz.wrong" : "quiz.wrong.ascii"), .red))
      let last = tries >= allowed
      if let feedback = grade.feedback {
        if last || !TryPolicy.givesAway(feedback, for: q) {
          session.say(MarkdownRenderer(style: style).render(feedback))
        } else if !heldBack.contains(feedback) {
          heldBack.append(feedback)
        }
      }
      if !last {
        let left = allowed - tries
        session.say(style.dim(Catalog.plural("quiz.tryAgain", count: left)))
        continue
      }
      session.say(Catalog.text("quiz.theAnswer", ["answer": style.bold(q.answerText)]))
      showHeldBack(heldBack)
      explain(q)
      return outcome(item, answer: line, result: .wrong, tries: tries, hints: hints)
    }
  }

  /// Feedback kept back from earlier tries (it named the answer), now that the answer is out.
  func showHeldBack(_ feedback: [String]) {
    for text in feedback { session.say(MarkdownRenderer(style: session.style).render(text)) }
  }

  /// A prediction: run the demo live, grade it against the measurement. Ctrl-C during the demo
  /// leaves the question not counted; a demo that cannot run or a rule that cannot be decided
  /// leaves it not graded.
  func predict(
    _ item: QuizItem, prediction: PredictAnswer, line: String, hints: Int
  ) -> QuestionOutcome {
    let q = item.question
    let style = session.style
    guard let invocation = q.demo, let definition = DemoCatalog.listed(invocation.demo),
      let parameters = try? definition.validate(invocation.arguments)
    else {
      let reason = Catalog.text("quiz.demoCannotRun")
      session.tell(notGradedLine(reason))
      return outcome(item, answer: line, result: .notGraded(reason: reason), tries: 1, hints: hints)
    }
    session.say(
      style.color("▶ run \(invocation.commandLine)", .cyan)
        + style.dim(Catalog.text("quiz.runLive")))
    let presenter = DemoPresenter(style: style)
    recorder.runStarting(definition.name)
    let result = session.host.run(definition, parameters) { event in
      recorder.observe(event)
      let text = presenter.render(event)
      if !text.isEmpty { session.say(text) }
    }
    recorder.runEnded(result.report)
    session.discardTypeahead()
    if result.interrupted {
      session.say(
        style.color(Catalog.text("quiz.demoStopped"), .yellow)
          + Catalog.text("quiz.demoStopped.why"))
      return outcome(item, answer: line, result: .notCounted, tries: 0, hints: hints)
    }
    guard let report = result.report else {
      let why = result.failure ?? Catalog.text("quiz.noReport")
      let reason = Catalog.text("quiz.demoUnfinished", ["why": why])
      session.tell(notGradedLine(reason))
      return outcome(item, answer: line, result: .notGraded(reason: reason), tries: 1, hints: hints)
    }
    let grade = Grader.grade(
      q, prediction: prediction, given: line, report: report,
      declarations: definition.declaration.metrics)
    showVerdict(grade, line: line)
    explain(q)
    switch grade.verdict {
    case .undetermined:
      let reason = grade.notGradedReason ?? Catalog.text("quiz.undecided")
      session.tell(notGradedLine(reason))
      return outcome(
        item, answer: line, result: .notGraded(reason: reason), tries: 1, measured: grade.measured,
        hints: hints)
    case .correct, .incorrect:
      return outcome(
        item, answer: line, result: grade.isCorrect ? .rightFirstTry : .wrong, tries: 1,
        measured: grade.measured, hints: hints)
    }
  }

  /// The prediction beside the measurement, and the lesson's correction if it was wrong. An
  /// ungraded one says why once, in the line `notGradedLine` prints after it.
  func showVerdict(_ grade: Grade, line: String) {
    let style = session.style
    let colour: TerminalStyle.Color =
      switch grade.verdict {
      case .correct: .green
      case .incorrect: .red
      case .undetermined: .yellow
      }
    let verdict = style.color(grade.verdictText(unicode: style.unicode), colour)
    let table = Table(
      title: Catalog.text("quiz.prediction.title"),
      columns: [
        .init(name: Catalog.text("quiz.prediction.you"), align: .left),
        .init(name: Catalog.text("quiz.prediction.measured"), align: .left),
        .init(name: Catalog.text("quiz.prediction.verdict"), align: .left),
      ],
      rows: [[line, grade.figures.isEmpty ? "—" : grade.figures.joined(separator: "\n"), verdict]],
      footer: grade.verdict == .undetermined ? [] : grade.comparison.map { [$0] } ?? [])
    session.say(table.render(style))
    if let feedback = grade.feedback {
      session.say(MarkdownRenderer(style: style).render(feedback))
    }
  }

  func notGradedLine(_ reason: String) -> String {
    session.style.color(Catalog.text("quiz.notGraded", ["reason": reason]), .yellow)
      + Catalog.text("quiz.notGraded.tail")
  }

  func explain(_ q: Question) {
    if let explanation = q.explanation {
      session.say(MarkdownRenderer(style: session.style).render(explanation))
    }
  }

  func outcome(
    _ item: QuizItem, answer: String, result: QuestionResult, tries: Int, measured: String? = nil,
    hints: Int
  ) -> QuestionOutcome {
    QuestionOutcome(
      lesson: item.lessonID, question: item.question.id, stepID: item.question.stepID,
      kind: item.question.kind.rawValue, ask: item.question.ask, answer: answer,
      correctAnswer: item.question.answerText, result: result, tries: tries, measured: measured,
      hintsShown: hints)
  }
}
