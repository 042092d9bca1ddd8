import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// `proclab trace`: small C and Python programs whose process trees are known, traced by the
/// real binary; the limits, Ctrl-C and a killed ProcLab leave no process behind.
@Suite("proclab trace", .serialized)
struct TraceTests {
  /// The fixture program, compiled once per test process; nil when there is no C compiler.
  static let program: String? = {
    guard access("/usr/bin/cc", X_OK) == 0 else { return nil }
    let source = TestBinary.sourceRoot + "/Tests/EndToEndTests/TraceFixtures/traced.c"
    let out = "/tmp/proclab-traced-\(getpid())"
    let r = try? CapturedRun.run(["/usr/bin/cc", "-O1", "-pthread", "-o", out, source])
    return r?.status == .exited(0) ? out : nil
  }()

  static var hasPython: Bool { access("/usr/bin/python3", X_OK) == 0 }

  struct Traced {
    var run: CapturedRun
    var report: DemoReport?

    func metric(_ path: String) -> JSONValue? { report?.metrics[path] }
    func number(_ path: String) -> Double? {
      if case .number(let n) = metric(path) { return n }
      return nil
    }
    func text(_ path: String) -> String? {
      if case .string(let s) = metric(path) { return s }
      return nil
    }
    /// The rows of the processes-and-threads table.
    var rows: [[String]] {
      report?.tables.first { $0.title == "processes and threads" }?.rows ?? []
    }
    var processRows: [[String]] { rows.filter { $0[2] != "thread" } }
  }

