import DemoContract
import Demos
import Glibc
import Lessons
import LineEditor
import Quiz
import Render

/// One REPL command: its name, aliases, usage, one-line help and what it does.
struct Command: Sendable {
  var name: String
  var aliases: [String] = []
  var usage: String
  var help: String
  var action: @Sendable (Session, [String]) -> Void

  static func named(_ word: String) -> Command? {
    all.first { $0.name == word || $0.aliases.contains(word) }
  }

  static let all: [Command] = [
    Command(
      name: "help", aliases: ["?"], usage: "help [command | run <demo>]",
      help: "list the commands, or explain one"
    ) { s, args in s.help(args) },
    Command(name: "lessons", usage: "lessons", help: "the lessons in order, with your progress") {
      s, _ in s.listLessons()
    },
    Command(
      name: "open", usage: "open <number | id> [step]",
      help: "open a lesson (where you left it, or at a step: its number or id)"
    ) {
      s, args in s.open(args)
    },
    Command(
      name: "next", aliases: ["n"], usage: "next   (or just Enter)",
      help: "go to the next step"
    ) { s, _ in s.next() },
    Command(name: "back", aliases: ["b", "prev"], usage: "back", help: "go to the previous step") {
      s, _ in s.back()
    },
    Command(name: "again", usage: "again", help: "show this step again (its demos run again, live)")
    {
      s, _ in s.showStep()
    },
    Command(
      name: "read", aliases: ["text"], usage: "read",
      help: "show this step's text again, without running its demos"
    ) { s, _ in
      s.rereadStep()
    },
    Command(name: "where", usage: "where", help: "which lesson and step you are at") { s, _ in
      s.where()
    },
    Command(
      name: "run", usage: "run <demo> [name=value …]",
      help: "run a demo live in a child process"
    ) { s, args in s.runDemo(args) },
    Command(name: "demos", usage: "demos", help: "every demo with its summary and parameters") {
      s, _ in s.listDemos()
    },
    Command(
      name: "sources", usage: "sources",
      help: "the five tutorials the lessons follow"
    ) { s, _ in s.listSources() },
    Command(
      name: "source", usage: "source <name>",
      help: "one tutorial: its Python programs, its claims"
    ) { s, args in s.showSource(args) },
    Command(
      name: "quiz", usage: "quiz [lesson | all]",
      help: "questions on this lesson (or another, or all); predictions run live"
    ) { s, args in s.quiz(args) },
    Command(name: "review", usage: "review", help: "questions you missed before, oldest first") {
      s, _ in s.review()
    },
    Command(
      name: "progress", usage: "progress [--json | --csv | reset [lesson]]",
      help: "what you have done; export it, or start over"
    ) { s, args in s.progress(args) },
    Command(name: "clear", usage: "clear   (or Ctrl-L)", help: "clear the screen") { s, _ in
      // As the shell's clear: the cursor home, the screen erased (the scrollback is kept). With
      // output that is not a terminal there is no screen, and nothing is written.
      if isatty(1) == 1 { s.output.write("\u{1B}[H\u{1B}[2J") }
    },
    Command(
      name: "whoami", usage: "whoami [set \"Your Name\" --id ID]",
      help: "your name and student id, for proclab submit"
    ) { s, args in s.whoami(args) },
    Command(
      name: "quit", aliases: ["exit", "q"], usage: "quit   (or Ctrl-D)",
      help: "leave ProcLab"
    ) { s, _ in s.running = false },
  ]
}

extension Session {
  func help(_ args: [String]) {
    if args.first == "run", args.count >= 2 {
      guard let demo = DemoCatalog.named(args[1]) else {
        refuse("unknown demo '\(args[1])'; demos lists them")
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
        refuse("no command or demo '\(word)'; help lists the commands")
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
        "  help run <demo> explains a demo's parameters", width: style.width, hangingIndent: 0)
    }
    return lines.joined(separator: "\n")
  }

