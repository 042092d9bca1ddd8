// The fds demo: its declaration and the descriptor table through fork, dup2 and execve. The
// other parts are in FdsOffset.swift (a shared offset), FdsExec.swift (O_CLOEXEC and a
// pipeline) and FdsEOF.swift (a missing end-of-file).
import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// `fds`: the descriptor table read live from /proc/<pid>/fd and fdinfo.
enum FdsDemo {
  /// The parts the demo can run, in the order it runs them.
  enum Part: String, ParameterChoice { case table, offset, cloexec, pipeline, eof }

  struct Keys: ParameterSet {
    let part = EnumListParameter<Part>("part", help: "which parts to run")
    let lines = IntParameter(
      "lines", default: 200, range: 1...5000,
      help: "lines each of the two writers writes in the offset part")
    let files = IntParameter(
      "files", default: 12, range: 0...500, help: "files in the directory ls | wc -l counts")
    let hold = DecimalParameter(
      "hold", default: 1, range: 0.1...5,
      help: "seconds a forgotten write end stays open in the eof part")
  }

  static let definition = DemoDefinition(
    name: "fds",
    summary: "the descriptor table across fork, dup2 and exec; shared offsets; O_CLOEXEC; pipes",
    lesson: "file-descriptors", metrics: DescriptorMetrics.fds,
    parameters: Keys.self, timeBudget: 60, run: run)

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let directory = try ScratchDirectory.make(context)
    for part in params.part {
      try context.checkStop()
      switch part {
      case .table: try table(directory, context)
      case .offset: try FdsOffset.run(lines: params.lines, directory, context)
      case .cloexec: try FdsExec.cloexec(directory, context)
      case .pipeline: try FdsExec.pipeline(files: params.files, directory, context)
      case .eof: try FdsEOF.run(hold: params.hold, context)
      }
    }
  }

  /// The line the dup2'd child writes to its fd 1.
  static let childLine = "written by the child to fd 1\n"

  /// The demo's table, its fork child's, a child's after dup2(notes, 1), and what an exec'd
  /// program lists for itself.
  static func table(_ directory: ScratchDirectory, _ context: DemoContext) throws {
    context.heading(Catalog.text("demo.fds.table.heading"))
    // Opened without O_CLOEXEC on purpose: it is to survive the exec below.
    let notes = try directory.open("notes.txt", O_RDWR)
    context.onCleanup { FileIO.closeQuietly(notes) }
    try FileIO.writeAll(notes, "opened by the demo\n")
    let me = getpid()

    let before = FDTable.read(me) ?? []
    let forked = try Descriptors.hold(context)
    guard let parentTable = FDTable.read(me), let childTable = FDTable.read(forked.pid) else {
      throw DemoError(Catalog.text("demo.error.noProcFd"))
    }
    // Compared: the descriptors the demo held both before the fork and after it. One that
    // another thread of this process opened or closed meanwhile (the runtime's, the event
    // writer's) was never the fork's to copy, and made this fact false now and then.
    let held = parentTable.filter { entry in
      before.contains { $0.fd == entry.fd && $0.target == entry.target }
    }
    let childHeld = childTable.filter { entry in held.contains { $0.fd == entry.fd } }
    var kcmpWorks = true
    let same = held.allSatisfy { entry in
      let r = pl_fd_same_description(me, forked.pid, entry.fd, entry.fd)
      if r < 0 { kcmpWorks = false }
      return r == 1
    }
    let sameNumbers = held.map(\.fd) == childHeld.map(\.fd) && !held.isEmpty
    let sameTargets = held.map(\.target) == childHeld.map(\.target)
    // One more line through the parent's descriptor: does the child's offset move too?
    try FileIO.writeAll(notes, "written by the parent after fork\n")
    let parentPosition = lseek(notes, 0, SEEK_CUR)
    let childPosition = FDTable.read(forked.pid)?.first { $0.fd == notes }?.position ?? -1
    forked.finish()

    let dupped = try Descriptors.hold(context, dup: notes, to: 1, line: childLine)
    let dupTable = FDTable.read(dupped.pid) ?? []
    dupped.finish()
    let notesPath = directory.file("notes.txt")
    let contents = String(decoding: FileIO.readFile(notesPath) ?? [], as: UTF8.self)

    let listing = try execListing(context)
    let sameCell = Catalog.text("demo.fds.table.sameCell")
    let closedCell = Catalog.text("demo.fds.table.closed")
    // A child's cell: "same" where it points where the demo's does, else where it points.
    let cell = { (entry: FDEntry, table: [FDEntry]) -> String in
      guard let other = table.first(where: { $0.fd == entry.fd }) else { return closedCell }
      return other.target == entry.target ? sameCell : directory.short(other.target)
    }
    let rows = parentTable.map { entry -> [String] in
      [
        String(entry.fd), directory.short(entry.target), entry.closeOnExec ? "O_CLOEXEC" : "—",
        cell(entry, childTable), cell(entry, dupTable),
        cell(entry, listing),
      ]
    }
    context.table(
      Table(
        title: Catalog.text("demo.fds.table.title", ["pid": String(me)]),
        columns: [
          .init(name: "fd", align: .right), .init(Catalog.text("demo.fds.table.column.target")),
          .init("O_CLOEXEC"),
          .init(Catalog.text("demo.fds.table.column.child")),
          .init(Catalog.text("demo.fds.table.column.dup2")),
          .init(Catalog.text("demo.fds.table.column.exec")),
        ],
        rows: rows,
        footer: [Catalog.text("demo.fds.table.footer")]))
    let childOne = dupTable.first { $0.fd == 1 }?.target
    let parentOne = parentTable.first { $0.fd == 1 }?.target
    let nowOne = FDTable.read(me)?.first { $0.fd == 1 }?.target
    let kept = listing.first { $0.target == notesPath }
    let cloexecFds = parentTable.filter(\.closeOnExec)
    let cloexecClosed = cloexecFds.allSatisfy { entry in
      !listing.contains { $0.fd == entry.fd && $0.target == entry.target }
    }
    let count = String(parentTable.count)
    if kcmpWorks {
      context.note(
        Catalog.text(
          same ? "demo.fds.table.same" : "demo.fds.table.notSame",
          ["count": count, "pid": String(forked.pid)]))
    } else {
      context.note(Catalog.text("demo.fds.table.noKcmp", ["count": count]))
    }
    context.note(
      Catalog.text(
        childPosition == Int64(parentPosition)
          ? "demo.fds.table.positionShared" : "demo.fds.table.positionApart",
        [
          "fd": String(notes), "parent": String(parentPosition), "child": String(childPosition),
        ]))
    context.note(
      Catalog.text(
        "demo.fds.table.dup2",
        [
          "fd": String(notes), "target": directory.short(childOne ?? "?"),
          "parent": directory.short(parentOne ?? "?"),
        ]))
    context.note(
      Catalog.text(
        "demo.fds.table.exec",
        [
          "fd": String(notes), "pos": String(kept?.position ?? -1),
          "count": String(cloexecFds.count),
        ]))
    context.metric("fork.descriptors", JSONValue(parentTable.count))
    context.metric(
      "fork.same_table", .bool(sameNumbers && sameTargets && (kcmpWorks ? same : true)))
    context.metric("fork.shared_position", .bool(childPosition == Int64(parentPosition)))
    context.metric("dup2.child_stdout_is_file", .bool(childOne == notesPath))
    context.metric("dup2.parent_stdout_unchanged", .bool(nowOne == parentOne && nowOne != nil))
    context.metric("dup2.line_in_file", .bool(contents.contains(childLine)))
    context.metric("exec.notes_kept", .bool(kept != nil))
    context.metric("exec.cloexec_closed", .bool(cloexecClosed))
    context.metric(
      "exec.same_position",
      .bool(kept?.position == Int64(parentPosition) + Int64(childLine.utf8.count)))
  }

  /// Runs `proclab worker fd-list` through fork + execve (inheriting everything) and returns
  /// the table it printed for itself.
  static func execListing(_ context: DemoContext) throws -> [FDEntry] {
    let out = try PipeEnds()
    defer { FileIO.closeQuietly(out.read) }
    let (child, execDone) = try Descriptors.forkExec(
      context, path: ChildProcess.selfExecutable, argv: ["proclab", "worker", "fd-list"],
      environment: ProcessEnvironment.forChild(), stdout: out.write)
    FileIO.closeQuietly(out.write)
    if let failure = Descriptors.execFailure(execDone, program: "proclab worker fd-list") {
      throw DemoError(failure)
    }
    var text: [UInt8] = []
    while FileIO.waitReadable(out.read, timeout: 5),
      let chunk = try? FileIO.read(out.read, upTo: 1 << 16), !chunk.isEmpty
    {
      text += chunk
    }
    _ = try child.wait()
    return FDTable.decode(String(decoding: text, as: UTF8.self))
  }
}
