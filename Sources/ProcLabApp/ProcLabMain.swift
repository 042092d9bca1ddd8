import ArgumentParser
import CProcLab
import DemoContract
import Demos
import FoundationEssentials
import Glibc
import Lessons
import Localization
import OSKit
import Quiz
import Render
import Trace

/// The program: hands `worker` and demo-runner invocations straight to their entry points
/// (they must start fast and touch nothing else), everything else to the command line parser.
public enum ProcLabMain {
  public static let version = "0.1.0"

  public static func run() -> Never {
    // Before anything opens a file: a closed 0, 1 or 2 would be taken by the first pipe.
    StandardDescriptors.reserve()
    // Whoever started us may have blocked signals (test runners, some shells' jobs): Ctrl-C,
    // resizes and hang-ups must reach ProcLab's handlers.
    pl_unblock_all_signals()
    let args = CommandLine.arguments
    if args.count >= 3, args[1] == "worker" {
      exit(Workers.main(role: args[2], arguments: Array(args[3...])))
    }
    if args.count >= 3, args[1] == "run", args.contains("--events") {
      // The demo speaks the language its host chose (PROCLAB_LANG, set below in the host).
      Catalog.language = Language.current(
        arguments: [], environment: Language.processEnvironment())
      let rest = args[3...].filter { $0 != "--events" }
      exit(DemoRunner.main(demo: args[2], arguments: Array(rest)))
    }
    setUpLocale()
    // `--lang ko|en` is global: chosen here, then taken off before the parser reads the line.
    do {
      _ = try Language.explicitChoice(in: args)
    } catch {
      try? FileIO.writeAll(2, "proclab: \(error.description)\n")
      exit(2)
    }
    let language = Language.current(arguments: args, environment: Language.processEnvironment())
    Catalog.language = language
    // Demo runners and workers are started with this environment: they speak it too.
    setenv("PROCLAB_LANG", language.rawValue, 1)
    let rest = Language.removingOption(from: Array(args.dropFirst()))
    // Help in Korean is ArgumentParser's screen with its texts translated (KoreanHelp.swift).
    if language == .ko, KoreanHelp.printIfAsked(rest) { exit(0) }
    if KoreanHelp.isTraceHelp(rest) {
      print(ProcLabCommand.helpMessage(for: TraceCommand.self))
      exit(0)
    }
    // In Korean, ArgumentParser's usage errors too (KoreanHelp.main).
    if language == .ko { KoreanHelp.main(rest) }
    ProcLabCommand.main(rest)
    exit(0)
  }

  /// libedit reads wide characters through the C locale: use the user's, and a UTF-8 one
  /// when the user's is plain C, so a Korean answer typed at the prompt comes back intact.
  static func setUpLocale() {
    setlocale(LC_ALL, "")
    let ctype = String(cString: setlocale(LC_CTYPE, nil))
    if ctype == "C" || ctype == "POSIX" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
    }
  }
}

struct ProcLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "proclab",
    abstract: "Learn processes, threads and IPC with demos that run live on this machine.",
    discussion: """
      With no subcommand, ProcLab opens its REPL.

      Every command that reads lessons (repl, quiz, progress, lessons, lint, sources and source) \
      takes --lessons DIR, a directory of lesson files (repeatable). Lessons are read \
      from each --lessons DIR, then $PROCLAB_LESSONS (directories separated by ':'), the \
      installed share directory and the source tree; the first lesson found with an id wins.
      --lang ko|en (with any subcommand) chooses the language; else $PROCLAB_LANG, then \
      $LC_ALL, $LC_MESSAGES, $LANG, $LANGUAGE (ko, ko_KR.UTF-8… mean Korean), else English.
      """,
    version: ProcLabMain.version,
    subcommands: [
      Repl.self, RunDemo.self, DemosCommand.self, QuizCommand.self, ProgressCommand.self,
      ListLessons.self, Lint.self,
      ListSources.self, ShowSource.self, WhoamiCommand.self, SubmitCommand.self,
      GradeCommand.self, GlossaryCommand.self, TraceCommand.self, ExerciseCommand.self,
      CheckCommand.self,
    ],
    defaultSubcommand: Repl.self
  )
}

struct LessonOptions: ParsableArguments {
  @Option(name: .customLong("lessons"), help: "A directory of lesson files (repeatable).")
  var directories: [String] = []

