import ArgumentParser
import DemoContract
import Demos
import Exercises
import FoundationEssentials
import Glibc
import Localization
import Measure
import OSKit
import Render
import Trace

/// `proclab trace [options] -- COMMAND [ARGS…]`: runs a program and shows every process and
/// thread it made, its zombies and orphans, as a report under the demo contract
/// (docs/trace.md).
struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Run a program and show every process and thread it made (tree, timeline, zombies).",
    discussion: """
      The program runs with standard input on /dev/null, as argv (no shell: write sh -c '…' \
      for one). Options come before the program; a '--' before it is allowed.
      """)

  @Flag(help: "Print the report as one JSON object instead of tables and figures.")
  var json = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop it after this many seconds, \(TimeBudget.allowed) (default 30).",
      valueName: "seconds"))
  var timeout: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop it when it has made more than N processes, \(TraceOptions.processesAllowed) (default 64).",
      valueName: "N"))
  var maxProcesses: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Show at most this many bytes of its stdout and of its stderr, \(TraceOptions.outputAllowed) (default 65536).",
      valueName: "bytes"))
  var maxOutput: String?

  @Argument(parsing: .captureForPassthrough, help: "The program and its arguments.")
  var command: [String] = []

  func run() throws {
    let limits: TraceLimits
    switch TraceOptions.limits(timeout: timeout, maxProcesses: maxProcesses, maxOutput: maxOutput) {
    case .success(let l): limits = l
    case .failure(let refused):
      try? FileIO.writeAll(2, "proclab: \(TerminalSafe.escape(refused.message))\n")
      throw ExitCode(2)
    }
    let argv = command.first == "--" ? Array(command.dropFirst()) : command
    guard !argv.isEmpty else {
      let line = Catalog.text("cli.trace.needsProgram")
      try? FileIO.writeAll(2, "proclab: \(line)\n")
      throw ExitCode(2)
    }
    let signals = try ChildHost.prepare(routing: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    let outcome = TraceOptions.trace(argv, limits: limits, signals: signals)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      let data = try encoder.encode(outcome.report)
      try FileIO.writeAll(1, String(decoding: data, as: UTF8.self) + "\n")
    } else {
      try? FileIO.writeAll(1, TraceOptions.text(outcome.report, style: style))
    }
    if let failure = outcome.run.startFailure {
      try? FileIO.writeAll(2, "proclab: \(TerminalSafe.escape(failure))\n")
    }
    let status = TraceOptions.exitStatus(outcome.run)
    if status != 0 { throw ExitCode(status) }
  }
}

/// What `proclab trace` and the REPL's `trace` share: the options' bounds, the run, the text.
enum TraceOptions {
  static let processesAllowed = "from 1 to 4096"
  static let outputAllowed = "from 0 to 16777216"

  struct Refused: Error {
    var message: String
  }

  /// The limits the options ask for, or the one line that says which is wrong and what is
  /// allowed.
  static func limits(timeout: String?, maxProcesses: String?, maxOutput: String?) -> Result<
    TraceLimits, Refused
  > {
    var limits = TraceLimits()
    if let timeout {
      switch TimeBudget.parse(timeout, option: "--timeout") {
      case .success(let s): limits.timeout = s
      case .failure(let e): return .failure(Refused(message: e.message))
      }
    }
    if let maxProcesses {
      guard let n = Int(maxProcesses), (1...4096).contains(n) else {
        return .failure(
          Refused(
            message: Catalog.text(
              "cli.trace.maxProcesses", ["value": maxProcesses, "min": "1", "max": "4096"])))
      }
      limits.maxProcesses = n
    }
    if let maxOutput {
      guard let n = Int(maxOutput), (0...16_777_216).contains(n) else {
        return .failure(
          Refused(
            message: Catalog.text(
              "cli.trace.maxOutput", ["value": maxOutput, "min": "0", "max": "16777216"])))
      }
      limits.maxOutput = n
    }
    return .success(limits)
  }

  /// Runs `argv` under the tracer (polling /proc when PROCLAB_TRACE_POLL=1). A `python3`
  /// that is a launcher script (a pyenv shim) is replaced by the interpreter it runs, as an
  /// exercise's check does (`Interpreter`), and the report's first note says so.
  static func trace(_ argv: [String], limits: TraceLimits, signals: SignalPipe) -> (
    run: TraceRun, report: DemoReport
  ) {
    let poll = getenv("PROCLAB_TRACE_POLL").map { String(cString: $0) == "1" } ?? false
    let resolved = Interpreter.resolved(argv)
    let run = Tracer(limits: limits, forcePolling: poll).run(resolved, signals: signals)
    var report = TraceReport.report(run, environment: MachineEnvironment.current())
    if resolved.first != argv.first, let shim = Interpreter.inPath(argv[0]) {
      report.notes.insert(
        Catalog.text("demo.trace.interpreter", ["shim": shim, "real": resolved[0]]), at: 0)
    }
    return (run, report)
  }

