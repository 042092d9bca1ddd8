import DemoContract
import Exercises
import Lessons
import Localization
import OSKit
import Render
import Trace

/// What `check` shows (docs/exercises.md, "Checks"): each check ✓ or ✗ with its `::` text and
/// the values it read, how many runs it held on, and on a failure the failing run's process
/// tree and table and the step to reread. Everything the student's program wrote or named is
/// made terminal-safe here.
struct ExerciseScreen {
  let result: ExerciseCheckRun
  let lesson: Lesson
  let style: TerminalStyle

  /// The step to reread, wrapped at the terminal's width (a long title must not break a word
  /// at the edge), each line coloured.
  func rereadLines(_ step: Step) -> [String] {
    let line = Catalog.text(
      "repl.check.reread", ["step": step.id, "title": step.title, "lesson": lesson.id])
    return DisplayWidth.wrap(line, width: max(20, style.width)).map { style.color($0, .cyan) }
  }

  /// The whole screen: `heading` and then `outcome`.
  func text() -> String {
    (Self.heading(result.exercise, language: result.language, style: style) + [outcome()])
      .joined(separator: "\n")
  }

  /// What is known before the check runs (`check` shows it first, so that a slow compile or
  /// ten runs are not a silent wait): the command, the C build line, the number of runs.
  static func heading(
    _ exercise: Exercise, language requested: ExerciseLanguage, style: TerminalStyle
  ) -> [String] {
    let language = exercise.c == nil ? .python : requested
    let command = exercise.commandLine(in: language)
    var out = [
      style.bold(
        Catalog.text(
          "repl.check.heading", ["id": exercise.id, "command": TerminalSafe.escape(command)]))
    ]
    if language == .c, let c = exercise.c {
      out.append(
        style.dim(Catalog.text("repl.check.c.build", ["build": TerminalSafe.escape(c.buildLine)])))
    }
    if exercise.runs > 1 {
      out.append(style.dim(Catalog.text("repl.check.runs", ["runs": String(exercise.runs)])))
    }
    return out
  }

  /// Everything after the heading: the build's failure, why nothing ran, or each check.
  func outcome() -> String {
    let exercise = result.exercise
    let command = exercise.commandLine(in: result.language)
    var out: [String] = []
    if let lines = buildFailureLines() {
      return lines.joined(separator: "\n")
    }
    if !result.missingFiles.isEmpty {
      out.append(
        style.color(
          Catalog.text(
            "repl.check.missingFiles",
            [
              "files": result.missingFiles.map { TerminalSafe.escape($0) }.joined(separator: ", "),
              "exercise": exercise.id + (result.language == .c ? " c" : ""),
            ]), .yellow))
      return out.joined(separator: "\n")
    }
    if let failure = result.startFailure {
      out.append(
        style.color(
          Catalog.text(
            "repl.check.cannotRun",
            [
              "command": TerminalSafe.escape(command),
              "why": TerminalSafe.escape(failure),
            ]), .yellow))
      return out.joined(separator: "\n")
    }
    // Where ptrace is refused, /proc polling may miss a process that lives under 1 ms.
    if let polled = result.attempts.first(where: { $0.trace.method == .polling }) {
      let why = polled.trace.fallbackReason.map { TerminalSafe.escape($0) }
      out.append(style.color(Catalog.text("repl.check.polling", ["why": why ?? "—"]), .yellow))
    }
    let (lines, failed) = checkLines()
    out += lines
    for (n, attempt) in result.attempts.enumerated() {
      if let stop = attempt.trace.stop {
        out.append(
          style.color(
            Catalog.text("repl.check.stopped", ["n": String(n + 1), "why": stop.line]), .yellow))
      }
    }
    if result.interrupted {
      out.append(style.color(Catalog.text("repl.check.interrupted"), .yellow))
      return out.joined(separator: "\n")
    }
    if result.passed {
      out.append(
        style.color(
          Catalog.text(
            "repl.check.passed", ["count": String(exercise.checks.count), "id": exercise.id]),
          .green))
      return out.joined(separator: "\n")
    }
    if let attempt = result.firstFailure,
      let index = result.attempts.firstIndex(where: { !$0.passed })
    {
      out.append("")
      out.append(Catalog.text("repl.check.whatItDid", ["n": String(index + 1)]))
      out.append(whatItDid(attempt.report))
    }
    if let step = lesson.step(id: exercise.stepID) {
      out += rereadLines(step)
    }
    out.append(
      Catalog.text(
        "repl.check.failed",
        ["failed": String(max(failed, 1)), "count": String(exercise.checks.count)]))
    return out.joined(separator: "\n")
  }

