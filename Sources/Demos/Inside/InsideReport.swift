import DemoContract
import Localization
import OSKit
import Render
import Trace

/// The `mp-inside` demo's report from a classified trace: metrics, the table of what started,
/// which pid ran which value, the tracer's tree and timeline with each lane named by its part,
/// and whole-sentence notes.
extension InsideDemo {
  static func report(
    _ started: StartedProcesses, run: TraceRun, flat: [String: JSONValue], program: Program,
    context: DemoContext
  ) {
    let trace = TraceReport.report(run, environment: context.environment)
    let workerPids = Set(started.workers.map(\.task.tid))
    let rootPid = started.program?.task.tid ?? -1
    let start =
      if case .string(let s)? = flat["start_method"] { s } else { "" }
    context.metric("start_method", .string(start))
    context.metric("method", .string(run.method.rawValue))
    context.metric("processes", JSONValue(started.processes.count))
    context.metric("workers", JSONValue(workerPids.count))
    let said =
      program == .pool ? numbers(flat, "worker_pids") : numbers(flat, "joinable.consumer_pids")
    let saidSet = Set(said.map { Int32($0) })
    let agree =
      program == .pool
      ? saidSet == workerPids : !saidSet.isEmpty && saidSet.isSubset(of: workerPids)
    context.metric("workers_as_program_says", .bool(agree))
    context.metric("resource_tracker", JSONValue(started.resourceTrackers.count))
    context.metric("forkserver", JSONValue(started.forkservers.count))
    context.metric("threads.program", JSONValue(started.threads(in: rootPid).count))
    context.metric("threads.workers", JSONValue(started.workerThreads.count))
    context.metric("threads.pool_handlers", JSONValue(started.poolHandlers.count))
    context.metric("threads.feeders", JSONValue(started.feeders.count))
    context.metric(
      "threads.feeders_in_program",
      JSONValue(started.feeders.filter { $0.task.tgid == rootPid }.count))
    context.metric("threads.named", JSONValue(started.threads.filter { $0.name != nil }.count))
    var valuePids: [Int] = []
    if program == .pool {
      valuePids = numbers(flat, "pids")
      context.metric("tasks", JSONValue(valuePids.count))
      context.metric(
        "tasks_in_workers",
        JSONValue(valuePids.filter { workerPids.contains(Int32($0)) }.count))
      context.metric("task_pids", JSONValue(Set(valuePids).count))
    }
    context.metric("killed", JSONValue(started.killed.count))
    context.metric("ipc_left", trace.metrics["ipc_left"] ?? .number(0))
    if let code = run.root?.exitCode { context.metric("exit_status", JSONValue(Int(code))) }
    context.metric("wall", .number(run.wall))

    context.table(startedTable(started))
    if program == .pool { context.table(valuesTable(valuePids, flat: flat, started: started)) }
    for figure in trace.figures { context.figure(named(figure, started)) }
    notes(
      started, program: program, start: start, agree: agree, ipcLeft: trace.metrics["ipc_left"],
      context: context)
  }

  /// A process's part, as the tables and figures say it.
  static func text(_ role: StartedProcesses.ProcessRole) -> String {
    switch role {
    case .program: Catalog.text("demo.inside.role.program")
    case .worker(let n): Catalog.text("demo.inside.role.worker", ["n": "\(n)"])
    case .resourceTracker: Catalog.text("demo.inside.role.tracker")
    case .forkserver: Catalog.text("demo.inside.role.forkserver")
    }
  }

  /// A thread's part.
  static func text(_ role: StartedProcesses.ThreadRole) -> String {
    switch role {
    case .poolHandler(let handler): Catalog.text("demo.inside.role.handler", ["handler": handler])
    case .queueFeeder: Catalog.text("demo.inside.role.feeder")
    case .other(let name): Catalog.text("demo.inside.role.otherThread", ["name": name])
    case .unnamed: Catalog.text("demo.inside.role.unnamedThread")
    }
  }

  static func startedTable(_ started: StartedProcesses) -> Table {
    var table = Table(
      title: Catalog.text("demo.inside.table.started"),
      columns: [
        .init(Catalog.text("demo.inside.column.id"), align: .right),
        .init(Catalog.text("demo.inside.column.in"), align: .right),
        .init(Catalog.text("demo.inside.column.what")),
        .init(Catalog.text("demo.inside.column.start"), align: .right),
        .init(Catalog.text("demo.inside.column.end"), align: .right),
      ])
    for process in started.processes {
      table.append(row(process.task, what: text(process.role)))
      for thread in started.threads(in: process.task.tid) {
        table.append(row(thread.task, what: "  " + text(thread.role)))
      }
    }
    table.footer = [Catalog.text("demo.inside.table.startedFooter")]
    return table
  }

  static func row(_ task: TracedTask, what: String) -> [String] {
    [
      "\(task.tid)", "\(task.isThread ? task.tgid : task.parent)", what,
      Units.duration(task.start), task.end.map { Units.duration($0) } ?? "—",
    ]
  }

  static func valuesTable(
    _ pids: [Int], flat: [String: JSONValue], started: StartedProcesses
  ) -> Table {
    var table = Table(
      title: Catalog.text("demo.inside.table.values"),
      columns: [
        .init(Catalog.text("demo.inside.column.value"), align: .right),
        .init(Catalog.text("demo.inside.column.result"), align: .right),
        .init(Catalog.text("demo.inside.column.pid"), align: .right),
        .init(Catalog.text("demo.inside.column.process")),
      ])
    let results = numbers(flat, "results")
    for (value, pid) in pids.enumerated() {
      table.append([
        "\(value)", value < results.count ? "\(results[value])" : "—", "\(pid)",
        started.role(of: Int32(pid)).map(text) ?? Catalog.text("demo.inside.role.notTraced"),
      ])
    }
    return table
  }

