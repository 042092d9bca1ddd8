import DemoContract
import Demos
import Glibc
import Lessons
import LineEditor
import Localization
import Quiz
import Render

/// One REPL command: its name, aliases (a Korean one where it is natural), usage, one-line
/// help and what it does. The usage and help are catalog keys, shown in the session's language.
struct Command: Sendable {
  var name: String
  var aliases: [String] = []
  /// The Korean name, typed and completed like the English one (`도움말` for help).
  var korean: String? = nil
  var usageKey: String
  var helpKey: String
  var action: @Sendable (Session, [String]) -> Void

  init(
    name: String, aliases: [String] = [], korean: String? = nil, usage: String, help: String,
    action: @escaping @Sendable (Session, [String]) -> Void
  ) {
    self.name = name
    self.aliases = aliases
    self.korean = korean
    usageKey = usage
    helpKey = help
    self.action = action
  }

  var usage: String { Catalog.text(usageKey) }
  var help: String { Catalog.text(helpKey) }
  /// Every word that runs the command: its name, aliases and Korean name.
  var words: [String] { [name] + aliases + (korean.map { [$0] } ?? []) }

  static func named(_ word: String) -> Command? {
    all.first { $0.words.contains(word) }
  }

  static let all: [Command] = [
    Command(
      name: "help", aliases: ["?"], korean: "도움말", usage: "command.help.usage",
      help: "command.help.help"
    ) { s, args in s.help(args) },
    Command(
      name: "lessons", korean: "레슨", usage: "command.lessons.usage", help: "command.lessons.help"
    ) {
      s, _ in s.listLessons()
    },
    Command(
      name: "open", korean: "열기", usage: "command.open.usage",
      help: "command.open.help"
    ) {
      s, args in s.open(args)
    },
    Command(
      name: "next", aliases: ["n"], korean: "다음", usage: "command.next.usage",
      help: "command.next.help"
    ) { s, _ in s.next() },
    Command(
      name: "back", aliases: ["b", "prev"], korean: "이전", usage: "command.back.usage",
      help: "command.back.help"
    ) {
      s, _ in s.back()
    },
    Command(name: "again", korean: "다시", usage: "command.again.usage", help: "command.again.help") {
      s, _ in s.showStep()
    },
    Command(
      name: "read", aliases: ["text"], korean: "읽기", usage: "command.read.usage",
      help: "command.read.help"
    ) { s, _ in
      s.rereadStep()
    },
    Command(name: "where", korean: "위치", usage: "command.where.usage", help: "command.where.help") {
      s, _ in
      s.where()
    },
    Command(
      name: "run", korean: "실행", usage: "command.run.usage",
      help: "command.run.help"
    ) { s, args in s.runDemo(args) },
    Command(name: "demos", korean: "데모", usage: "command.demos.usage", help: "command.demos.help") {
      s, _ in s.listDemos()
    },
    Command(
      name: "trace", korean: "추적", usage: "command.trace.usage", help: "command.trace.help"
    ) { s, args in s.trace(args) },
    Command(
      name: "exercise", korean: "연습", usage: "command.exercise.usage",
      help: "command.exercise.help"
    ) { s, args in s.exerciseCommand(args) },
    Command(name: "check", korean: "검사", usage: "command.check.usage", help: "command.check.help") {
      s, args in s.checkExercise(args)
    },
    Command(name: "watch", korean: "지켜보기", usage: "command.watch.usage", help: "command.watch.help")
    { s, args in s.watchExercise(args) },
    Command(name: "hint", korean: "힌트", usage: "command.hint.usage", help: "command.hint.help") {
      s, _ in s.exerciseHint()
    },
    Command(
      name: "sources", korean: "출처", usage: "command.sources.usage",
      help: "command.sources.help"
    ) { s, _ in s.listSources() },
    Command(
      name: "source", usage: "command.source.usage",
      help: "command.source.help"
    ) { s, args in s.showSource(args) },
    Command(
      name: "quiz", korean: "퀴즈", usage: "command.quiz.usage",
      help: "command.quiz.help"
    ) { s, args in s.quiz(args) },
    Command(
      name: "review", korean: "복습", usage: "command.review.usage", help: "command.review.help"
    ) {
      s, _ in s.review()
    },
    Command(
      name: "progress", korean: "진도", usage: "command.progress.usage",
      help: "command.progress.help"
    ) { s, args in s.progress(args) },
    Command(name: "clear", korean: "지우기", usage: "command.clear.usage", help: "command.clear.help")
    { s, _ in
      // As the shell's clear: the cursor home, the screen erased (the scrollback is kept). With
      // output that is not a terminal there is no screen, and nothing is written.
      if isatty(1) == 1 { s.output.write("\u{1B}[H\u{1B}[2J") }
    },
    Command(
      name: "whoami", usage: "command.whoami.usage",
      help: "command.whoami.help"
    ) { s, args in s.whoami(args) },
    Command(
      name: "glossary", korean: "용어", usage: "command.glossary.usage",
      help: "command.glossary.help"
    ) { s, args in s.glossary(args) },
    Command(
      name: "quit", aliases: ["exit", "q"], korean: "종료", usage: "command.quit.usage",
      help: "command.quit.help"
    ) { s, _ in s.running = false },
  ]
}

