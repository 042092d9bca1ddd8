import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// `exec`: a fork child calls execve. Its pid, its parent and its open descriptors (those
/// without O_CLOEXEC) stay; its program, its name and its whole memory image are replaced.
enum ExecDemo {
  struct Keys: ParameterSet {
    let cloexec = FlagParameter(
      "cloexec", default: true,
      help: "open closed.txt with O_CLOEXEC (off: it survives execve like kept.txt)")
  }

  static let definition = DemoDefinition(
    name: "exec",
    summary: "what execve keeps (pid, parent, descriptors) and replaces (program, memory)",
    lesson: "file-descriptors", metrics: DescriptorMetrics.exec,
    parameters: Keys.self, run: run)

  /// What /proc says about the child at one moment.
  struct Snapshot {
    var pid: Int32 = -1
    var ppid: Int32 = -1
    var exe = "?"
    var comm = "?"
    var mappings = -1
    var marker = false
    var fds: [FDEntry] = []

    static func read(_ pid: Int32, marker: String, at address: UInt) -> Snapshot {
      var s = Snapshot()
      let status = ProcStatus.read(pid)
      s.pid = status?.values("Pid").first.flatMap { Int32($0) } ?? -1
      s.ppid = status?.values("PPid").first.flatMap { Int32($0) } ?? -1
      s.exe = FDTable.link("/proc/\(pid)/exe") ?? "?"
      s.comm = (FileIO.readText("/proc/\(pid)/comm") ?? "?").filter { $0 != "\n" }
      s.mappings =
        (FileIO.readText("/proc/\(pid)/maps", limit: 8 << 20) ?? "").split(
          separator: "\n"
        ).count
      var buffer = [UInt8](repeating: 0, count: marker.utf8.count)
      let n = buffer.withUnsafeMutableBytes {
        pl_fd_read_memory(pid, UInt(address), $0.baseAddress!, $0.count)
      }
      s.marker = n == buffer.count && buffer == Array(marker.utf8)
      s.fds = FDTable.read(pid) ?? []
      return s
    }
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    guard let cat = Descriptors.program(["/bin/cat", "/usr/bin/cat"]) else {
      throw DemoError(Catalog.text("demo.error.noCat"))
    }
    let directory = try ScratchDirectory.make(context)
    let kept = try directory.open("kept.txt", O_WRONLY)
    context.onCleanup { FileIO.closeQuietly(kept) }
    let closed = try directory.open("closed.txt", O_WRONLY | (params.cloexec ? O_CLOEXEC : 0))
    context.onCleanup { FileIO.closeQuietly(closed) }
    let marker = "proclab-marker-\(getpid())-\(UInt32.random(in: 1...UInt32.max))"
    let address = UInt(pl_fd_set_marker(marker))
    let input = try PipeEnds()
    var inputWrite = Optional(input.write)
    defer {
      FileIO.closeQuietly(input.read)
      if let fd = inputWrite { FileIO.closeQuietly(fd) }
    }
    let go = try PipeEnds()
    defer { go.closeBoth() }
    let null = Glibc.open("/dev/null", O_WRONLY | O_CLOEXEC)
    guard null >= 0 else { throw SystemError("opening /dev/null") }
    defer { FileIO.closeQuietly(null) }
    let (child, execDone) = try Descriptors.forkExec(
      context, path: cat, argv: ["cat"], environment: FdsExec.environment, stdin: input.read,
      stdout: null, go: go.read)
    Descriptors.waitForTarget(child.pid, fd: 1, "/dev/null")
    let before = Snapshot.read(child.pid, marker: marker, at: address)
    try FileIO.writeAll(go.write, [1])
    if let failure = Descriptors.execFailure(execDone, program: cat) { throw DemoError(failure) }
    // execve has returned in the child (its O_CLOEXEC pipe closed); let /proc catch up.
    let deadline = Descriptors.now() + 2
    while FDTable.link("/proc/\(child.pid)/exe") == before.exe, Descriptors.now() < deadline {
      usleep(1000)
    }
    let after = Snapshot.read(child.pid, marker: marker, at: address)
    FileIO.closeQuietly(input.write)
    inputWrite = nil
    let status = try child.wait()
    report(before, after, status: status, marker: marker, address: address, directory, context)
  }