  func trace(
    _ argv: [String], options: [String] = [], environment extra: [String] = [],
    interruptAfter: Double? = nil
  ) throws -> Traced {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [proclabBinary, "trace", "--json"] + options + ["--"] + argv,
      environment: state.environment + extra, timeout: 60, interruptAfter: interruptAfter)
    let report = try? JSONDecoder().decode(DemoReport.self, from: Data(r.stdout))
    return Traced(run: r, report: report)
  }

  /// Pids of processes whose command line holds `marker`.
  static func processes(marked marker: String) -> [Int32] {
    ProcessTree.allPids().filter { pid in
      guard let bytes = FileIO.readFile("/proc/\(pid)/cmdline") else { return false }
      return String(decoding: bytes, as: UTF8.self).contains(marker)
    }
  }

  /// Waits up to `seconds` for every marked process to be gone; returns those left.
  static func survivors(_ marker: String, within seconds: Double) -> [Int32] {
    let deadline = monotonicSeconds() + seconds
    var left = processes(marked: marker)
    while !left.isEmpty && monotonicSeconds() < deadline {
      usleep(20_000)
      left = processes(marked: marker)
    }
    for pid in left { kill(pid, SIGKILL) }
    return left
  }

  static func marker(_ what: String) -> String { "pltrace\(getpid())\(what)" }

  @Test("fork() three children reaped late: 4 processes, 3 zombies, each child's exit")
  func forkThreeZombies() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "fork3"])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.text("method") == "ptrace")
    #expect(t.number("processes") == 4)
    #expect(t.number("threads") == 0)
    #expect(t.number("zombies") == 3)
    #expect((t.number("longest_zombie") ?? 0) >= 0.1, "children exit at 20 ms, reaped at 200 ms")
    #expect(t.number("exit_status") == 0)
    #expect(t.number("orphans") == 0)
    let exits = t.processRows.map { $0[6] }.sorted()
    #expect(exits == ["exit 0", "exit 1", "exit 2", "exit 3"], "\(t.rows)")
    // Every child's parent is the program, the program's is ProcLab.
    let rootPid = t.processRows.first?[0] ?? ""
    #expect(t.processRows.dropFirst().allSatisfy { $0[1] == rootPid }, "\(t.rows)")
    #expect(t.processRows.first?[1] == "ProcLab \(t.run.pid)")
    let figures = t.report?.figures ?? []
    #expect(
      figures.contains {
        if case .processTree(let f) = $0 { f.processes.count == 5 } else { false }
      })
    #expect(
      figures.contains { if case .timeline(let f) = $0 { f.lanes.count == 4 } else { false } })
  }

  @Test("an orphan is re-parented to ProcLab, the subreaper, which reaps it")
  func orphanReparented() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "orphan"])
    #expect(t.number("processes") == 2)
    #expect(t.number("orphans") == 1)
    let child = try #require(t.processRows.last)
    #expect(child[2] == "orphan")
    #expect(child[6] == "exit 7")
    #expect(child[8] == "ProcLab \(t.run.pid)", "\(t.rows)")
  }

  @Test("threads are seen as threads of their process, with CPU time and context switches")
  func threads() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "threads"])
    #expect(t.number("processes") == 1)
    #expect(t.number("threads") == 2)
    #expect(t.rows.filter { $0[2] == "thread" }.count == 2)
    #expect(t.rows.allSatisfy { $0[10] != "—" }, "switches missing: \(t.rows)")
  }

  @Test("exec: a shell's child runs ls, argv read at the exec; the shell's exit status")
  func execSeen() throws {
    let t = try trace(["/bin/sh", "-c", "ls /dev/null > /dev/null; exit 3"])
    #expect(t.run.status == .exited(3))
    #expect(t.number("exit_status") == 3)
    #expect(t.rows.contains { $0[3] == "ls /dev/null" }, "\(t.rows)")
  }

  @Test(
    "CPython multiprocessing: the worker is seen with fork, forkserver and spawn",
    arguments: ["fork", "forkserver", "spawn"])
  func pythonStartMethods(method: String) throws {
    try #require(Self.hasPython, "no python3 on this machine")
    let script = """
      from multiprocessing import Process, set_start_method
      from os import getpid
      def work():
          print(getpid(), flush=True)
      if __name__ == "__main__":
          set_start_method("\(method)")
          p = Process(target=work)
          p.start()
          p.join()
      """
    // A file, not -c: spawn and forkserver import the main module in the worker.
    let path = "/tmp/proclab-trace-\(getpid())-\(method).py"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    try #require(fd >= 0)
    try FileIO.writeAll(fd, script)
    close(fd)
    defer { unlink(path) }
    let t = try trace(["/usr/bin/python3", path])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    let output = t.report?.tables.first { $0.title == "the program's stdout" }?.rows ?? []
    let worker = try #require(output.first?.first, "the worker printed nothing: \(t.rows)")
    let row = try #require(
      t.rows.first { $0[0] == worker }, "worker \(worker) not traced: \(t.rows)")
    #expect(row[2] != "thread")
    #expect(row[6] == "exit 0")
    #expect((t.number("processes") ?? 0) >= 2)
  }

  @Test("a fork bomb is stopped at --max-processes and nothing it started is left")
  func forkBombStopped() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let marker = Self.marker("bomb")
    let t = try trace([program, "bomb", marker], options: ["--max-processes", "20"])
    #expect(t.run.status == .exited(124))
    #expect(t.text("stopped") == "process_limit")
    #expect((t.number("processes") ?? 0) >= 21)
    #expect(t.report?.notes.contains { $0.contains("more than 20 processes") } == true)
    #expect(Self.survivors(marker, within: 5).isEmpty)
  }

  @Test("past --timeout a program that ignores SIGTERM is killed with all its children")
  func timeoutKillsAll() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let marker = Self.marker("timeout")
    let t = try trace([program, "sleepers", marker], options: ["--timeout", "1"])
    #expect(t.run.status == .exited(124))
    #expect(t.text("stopped") == "timeout")
    #expect(t.number("processes") == 4)
    #expect(t.processRows.allSatisfy { $0[6] == "SIGKILL" }, "\(t.rows)")
    // Killed by ProcLab: children whose parent died in the same kill are not orphans.
    #expect(t.number("orphans") == 0, "\(t.rows)")
    #expect(t.processRows.allSatisfy { $0[2] == "process" }, "\(t.rows)")
    #expect(Self.survivors(marker, within: 5).isEmpty)
  }

  @Test("Ctrl-C stops the program and its children; the report says interrupted")
  func interruptKillsAll() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let marker = Self.marker("int")
    let t = try trace([program, "sleepers", marker], interruptAfter: 1)
    #expect(t.run.status == .exited(130))
    #expect(t.text("stopped") == "interrupted")
    #expect(Self.survivors(marker, within: 5).isEmpty)
  }

  @Test("when ProcLab itself is killed, everything it traced goes with it")
  func killedTracerTakesAll() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let marker = Self.marker("kill")
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [
        "/bin/sh", "-c", "\"$0\" trace -- \"$1\" sleepers \"$2\" >/dev/null & sleep 1; kill -9 $!",
        proclabBinary, program, marker,
      ], environment: state.environment, timeout: 30)
    #expect(r.status == .exited(0))
    #expect(Self.survivors(marker, within: 5).isEmpty)
  }

  @Test("forced /proc polling says so and still sees the tree and the zombies")
  func pollingFallback() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "fork3"], environment: ["PROCLAB_TRACE_POLL=1"])
    #expect(t.run.status == .exited(0))
    #expect(t.text("method") == "polling")
    #expect(t.report?.notes.contains { $0.contains("polled every 1 ms") } == true)
    #expect(t.number("processes") == 4)
    #expect(t.number("zombies") == 3)
    #expect((t.number("longest_zombie") ?? 0) >= 0.1)
  }

  @Test("where ptrace is refused (seccomp: EPERM) one note says so and /proc is polled")
  func ptraceRefused() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [program, "deny-ptrace", proclabBinary, "trace", "--json", "--", program, "fork3"],
      environment: state.environment, timeout: 60)
    let report = try JSONDecoder().decode(DemoReport.self, from: Data(r.stdout))
    #expect(report.metrics["method"] == .string("polling"))
    let note = report.notes.first { $0.contains("ptrace is not allowed here") }
    #expect(note?.contains("PTRACE_TRACEME: Operation not permitted") == true, "\(report.notes)")
    #expect(report.metrics["processes"] == .number(4))
  }

  @Test("output past --max-output is counted, not shown")
  func outputLimit() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "spew"], options: ["--max-output", "1000"])
    #expect(t.number("stdout_bytes") == 200_000)
    let table = try #require(t.report?.tables.first { $0.title == "the program's stdout" })
    #expect(table.rows.map { $0[0].utf8.count + 1 }.reduce(0, +) <= 1001)
    #expect(table.footer.first?.contains("shown") == true)
  }

  @Test("a program that cannot be run: one line, status 127")
  func cannotRun() throws {
    let t = try trace(["/nonexistent/program"])
    #expect(t.run.status == .exited(127))
    #expect(t.run.stderrText.contains("cannot run '/nonexistent/program'"), "\(t.run.stderrText)")
  }

  @Test("a bad limit is refused in one line naming what is allowed")
  func badLimit() throws {
    let r = try CapturedRun.run([proclabBinary, "trace", "--max-processes", "0", "--", "/bin/true"])
    #expect(r.status == .exited(2))
    #expect(r.stderrText == "proclab: --max-processes 0: must be a whole number from 1 to 4096\n")
  }

  @Test("trace at the REPL prompt draws the tree and the timeline")
  func replTrace() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [proclabBinary], environment: state.environment,
      input: .text("trace /bin/sh -c true\nquit\n"), timeout: 60)
    #expect(r.status == .exited(0))
    #expect(r.stdoutText.contains("process tree"), "\(r.stdoutText)")
    #expect(r.stdoutText.contains("timeline"), "\(r.stdoutText)")
  }
}
