import CProcLab
import DemoContract
import Demos
import Glibc
import Lessons
import LineEditor
import Localization
import OSKit
import Quiz
import Render

/// The REPL: reads commands, steps through lessons, runs demos in child processes.
final class Session {
  let library: LessonLibrary
  let signals: SignalPipe
  /// nil: no usable state directory, state is kept in memory (`Paths` said why).
  let stateDirectory: String?
  let store: ProgressStore
  /// Standard output, written so that a signal still ends the session when it cannot take more.
  let output: InterruptibleOutput
  var reader: (any LineReader)!
  var style: TerminalStyle
  let interactive: Bool
  /// The open lesson and the index of the step shown.
  var lesson: Lesson?
  var stepIndex = 0
  /// The exercise `check`, `watch` and `hint` work on (ExerciseCommands.swift).
  var currentExercise: CurrentExercise?
  var running = true
  var exitStatus: Int32 = 0

  init(library: LessonLibrary, signals: SignalPipe, stateDirectory: String?) {
    self.library = library
    self.signals = signals
    self.stateDirectory = stateDirectory
    store = ProgressStore(directory: stateDirectory)
    output = InterruptibleOutput(fd: 1, signals: signals)
    interactive = isatty(0) == 1
    style = TerminalStyle.detect(fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
  }

  // MARK: Output

  func say(_ text: String) {
    output.write(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// One clear line for something the student did wrong; the session goes on. Left one line
  /// (scripts and tests count refusals by lines); the terminal folds it if it is long.
  func refuse(_ text: String) {
    say(style.color(text, .yellow))
  }

  /// ProcLab's own text, wrapped at the terminal's width on word boundaries: each line of
  /// `text` wrapped on its own, its continuation lines indented by `indent` columns more than
  /// its own leading spaces (`DisplayWidth.wrap(_:width:hangingIndent:)`).
  func wrapped(_ text: String, indent: Int = 0) -> String {
    DisplayWidth.wrap(text, width: style.width, hangingIndent: indent).joined(separator: "\n")
  }

  /// `say` for ProcLab's own prose: wrapped (see `wrapped(_:indent:)`).
  func tell(_ text: String, indent: Int = 0) {
    say(wrapped(text, indent: indent))
  }

  func refreshStyle() {
    style = TerminalStyle.detect(fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
  }

  /// The terminal's height in lines: from the terminal (`TIOCGWINSZ`), else from `LINES`,
  /// else 24.
  var rows: Int {
    var size = winsize()
    if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
      return Int(size.ws_row)
    }
    if let lines = getenv("LINES").flatMap({ Int(String(cString: $0)) }), lines > 0 {
      return lines
    }
    return 24
  }

  var prompt: String {
    let arrow = style.unicode ? "›" : ">"
    guard let lesson else { return "proclab \(arrow) " }
    return "proclab [\(lesson.id) \(stepIndex + 1)/\(lesson.steps.count)] \(arrow) "
  }

  // MARK: Loop

  func run() -> Int32 {
    prepareReader()
    if interactive { greet() } else { announceProblems() }
    loop()
    // A quiz inside the session also stops the loop when a signal ends it.
    if signals.endingSignal != nil { exitStatus = endedBySignalStatus }
    reader.close()
    return exitStatus
  }

  /// Runs a quiz outside the REPL (`proclab quiz <lesson>` from a shell).
  func runQuiz(_ items: [QuizItem], title: String, leftOut: [LeftOutQuestion] = []) -> Int32 {
    prepareReader()
    for notice in store.notices { refuse(TerminalSafe.escape(notice)) }
    refreshStyle()
    QuizFlow(session: self).run(items, title: title, leftOut: leftOut)
    if signals.endingSignal != nil { exitStatus = endedBySignalStatus }
    reader.close()
    return exitStatus
  }

  func prepareReader() {
    let history = stateDirectory.map { $0 + "/history" }
    reader = makeLineReader(historyPath: history, signalFD: signals.ends.read) {
      [library] text in
      Completer(library: library).complete(text)
    }
    if let editor = reader as? LineEditor {
      for notice in editor.historyFile?.notices ?? [] { refuse(notice) }
      editor.historyFile?.report = { [weak self] in self?.refuse($0) }
      editor.listWidth = { [weak self] in self?.style.width ?? 80 }
      editor.stopProcess = {
        guard !JobControl.stopSelf() else { return }
        // Below the prompt's line; the reader then draws the prompt and the line again.
        try? FileIO.writeAll(Console.errorDescriptor, "\n")
        Console.warn(JobControl.cannotStopLine)
      }
    }
  }

  func loop() {
    while running {
      refreshStyle()
      reader.prompt = prompt
      let result = reader.readLine()
      // The terminal may have been resized while the line was typed: what follows uses the
      // width it has now.
      refreshStyle()
      switch result {
      case .line(let typed):
        // What was typed is echoed in messages ("no lesson 'x'"): its control characters are
        // made visible before anything reads it.
        let line = TerminalSafe.escape(typed)
        reader.addHistory(line)
        execute(line)
      case .interrupted(let hadText):
        if !hadText {
          say("\n" + wrapped(Catalog.text("repl.howToLeave")))
        } else {
          say("")
        }
      case .endOfInput:
        if interactive { say("") }
        running = false
      case .hangUp:
        running = false
        exitStatus = endedBySignalStatus
        // Ctrl-\ or SIGTERM: the shell's prompt starts on a line of its own.
        if interactive && exitStatus != 128 + SIGHUP { output.writeIfReady("\n") }
      }
    }
  }

  /// The conventional status of a session a signal ended: 128 + SIGTERM, SIGQUIT (Ctrl-\) or
  /// SIGHUP, whichever came, or SIGINT for Ctrl-C on piped input.
  var endedBySignalStatus: Int32 {
    128 + (signals.endingSignal ?? (signals.peek(SIGINT) > 0 ? SIGINT : SIGHUP))
  }

  func greet() {
    tell(Catalog.text("repl.greeting", ["name": style.bold("ProcLab")]))
    announceProblems()
    tell(
      Catalog.text(
        "repl.start",
        [
          "lessons": style.bold("lessons"), "open": style.bold("open 1"),
          "help": style.bold("help"),
        ]))
  }

  /// What went wrong at start (a broken progress file set aside, a lesson file skipped): said
  /// on a terminal and to a script alike.
  func announceProblems() {
    for notice in store.notices { refuse(TerminalSafe.escape(notice)) }
    for skipped in library.skipped {
      // `file: reason`, made safe to print
      refuse(Catalog.text("repl.skippedLesson", ["file": "\(skipped)"]))
    }
  }

  /// Runs one command line.
  func execute(_ line: String) {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let name = words.first else {
      if lesson != nil { next() }
      return
    }
    let args = Array(words.dropFirst())
    if name == "__trap", ProcessEnvironment.value("PROCLAB_TEST_HOOKS") == "1" {
      // Test-only: an internal error in the REPL itself, to prove what the student then sees.
      fatalError("test hook: a deliberate trap in the REPL")
    }
    guard let command = Command.named(name.lowercased()) else {
      let all = Command.all.flatMap(\.words)
      if let guess = Suggest.nearest(name, in: all) {
        refuse(Catalog.text("repl.unknownCommand.guess", ["name": name, "guess": guess]))
      } else {
        refuse(Catalog.text("repl.unknownCommand", ["name": name]))
      }
      return
    }
    command.action(self, args)
  }

  // MARK: Lessons

  func open(_ args: [String]) {
    guard let key = args.first else {
      refuse(Catalog.text("repl.open.needsLesson"))
      return
    }
    guard let found = library.lesson(key) else {
      let ids = library.lessons.map(\.id)
      let count = String(library.lessons.count)
      if let guess = Suggest.nearest(key, in: ids) {
        refuse(
          Catalog.text("repl.open.noLesson.guess", ["key": key, "guess": guess, "count": count]))
      } else {
        refuse(Catalog.text("repl.open.noLesson", ["key": key, "count": count]))
      }
      return
    }
    // A step by number or by id, checked before anything changes: a refused open keeps the
    // lesson and step the student was on.
    var index = 0
    if args.count > 1 {
      if let n = Int(args[1]), n >= 1, n <= found.steps.count {
        index = n - 1
      } else if let i = found.stepIndex(id: args[1]) {
        index = i
      } else {
        let values = ["lesson": found.id, "count": String(found.steps.count)]
        if let guess = Suggest.nearest(args[1], in: found.steps.map(\.id)) {
          refuse(Catalog.text("repl.open.noStep.guess", values.merging(["guess": guess]) { $1 }))
        } else {
          refuse(Catalog.text("repl.open.noStep", values))
        }
        return
      }
    }
    lesson = found
    stepIndex = index
    if !found.summary.isEmpty { say(style.dim(wrapped(found.summary))) }
    if args.count == 1, let saved = store.progress.lessons[found.id] {
      let index = found.stepIndex(id: saved.step) ?? min(saved.stepIndex, found.steps.count - 1)
      if index > 0 && !(saved.finished && index == found.steps.count - 1) {
        stepIndex = index
        say(style.dim(wrapped(Catalog.text("repl.resuming", ["lesson": found.id]))))
      }
    }
    showStep()
  }

  func next() {
    guard let lesson else {
      refuse(Catalog.text("repl.noLessonOpen"))
      return
    }
    if stepIndex + 1 < lesson.steps.count {
      stepIndex += 1
      showStep()
    } else {
      tell(
        style.bold(Catalog.text("repl.endOfLesson", ["title": lesson.title]))
          + Catalog.text("repl.endOfLesson.next"))
    }
  }

  func back() {
    guard lesson != nil else {
      refuse(Catalog.text("repl.noLessonOpen"))
      return
    }
    if stepIndex > 0 {
      stepIndex -= 1
      showStep()
    } else {
      refuse(Catalog.text("repl.firstStep"))
    }
  }

  /// `read`: the current step's text alone, when demo output has scrolled it away.
  func rereadStep() {
    guard let lesson, lesson.steps.indices.contains(stepIndex) else {
      refuse(Catalog.text("repl.noLessonOpen"))
      return
    }
    StepPlayer(session: self).show(
      lesson: lesson, step: lesson.steps[stepIndex], index: stepIndex, runDemos: false)
  }

  func showStep() {
    guard let lesson, lesson.steps.indices.contains(stepIndex) else { return }
    let step = lesson.steps[stepIndex]
    let player = StepPlayer(session: self)
    player.show(lesson: lesson, step: step, index: stepIndex)
    let index = stepIndex
    let last = index == lesson.steps.count - 1
    if let failure = store.update({ p in
      let finished = (p.lessons[lesson.id]?.finished ?? false) || last
      p.lessons[lesson.id] = LessonProgress(
        step: step.id, stepIndex: index, finished: finished, updated: ProgressStore.now())
    }) {
      refuse(failure)
    }
  }

  // MARK: Demos

  /// `run <demo> name=value …`: validates before anything starts, then runs in a child.
  func runDemo(_ args: [String]) {
    guard let name = args.first else {
      refuse(Catalog.text("repl.run.needsDemo"))
      return
    }
    guard let definition = DemoCatalog.named(name) else {
      if let guess = Suggest.nearest(name, in: DemoCatalog.names) {
        refuse(Catalog.text("repl.unknownDemo.guess", ["name": name, "guess": guess]))
      } else {
        refuse(Catalog.text("repl.unknownDemo", ["name": name]))
      }
      return
    }
    let parameters: Parameters
    do {
      parameters = try definition.validate(Array(args.dropFirst()))
    } catch {
      refuse(error.message)
      return
    }
    let presenter = DemoPresenter(style: style, followsTerminal: true)
    let outcome = host.run(definition, parameters) { event in
      let text = presenter.render(event)
      if !text.isEmpty { say(text) }
    }
    discardTypeahead()
    finish(outcome, presenter: presenter)
  }

  /// Drops what was typed on the terminal while a demo ran: it was meant for the demo, or was
  /// impatience (Enter, Enter…), and run as commands it would skip steps. Piped input is kept.
  /// One line says how many keys were dropped, through `write` (the step's output) or `say`.
  func discardTypeahead(write: (String) -> Void) {
    guard interactive && isatty(0) == 1 else { return }
    let keys = TypeAhead.keyCount(TypeAhead.take(from: 0))
    tcflush(0, TCIFLUSH)
    guard keys > 0 else { return }
    let line =
      keys == 1
      ? Catalog.text("repl.typeAhead.droppedOne")
      : Catalog.text("repl.typeAhead.dropped", ["keys": String(keys)])
    write(style.dim(wrapped(line)))
  }

  /// `discardTypeahead(write:)`, the line said with `say`.
  func discardTypeahead() {
    discardTypeahead { say($0) }
  }

  func finish(_ outcome: DemoOutcome, presenter: DemoPresenter) {
    if let line = presenter.failureLine(outcome) { tell(line, indent: 2) }
    if let line = sweptLine(outcome.swept) { say(line) }
  }

  var host: DemoHost {
    DemoHost(style: style, signals: signals, forwardTerminalInput: interactive)
  }
}
