import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// The cloexec and pipeline parts of `fds`: what execve closes, and `ls | wc -l` wired by hand.
enum FdsExec {
  static func cloexec(_ directory: ScratchDirectory, _ context: DemoContext) throws {
    context.heading(Catalog.text("demo.fds.cloexec.heading"))
    let plain = try directory.open("plain.txt", O_WRONLY)
    context.onCleanup { FileIO.closeQuietly(plain) }
    let marked = try directory.open("cloexec.txt", O_WRONLY | O_CLOEXEC)
    context.onCleanup { FileIO.closeQuietly(marked) }
    let listing = try FdsDemo.execListing(context)
    let files = [("plain.txt", plain, false), ("cloexec.txt", marked, true)]
    var survived: [String] = []
    var rows: [[String]] = []
    for (name, fd, flagged) in files {
      let kept = listing.contains { $0.target == directory.file(name) }
      if kept { survived.append(name) }
      rows.append([
        name, String(fd), flagged ? "O_CLOEXEC" : "—",
        Catalog.text(kept ? "demo.fds.cloexec.open" : "demo.fds.cloexec.closed"),
      ])
    }
    context.table(
      Table(
        title: Catalog.text("demo.fds.cloexec.title"),
        columns: [
          .init(Catalog.text("demo.fds.cloexec.column.file")), .init(name: "fd", align: .right),
          .init(Catalog.text("demo.fds.table.column.flags")),
          .init(Catalog.text("demo.fds.cloexec.column.after")),
        ],
        rows: rows, footer: [Catalog.text("demo.fds.cloexec.footer")]))
    let text = survived.isEmpty ? "none" : survived.joined(separator: ", ")
    context.note(Catalog.text("demo.fds.cloexec.survived", ["files": text]))
    context.note(Catalog.text("demo.fds.cloexec.why"))
    context.metric("cloexec.survived", .string(text))
    context.metric("cloexec.plain_kept", .bool(survived.contains("plain.txt")))
    context.metric("cloexec.cloexec_kept", .bool(survived.contains("cloexec.txt")))
  }

  static let environment = ["LC_ALL=C", "PATH=/usr/bin:/bin"]

  /// `ls <dir> | wc -l` as a shell builds it: pipe, fork, dup2, execve; the count compared
  /// with readdir.
  static func pipeline(files: Int, _ directory: ScratchDirectory, _ context: DemoContext) throws {
    context.heading(Catalog.text("demo.fds.pipeline.heading"))
    guard let ls = Descriptors.program(["/bin/ls", "/usr/bin/ls"]),
      let wc = Descriptors.program(["/usr/bin/wc", "/bin/wc"])
    else {
      throw DemoError(Catalog.text("demo.error.noLsWc"))
    }
    let listed = directory.file("listing")
    guard mkdir(listed, 0o700) == 0 else { throw SystemError("creating \(listed)") }
    for i in 0..<files {
      let fd = try directory.open("listing/file-\(i + 1)", O_WRONLY | O_CLOEXEC)
      FileIO.closeQuietly(fd)
    }
    let expected = FileIO.entries(in: listed)?.count ?? -1
    let pipe = try PipeEnds()
    let result = try PipeEnds()
    let go = try PipeEnds()
    defer {
      FileIO.closeQuietly(pipe.read)
      FileIO.closeQuietly(pipe.write)
      FileIO.closeQuietly(result.read)
      go.closeBoth()
    }
    let (wcChild, wcDone) = try Descriptors.forkExec(
      context, path: wc, argv: ["wc", "-l"], environment: environment, stdin: pipe.read,
      stdout: result.write)
    let (lsChild, lsDone) = try Descriptors.forkExec(
      context, path: ls, argv: ["ls", listed], environment: environment, stdout: pipe.write,
      go: go.read)
    // Read both children's wiring once their dup2s are done (ls then waits for the go-ahead).
    let pipeName = FDTable.link("/proc/self/fd/\(pipe.read)") ?? "?"
    Descriptors.waitForTarget(lsChild.pid, fd: 1, pipeName)
    Descriptors.waitForTarget(wcChild.pid, fd: 0, pipeName)
    let lsTable = FDTable.read(lsChild.pid) ?? []
    let wcTable = FDTable.read(wcChild.pid) ?? []
    // The shell's part: close our copies, or wc would never see end-of-file.
    FileIO.closeQuietly(pipe.read)
    FileIO.closeQuietly(pipe.write)
    FileIO.closeQuietly(result.write)
    try FileIO.writeAll(go.write, [1])
    for (done, name) in [(wcDone, "wc"), (lsDone, "ls")] {
      if let failure = Descriptors.execFailure(done, program: name) { throw DemoError(failure) }
    }
    var output: [UInt8] = []
    while FileIO.waitReadable(result.read, timeout: 5),
      let chunk = try? FileIO.read(result.read, upTo: 4096), !chunk.isEmpty
    {
      output += chunk
    }
    let lsStatus = try lsChild.wait()
    let wcStatus = try wcChild.wait()
    let printed = String(decoding: output, as: UTF8.self).split(separator: "\n").first.map {
      String($0).filter { $0 != " " }
    }
    let count = printed.flatMap { Int($0) } ?? -1
    let target = { (table: [FDEntry], fd: Int32) in
      directory.short(table.first { $0.fd == fd }?.target ?? "—")
    }
    let lsOut = target(lsTable, 1)
    let wcIn = target(wcTable, 0)
    context.table(
      Table(
        title: Catalog.text("demo.fds.pipeline.title"),
        columns: [
          .init(Catalog.text("demo.fds.pipeline.column.process")),
          .init(name: "pid", align: .right), .init("fd 0"), .init("fd 1"),
          .init(Catalog.text("demo.subprocess.column.exit")),
        ],
        rows: [
          [
            "ls \(directory.short(listed))", String(lsChild.pid), target(lsTable, 0), lsOut,
            DemoText.status(lsStatus),
          ],
          ["wc -l", String(wcChild.pid), wcIn, target(wcTable, 1), DemoText.status(wcStatus)],
        ], footer: [Catalog.text("demo.fds.pipeline.footer")]))
    context.note(
      Catalog.text(
        "demo.fds.pipeline.count", ["count": String(count), "expected": String(expected)]))
    context.note(Catalog.text("demo.fds.pipeline.wired", ["pipe": lsOut]))
    context.metric("pipeline.count", JSONValue(count))
    context.metric("pipeline.expected", JSONValue(expected))
    context.metric("pipeline.same_pipe", .bool(lsOut.hasPrefix("pipe:") && lsOut == wcIn))
  }
}
