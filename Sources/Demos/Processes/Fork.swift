import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

struct ForkKeys: ParameterSet {
  let children = IntParameter("children", default: 3, range: 1...8, help: "how many children")
  let python = ProcessPython.python
}

struct SubprocessKeys: ParameterSet {
  let lines = IntParameter(
    "lines", default: 6, range: 1...10_000, help: "how many lines to feed sort")
}

extension ProcessDemos {
  /// the concepts tutorial's fork/exec/wait: a small tree of real processes, each child's exit status
  /// collected by wait.
  static let fork = DemoDefinition(
    name: "fork",
    summary: "fork children, draw the process tree with pids and ppids, wait for each status",
    lesson: "creating-processes", metrics: ProcessMetrics.fork,
    parameters: ForkKeys.self
  ) { params, context in
    let count = params.children
    let pipe = try PipeEnds()
    defer { pipe.closeBoth() }
    var kids: [(pid: Int32, ppid: Int32, process: ChildProcess)] = []
    context.onCleanup { Workers.reapAll() }
    for i in 0..<count {
      let pid = pl_fork_report_exit(pipe.write, Int32(i + 1))
      guard pid > 0 else { throw SystemError("forking child \(i + 1)") }
      let ids = try FileIO.readExactly(pipe.read, 8)
      guard ids.count == 8 else {
        throw DemoError(Catalog.text("demo.error.childNoReport", ["pid": String(pid)]))
      }
      let ppid = ids.withUnsafeBytes { $0.load(fromByteOffset: 4, as: Int32.self) }
      kids.append((pid, ppid, ChildProcess.adopting(pid: pid)))
    }
    var statuses: [ExitStatus] = []
    for kid in kids { statuses.append(try kid.process.wait()) }
    let me = getpid()
    let parent = getppid()
    let starter = ProcStat.read(parent)
    var tree = [
      ProcessTreeFigure.Process(
        pid: parent, ppid: starter?.ppid ?? 0,
        label: starter?.command ?? Catalog.text("demo.ids.parent"),
        note: Catalog.text("demo.fork.startedDemo")),
      ProcessTreeFigure.Process(
        pid: me, ppid: parent, label: Catalog.text("demo.fork.demo"),
        note: Catalog.text("demo.fork.calledFork", ["count": String(count)])),
    ]
    for (i, kid) in kids.enumerated() {
      tree.append(
        ProcessTreeFigure.Process(
          pid: kid.pid, ppid: kid.ppid, label: Catalog.text("demo.fork.child"),
          note: "→ wait(): " + DemoText.status(statuses[i])))
    }
    context.figure(.processTree(ProcessTreeFigure(processes: tree)))
    context.note(Catalog.text("demo.fork.returnedTwice", ["pid": String(me)]))
    context.note(Catalog.text("demo.fork.inherited"))
    context.note(Catalog.text("demo.fork.noZombie"))
    context.metric("parent_pid", JSONValue(me))
    context.metric("children", .array(kids.map { JSONValue($0.pid) }))
    context.metric("children_ppids_match", .bool(kids.allSatisfy { $0.ppid == me }))
    context.metric(
      "exit_statuses",
      .array(
        statuses.map { s in if case .exited(let c) = s { JSONValue(c) } else { JSONValue(-1) } }))
    if params.python {
      try ProcessPython.forkTable(
        swift: (
          me, kids.map(\.pid), kids.allSatisfy { $0.ppid == me },
          statuses.map { s in if case .exited(let c) = s { String(c) } else { s.description } }
        ), count: count, context)
    }
  }

  /// the concepts tutorial's subprocess: run a program with its standard streams connected by pipes.
  static let subprocess = DemoDefinition(
    name: "subprocess",
    summary: "run sort with stdin, stdout and stderr on pipes, and collect its exit status",
    lesson: "creating-processes", metrics: ProcessMetrics.subprocess,
    parameters: SubprocessKeys.self
  ) { params, context in
    guard
      let sort = ["/usr/bin/sort", "/bin/sort"].first(where: { (p: String) in access(p, X_OK) == 0 }
      )
    else {
      throw DemoError(Catalog.text("demo.error.noSort"))
    }
    let words = ["pipe", "fork", "queue", "semaphore", "thread", "mutex", "zombie", "exec", "wait"]
    let input = (0..<params.lines).map { "\(words[$0 % words.count])-\($0)" }
    let first = try runFiltered(sort, ["sort"], input: input)
    let second = try runFiltered(sort, ["sort", "--no-such-option"], input: input)
    let preview = { (lines: [String]) in
      lines.prefix(3).joined(separator: " ") + (lines.count > 3 ? " …" : "")
    }
    context.table(
      Table(
        title: Catalog.text("demo.subprocess.title"),
        columns: [
          .init(name: Catalog.text("demo.subprocess.column.command"), align: .left),
          .init(name: "pid", align: .right), .init(name: "stdout", align: .left),
          .init(name: Catalog.text("demo.subprocess.column.exit"), align: .left),
        ],
        rows: [
          ["sort", String(first.pid), preview(first.output), DemoText.status(first.status)],
          [
            "sort --no-such-option", String(second.pid), preview(second.output),
            DemoText.status(second.status),
          ],
        ], footer: []))
    context.note(
      Catalog.text(
        "demo.subprocess.stdin", ["count": String(input.count), "preview": preview(input)]))
    if let message = second.errors.first {
      context.note(Catalog.text("demo.subprocess.stderr", ["message": message]))
    }
    context.note(Catalog.text("demo.subprocess.wrote"))
    context.note(Catalog.text("demo.subprocess.failed"))
    context.metric("sorted", .bool(first.output == input.sorted()))
    context.metric("exit_status", JSONValue(first.status == .exited(0) ? 0 : 1))
    context.metric("failing_exit_status", .string(second.status.description))
  }
}

/// Runs `path` with `argv`, feeding `input` on stdin; returns its output lines and status.
func runFiltered(_ path: String, _ argv: [String], input: [String]) throws -> (
  pid: Int32, output: [String], errors: [String], status: ExitStatus
) {
  let stdin = try PipeEnds()
  let stdout = try PipeEnds()
  let stderr = try PipeEnds()
  let child = try ChildProcess.spawn(
    path, arguments: argv, stdin: stdin.read, stdout: stdout.write, stderr: stderr.write)
  FileIO.closeQuietly(stdin.read)
  FileIO.closeQuietly(stdout.write)
  FileIO.closeQuietly(stderr.write)
  // Small inputs fit in the pipe buffer; write on a thread for large ones to avoid deadlock.
  let text = input.joined(separator: "\n") + "\n"
  let writer = try Thread(starting: {
    try? FileIO.writeAll(stdin.write, text)
    FileIO.closeQuietly(stdin.write)
  })
  // Both at once: reading stdout to its end first would hang on a full stderr pipe.
  let (output, _) = OutputCapture.collect(stdout: stdout.read, stderr: stderr.read)
  writer.join()
  FileIO.closeQuietly(stdout.read)
  FileIO.closeQuietly(stderr.read)
  let status = try child.wait()
  let lines = { (b: [UInt8]) in
    String(decoding: b, as: UTF8.self).split(separator: "\n").map(String.init)
  }
  return (child.pid, lines(output.stdout), lines(output.stderr), status)
}