  /// The report drawn as a demo's is: through `DemoPresenter`, every text of the traced
  /// program (its argv, its output) made safe for the terminal first.
  static func text(_ report: DemoReport, style: TerminalStyle) -> String {
    let presenter = DemoPresenter(style: style)
    let command =
      report.params["command"].flatMap { value -> String? in
        guard case .array(let parts) = value else { return nil }
        return parts.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(
          separator: " ")
      } ?? ""
    // A long command line wraps rather than runs past the terminal's width.
    let heading = DisplayWidth.wrap(
      Catalog.text("demo.trace.screen.heading", ["command": TerminalSafe.escape(command)]),
      width: style.width)
    var events: [DemoEvent] = [.heading(heading.joined(separator: "\n"))]
    events += report.tables.filter { $0.title?.hasPrefix("the program's") == true }.map {
      .table(safe($0))
    }
    events += [.table(safe(summary(report)))]
    events += report.figures.map { .figure(safe($0)) }
    events += report.tables.filter { $0.title?.hasPrefix("the program's") != true }.map {
      .table(TraceScreen.onScreen(escaped($0), style: style))
    }
    events += report.notes.map { .note(TerminalSafe.escape($0)) }
    return events.map(presenter.render).joined()
  }

  /// The declared metrics with their labels and values, one row each.
  static func summary(_ report: DemoReport) -> Table {
    var table = Table(
      title: "what it did", columns: [.init("metric"), .init("value", align: .right)])
    for d in TraceReport.metrics {
      guard let value = report.metrics[d.path] else { continue }
      // Pipes, sockets and IPC objects only when the program made some (the tables say more).
      if value == .number(0), TraceReport.ipcMetrics.contains(where: { $0.path == d.path }) {
        continue
      }
      let text: String
      switch (value, d.unit) {
      case (.number(let n), .seconds): text = Units.duration(n)
      case (.number(let n), .bytes): text = Units.bytes(Int(n))
      case (.number(let n), _): text = String(Int(n))
      case (.string(let s), _): text = s.isEmpty ? "—" : s
      default: continue
      }
      table.append([TraceReport.label(d.path), text])
    }
    return table
  }

  /// A table of the report as it fits `width` columns, every cell whole, safe for the
  /// terminal and in the session's language (TraceScreen, which reads the report's English
  /// names and translates as it lays out).
  static func onScreen(_ table: Table, width: Int) -> Table {
    TraceScreen.onScreen(escaped(table), style: .plain(width: width))
  }

  /// `table` made safe for the terminal, in the session's language (`TraceReport.onScreen`),
  /// for the tables TraceScreen does not lay out.
  static func safe(_ table: Table) -> Table { escaped(TraceReport.onScreen(table)) }

  /// `table` with the traced program's text made safe for the terminal, still in English.
  static func escaped(_ table: Table) -> Table {
    var t = table
    t.rows = t.rows.map { $0.map { TerminalSafe.escape($0) } }
    t.footer = t.footer.map { TerminalSafe.escape($0) }
    return t
  }

  static func safe(_ figure: Figure) -> Figure {
    let figure = TraceReport.onScreen(figure)
    guard case .timeline(var timeline) = figure else { return figure }  // trees escape their own
    timeline.lanes = timeline.lanes.map { lane in
      var l = lane
      l.label = TerminalSafe.escape(l.label)
      return l
    }
    return .timeline(timeline)
  }

  /// `proclab trace`'s own status: the program's, 128 + a signal that killed it, 130 when
  /// interrupted, 124 past a limit, 127 when it could not be started.
  static func exitStatus(_ run: TraceRun) -> Int32 {
    if run.startFailure != nil { return 127 }
    switch run.stop {
    case .interrupted: return 130
    case .timeout, .processLimit: return 124
    case nil: break
    }
    if let code = run.root?.exitCode { return code }
    if let sig = run.root?.signal { return 128 + sig }
    return 0
  }
}

extension Session {
  /// `trace <program> [args …]` at the prompt: the words as argv (no shell), default limits.
  func trace(_ args: [String]) {
    let argv = args.first == "--" ? Array(args.dropFirst()) : args
    guard !argv.isEmpty else {
      refuse(Catalog.text("repl.trace.needsProgram"))
      return
    }
    let outcome = TraceOptions.trace(argv, limits: TraceLimits(), signals: signals)
    say(TraceOptions.text(outcome.report, style: style))
    if let failure = outcome.run.startFailure { refuse(TerminalSafe.escape(failure)) }
    discardTypeahead()
  }
}
