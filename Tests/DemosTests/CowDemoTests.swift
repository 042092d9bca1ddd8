import DemoContract
import Demos
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The `cow` demo run for real: a forked child's page faults and private memory follow the
/// pages it writes, and fork's page tables follow the parent's size. Counts vary by a few
/// faults from run to run (and with the kernel), so only orders and coarse shares are checked.
@Suite("cow: copy-on-write after fork, run for real", .serialized)
struct CowDemoTests {
  static let percents = [0, 10, 50, 100]

  @Test("faults and Private_Dirty grow with the pages written; Shared_Dirty shrinks")
  func faultsFollowWrites() throws {
    let r = try ProcessDemoRunner.report(
      "cow", ["size=16", "writes=0,10,50,100", "show=faults"])
    func value(_ percent: Int, _ name: String) throws -> Double {
      try #require(r.metric("writes.\(percent).\(name)")?.double, "writes.\(percent).\(name)")
    }
    let pages = try #require(r.metric("pages")?.double)
    let pageKiB = try #require(r.metric("page_size")?.double) / 1024
    #expect(pages * pageKiB == 16 * 1024, "16 MiB is \(pages) pages of \(pageKiB) KiB")
    var faults: [Double] = []
    var privateDirty: [Double] = []
    var sharedDirty: [Double] = []
    for p in Self.percents {
      faults.append(try value(p, "faults"))
      privateDirty.append(try value(p, "private_dirty_kib"))
      sharedDirty.append(try value(p, "shared_dirty_kib"))
      #expect(try value(p, "pages_written") == (pages * Double(p) / 100).rounded(.down))
    }
    for i in 1..<faults.count {
      #expect(faults[i] > faults[i - 1], "faults not growing with the pages written: \(faults)")
      #expect(
        privateDirty[i] > privateDirty[i - 1],
        "Private_Dirty not growing with the pages written: \(privateDirty)")
      #expect(
        sharedDirty[i] < sharedDirty[i - 1],
        "Shared_Dirty not shrinking with the pages written: \(sharedDirty)")
    }
    // Each written page is copied on its first write: about one fault a page, and the
    // region's worth of memory turns private. Not an exact count: the kernel may fault on a
    // page of the child's own stack too, and a kernel that maps pages ahead would take fewer.
    #expect(faults[3] >= pages * 0.9, "a child writing every page took only \(faults[3]) faults")
    #expect(faults[0] < pages * 0.05, "a child writing nothing took \(faults[0]) faults")
    #expect(privateDirty[3] - privateDirty[0] >= 16 * 1024 * 0.9)
    #expect(try #require(r.metric("region_huge_kib")?.double) == 0, "huge pages in the region")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("fork's page tables grow with the parent's size; vfork and posix_spawn are timed")
  func forkCost() throws {
    let r = try ProcessDemoRunner.report("cow", ["show=fork", "sizes=1,64", "runs=2"])
    let small = try #require(r.metric("page_tables.1")?.double)
    let large = try #require(r.metric("page_tables.64")?.double)
    // 63 MiB more is 16,128 more pages of 4 KiB, one 8-byte entry each: 126 KiB at least.
    #expect(large - small >= 120, "page tables \(small) KiB → \(large) KiB")
    for way in ["fork", "vfork", "posix_spawn"] {
      for size in [1, 64] {
        let median = try #require(r.metric("\(way).\(size).median_seconds")?.double)
        #expect(median > 0, "\(way) at \(size) MiB")
      }
    }
    #expect(r.metric("writes") == nil, "show=fork ran the fault part too")
    ProcessDemoRunner.expectNothingLeft()
  }

  /// The writing child of the runner `proclab run` started (its grandchild), once it exists.
  static func writer(under host: pid_t, within seconds: Double) -> pid_t? {
    let deadline = monotonicSeconds() + seconds
    while monotonicSeconds() < deadline {
      let below = ProcessTree.descendants(of: host)
      if let runner = below.first(where: { $0.ppid == host }),
        let writer = below.first(where: { $0.ppid == runner.pid })
      {
        return writer.pid
      }
      usleep(2_000)
    }
    return nil
  }

  /// Whether `pid` is gone (reaped) within `seconds`.
  static func gone(_ pid: pid_t, within seconds: Double) -> Bool {
    let deadline = monotonicSeconds() + seconds
    while ProcStat.read(pid) != nil {
      if monotonicSeconds() >= deadline { return false }
      usleep(10_000)
    }
    return true
  }

  final class Seen: @unchecked Sendable {
    // @unchecked: written by the run's `whileRunning` callback and read after the run, on
    // the one test thread.
    var writer: pid_t?
  }

  @Test("the runner SIGKILLed while its child writes: the child dies too and is reaped")
  func runnerKilled() throws {
    let seen = Seen()
    let run = try CapturedRun.run(
      ["proclab", "run", "cow", "size=512", "writes=100", "show=faults"],
      executable: TestBinary.proclab,
      environment: ProcessEnvironment.current + [TestIPC.environmentEntry], stderr: .discard,
      timeout: 60,
      whileRunning: { host in
        guard let writer = Self.writer(under: host, within: 20) else { return }
        seen.writer = writer
        usleep(50_000)
        if let runner = ProcStat.read(writer)?.ppid { kill(runner, SIGKILL) }
      })
    let writer = try #require(seen.writer, "no writing child appeared")
    #expect(run.status != .exited(0), "the demo finished before the runner was killed")
    #expect(Self.gone(writer, within: 5), "the writing child \(writer) outlived its runner")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("Ctrl-C while the child writes: the demo stops, the child is gone")
  func interrupted() throws {
    let seen = Seen()
    let run = try CapturedRun.run(
      ["proclab", "run", "cow", "size=512", "writes=100", "show=faults"],
      executable: TestBinary.proclab,
      environment: ProcessEnvironment.current + [TestIPC.environmentEntry], stderr: .discard,
      timeout: 60,
      whileRunning: { host in
        guard let writer = Self.writer(under: host, within: 20) else { return }
        seen.writer = writer
        usleep(50_000)
        kill(host, SIGINT)
      })
    let writer = try #require(seen.writer, "no writing child appeared")
    #expect(run.status == .exited(130), "\(run.status)")
    #expect(Self.gone(writer, within: 5), "the writing child \(writer) outlived Ctrl-C")
    ProcessDemoRunner.expectNothingLeft()
  }
}