  func library() -> LessonLibrary {
    let found = Paths.lessonDirectories(explicit: directories)
    Paths.exportPythonDirectory(lessonDirectories: found)
    // The lessons in the language ProcLab speaks (lessons/ko in Korean, where translated).
    let language: LessonLanguage = Catalog.language == .ko ? .ko : .en
    let library = LessonLibrary.load(
      directories: found, demos: DemoCatalog.declarations, language: language)
    if library.lessons.isEmpty { Console.warn(Paths.noLessonsLine(read: library.directories)) }
    return library
  }
}

struct Repl: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Open the interactive REPL (the default).")

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let session = try Session.start(library: lessons.library())
    // Exit from here: freeing every parsed lesson on the way out is work no one needs.
    Glibc.exit(session.run())
  }
}

extension Session {
  /// What every interactive entry point does first: signals, subreaper, state directory, the
  /// terminal guard, and the sweep of IPC objects left by a ProcLab that died.
  static func start(library: LessonLibrary) throws -> Session {
    let signals = try ChildHost.prepare(routing: JobControl.sessionSignals)
    let state = Paths.stateDirectory(warn: { Console.warn($0) })
    // From here on, the runtime's own error output goes to a log, never to the screen.
    if let state { Console.guardTerminal(logPath: state + "/last-session.log") }
    if let line = sweptLine(IPCNames.sweep()) { Console.warn(line) }
    return Session(library: library, signals: signals, stateDirectory: state)
  }
}

struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Take a lesson's quiz, or grade a file of answers (--answers FILE --json).")

  @Argument(help: "A lesson id or number, or 'all'.")
  var lesson: String

  @Flag(help: "Ask the questions in a random order.")
  var shuffle = false

  @Option(help: "Seed for --shuffle, to repeat an order.")
  var seed: UInt64?

  @Option(help: "Grade the answers in this file (one 'question-id: answer' per line).")
  var answers: String?

  @Flag(help: "With --answers: print the per-question results as JSON.")
  var json = false

  @Flag(help: "Print an empty answers file: each question's id and ask, as comments.")
  var template = false

  @Flag(help: "Print the answer key and check rules (the teacher's view).")
  var key = false

  func validate() throws {
    if template && key || (template || key) && answers != nil {
      throw ValidationError("--template, --key and --answers go one at a time")
    }
  }

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let library = lessons.library()
    let chosen: [Lesson]
    if lesson == "all" {
      chosen = library.lessons
    } else if let l = library.lesson(lesson) {
      chosen = [l]
    } else {
      try? FileIO.writeAll(
        2,
        "proclab: " + Catalog.text("cli.noLesson", ["lesson": TerminalSafe.escape(lesson)]) + "\n")
      throw ExitCode(2)
    }
    var items = QuizPlan.items(chosen)
    if shuffle || seed != nil {
      var random = SystemRandomNumberGenerator()
      items = QuizPlan.shuffled(items, seed: seed ?? random.next())
    }
    if template || key {
      let entries = items.map { AnswersTemplate.Entry(lesson: $0.lessonID, question: $0.question) }
      let command = "proclab quiz " + (chosen.count == 1 ? chosen[0].id : "all")
      try FileIO.writeAll(
        1,
        key
          ? AnswersTemplate.key(entries, command: command)
          : AnswersTemplate.template(entries, command: command))
      return
    }
    let leftOut = chosen.flatMap(\.leftOut)
    if let answers {
      for question in leftOut { try FileIO.writeAll(2, "proclab: \(question.line)\n") }
      let status = try Autograder(items: items, json: json).grade(file: answers)
      if status != 0 { throw ExitCode(status) }
      return
    }
    let session = try Session.start(library: library)
    let title = chosen.count == 1 ? chosen[0].title : "all lessons"
    let status = session.runQuiz(items, title: title, leftOut: leftOut)
    if status != 0 { throw ExitCode(status) }
  }
}

struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress", abstract: "Show or export your progress.")

  @Flag(help: "Print progress as JSON.")
  var json = false

  @Flag(help: "Print one CSV row per question asked.")
  var csv = false

  @Flag(help: .hidden)
  var testWriteLoop = false

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let state = Paths.stateDirectory(warn: { Console.warn($0) })
    let store = ProgressStore(directory: state)
    if testWriteLoop {
      // Test-only: save progress as fast as possible until killed, to prove that a kill at
      // any instant never leaves an unreadable file.
      // Each writer its own lesson key, so that two at once can show they keep each other's.
      let key = "stress-\(getpid())"
      var n = 0
      while true {
        n += 1
        let step = n
        store.update { p in
          p.lessons[key] = LessonProgress(
            step: "s\(step)", stepIndex: step, finished: false, updated: ProgressStore.now())
          p.questions["stress/q\(step % 50)"] = QuestionProgress()
        }
      }
    }
    for notice in store.notices { Console.warn(TerminalSafe.escape(notice)) }
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    let library = lessons.library()
    for skipped in library.skipped {
      Console.warn(
        Catalog.text("cli.skippedLesson", ["file": skipped.file, "reason": skipped.reason]))
    }
    let report = ProgressReport(library: library, progress: store.progress, style: style)
    let text = json ? report.json() : csv ? report.csv() : report.summary()
    try FileIO.writeAll(1, text.hasSuffix("\n") ? text : text + "\n")
  }
}

struct RunDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run one demo and print its output (or its report as JSON).")

  @Argument(help: "The demo to run (proclab run --list shows them).")
  var demo: String?

  @Argument(help: "Parameters as name=value.")
  var parameters: [String] = []

  @Flag(help: "Print the final report as one JSON object instead of tables.")
  var json = false

  @Flag(help: "List the demos.")
  var list = false

  // Unconditional: "--time-budget -1" must reach the range check, not read as a missing value.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop the demo after this many seconds, \(TimeBudget.allowed) (default: the demo's own budget).",
      valueName: "seconds"))
  var timeBudget: String?

  func run() throws {
    if list || demo == nil {
      // One line a demo (`name<tab>summary`), then one a parameter, indented: its default,
      // what it allows and what it does (docs/demos.md).
      for d in DemoCatalog.all {
        print("\(d.name)\t\(d.summary)")
        for p in d.parameters {
          print("    \(p.name)=\(p.defaultValue)\t\(p.allowed)\t\(p.help)")
        }
      }
      return
    }
    guard let name = demo, let definition = DemoCatalog.named(name) else {
      let shown = TerminalSafe.escape(demo ?? "")
      let line =
        Suggest.nearest(demo ?? "", in: DemoCatalog.names).map {
          Catalog.text("cli.unknownDemo.guess", ["name": shown, "guess": $0])
        } ?? Catalog.text("cli.unknownDemo", ["name": shown])
      try? FileIO.writeAll(2, "proclab: " + line + "\n")
      throw ExitCode(2)
    }
    let params: Parameters
    do {
      params = try definition.validate(parameters)
    } catch {
      try? FileIO.writeAll(2, "proclab: \(TerminalSafe.escape(error.message))\n")  // echoes values
      throw ExitCode(2)
    }
    var budget: Double?
    if let timeBudget {
      switch TimeBudget.parse(timeBudget) {
      case .success(let seconds): budget = seconds
      case .failure(let refused):
        try? FileIO.writeAll(2, "proclab: \(refused.message)\n")
        throw ExitCode(2)
      }
    }
    // As in the REPL, less SIGWINCH: Ctrl-Z stops the demo with proclab, Ctrl-\ ends both.
    let signals = try ChildHost.prepare(
      routing: JobControl.sessionSignals.filter { $0 != SIGWINCH })
    if let line = sweptLine(IPCNames.sweep()) { Console.warn(line) }
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    let presenter = DemoPresenter(style: style, followsTerminal: true)
    let host = DemoHost(style: style, signals: signals, forwardTerminalInput: !json)
    var shownFailure = false
    let outcome = host.run(definition, params, timeBudget: budget) { event in
      if case .failed = event { shownFailure = true }
      if !json {
        let text = presenter.render(event)
        if !text.isEmpty { try? FileIO.writeAll(1, text.hasSuffix("\n") ? text : text + "\n") }
      }
    }
    if json, let report = outcome.report {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      // As on the event stream: a non-finite time in a figure must not lose the whole report.
      encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      let data = try encoder.encode(report)
      try FileIO.writeAll(1, String(decoding: data, as: UTF8.self) + "\n")
    }
    if outcome.report == nil {
      if json || !shownFailure {
        let failure = outcome.failure ?? Catalog.text("cli.demoFailed")
        try? FileIO.writeAll(2, "proclab: \(failure)\n")
      }
      // Stopped by a signal: 128 + that signal (SIGTERM, Ctrl-\, SIGHUP, else Ctrl-C).
      throw ExitCode(outcome.interrupted ? 128 + (signals.endingSignal ?? SIGINT) : 1)
    }
  }
}