  /// What the tree says after a process's ids: how it ended, its threads, how long it was a
  /// zombie, who reaped it when it was orphaned.
  static func treeNote(_ task: TracedTask, threads: Int) -> String {
    var parts: [String] = []
    if let code = task.exitCode {
      parts.append(Catalog.text("demo.inside.tree.exit", ["code": "\(code)"]))
    } else if let sig = task.signal {
      parts.append(Signals.name(sig))
    }
    if threads > 0 {
      parts.append(Catalog.text("demo.inside.tree.threads", ["count": "\(threads)"]))
    }
    if let z = task.zombieSeconds, z >= TraceReport.zombieThreshold {
      parts.append(Catalog.text("demo.inside.tree.zombie", ["time": Units.duration(z)]))
    }
    if task.wasOrphaned, let reaper = task.reaper ?? task.parentAtExit {
      parts.append(Catalog.text("demo.inside.tree.orphan", ["pid": "\(reaper)"]))
    }
    return parts.joined(separator: ", ")
  }

  /// A timeline lane's short name for a process's part (a lane's label has 20 columns).
  static func lane(_ role: StartedProcesses.ProcessRole) -> String {
    switch role {
    case .program: Catalog.text("demo.inside.lane.program")
    case .worker(let n): Catalog.text("demo.inside.role.worker", ["n": "\(n)"])
    case .resourceTracker: Catalog.text("demo.inside.lane.tracker")
    case .forkserver: Catalog.text("demo.inside.lane.forkserver")
    }
  }

  /// A timeline lane's short name for a thread's part.
  static func lane(_ role: StartedProcesses.ThreadRole) -> String {
    switch role {
    case .poolHandler: Catalog.text("demo.inside.lane.handler")
    case .queueFeeder: Catalog.text("demo.inside.lane.feeder")
    case .other, .unnamed: Catalog.text("demo.inside.lane.thread")
    }
  }

  /// The tracer's figure with each process and lane named by its part.
  static func named(_ figure: Figure, _ started: StartedProcesses) -> Figure {
    var labels: [Int32: String] = [:]
    var lanes: [Int32: String] = [:]
    for p in started.processes {
      labels[p.task.tid] = text(p.role)
      lanes[p.task.tid] = lane(p.role)
    }
    for t in started.threads { lanes[t.task.tid] = lane(t.role) }
    switch figure {
    case .processTree(var tree):
      tree.title = Catalog.text("demo.inside.figure.tree")
      let tasks = Dictionary(
        started.processes.map { ($0.task.tid, $0.task) }, uniquingKeysWith: { a, _ in a })
      tree.processes = tree.processes.map { node in
        var n = node
        if let label = labels[node.pid] { n.label = label }
        if let task = tasks[node.pid] {
          n.note = treeNote(task, threads: started.threads(in: node.pid).count)
        }
        return n
      }
      return .processTree(tree)
    case .timeline(var timeline):
      timeline.title = Catalog.text("demo.inside.figure.timeline")
      timeline.lanes = timeline.lanes.map { lane in
        var l = lane
        if let tid = lane.label.split(separator: " ").first.flatMap({ Int32($0) }),
          let label = lanes[tid]
        {
          l.label = "\(tid) \(label)"
        }
        return l
      }
      return .timeline(timeline)
    default:
      return figure
    }
  }
}

extension InsideDemo {
  /// Whole sentences built from what the trace saw.
  static func notes(
    _ started: StartedProcesses, program: Program, start: String, agree: Bool,
    ipcLeft: JSONValue?, context: DemoContext
  ) {
    let workers = started.workers.map(\.task.tid)
    let pids = workers.map(String.init).joined(separator: ", ")
    let rootPid = started.program?.task.tid ?? -1
    var arguments = ["count": "\(workers.count)", "pids": pids, "start": start]
    switch start {
    case "spawn": context.note(Catalog.text("demo.inside.note.workers.spawn", arguments))
    case "forkserver":
      arguments["server"] = started.forkservers.map { "\($0.task.tid)" }.joined(separator: ", ")
      context.note(Catalog.text("demo.inside.note.workers.forkserver", arguments))
    default: context.note(Catalog.text("demo.inside.note.workers.fork", arguments))
    }
    context.note(
      Catalog.text(agree ? "demo.inside.note.agree" : "demo.inside.note.disagree", arguments))
    if let tracker = started.resourceTrackers.first {
      context.note(Catalog.text("demo.inside.note.tracker", ["pid": "\(tracker.task.tid)"]))
    } else {
      context.note(Catalog.text("demo.inside.note.noTracker", arguments))
    }
    let handlers = started.poolHandlers.filter { $0.task.tgid == rootPid }.count
    if program == .pool {
      context.note(
        Catalog.text(
          "demo.inside.note.handlers",
          ["threads": "\(started.threads(in: rootPid).count)", "handlers": "\(handlers)"]))
    }
    let feeders = started.feeders
    let inProgram = feeders.filter { $0.task.tgid == rootPid }.count
    context.note(
      Catalog.text(
        program == .pool ? "demo.inside.note.feeders.pool" : "demo.inside.note.feeders.queue",
        [
          "count": "\(feeders.count)", "inProgram": "\(inProgram)",
          "inWorkers": "\(feeders.count - inProgram)",
        ]))
    let ipc = Int(ipcLeft?.double ?? 0)
    if started.killed.isEmpty, ipc == 0 {
      context.note(Catalog.text("demo.inside.note.nothingLeft"))
    } else {
      context.note(
        Catalog.text(
          "demo.inside.note.left", ["killed": "\(started.killed.count)", "ipc": "\(ipc)"]))
    }
  }
}