extension Session {
  func help(_ args: [String]) {
    if args.first == "run", args.count >= 2 {
      guard let demo = DemoCatalog.named(args[1]) else {
        refuse(Catalog.text("repl.unknownDemo", ["name": args[1]]))
        return
      }
      say(demo.helpText(style: style))
      return
    }
    if let word = args.first {
      if let command = Command.named(word) {
        say(Session.commandHelp(command, style: style))
      } else if let demo = DemoCatalog.named(word) {
        say(demo.helpText(style: style))
      } else {
        refuse(Catalog.text("repl.help.unknown", ["word": word]))
      }
      return
    }
    say(Session.helpText(style: style))
  }

  /// `help <command>`: its usage, then what it does, wrapped at the style's width.
  static func commandHelp(_ command: Command, style: TerminalStyle) -> String {
    var lines = DisplayWidth.wrap(style.bold(command.usage), width: style.width, hangingIndent: 2)
    lines += DisplayWidth.wrap("  " + command.help, width: style.width, hangingIndent: 0)
    if command.name == "run" {
      lines += DisplayWidth.wrap(
        Catalog.text("repl.help.run"), width: style.width, hangingIndent: 0)
    }
    return lines.joined(separator: "\n")
  }

  /// `help`: every command with what it does (wrapped in its own column), then the keys.
  static func helpText(style: TerminalStyle) -> String {
    let column = 2 + (Command.all.map { DisplayWidth.of($0.usage) }.max() ?? 0) + 2
    var lines = [style.bold(Catalog.text("repl.help.title"))]
    for c in Command.all {
      lines += DisplayWidth.wrap(
        label: "  " + c.usage, text: c.help, column: column, width: style.width)
    }
    lines += DisplayWidth.wrap(
      Catalog.text("repl.help.keys"), width: style.width, hangingIndent: 2)
    return lines.joined(separator: "\n")
  }

  func listLessons() {
    guard !library.lessons.isEmpty else {
      refuse(Paths.noLessonsLine(read: library.directories))
      return
    }
    // The best complete quiz column once there is a score to show: until then, room for titles.
    let now = ProgressStore.now()
    let figures = library.lessons.map { store.progress.figures(of: $0, now: now) }
    let scored = figures.contains { $0.bestCompleteQuiz != nil }
    var columns = [
      Table.Column(name: Catalog.text("repl.lessons.number"), align: .right),
      Table.Column(Catalog.text("repl.lessons.id"), whole: true),
      Table.Column(name: Catalog.text("repl.lessons.lessonTitle"), align: .left),
      Table.Column(name: Catalog.text("repl.lessons.steps"), align: .right),
      Table.Column(name: Figure.reached.label, align: .left),
    ]
    if scored { columns.append(Table.Column(name: Figure.bestCompleteQuiz.label, align: .right)) }
    var rows: [[String]] = []
    for (i, l) in library.lessons.enumerated() {
      let mark = lesson?.id == l.id ? (style.unicode ? "▶ " : "> ") : ""
      var row = [
        String(i + 1), mark + l.id, library.listedTitle(l), String(l.steps.count),
        figures[i].reached.text,
      ]
      if scored { row.append(figures[i].bestCompleteQuiz.map { "\($0.score)/\($0.total)" } ?? "—") }
      rows.append(row)
    }
    // Then, in the room left, the summaries (docs/progress.md) and the prerequisites: the
    // titles come first, the summaries next.
    // Measured as drawn: without Unicode, `—` and `±` take more columns (`--`, `+/-`).
    let layout = LessonList.Layout(
      columns: columns, rows: rows.map { $0.map(style.asciiFallback) }, width: style.width,
      requires: library.lessons.map { style.asciiFallback($0.requires.joined(separator: ", ")) })
    if layout.summaryWidth > 0 {
      columns.append(Table.Column(name: Catalog.text("repl.lessons.summary"), align: .left))
      for (i, l) in library.lessons.enumerated() {
        rows[i].append(
          DisplayWidth.truncate(
            style.asciiFallback(l.summary), to: layout.summaryWidth,
            ellipsis: style.unicode ? "…" : "..."))
      }
    }
    if layout.showsRequires {
      columns.append(Table.Column(name: Catalog.text("repl.lessons.needs"), align: .left))
      for i in rows.indices { rows[i].append(layout.requires[i]) }
    }
    let table = Table(
      title: Catalog.text("repl.lessons.title"), columns: columns, rows: rows, footer: [])
    say(table.render(style))
    if let note = library.englishOnlyNote { say(note) }
    say(Catalog.text("repl.lessons.how"))
  }

  func listDemos() {
    say(Session.demoList(style: style))
  }