  /// What a C build that gave no program says: the compiler not installed (one line), Ctrl-C
  /// during the compile (one line), or the compile error as one failed check and the step to
  /// reread; nil when it built.
  func buildFailureLines() -> [String]? {
    let exercise = result.exercise
    var out: [String] = []
    if case .notInstalled(let compiler) = result.buildFailure {
      out.append(
        style.color(
          Catalog.text(
            "repl.check.c.noCompiler",
            ["compiler": TerminalSafe.escape(compiler), "id": exercise.id]),
          .yellow))
      return out
    }
    if result.buildFailure == .interrupted {
      out.append(style.color(Catalog.text("repl.check.c.buildInterrupted"), .yellow))
      return out
    }
    if case .failed(let error) = result.buildFailure {
      out += compileErrorLines(error)
      if let step = lesson.step(id: exercise.stepID) {
        out += rereadLines(step)
      }
      out.append(Catalog.text("repl.check.c.notRun", ["count": String(exercise.checks.count)]))
      return out
    }
    return nil
  }

  /// A compile error as one failed check, "it compiles": how the compiler ended and its first
  /// lines, escaped and cut to the width.
  func compileErrorLines(_ error: CBuild.CompileError) -> [String] {
    let mark = style.color(style.unicode ? "✗" : "x", .red)
    var out = [mark + " " + Catalog.text("repl.check.c.compiles")]
    let ending: String
    switch error.status {
    case .exited(let code)?: ending = Catalog.text("repl.check.c.exited", ["status": String(code)])
    case .signaled(let sig)?:
      ending = Catalog.text("repl.check.c.killed", ["signal": Signals.name(sig)])
    case nil:
      ending = Catalog.text("repl.check.c.timeout", ["seconds": String(Int(CBuild.timeout))])
    }
    out.append(style.dim("    " + ending))
    let width = max(20, style.width - 4)
    for line in error.lines {
      let safe = TerminalSafe.escape(line)
      out.append(style.dim("    " + DisplayWidth.truncate(safe, to: width)))
    }
    if error.totalLines > error.lines.count {
      out.append(
        style.dim(
          "    "
            + Catalog.text(
              "repl.check.c.moreLines", ["count": String(error.totalLines - error.lines.count)])))
    }
    return out
  }

  /// Each check: ✓ or ✗ with its meaning, and dimmed under it what it read; and how many
  /// failed.
  func checkLines() -> (lines: [String], failed: Int) {
    var out: [String] = []
    var failed = 0
    let exercise = result.exercise
    for (i, check) in exercise.checks.enumerated() {
      let (held, shown) = result.tally(check: i)
      let verdict = shown.flatMap { $0.verdicts.indices.contains(i) ? $0.verdicts[i] : nil }
      let ok = !result.attempts.isEmpty && held == result.attempts.count && verdict?.held == true
      if !ok { failed += 1 }
      let mark =
        ok
        ? style.color(style.unicode ? "✓" : "ok", .green)
        : style.color(style.unicode ? "✗" : "x", .red)
      out.append(mark + " " + MarkdownRenderer(style: style).renderInline(check.meaning))
      var details: [String] = []
      if let verdict {
        details += verdict.figures.map { TerminalSafe.escape($0) }
        if let output = verdict.output { details.append(Self.text(output)) }
        if case .undetermined(let why) = verdict.state {
          details.append(Catalog.text("repl.check.undetermined", ["why": TerminalSafe.escape(why)]))
        }
      }
      if exercise.runs > 1 {
        details.append(
          Catalog.text(
            "repl.check.heldOn", ["held": String(held), "runs": String(result.attempts.count)]))
      }
      if !details.isEmpty {
        out += DisplayWidth.wrap(
          "    " + details.joined(separator: " · "), width: style.width, hangingIndent: 4
        ).map { style.dim($0) }
      }
    }
    return (out, failed)
  }

  /// The failing run's process tree and its processes table, drawn as `trace` draws them.
  func whatItDid(_ report: DemoReport) -> String {
    let presenter = DemoPresenter(style: style)
    var events: [DemoEvent] = []
    for figure in report.figures {
      if case .processTree = figure { events.append(.figure(TraceOptions.safe(figure))) }
    }
    for table in report.tables where table.title == "processes and threads" {
      events.append(.table(TraceOptions.onScreen(table, width: style.width)))
    }
    return events.map(presenter.render).joined()
  }

  /// What an output form saw, in the session's language.
  static func text(_ figure: OutputFigure) -> String {
    switch figure {
    case .line(let stream, let number, let text):
      return Catalog.text(
        "repl.check.output.line",
        ["stream": stream.rawValue, "n": String(number), "text": shortened(text)])
    case .noLine(let stream, let lines, let first):
      guard let first else {
        return Catalog.text("repl.check.output.empty", ["stream": stream.rawValue])
      }
      return Catalog.text(
        "repl.check.output.noLine",
        ["stream": stream.rawValue, "lines": String(lines), "first": shortened(first)])
    case .lineCount(let stream, let count):
      return Catalog.text(
        "repl.check.output.lines", ["stream": stream.rawValue, "count": String(count)])
    }
  }

  /// A line of the program's output, made safe and cut to 60 characters.
  static func shortened(_ line: String) -> String {
    let safe = TerminalSafe.escape(line)
    let cut = safe.count > 60 ? String(safe.prefix(59)) + "…" : safe
    return "\"" + cut + "\""
  }
}
