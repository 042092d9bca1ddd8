import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

struct ZombieKeys: ParameterSet {
  let hold = DecimalParameter(
    "hold", default: 0.2, range: 0...5, help: "seconds the parent leaves the zombie unreaped")
  let python = ProcessPython.python
}

struct OrphanKeys: ParameterSet {
  let subreaper = FlagParameter(
    "subreaper", default: true,
    help: "make the demo process a child subreaper, so it adopts (and reaps) the orphan")
}

extension ProcessDemos {
  /// the concepts tutorial's zombie: a child exits, its parent has not waited yet.
  static let zombie = DemoDefinition(
    name: "zombie",
    summary: "a child exits before its parent waits: it shows as Z until it is reaped",
    lesson: "zombies-and-orphans", metrics: ProcessMetrics.zombie,
    parameters: ZombieKeys.self
  ) { params, context in
    let hold = params.hold
    let pid = pl_fork_exit(7)
    guard pid > 0 else { throw SystemError("forking a child") }
    let child = ChildProcess.adopting(pid: pid)
    context.onCleanup { _ = child.poll() ?? (try? child.wait()) }
    // Wait until the child has really exited, without reaping it: /proc says Z.
    var before = ProcStat.read(pid)
    let deadline = MonotonicClock.seconds() + 2
    while before?.state != "Z", MonotonicClock.seconds() < deadline {
      usleep(1_000)
      before = ProcStat.read(pid)
    }
    let stateBefore = before.map { String($0.state) } ?? "?"
    if hold > 0 { usleep(UInt32(hold * 1e6)) }
    let status = try child.wait()
    let after = ProcStat.read(pid)
    var rows = [
      [
        Catalog.text("demo.zombie.afterExit"), "/proc/\(pid)/stat", stateBefore,
        before.map { DemoText.stateName($0.state) } ?? Catalog.text("demo.zombie.gone"),
      ]
    ]
    rows.append([
      Catalog.text("demo.zombie.afterWait", ["pid": String(pid)]), "/proc/\(pid)/stat",
      after.map { String($0.state) } ?? "—",
      after.map { DemoText.stateName($0.state) } ?? Catalog.text("demo.zombie.reaped"),
    ])
    if params.python { rows += try ProcessPython.zombieRows(context) }
    context.table(
      Table(
        title: Catalog.text("demo.zombie.title"),
        columns: [
          .init(name: Catalog.text("demo.zombie.column.moment"), align: .left),
          .init(name: Catalog.text("demo.zombie.column.readFrom"), align: .left),
          .init(name: Catalog.text("demo.zombie.column.state"), align: .center),
          .init(name: Catalog.text("demo.zombie.column.meaning"), align: .left),
        ],
        rows: rows, footer: []))
    context.note(Catalog.text("demo.zombie.stayed", ["pid": String(pid)]))
    context.note(Catalog.text("demo.zombie.collected", ["status": DemoText.status(status)]))
    context.metric("pid", JSONValue(pid))
    context.metric("state_before_reap", .string(stateBefore))
    context.metric("exit_status", JSONValue(Int(status == .exited(7) ? 7 : -1)))
    context.metric("reaped", .bool(after == nil))
  }

  /// The longest the orphan demo's children live, whatever happens (they take milliseconds).
  static let orphanLifetime: UInt32 = 10

