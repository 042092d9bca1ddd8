public import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// A trace as a report under the demo contract: declared metrics, a process tree, a timeline
/// (one lane per process and thread) and a table, so the presenter, quiz rules and grading read
/// it like any demo's (docs/trace.md).
public enum TraceReport {
  /// The name the report carries in `demo`.
  public static let name = "trace"

  /// A zombie is counted when its parent took at least this long to reap it: the tracer's
  /// resolution (a poll of 1 ms between events).
  public static let zombieThreshold = 0.001

  public static let metrics: [MetricDeclaration] =
    [
      .measured("processes", "processes", .count, "processes the command made, itself included"),
      .measured("threads", "threads", .count, "threads started besides each process's first one"),
      .measured(
        "zombies", "zombies", .count,
        "processes that stayed zombies (exit to reap) for at least 1 ms"),
      .measured(
        "longest_zombie", "longest zombie", .seconds,
        "the longest time from a process's exit to its reap"),
      .measured(
        "orphans", "orphans", .count,
        "processes whose parent ended first, re-parented to ProcLab (a child subreaper)"),
      .measured("exit_status", "exit status", .exitStatus, "what the command passed to exit()"),
      .measured("killed_by", "killed by", .text, "the signal that ended the command, or \"\""),
      .measured("wall", "wall time", .seconds, "from the start to the last process's end"),
      .measured("cpu", "CPU time", .seconds, "user + system time of every process and thread"),
      .measured(
        "stopped", "stopped by", .text,
        "\"\", or timeout, process_limit, interrupted when ProcLab stopped the run"),
      .measured("stdout_bytes", "standard output", .bytes, "bytes the command wrote to stdout"),
      .measured("stderr_bytes", "standard error", .bytes, "bytes the command wrote to stderr"),
      .fact(
        "method", "method", .text, "ptrace (every event, exactly) or polling (/proc every 1 ms)"),
    ] + ipcMetrics

  public static func report(_ run: TraceRun, environment: MachineEnvironment) -> DemoReport {
    let processes = run.processes
    let zombieTimes = processes.compactMap(\.zombieSeconds)
    var metrics: [String: JSONValue] = [
      "processes": .number(Double(processes.count)),
      "threads": .number(Double(run.threads.count)),
      "zombies": .number(Double(zombieTimes.filter { $0 >= zombieThreshold }.count)),
      "longest_zombie": .number(zombieTimes.max() ?? 0),
      "orphans": .number(Double(processes.filter(\.wasOrphaned).count)),
      "wall": .number(run.wall),
      "cpu": .number(run.tasks.compactMap(\.cpuSeconds).reduce(0, +)),
      "stopped": .string(run.stop?.code ?? ""),
      "stdout_bytes": .number(Double(run.stdoutBytes)),
      "stderr_bytes": .number(Double(run.stderrBytes)),
      "method": .string(run.method.rawValue),
      "killed_by": .string(""),
    ].merging(ipcMetricValues(run.ipc)) { a, _ in a }
    if let root = run.root {
      if let code = root.exitCode { metrics["exit_status"] = .number(Double(code)) }
      if let sig = root.signal { metrics["killed_by"] = .string(signalName(sig)) }
    }
    return DemoReport(
      demo: name, params: ["command": .array(run.command.map { .string($0) })],
      environment: environment, metrics: metrics,
      tables: [table(run)] + [channelTable(run), objectTable(run)].compactMap { $0 }
        + outputTables(run),
      figures: [.processTree(tree(run)), .timeline(timeline(run))], notes: notes(run))
  }

  static func signalName(_ sig: Int32) -> String { Signals.name(sig) }

  static func ms(_ seconds: Double?) -> String {
    guard let seconds else { return "—" }
    return Units.duration(seconds)
  }

  static func ending(_ t: TracedTask) -> String {
    if let code = t.exitCode { return "exit \(code)" }
    if let sig = t.signal { return signalName(sig) }
    return t.end == nil ? "running" : "ended"
  }

  static func who(_ pid: Int32?, _ run: TraceRun) -> String {
    guard let pid else { return "—" }
    return pid == run.tracerPid ? "ProcLab \(pid)" : "\(pid)"
  }

  /// The titles the screen layout (TraceScreen) knows the tables by.
  public static let processesTitle = "processes and threads"
  public static let channelsTitle = "pipes and sockets"

  /// The columns of the processes table, in order (TraceScreen lays them out by position).
  enum ProcessColumn: Int {
    case pid, parent, kind, program, start, end, exit, zombie, reapedBy, cpu, switches
  }