  /// `help`: every command with what it does (wrapped in its own column), then the keys.
  static func helpText(style: TerminalStyle) -> String {
    let column = 2 + (Command.all.map { DisplayWidth.of($0.usage) }.max() ?? 0) + 2
    var lines = [style.bold("Commands")]
    for c in Command.all {
      lines += DisplayWidth.wrap(
        label: "  " + c.usage, text: c.help, column: column, width: style.width)
    }
    lines += DisplayWidth.wrap(
      "Keys: Tab completes, Up/Down recall, Ctrl-R searches history, "
        + "Ctrl-C stops a demo or clears the line, Ctrl-D leaves.",
      width: style.width, hangingIndent: 2)
    return lines.joined(separator: "\n")
  }

  func listLessons() {
    guard !library.lessons.isEmpty else {
      refuse(Paths.noLessonsLine(read: library.directories))
      return
    }
    // The prerequisites column only when there is room for it: the titles come first.
    let wide = style.width >= 130
    // The best complete quiz column once there is a score to show: until then, room for titles.
    let now = ProgressStore.now()
    let figures = library.lessons.map { store.progress.figures(of: $0, now: now) }
    let scored = figures.contains { $0.bestCompleteQuiz != nil }
    var columns = [
      Table.Column(name: "#", align: .right), Table.Column("id", whole: true),
      Table.Column(name: "title", align: .left), Table.Column(name: "steps", align: .right),
      Table.Column(name: Figure.reached.label, align: .left),
    ]
    if scored { columns.append(Table.Column(name: Figure.bestCompleteQuiz.label, align: .right)) }
    if wide { columns.append(Table.Column(name: "needs", align: .left)) }
    var table = Table(
      title: "The path, in order (each lesson builds on the ones before it)", columns: columns,
      rows: [], footer: [])
    for (i, l) in library.lessons.enumerated() {
      let mark = lesson?.id == l.id ? (style.unicode ? "▶ " : "> ") : ""
      var row = [
        String(i + 1), mark + l.id, l.title, String(l.steps.count), figures[i].reached.text,
      ]
      if scored { row.append(figures[i].bestCompleteQuiz.map { "\($0.score)/\($0.total)" } ?? "—") }
      if wide { row.append(l.requires.joined(separator: ", ")) }
      table.append(row)
    }
    say(table.render(style))
    say("open <number> or open <id> starts a lesson.")
  }

  func listDemos() {
    say(Session.demoList(style: style))
  }

  /// `demos`: each demo's name, its whole summary wrapped beside it, its parameters under it.
  static func demoList(style: TerminalStyle) -> String {
    let demos = DemoCatalog.all
    let column = 2 + (demos.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
    var lines = [style.bold("Demos")]
    for d in demos {
      lines += DisplayWidth.wrap(
        label: "  " + style.bold(d.name), text: d.summary, column: column, width: style.width)
      let parameters = d.parameters.map { "\($0.name)=\($0.defaultValue)" }
      if !parameters.isEmpty {
        lines += DisplayWidth.wrap(
          label: "", text: style.dim(parameters.joined(separator: " ")), column: column,
          width: style.width)
      }
    }
    lines += DisplayWidth.wrap(
      "run <demo> [name=value …] runs one; help run <demo> explains its parameters.",
      width: style.width, hangingIndent: 2)
    return lines.joined(separator: "\n")
  }

  func `where`() {
    guard let lesson else {
      tell("No lesson is open. lessons lists them; open 1 starts the first.")
      return
    }
    let step = lesson.steps[stepIndex]
    // One line: scripts read it (`open … ` then `where`).
    say(
      "Lesson \(lesson.number) “\(lesson.title)” (\(lesson.id)), step \(stepIndex + 1) of "
        + "\(lesson.steps.count): \(step.title)")
  }
}

/// Tab completion: commands, lesson ids and their step ids, demo names and demo parameters,
/// tutorial names.
struct Completer: Sendable {
  let library: LessonLibrary

  func complete(_ before: String) -> Completion {
    let endsWithSpace = before.last == " "
    let words = before.split(separator: " ").map(String.init)
    let word = endsWithSpace ? "" : (words.last ?? "")
    let position = endsWithSpace ? words.count : max(0, words.count - 1)
    if position == 0 {
      return Completion(word: word, candidates: Command.all.map(\.name).sorted())
    }
    let command = words[0].lowercased()
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
