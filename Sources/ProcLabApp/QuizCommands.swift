import DemoContract
import FoundationEssentials
import Lessons
import Localization
import Quiz
import Render

extension Session {
  func quiz(_ args: [String]) {
    let items: [QuizItem]
    let title: String
    var leftOut: [LeftOutQuestion] = []
    if args.first == "all" {
      items = QuizPlan.items(library.lessons)
      leftOut = library.lessons.flatMap(\.leftOut)
      title = Catalog.text("progress.allLessons")
    } else if let key = args.first {
      guard let l = library.lesson(key) else {
        if let guess = Suggest.nearest(key, in: library.lessons.map(\.id)) {
          refuse(Catalog.text("progress.quiz.noLesson.guess", ["key": key, "guess": guess]))
        } else {
          refuse(Catalog.text("progress.quiz.noLesson", ["key": key]))
        }
        return
      }
      items = QuizPlan.items([l])
      leftOut = l.leftOut
      title = l.title
    } else if let lesson {
      items = QuizPlan.items([lesson])
      leftOut = lesson.leftOut
      title = lesson.title
    } else {
      refuse(Catalog.text("progress.quiz.noLessonOpen"))
      return
    }
    QuizFlow(session: self).run(items, title: title, leftOut: leftOut)
  }

  func review() {
    let unfinished = library.allExercises.map(\.exercise.id).filter {
      store.progress.exerciseChecks?[$0] != nil && !store.progress.hasPassed(exercise: $0)
    }
    if let first = unfinished.first {
      say(
        wrapped(
          Catalog.text(
            "repl.exercise.review.unfinished",
            ["ids": unfinished.joined(separator: ", "), "first": first]), indent: 2))
    }
    let due = QuizPlan.review(library.lessons, progress: store.progress, now: ProgressStore.now())
    guard !due.isEmpty else {
      // Prose, wrapped at the width (not a refusal: nothing was done wrong).
      tell(Catalog.text("progress.review.nothing"))
      return
    }
    QuizFlow(session: self).run(due, title: Catalog.text("progress.review.title"), kind: .review)
  }

  func progress(_ args: [String]) {
    switch args.first {
    case nil:
      say(ProgressReport(library: library, progress: store.progress, style: style).summary())
    case "--json":
      say(ProgressReport(library: library, progress: store.progress, style: style).json())
    case "--csv":
      say(ProgressReport(library: library, progress: store.progress, style: style).csv())
    case "reset":
      let target = args.dropFirst().first
      if let target, library.lesson(target) == nil {
        refuse(Catalog.text("progress.reset.noLesson", ["target": target]))
        return
      }
      let what =
        target.map { Catalog.text("progress.reset.lesson", ["lesson": $0]) }
        ?? Catalog.text("progress.reset.all")
      reader.prompt = Catalog.text("progress.reset.confirm", ["what": what])
      guard case .line(let answer) = reader.readLine(),
        ["yes", "예"].contains(answer.trimmedSpaces.lowercased())
      else {
        say(Catalog.text("progress.reset.kept"))
        return
      }
      let id = target.flatMap { library.lesson($0)?.id }
      store.update { p in
        if let id {
          p.lessons[id] = nil
          p.questions = p.questions.filter { !$0.key.hasPrefix(id + "/") }
          p.quizzes.removeAll { $0.lesson == id }
          p.earlierQuizzes?[id] = nil
        } else {
          p = Progress()
        }
      }.map(refuse)
      say(Catalog.text("progress.reset.done", ["what": what]))
    default:
      refuse(Catalog.text("progress.usage"))
    }
  }
}

/// Progress as a person reads it, and as a teacher collects it. Every figure comes from
/// `Progress.figures(of:now:)` and `questionFigures(now:)` (Sources/Quiz/Figures.swift), under
/// the labels of `Figure`: the screens and the exports cannot disagree.
struct ProgressReport {
  let library: LessonLibrary
  let progress: Progress
  let style: TerminalStyle
  var now = ProgressStore.now()

  init(library: LessonLibrary, progress: Progress, style: TerminalStyle) {
    self.library = library
    self.progress = progress
    self.style = style
  }

  var lessonFigures: [LessonFigures] { library.lessons.map { progress.figures(of: $0, now: now) } }