struct ListLessons: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons", abstract: "List the lessons in the order of the path.")

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let library = lessons.library()
    // Files left out first (a FIFO, an unreadable file), whether or not any lesson is found.
    for skipped in library.skipped {
      // `file: reason`, made safe to print
      let line = Catalog.text("cli.skipped", ["file": "\(skipped)"])
      try? FileIO.writeAll(2, "proclab: " + line + "\n")
    }
    // None found: library() said where it looked, on one line.
    guard !library.lessons.isEmpty else { throw ExitCode(1) }
    // Folders asked for by name with no lesson in them (a typo, the wrong folder): say so,
    // rather than list the lessons built into proclab as if they were those.
    if !lessons.directories.isEmpty {
      let asked = LessonLibrary.load(
        directories: lessons.directories, demos: DemoCatalog.declarations,
        language: Catalog.language == .ko ? .ko : .en)
      guard !asked.lessons.isEmpty else {
        let dirs = TerminalSafe.escape(lessons.directories.joined(separator: ", "))
        try? FileIO.writeAll(
          2, "proclab: " + Catalog.text("cli.noLessonsIn", ["dirs": dirs]) + "\n")
        throw ExitCode(1)
      }
    }
    for (i, l) in library.lessons.enumerated() {
      print("\(i + 1)\t\(l.id)\t\(l.title)")
    }
  }
}

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check lesson files: demos, parameters, ids, answers, requires.")

  @Argument(help: "Lesson files or directories (default: the lesson directories).")
  var paths: [String] = []

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    // Without paths: the lesson folders as ProcLab loads them (copies once, overrides by
    // precedence), or the lessons this binary carries when there is no folder.
    let folders = Paths.folders(explicit: lessons.directories)
    let problems =
      paths.isEmpty
      ? LessonLinter(demos: DemoCatalog.declarations, traceMetrics: TraceReport.metrics).lint(
        directories: folders.isEmpty ? Paths.lessonDirectories(explicit: []) : folders)
      : LessonLinter(
        demos: DemoCatalog.declarations, otherLessons: otherLessons(),
        traceMetrics: TraceReport.metrics
      ).lint(paths: paths)
    // In the language ProcLab speaks; a refused parameter in the demos' own words for it.
    for p in problems { print(p.line(parameterText: { $0.inLanguage().message })) }
    if problems.contains(where: \.isError) { throw ExitCode(1) }
  }

  /// The lessons ProcLab would load (the built-in ones, `--lessons`, `$PROCLAB_LESSONS`)
  /// but those in the files being checked, by id: their files.
  func otherLessons() -> [String: String] {
    let checked = Set(paths.map(Self.resolved))
    // A built-in directory the teacher's is a copy of (or is, through another path) is theirs;
    // the carried lessons are the build tree's: checking that folder checks them too.
    let given = paths.filter(Paths.isDirectory)
    let carriedChecked = checked.contains(Self.resolved(Paths.sourceTreeLessons))
    let dirs = LessonFiles.distinct(given + Paths.lessonDirectories(explicit: lessons.directories))
      .kept.filter {
        !given.contains($0) && !checked.contains(Self.resolved($0))
          && !(carriedChecked && LessonLibrary.isBuiltIn(directory: $0))
      }
    var found: [String: String] = [:]
    for l in LessonLibrary.load(directories: dirs, demos: DemoCatalog.declarations).lessons
    where !checked.contains(Self.resolved(l.file)) && found[l.id] == nil {
      found[l.id] = l.file
    }
    return found
  }

  /// `path` with its links and `..` resolved, or as given when it cannot be.
  static func resolved(_ path: String) -> String {
    guard let p = realpath(path, nil) else { return path }
    defer { free(p) }
    return String(cString: p)
  }
}

/// What a sweep removed, as one line for the student; nil when it removed nothing.
func sweptLine(_ removed: [String]) -> String? {
  guard !removed.isEmpty else { return nil }
  return Catalog.text(
    "cli.swept", ["count": String(removed.count), "names": removed.joined(separator: ", ")])
}