  /// the concepts tutorial's orphan: the parent exits first; the child is re-parented.
  static let orphan = DemoDefinition(
    name: "orphan",
    summary: "a parent exits before its child: the child is adopted by a subreaper or pid 1",
    lesson: "zombies-and-orphans", metrics: ProcessMetrics.orphan,
    parameters: OrphanKeys.self
  ) { params, context in
    let useSubreaper = params.subreaper
    _ = pl_set_child_subreaper(useSubreaper ? 1 : 0)
    let report = try PipeEnds()
    let releaseParent = try PipeEnds()
    let releaseChild = try PipeEnds()
    // The parent (middle) process forks the child, then waits to be told to exit, so the
    // child can first report who its parent is. Both are C (pl_fork_orphan_pair): each keeps
    // only the pipe ends it uses, so if this process dies their waits end with EOF, and each
    // lives at most `orphanLifetime` seconds. No parent-death signal: an orphan must outlive
    // its parent.
    var pipes = pl_orphan_pipes(
      report_read: report.read, report_write: report.write,
      release_parent_read: releaseParent.read, release_parent_write: releaseParent.write,
      release_child_read: releaseChild.read, release_child_write: releaseChild.write)
    let middle = pl_fork_orphan_pair(&pipes, orphanLifetime)
    // This process keeps its own ends only: the children hold the others.
    FileIO.closeQuietly(report.write)
    FileIO.closeQuietly(releaseParent.read)
    FileIO.closeQuietly(releaseChild.read)
    defer {
      FileIO.closeQuietly(report.read)
      FileIO.closeQuietly(releaseParent.write)
      FileIO.closeQuietly(releaseChild.write)
    }
    guard middle > 0 else { throw SystemError("forking the parent process") }
    let middleChild = ChildProcess.adopting(pid: middle)
    context.onCleanup { _ = middleChild.poll() ?? (try? middleChild.wait()) }
    let first = try FileIO.readExactly(report.read, 8)
    guard first.count == 8 else { throw DemoError(Catalog.text("demo.error.orphanNoReport")) }
    let childPid = first.withUnsafeBytes { $0.load(fromByteOffset: 0, as: Int32.self) }
    let originalParent = first.withUnsafeBytes { $0.load(fromByteOffset: 4, as: Int32.self) }
    // Now the parent exits, and we reap it; its child is an orphan from this moment.
    try FileIO.writeAll(releaseParent.write, [1])
    _ = try middleChild.wait()
    try FileIO.writeAll(releaseChild.write, [1])
    let second = try FileIO.readExactly(report.read, 4)
    guard second.count == 4 else {
      throw DemoError(Catalog.text("demo.error.orphanNoParent"))
    }
    let newParent = second.withUnsafeBytes { $0.load(as: Int32.self) }
    if useSubreaper {
      // It is our child now: reap it so nothing is left behind.
      _ = try? ChildProcess.adopting(pid: childPid).wait()
    } else {
      usleep(50_000)
    }
    let me = getpid()
    let who: String
    if newParent == me {
      who = Catalog.text("demo.orphan.bySubreaper", ["pid": String(me)])
    } else if newParent == 1 {
      who = Catalog.text("demo.orphan.byInit", ["command": ProcStat.read(1)?.command ?? "init"])
    } else {
      who = Catalog.text(
        "demo.orphan.byAncestor", ["process": ProcessTree.describe(newParent)])
    }
    context.table(
      Table(
        title: Catalog.text("demo.orphan.title"),
        columns: [
          .init(name: Catalog.text("demo.orphan.column.process"), align: .left),
          .init(name: "pid", align: .right),
          .init(name: Catalog.text("demo.orphan.column.parent"), align: .right),
        ],
        rows: [
          [Catalog.text("demo.orphan.childBefore"), String(childPid), String(originalParent)],
          [Catalog.text("demo.orphan.parentExits"), String(originalParent), String(me)],
          [Catalog.text("demo.orphan.childAfter"), String(childPid), String(newParent)],
        ], footer: []))
    context.note(
      Catalog.text(
        "demo.orphan.parentExited", ["parent": String(originalParent), "child": String(childPid)]))
    context.note(Catalog.text("demo.orphan.newParent", ["who": who]))
    if newParent != 1 { context.note(Catalog.text("demo.orphan.notAlwaysInit")) }
    context.metric("child_pid", JSONValue(childPid))
    context.metric("original_ppid", JSONValue(originalParent))
    context.metric("new_ppid", JSONValue(newParent))
    context.metric("reparented", .bool(newParent != originalParent))
    context.metric("adopted_by_subreaper", .bool(newParent != 1))
  }
}