  /// `demos`: each demo's name, its whole summary wrapped beside it, its parameters under it.
  static func demoList(style: TerminalStyle) -> String {
    let demos = DemoCatalog.all
    let column = 2 + (demos.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
    var lines = [style.bold(Catalog.text("repl.demos.title"))]
    for d in demos {
      lines += DisplayWidth.wrap(
        label: "  " + style.bold(d.name), text: d.screenSummary, column: column,
        width: style.width)
      let parameters = d.parameters.map { "\($0.name)=\($0.defaultValue)" }
      if !parameters.isEmpty {
        lines += DisplayWidth.wrap(
          label: "", text: style.dim(parameters.joined(separator: " ")), column: column,
          width: style.width)
      }
    }
    lines += DisplayWidth.wrap(
      Catalog.text("repl.demos.how"), width: style.width, hangingIndent: 2)
    return lines.joined(separator: "\n")
  }

  func `where`() {
    guard let lesson else {
      tell(Catalog.text("repl.where.none"))
      return
    }
    let step = lesson.steps[stepIndex]
    // One line: scripts read it (`open … ` then `where`).
    say(
      Catalog.text(
        "repl.where",
        [
          "number": String(lesson.number), "title": lesson.title, "id": lesson.id,
          "step": String(stepIndex + 1), "count": String(lesson.steps.count),
          "stepTitle": step.title,
        ]))
  }
}

/// Tab completion: commands, lesson ids and their step ids, demo names and demo parameters,
/// tutorial names, exercise ids.
struct Completer: Sendable {
  let library: LessonLibrary

  func complete(_ before: String) -> Completion {
    let endsWithSpace = before.last == " "
    let words = before.split(separator: " ").map(String.init)
    let word = endsWithSpace ? "" : (words.last ?? "")
    let position = endsWithSpace ? words.count : max(0, words.count - 1)
    if position == 0 {
      // The Korean names too, when the session speaks Korean or a word has been begun (only a
      // Hangul word can match them): an English `Tab` on an empty line lists English names.
      let korean =
        Catalog.language == .ko || !word.isEmpty ? Command.all.compactMap(\.korean) : []
      return Completion(word: word, candidates: (Command.all.map(\.name) + korean).sorted())
    }
    let command = Command.named(words[0].lowercased())?.name ?? words[0].lowercased()
    switch (command, position) {
    case ("open", 1):
      return Completion(word: word, candidates: library.lessons.map(\.id))
    case ("open", 2):
      return Completion(word: word, candidates: library.lesson(words[1])?.steps.map(\.id) ?? [])
    case ("quiz", 1):
      return Completion(word: word, candidates: library.lessons.map(\.id) + ["all"])
    case ("progress", 1):
      return Completion(word: word, candidates: ["--json", "--csv", "reset"])
    case ("progress", 2) where words.count > 1 && words[1] == "reset":
      return Completion(word: word, candidates: library.lessons.map(\.id))
    case ("run", 1):
      return Completion(word: word, candidates: DemoCatalog.names.sorted())
    case ("exercise", 1), ("check", 1), ("watch", 1):
      let all = command == "exercise" ? ["all"] : []
      return Completion(
        word: word, candidates: (library.allExercises.map(\.exercise.id) + all).sorted())
    case ("exercise", 2), ("check", 2), ("watch", 2):
      // The languages of an exercise that has a C variant: `exercise reap-three c`.
      let languages = library.exercise(words[1])?.exercise.languages ?? []
      return Completion(
        word: word, candidates: languages.count > 1 ? languages.map(\.rawValue) : [])
    case ("whoami", 1):
      return Completion(word: word, candidates: ["set"])
    case ("source", 1):
      return Completion(word: word, candidates: Session.tutorialNames(library))
    case ("help", 1):
      return Completion(
        word: word, candidates: (Command.all.map(\.name) + DemoCatalog.names).sorted())
    case ("help", 2) where words.count > 1 && words[1] == "run":
      return Completion(word: word, candidates: DemoCatalog.names.sorted())
    case ("run", _):
      guard let demo = DemoCatalog.named(words[1]) else {
        return Completion(word: word, candidates: [])
      }
      if let eq = word.firstIndex(of: "=") {
        let name = String(word[..<eq])
        guard let spec = demo.parameters.first(where: { $0.name == name }) else {
          return Completion(word: word, candidates: [])
        }
        let values: [String]
        switch spec.kind {
        case .choice(let options), .list(let options): values = options
        case .flag: values = ["true", "false"]
        default: values = [spec.defaultValue]
        }
        return Completion(word: word, candidates: values.map { "\(name)=\($0)" })
      }
      let used = Set(
        words.dropFirst(2).compactMap { $0.split(separator: "=").first.map(String.init) })
      return Completion(
        word: word,
        candidates: demo.parameters.map(\.name).filter { !used.contains($0) }.map { $0 + "=" })
    default:
      return Completion(word: word, candidates: [])
    }
  }
}
