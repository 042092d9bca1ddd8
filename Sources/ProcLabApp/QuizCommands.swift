import DemoContract
import FoundationEssentials
import Lessons
import Quiz
import Render

extension Session {
  func quiz(_ args: [String]) {
    let items: [QuizItem]
    let title: String
    if args.first == "all" {
      items = QuizPlan.items(library.lessons)
      title = "all lessons"
    } else if let key = args.first {
      guard let l = library.lesson(key) else {
        let hint =
          Suggest.nearest(key, in: library.lessons.map(\.id)).map { " — did you mean '\($0)'?" }
          ?? ""
        refuse("no lesson '\(key)'\(hint); quiz takes a lesson id or number, or all")
        return
      }
      items = QuizPlan.items([l])
      title = l.title
    } else if let lesson {
      items = QuizPlan.items([lesson])
      title = lesson.title
    } else {
      refuse("no lesson is open: quiz <lesson> or quiz all (lessons lists them)")
      return
    }
    QuizFlow(session: self).run(items, title: title)
  }

  func review() {
    let due = QuizPlan.review(library.lessons, progress: store.progress, now: ProgressStore.now())
    guard !due.isEmpty else {
      say("Nothing to review: no question you missed is due again. (quiz all asks everything.)")
      return
    }
    QuizFlow(session: self).run(due, title: "review")
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
        refuse("no lesson '\(target)'; progress reset [lesson]")
        return
      }
      let what = target.map { "your progress in \($0)" } ?? "all your progress"
      reader.prompt = "Really forget \(what)? Type yes to confirm: "
      guard case .line(let answer) = reader.readLine(), answer.trimmedSpaces.lowercased() == "yes"
      else {
        say("Kept everything.")
        return
      }
      let id = target.flatMap { library.lesson($0)?.id }
      store.update { p in
        if let id {
          p.lessons[id] = nil
          p.questions = p.questions.filter { !$0.key.hasPrefix(id + "/") }
          p.quizzes.removeAll { $0.lesson == id }
        } else {
          p = Progress()
        }
      }.map(refuse)
      say("Forgot \(what).")
    default:
      refuse("progress takes --json, --csv or reset [lesson]")
    }
  }
}

/// Progress as a person reads it, and as a teacher collects it.
struct ProgressReport {
  let library: LessonLibrary
  let progress: Progress
  let style: TerminalStyle

  func summary() -> String {
    var table = Table(
      title: "Your progress",
      columns: [
        .init(name: "lesson", align: .left), .init(name: "reached", align: .left),
        .init(name: "questions right first time", align: .right),
        .init(name: "best quiz", align: .right), .init(name: "to review", align: .right),
      ],
      rows: [], footer: [])
    let now = ProgressStore.now()
    for l in library.lessons {
      let lp = progress.lessons[l.id]
      let reached =
        lp.map { $0.finished ? "done" : "step \($0.stepIndex + 1)/\(l.steps.count)" } ?? "—"
      let qs = l.questions.compactMap {
        progress.questions[Progress.key(lesson: l.id, question: $0.id)]
      }
      let right = qs.filter(\.lastCorrect).count
      let due = qs.filter { Leitner.isDue($0, now: now) }.count
      let best =
        progress.quizzes.filter { $0.lesson == l.id }.map { "\($0.score)/\($0.total)" }.last ?? "—"
      table.append([
        l.id, reached, "\(right)/\(l.questions.count)", best, due == 0 ? "" : String(due),
      ])
    }
    return table.render(style)
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(progress) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// One row per question asked: lesson, question, attempts, right first time, box, last asked.
  func csv() -> String {
    var lines = ["lesson,question,attempts,correct_first_try,box,last_correct,last_asked"]
    for key in progress.questions.keys.sorted() {
      guard let q = progress.questions[key] else { continue }
      let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
      let lesson = parts.first ?? ""
      let question = parts.count > 1 ? parts[1] : ""
      lines.append(
        [
          lesson, question, String(q.attempts), String(q.correctFirstTry), String(q.box),
          String(q.lastCorrect), Progress.wholeSeconds(q.lastAsked),
        ].map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
  }
}