  func summary() -> String {
    var table = Table(
      title: Catalog.text("progress.title"),
      columns: [
        .init(name: Catalog.text("progress.lesson"), align: .left),
        .init(name: Figure.reached.label, align: .left),
        .init(name: Figure.rightFirstTime.label, align: .right),
        .init(name: Figure.bestCompleteQuiz.label, align: .right),
        .init(name: Figure.toReview.label, align: .right),
      ],
      rows: [], footer: [])
    var leftEarly = 0
    for f in lessonFigures {
      leftEarly += f.quizzesLeftEarly
      table.append([
        f.lesson, f.reached.text, "\(f.rightFirstTime)/\(f.questions)",
        f.bestCompleteQuiz.map { "\($0.score)/\($0.total)" } ?? "—", String(f.toReview),
      ])
    }
    table.footer = [Catalog.text("progress.legend")]
    if leftEarly > 0 {
      table.footer.append(Catalog.text("progress.leftEarly", ["count": String(leftEarly)]))
    }
    return table.render(style) + exercisesLine()
  }

  /// The exercises passed, one line under the table (none when no lesson has exercises), then
  /// one line for each exercise checked: the try it passed on, or how many tries so far.
  func exercisesLine() -> String {
    let ids = library.allExercises.map(\.exercise.id)
    guard !ids.isEmpty else { return "" }
    let done = ids.filter { progress.hasPassed(exercise: $0) }
    var lines = [
      Catalog.text(
        done.isEmpty ? "repl.exercise.progress.none" : "repl.exercise.progress.line",
        [
          "done": String(done.count), "count": String(ids.count),
          "ids": done.joined(separator: ", "),
        ])
    ]
    for id in ids {
      guard let checks = progress.exerciseChecks?[id] else { continue }
      let values = [
        "id": id, "tries": String(checks.checks), "try": checks.passedOn.map(String.init) ?? "",
      ]
      if checks.passedOn != nil {
        lines.append(Catalog.text("repl.exercise.progress.passedOn", values))
      } else if progress.hasPassed(exercise: id) {
        lines.append(Catalog.text("repl.exercise.progress.passedEarlier", values))
      } else {
        lines.append(
          Catalog.plural("repl.exercise.progress.notYet", count: checks.checks, values))
      }
    }
    return "\n" + lines.joined(separator: "\n")
  }

  /// The figures, then the saved record they come from.
  func json() -> String {
    let export = ProgressExport(
      figures: .init(
        lessons: lessonFigures.map(ProgressExport.LessonRow.init),
        questions: progress.questionFigures(now: now).map(ProgressExport.QuestionRow.init)),
      record: progress)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(export) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// One row per question asked, with its figures. Its ids come from the progress file, which
  /// may hold anything: their control characters are made visible.
  func csv() -> String {
    var lines = ["lesson,question,asked,right_first_time,box,to_review,last_asked"]
    for q in progress.questionFigures(now: now) {
      lines.append(
        [
          TerminalSafe.escape(q.lesson), TerminalSafe.escape(q.question), String(q.asked),
          q.rightFirstTime.map { $0 ? "yes" : "no" } ?? "",
          String(q.box), q.toReview ? "yes" : "no", Progress.wholeSeconds(q.lastAsked),
        ].map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"") || s.contains("\n")
      ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
  }
}

/// What `progress --json` prints (docs/progress.md).
struct ProgressExport: Encodable {
  struct Score: Encodable {
    var score: Int
    var total: Int
    var date: Double
  }
  struct LessonRow: Encodable {
    var lesson: String
    var reached: String
    var questions: Int
    var rightFirstTime: Int
    var bestCompleteQuiz: Score?
    var toReview: Int
    var quizzesLeftEarly: Int

    init(_ f: LessonFigures) {
      lesson = f.lesson
      reached = f.reached.text
      questions = f.questions
      rightFirstTime = f.rightFirstTime
      bestCompleteQuiz = f.bestCompleteQuiz.map {
        Score(score: $0.score, total: $0.total, date: $0.date)
      }
      toReview = f.toReview
      quizzesLeftEarly = f.quizzesLeftEarly
    }
  }
  struct QuestionRow: Encodable {
    var lesson: String
    var question: String
    var asked: Int
    var rightFirstTime: Bool?
    var box: Int
    var toReview: Bool
    var lastAsked: Double

    init(_ q: QuestionFigures) {
      lesson = q.lesson
      question = q.question
      asked = q.asked
      rightFirstTime = q.rightFirstTime
      box = q.box
      toReview = q.toReview
      lastAsked = q.lastAsked
    }
  }
  struct Figures: Encodable {
    var lessons: [LessonRow]
    var questions: [QuestionRow]
  }
  var figures: Figures
  var record: Progress
}