  static func report(
    _ before: Snapshot, _ after: Snapshot, status: ExitStatus, marker: String, address: UInt,
    _ directory: ScratchDirectory, _ context: DemoContext
  ) {
    let shortExe = { (path: String) in
      path.count > 32 ? "…/" + (path.split(separator: "/").last.map(String.init) ?? path) : path
    }
    let yes = Catalog.text("demo.exec.found")
    let no = Catalog.text("demo.exec.notFound")
    // 0, 1, 2 and the demo's two files by number; the rest (the demo's own pipes) counted.
    let fdList = { (s: Snapshot) -> String in
      let named = s.fds.filter { $0.fd <= 2 || directory.short($0.target).hasSuffix(".txt") }
      let words = named.map { entry -> String in
        let name = directory.short(entry.target)
        return name.hasSuffix(".txt") ? "\(entry.fd)=\(name)" : String(entry.fd)
      }
      let others = s.fds.count - named.count
      return (words + (others > 0 ? ["+\(others)"] : [])).joined(separator: " ")
    }
    let addressText = "0x" + String(address, radix: 16)
    context.table(
      Table(
        title: Catalog.text("demo.exec.title", ["pid": String(before.pid)]),
        columns: [
          .init(Catalog.text("demo.exec.column.what")),
          .init(Catalog.text("demo.exec.column.before")),
          .init(Catalog.text("demo.exec.column.after")),
        ],
        rows: [
          ["pid", String(before.pid), String(after.pid)],
          ["ppid", String(before.ppid), String(after.ppid)],
          ["/proc/<pid>/exe", shortExe(before.exe), shortExe(after.exe)],
          ["/proc/<pid>/comm", before.comm, after.comm],
          [Catalog.text("demo.exec.row.maps"), String(before.mappings), String(after.mappings)],
          [
            // Its address is in the note below: the row's name stays short at 80 columns.
            Catalog.text("demo.exec.row.marker"),
            before.marker ? yes : no, after.marker ? yes : no,
          ],
          [Catalog.text("demo.exec.row.fds"), fdList(before), fdList(after)],
        ], footer: [Catalog.text("demo.exec.footer", ["status": DemoText.status(status)])]))
    let keptFile = after.fds.contains { $0.target == directory.file("kept.txt") }
    let closedFile = after.fds.contains { $0.target == directory.file("closed.txt") }
    context.note(
      Catalog.text(
        after.pid == before.pid && after.ppid == before.ppid
          ? "demo.exec.same" : "demo.exec.changed",
        ["pid": String(after.pid), "ppid": String(after.ppid)]))
    context.note(
      Catalog.text(
        "demo.exec.replaced",
        [
          "before": before.comm, "after": after.comm, "maps": String(before.mappings),
          "mapsAfter": String(after.mappings),
        ]))
    context.note(
      Catalog.text(
        after.marker ? "demo.exec.markerStayed" : "demo.exec.markerGone",
        ["marker": marker, "address": addressText]))
    context.note(
      Catalog.text(
        closedFile ? "demo.exec.bothKept" : "demo.exec.closedGone"))
    context.metric("pid_before", JSONValue(before.pid))
    context.metric("pid_after", JSONValue(after.pid))
    context.metric("ppid_before", JSONValue(before.ppid))
    context.metric("ppid_after", JSONValue(after.ppid))
    context.metric("pid_same", .bool(before.pid == after.pid && before.pid > 0))
    context.metric("ppid_same", .bool(before.ppid == after.ppid && before.ppid > 0))
    context.metric("exe_before", .string(before.exe))
    context.metric("exe_after", .string(after.exe))
    context.metric("comm_before", .string(before.comm))
    context.metric("comm_after", .string(after.comm))
    context.metric("mappings_before", JSONValue(before.mappings))
    context.metric("mappings_after", JSONValue(after.mappings))
    context.metric("marker_before", .bool(before.marker))
    context.metric("marker_after", .bool(after.marker))
    context.metric("kept_fds", .array(after.fds.map { JSONValue($0.fd) }))
    context.metric("kept_file", .bool(keptFile))
    context.metric("closed_file", .bool(closedFile))
  }
}
