import CProcLab
import Glibc
import Localization
import OSKit

/// What one writing child of the cow demo showed: its page faults around its writes, and its
/// memory (smaps_rollup) before and after them.
struct CowChildRun: Sendable {
  var pagesWritten: Int
  var minorFaults: Int
  var majorFaults: Int
  var writeSeconds: Double
  var before: Smaps.Rollup
  var after: Smaps.Rollup

  /// The longest a writing child lives, whatever happens (it takes well under a second).
  static let lifetime: UInt32 = 20

  /// Forks a child that writes one byte into each of the first `pages` pages of `region`,
  /// reading its smaps_rollup before it starts and after it is done; the child is reaped
  /// before this returns, or by the demo's cleanup if this throws.
  static func run(
    _ region: CowRegion, writing pages: Int, context: DemoContext
  ) throws -> CowChildRun {
    let go = try PipeEnds()
    let report: PipeEnds
    do { report = try PipeEnds() } catch {
      go.closeBoth()
      throw error
    }
    var child = pl_cow_child(
      region: region.base, page_size: region.pageSize, write_pages: pages, go_read: go.read,
      go_write: go.write, report_read: report.read, report_write: report.write,
      parent: getpid(), seconds: lifetime)
    let pid = pl_fork_cow_writer(&child)
    // This process keeps the ends it uses: the child's only writer of `go` is this process, so
    // the child's wait ends with EOF if this process dies.
    FileIO.closeQuietly(go.read)
    FileIO.closeQuietly(report.write)
    defer {
      FileIO.closeQuietly(go.write)
      FileIO.closeQuietly(report.read)
    }
    guard pid > 0 else { throw SystemError("forking the writing child") }
    let process = ChildProcess.adopting(pid: pid)
    context.onCleanup {
      process.signal(SIGKILL, group: false)
      _ = try? process.wait()
    }
    guard try FileIO.readExactly(report.read, 1).count == 1 else {
      throw DemoError(Catalog.text("demo.error.writerNotStarted", ["pid": String(pid)]))
    }
    guard let before = Smaps.rollup(pid) else {
      throw DemoError(Catalog.text("demo.error.noSmaps", ["pid": String(pid)]))
    }
    try FileIO.writeAll(go.write, [1])
    let size = MemoryLayout<pl_cow_report>.size
    let bytes = try FileIO.readExactly(report.read, size)
    guard bytes.count == size else {
      throw DemoError(Catalog.text("demo.error.writerNoReport", ["pid": String(pid)]))
    }
    let measured = bytes.withUnsafeBytes { $0.loadUnaligned(as: pl_cow_report.self) }
    let after = Smaps.rollup(pid)
    try FileIO.writeAll(go.write, [1])
    _ = try process.wait()
    guard let after else {
      throw DemoError(Catalog.text("demo.error.noSmaps", ["pid": String(pid)]))
    }
    return CowChildRun(
      pagesWritten: Int(measured.pages_written), minorFaults: Int(measured.minor_faults),
      majorFaults: Int(measured.major_faults),
      writeSeconds: Double(measured.write_nanoseconds) / 1e9, before: before, after: after)
  }
}