  static func table(_ run: TraceRun) -> Table {
    var table = Table(
      title: processesTitle,
      columns: [
        .init("pid", align: .right), .init("parent", align: .right), .init("kind"),
        .init("program"), .init("start", align: .right), .init("end", align: .right),
        .init("exit"), .init("zombie", align: .right), .init("reaped by"),
        .init("CPU", align: .right), .init("switches vol/invol", align: .right),
      ])
    for t in run.tasks {
      let switches =
        t.voluntarySwitches.map { v in "\(v)/\(t.involuntarySwitches.map(String.init) ?? "—")" }
        ?? "—"
      table.append([
        "\(t.tid)", who(t.parent, run),
        t.isThread ? "thread" : (t.wasOrphaned ? "orphan" : "process"),
        t.program.joined(separator: " "), ms(t.start), ms(t.end), ending(t),
        t.isThread ? "" : ms(t.zombieSeconds), t.isThread ? "" : who(t.reaper, run),
        ms(t.cpuSeconds), switches,
      ])
    }
    return table
  }

  /// The program's name (argv[0] without its directory) and its arguments, whole: the tree
  /// wraps a long one.
  static func commandLine(_ argv: [String]) -> String {
    ([argv.first.map(basename) ?? ""] + argv.dropFirst()).joined(separator: " ")
  }

  static func tree(_ run: TraceRun) -> ProcessTreeFigure {
    var nodes = [
      ProcessTreeFigure.Process(
        pid: run.tracerPid, ppid: getppid(), label: "proclab", note: "(tracer, child subreaper)")
    ]
    for t in run.processes {
      var note = ending(t)
      let threads = run.threads.filter { $0.tgid == t.tid }.count
      if threads > 0 { note += ", \(threads) thread\(threads == 1 ? "" : "s")" }
      if let z = t.zombieSeconds, z >= zombieThreshold { note += ", zombie \(ms(z))" }
      if t.wasOrphaned { note += ", orphan: reaped by \(who(t.reaper ?? t.parentAtExit, run))" }
      nodes.append(
        .init(pid: t.tid, ppid: t.parent, label: commandLine(t.program), note: note))
    }
    return ProcessTreeFigure(title: "process tree", processes: nodes)
  }

  static func timeline(_ run: TraceRun) -> Timeline {
    var lanes: [Timeline.Lane] = []
    for t in run.tasks {
      let end = t.end ?? run.wall
      var spans = [Timeline.Span(start: t.start, end: end, label: t.isThread ? "thread" : "run")]
      if let reaped = t.reaped, !t.isThread, reaped - end >= zombieThreshold {
        spans.append(.init(start: end, end: reaped, label: "zombie"))
      }
      let name = t.isThread ? "thread" : (t.program.first.map { basename($0) } ?? "")
      lanes.append(.init(label: "\(t.tid) \(name)", spans: spans))
    }
    return Timeline(title: "timeline (one lane per process and thread)", lanes: lanes, start: 0)
  }

  static func basename(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  static func outputTables(_ run: TraceRun) -> [Table] {
    var tables: [Table] = []
    for (name, kept, total) in [
      ("stdout", run.stdout, run.stdoutBytes), ("stderr", run.stderr, run.stderrBytes),
    ] where total > 0 {
      var lines = String(decoding: kept, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false
      ).map(String.init)
      if lines.last == "" { lines.removeLast() }
      let footer =
        total > kept.count
        ? ["\(Units.bytes(total)) written; the first \(Units.bytes(kept.count)) shown"] : []
      tables.append(
        Table(
          title: "the program's \(name)", columns: [.init(name)], rows: lines.map { [$0] },
          footer: footer))
    }
    return tables
  }

  static func notes(_ run: TraceRun) -> [String] {
    var notes: [String] = []
    if let failure = run.startFailure { notes.append(failure) }
    switch run.method {
    case .ptrace:
      notes.append(Catalog.text("demo.trace.note.ptrace"))
    case .polling:
      let reason = run.fallbackReason ?? Catalog.text("demo.trace.reason.pollingForced")
      notes.append(Catalog.text("demo.trace.note.polling", ["reason": reason]))
    }
    notes.append(Catalog.text("demo.trace.note.subreaper", ["pid": "\(run.tracerPid)"]))
    notes += ipcNotes(run)
    if let stop = run.stop { notes.append(stop.line) }
    return notes
  }
}
