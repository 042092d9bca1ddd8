import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// The eof part of `fds`: a reader gets end-of-file only when every write end of its pipe is
/// closed, and a fork child that inherited one keeps it waiting.
enum FdsEOF {
  /// One reader's run: what it read and when, by its own clock readings.
  struct Reading {
    var bytes: Int
    var lastData: Double
    var eof: Double
  }

  static func run(hold: Double, _ context: DemoContext) throws {
    context.heading(Catalog.text("demo.fds.eof.heading"))
    let clean = try readerRun(holdFor: nil, context)
    let held = try readerRun(holdFor: hold, context)
    let waitedClean = max(0, clean.reading.eof - clean.reading.lastData)
    let waited = max(0, held.reading.eof - held.reading.lastData)
    let seconds = { (s: Double) in Units.duration(s) }
    context.table(
      Table(
        title: Catalog.text("demo.fds.eof.title"),
        columns: [
          .init(Catalog.text("demo.fds.eof.column.case")),
          .init(Catalog.text("demo.fds.eof.column.holders")),
          .init(name: Catalog.text("demo.fds.eof.column.bytes"), align: .right),
          .init(name: Catalog.text("demo.fds.eof.column.waited"), align: .right),
        ],
        rows: [
          [
            Catalog.text("demo.fds.eof.case.clean"), Catalog.text("demo.fds.eof.nobody"),
            String(clean.reading.bytes), seconds(waitedClean),
          ],
          [
            Catalog.text("demo.fds.eof.case.held", ["hold": seconds(hold)]),
            held.holders.isEmpty ? Catalog.text("demo.fds.eof.nobody") : held.holders,
            String(held.reading.bytes), seconds(waited),
          ],
        ], footer: []))
    context.note(
      Catalog.text(
        held.blocked ? "demo.fds.eof.blocked" : "demo.fds.eof.notBlocked",
        ["hold": seconds(hold), "state": held.state]))
    context.note(
      Catalog.text(
        held.reading.eof >= held.released ? "demo.fds.eof.afterRelease" : "demo.fds.eof.before",
        ["waited": seconds(waited), "clean": seconds(waitedClean)]))
    context.metric("eof.waited", .number(waited))
    context.metric("eof.waited_all_closed", .number(waitedClean))
    context.metric("eof.after_release", .bool(held.reading.eof >= held.released))
    context.metric("eof.blocked_while_held", .bool(held.blocked))
    context.metric("eof.held_for", .number(hold))
  }

  /// The lines the demo writes into the pipe.
  static let data = Array((1...20).map { "line \($0) for the reader\n" }.joined().utf8)

  /// Starts a reader on a fresh pipe, writes `data` and closes the demo's write end. With
  /// `holdFor`, a fork child made before holds a copy of the write end for that long.
  static func readerRun(holdFor: Double?, _ context: DemoContext) throws -> (
    reading: Reading, blocked: Bool, state: String, holders: String, released: Double
  ) {
    let pipe = try PipeEnds()
    var writeOpen = true
    defer {
      FileIO.closeQuietly(pipe.read)
      if writeOpen { FileIO.closeQuietly(pipe.write) }
    }
    // The holder forks first, so it inherits the write end, as a careless child would.
    let holder = try holdFor.map { _ in try Descriptors.hold(context) }
    let report = try PipeEnds()
    defer { FileIO.closeQuietly(report.read) }
    let reader: ChildProcess
    do {
      reader = try Workers.spawn("fd-drain", [], stdin: pipe.read, stdout: report.write)
    } catch {
      FileIO.closeQuietly(report.write)
      throw error
    }
    FileIO.closeQuietly(report.write)
    context.onCleanup {
      reader.signal(SIGKILL, group: false)
      _ = try? reader.wait()
    }
    let pipeName = FDTable.link("/proc/self/fd/\(pipe.write)") ?? "?"
    guard FileIO.waitReadable(report.read, timeout: 5),
      (try? FileIO.read(report.read, upTo: 1)) == [UInt8(ascii: "r")]
    else { throw DemoError(Catalog.text("demo.error.readerNotStarted")) }
    try FileIO.writeAll(pipe.write, data)
    FileIO.closeQuietly(pipe.write)
    writeOpen = false
    var blocked = false
    var state = "?"
    var holders = ""
    var released = Descriptors.now()
    if let holdFor, let holder {
      // The bounded wait: end-of-file should not come while the copy is held.
      var early = false
      let deadline = Descriptors.now() + holdFor
      while !early, Descriptors.now() < deadline {
        try context.checkStop()
        early = FileIO.waitReadable(
          report.read, timeout: max(0, min(0.05, deadline - Descriptors.now())))
      }
      state = ProcStat.read(reader.pid).map { String($0.state) } ?? "?"
      blocked = !early && reader.poll() == nil
      holders = writers(
        of: pipeName, among: [getpid(), holder.pid, reader.pid], holder: holder.pid)
      released = Descriptors.now()
      holder.finish()
    }
    guard FileIO.waitReadable(report.read, timeout: 5),
      let line = try? FileIO.read(report.read, upTo: 256)
    else { throw DemoError(Catalog.text("demo.error.readerNoEOF")) }
    _ = try reader.wait()
    let fields = String(decoding: line, as: UTF8.self).split(whereSeparator: {
      $0 == " " || $0 == "\n"
    })
    guard fields.count == 3, let bytes = Int(fields[0]), let last = Double(fields[1]),
      let eof = Double(fields[2])
    else { throw DemoError(Catalog.text("demo.error.readerReport")) }
    return (Reading(bytes: bytes, lastData: last, eof: eof), blocked, state, holders, released)
  }

  /// Who has `pipe` open for writing, read from /proc/<pid>/fd and fdinfo.
  static func writers(of pipe: String, among pids: [Int32], holder: Int32) -> String {
    var found: [String] = []
    for pid in pids {
      for entry in FDTable.read(pid) ?? [] where entry.target == pipe && entry.writes {
        let who = Catalog.text(
          pid == holder
            ? "demo.fds.eof.holder" : pid == getpid() ? "demo.fds.eof.demo" : "demo.fds.eof.reader")
        found.append(
          Catalog.text(
            "demo.fds.eof.holderFd", ["who": who, "pid": String(pid), "fd": String(entry.fd)]))
      }
    }
    return found.joined(separator: ", ")
  }
}
