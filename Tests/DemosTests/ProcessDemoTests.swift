import DemoContract
import Demos
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// Runs `proclab run <demo> --json k=v…` with the built binary and decodes its report.
enum ProcessDemoRunner {
  static let binary = TestBinary.proclab

  static func report(_ demo: String, _ args: [String] = []) throws -> DemoReport {
    let run = try CapturedRun.run(
      ["proclab", "run", demo, "--json"] + args, executable: binary,
      environment: ProcessEnvironment.current + [TestIPC.environmentEntry], stderr: .discard,
      timeout: .infinity)
    #expect(run.status == .exited(0), "\(demo) \(args) ended: \(run.status)")
    return try JSONDecoder().decode(DemoReport.self, from: Data(run.stdout))
  }

  /// Nothing of ours may be left: no child process, no IPC object whose owner is dead.
  static func expectNothingLeft() {
    Workers.reapAll()
    let left = ProcessTree.descendants(of: getpid())
    #expect(
      left.isEmpty, "processes left behind: \(left.map { "\($0.pid) \($0.command) \($0.state)" })")
    // The demos run in these tests' namespace: every object they make is checked, and nothing
    // another program on this machine left (in another namespace, or none) is.
    let objects = TestIPC.orphanedObjects()
    #expect(objects.isEmpty, "IPC objects left behind: \(objects)")
  }
}

@Suite("Process and thread demos, run for real", .serialized)
struct ProcessDemoTests {
  @Test("ids: the child's ppid is its parent's pid; all eight fields")
  func ids() throws {
    let r = try ProcessDemoRunner.report("ids")
    for key in ["pid", "ppid", "pgid", "sid", "uid", "euid", "gid", "cwd"] {
      #expect(r.metric(key) != nil, "missing \(key)")
      #expect(r.metric("parent.\(key)") != nil, "missing parent.\(key)")
    }
    #expect(r.metric("ppid") == r.metric("parent.pid"))
    #expect(r.metric("pgid") == r.metric("pid"), "the demo must lead its own process group")
    #expect(r.metric("uid")?.double == Double(getuid()))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("memory: a thread's write is visible, a forked child's is not")
  func memory() throws {
    let r = try ProcessDemoRunner.report("memory", ["value=7"])
    #expect(r.metric("thread_write_visible") == .bool(true))
    #expect(r.metric("child_write_visible") == .bool(false))
    #expect(r.metric("same_address") == .bool(true))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("zombie: Z before the reap, gone after")
  func zombie() throws {
    let r = try ProcessDemoRunner.report("zombie", ["hold=0"])
    #expect(r.metric("state_before_reap") == .string("Z"))
    #expect(r.metric("reaped") == .bool(true))
    #expect(r.metric("exit_status")?.double == 7)
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("orphan: re-parented, to the demo when it is a subreaper", arguments: [true, false])
  func orphan(subreaper: Bool) throws {
    let r = try ProcessDemoRunner.report("orphan", ["subreaper=\(subreaper)"])
    #expect(r.metric("reparented") == .bool(true))
    let original = try #require(r.metric("original_ppid")?.double)
    let adopted = try #require(r.metric("new_ppid")?.double)
    #expect(original != adopted)
    #expect(adopted > 0)
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("fork: every child's ppid is the demo; wait collects 1, 2, 3")
  func fork() throws {
    let r = try ProcessDemoRunner.report("fork", ["children=3"])
    #expect(r.metric("children_ppids_match") == .bool(true))
    #expect(r.metric("exit_statuses") == .array([1, 2, 3]))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("subprocess: sort sorts, and a bad option is a non-zero status")
  func subprocess() throws {
    let r = try ProcessDemoRunner.report("subprocess", ["lines=20"])
    #expect(r.metric("sorted") == .bool(true))
    #expect(r.metric("exit_status")?.double == 0)
    #expect(r.metric("failing_exit_status") == .string("exited with status 2"))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("spawn: join gets status 3, terminate gets SIGTERM, every method timed")
  func spawn() throws {
    let r = try ProcessDemoRunner.report("spawn", ["runs=2", "target=0.005"])
    #expect(r.metric("join_status") == .string("exited with status 3"))
    #expect(r.metric("terminate_status") == .string("killed by SIGTERM"))
    for method in ["fork", "fork-exec", "posix_spawn", "thread"] {
      let median = try #require(r.metric("\(method).median_seconds")?.double)
      #expect(median > 0)
    }
    let timing = try #require(r.tables.last)
    #expect(timing.footer.first?.contains("CPUs online") == true, "no machine line under the table")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test(
    "spawn grow=16: the parent's page tables grow by what 16 MiB of pages need, fork is timed again"
  )
  func spawnGrow() throws {
    let r = try ProcessDemoRunner.report(
      "spawn", ["what=fork", "runs=1", "target=0.005", "grow=16"])
    let before = try #require(r.metric("parent_page_table_kib")?.double)
    let after = try #require(r.metric("fork_grown.page_table_kib")?.double)
    // 16 MiB is 4,096 pages of 4 KiB, one 8-byte entry each: 32 KiB of page tables at least.
    #expect(after - before >= 32)
    #expect(try #require(r.metric("fork_grown.median_seconds")?.double) > 0)
    #expect(try #require(r.metric("fork_grown.slowdown")?.double) > 0)
    let rows = try #require(r.tables.last).rows.map { $0.first ?? "" }
    #expect(rows.contains("fork, parent +16 MiB"))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("threads: one pid, distinct thread ids, a shared sum; the stop flag ends the worker")
  func threads() throws {
    let r = try ProcessDemoRunner.report("threads", ["count=5", "for=0.3", "interval=0.1"])
    #expect(r.metric("distinct_tids")?.double == 5)
    #expect(r.metric("shared_sum") == r.metric("expected_sum"))
    #expect(r.metric("stopped_by") == .string("time was up"))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("timeit: each chosen row is timed with runs × loops")
  func timeit() throws {
    let r = try ProcessDemoRunner.report("timeit", ["what=array,set", "runs=3", "target=0.005"])
    #expect(r.metric("array.runs")?.double == 3)
    #expect((r.metric("set.loops")?.double ?? 0) >= 1)
    #expect(r.metric("string.runs") == nil, "a row that was not asked for was timed")
    ProcessDemoRunner.expectNothingLeft()
  }
}
