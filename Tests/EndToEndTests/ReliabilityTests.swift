import CProcLab
import DemoContract
import Demos
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The IPC objects of this test process's ProcLabs whose owner is dead: what must never be
/// left after a run (other ProcLabs' objects on this machine are not this test's business).
func orphanedIPCObjects() -> [String] { TestIPC.orphanedObjects() }

/// Waits until every pid in `pids` is gone (or a zombie no one will keep: reaped by init).
func allGone(_ pids: [Int32], within seconds: Double) -> Bool {
  let deadline = now() + seconds
  while now() < deadline {
    if pids.allSatisfy({ ProcStat.read($0) == nil }) { return true }
    usleep(20_000)
  }
  return pids.allSatisfy { ProcStat.read($0) == nil }
}

/// Creates a shared-memory object named as if `owner`, started by these tests, had made it (a
/// leftover, or one in use).
func plantObject(owner: Int32, what: String) -> String {
  let name = "/proclab.\(testNamespace).\(owner)-feed\(what.count)-\(what)"
  let fd = shm_open(name, O_CREAT | O_RDWR, 0o600)
  if fd >= 0 { close(fd) }
  return name
}

/// A pid that is certainly dead: a child that has exited and been reaped.
func deadPid() throws -> Int32 {
  let child = try ChildProcess.spawn("/bin/true", arguments: ["true"])
  try child.wait()
  return child.pid
}

@Suite("Reliability: nothing leaks, nothing hangs", .serialized)
struct ReliabilityTests {
  /// Starts a REPL in a pseudo-terminal and a long demo in it; returns the demo's processes.
  func startDemo(_ command: String, in s: PTYSession) -> [Int32] {
    #expect(s.expect("proclab › "))
    s.type(command + "\r")
    var pids: [Int32] = []
    let deadline = now() + 10
    while now() < deadline {
      s.drain(0.1)
      pids = leftoverDescendants(of: s.pid).map(\.pid)
      if pids.count >= 2 { break }
    }
    return pids
  }

  @Test(
    "SIGKILL the REPL mid-demo: no worker survives; the next start sweeps leftovers and says so",
    arguments: [
      "run shm-race processes=4 increments=50000000 sync=semaphore",
      "run queue what=throughput messages=5000000",
      "run pipe what=bandwidth volume=256",
      "run ipc-compare rounds=200000",
    ])
  func killREPL(command: String) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    let pids = startDemo(command, in: s)
    #expect(pids.count >= 2, "the demo did not start its processes: \(s.screen)")
    kill(s.pid, SIGKILL)
    _ = s.waitForExit(timeout: 5)
    #expect(
      allGone(pids, within: 3),
      "processes outlived the REPL: \(pids.filter { ProcStat.read($0) != nil })")
    // Whatever the dead REPL's demo still had named, plus one leftover we know of.
    let owner = try pids.last ?? deadPid()
    let planted = plantObject(owner: owner, what: "leftover")
    let r = try runPiped([], input: "quit\n", state: state)
    #expect(r.status == .exited(0))
    #expect(r.stderr.contains("removed"), "the sweep did not say what it removed: \(r.stderr)")
    #expect(r.stderr.contains(String(planted.dropFirst())))
    #expect(orphanedIPCObjects().isEmpty, "left: \(orphanedIPCObjects())")
  }

  @Test(
    "SIGKILL a demo while python3 runs for it: python3 goes too, though it has its own group",
    .enabled(if: pythonOnPath(), "python3 is not on PATH"))
  func killDemoRunningPython() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let out = try PipeEnds()
    defer { FileIO.closeQuietly(out.read) }
    // CPython counts down 300,000,000: long enough to be killed in the middle.
    let runner = try ChildProcess.spawn(
      proclabBinary,
      arguments: [
        "proclab", "run", "cpu-scaling", "--events", "n=300_000_000", "python_scale=1", "runs=1",
      ],
      newProcessGroup: true, stdout: out.write, environment: state.environment)
    FileIO.closeQuietly(out.write)
    var python: [Int32] = []
    let deadline = now() + 60
    while now() < deadline && python.isEmpty {
      usleep(50_000)
      python = leftoverDescendants(of: runner.pid).filter { $0.command.hasPrefix("python") }
        .map(\.pid)
    }
    #expect(!python.isEmpty, "python3 never started")
    // Past its start-up output and into the countdown, which writes nothing for seconds (a
    // write to the dead demo's pipe would end it by SIGPIPE and prove nothing).
    usleep(1_500_000)
    kill(runner.pid, SIGKILL)
    _ = try? runner.wait()
    #expect(
      allGone(python, within: 3),
      "python3 outlived its demo: \(python.filter { ProcStat.read($0) != nil })")
    for pid in python where ProcStat.read(pid) != nil { kill(pid, SIGKILL) }
  }

  @Test("two REPLs: one is killed mid-demo; its objects are swept, the survivor's stay")
  func twoREPLs() throws {
    let stateA = TempState()
    let stateB = TempState()
    defer {
      stateA.cleanUp()
      stateB.cleanUp()
    }
    let a = try PTYSession(state: stateA)
    let b = try PTYSession(state: stateB)
    defer {
      a.close()
      b.close()
    }
    #expect(a.expect("proclab › "))
    let bPids = startDemo("run shm-race processes=2 increments=50000000 sync=mutex", in: b)
    #expect(!bPids.isEmpty)
    // An object in use by the survivor, and one belonging to the demo about to be killed.
    let survivors = plantObject(owner: a.pid, what: "inuse")
    let victims = plantObject(owner: bPids[0], what: "victim")
    defer { shm_unlink(survivors) }
    kill(b.pid, SIGKILL)
    _ = b.waitForExit(timeout: 5)
    #expect(allGone(bPids, within: 3))
    // The survivor runs a demo: the host sweeps after it.
    let m = a.mark
    a.type("run ids\r")
    #expect(a.expect("Process identities", after: m))
    #expect(a.expect("proclab › ", after: m))
    let names = IPCNames.list("/dev/shm")
    #expect(names.contains(String(survivors.dropFirst())), "a live REPL's object was swept")
    #expect(!names.contains(String(victims.dropFirst())), "a dead demo's object was kept")
  }

  @Test("Ctrl-C during a demo with 16 workers: prompt in 2 s, same REPL, nothing left")
  func ctrlCManyWorkers() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    let pids = startDemo("run shm-race processes=16 increments=50000000 sync=mutex", in: s)
    #expect(pids.count >= 2)
    s.drain(0.3)
    let m = s.mark
    let start = now()
    s.type("\u{03}")
    #expect(s.expect("proclab › ", after: m, timeout: 5))
    #expect(now() - start < 2.0, "took \(now() - start) s")
    #expect(Signals.isAlive(s.pid))
    #expect(allGone(pids, within: 1), "left: \(pids.filter { ProcStat.read($0) != nil })")
    #expect(leftoverDescendants(of: s.pid).isEmpty)
    #expect(orphanedIPCObjects().isEmpty)
    #expect(
      IPCNames.listAll().filter {
        IPCNames.owner(of: String($0.split(separator: "/").last ?? "")) == s.pid
      }.isEmpty)
  }

  @Test("Ctrl-C on a typed line and on an empty line leave the terminal exactly as it was")
  func terminalRestoredAfterCtrlC() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let pristine = freshTerminalSettings()
    s.type("open pro\u{03}")
    s.drain(0.2)
    s.type("\u{03}")
    #expect(s.expect("To leave ProcLab"))
    s.drain(0.3)
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
    #expect(s.terminalSettings == pristine)
  }

  @Test("the terminal closes mid-demo (SIGHUP): the REPL and every descendant are gone in 3 s")
  func hangUp() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    let pids = startDemo("run shm-race processes=4 increments=50000000 sync=semaphore", in: s)
    #expect(pids.count >= 2)
    let repl = s.pid
    s.hangUp()  // the terminal window goes away
    let start = now()
    var status: Int32 = 0
    var exited = false
    while now() - start < 3 {
      if waitpid(repl, &status, WNOHANG) == repl {
        exited = true
        break
      }
      usleep(20_000)
    }
    if !exited {
      kill(repl, SIGKILL)
      waitpid(repl, &status, 0)
    }
    #expect(exited, "the REPL was still running 3 s after its terminal closed")
    #expect(allGone(pids, within: max(0.1, 3 - (now() - start))))
  }

  @Test("a demo process that crashes: one line, the terminal as it was, its worker gone")
  func demoCrash() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let before = s.terminalSettings
    let m = s.mark
    s.type("run test-crash\r")
    #expect(s.expect("the demo ended without a report", after: m, timeout: 10), "\(s.screen)")
    #expect(s.expect("proclab › ", after: m))
    let shown = plainText(Array(s.output[m...]))
    #expect(!shown.contains("Fatal error"), "the demo's trap reached the screen:\n\(shown)")
    #expect(s.terminalSettings == before, "the terminal was changed")
    #expect(Signals.isAlive(s.pid))
    s.drain(0.3)
    #expect(leftoverDescendants(of: s.pid).isEmpty, "the crashed demo's worker was left")
    let log = FileIO.readText(state.path + "/proclab/last-session.log") ?? ""
    #expect(log.contains("deliberate trap in a demo process"), "not in the log: \(log)")
  }

  @Test("a demo that deadlocks on purpose is stopped at its time budget")
  func timeBudget() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let start = now()
    let r = try runPiped(["run", "test-deadlock"], input: "", state: state, timeout: 20)
    #expect(now() - start < 6, "not stopped near its 2 s budget")
    #expect(r.status == .exited(1))
    #expect(r.stderr.contains("time budget") || r.stdout.contains("time budget"))
    #expect(leftoverDescendants(of: getpid()).isEmpty)
  }

  @Test("every parameter of every demo, given bad values: one line each, nothing started")
  func badParameters() throws {
    let state = TempState()
    defer { state.cleanUp() }
    var lines: [String] = []
    for demo in DemoCatalog.all {
      lines.append("run \(demo.name) nosuchparameter=1")
      for p in demo.parameters {
        for value in ReliabilityTests.badValues(p) {
          // Only values the demo really refuses (e.g. 0 is fine where the minimum is 0).
          guard (try? p.parse(value)) == nil else { continue }
          lines.append("run \(demo.name) \(p.name)=\(value)")
        }
      }
    }
    let log = state.path + "/spawns.log"
    var env = state.environment
    env.append("PROCLAB_SPAWN_LOG=\(log)")
    let r = try runPipedEnvironment(env, input: lines.joined(separator: "\n") + "\nwhere\n")
    #expect(r.status == .exited(0))
    let out = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(
      out.count == lines.count + 1,
      "expected one line per refusal, got \(out.count) for \(lines.count)")
    #expect(out.last?.contains("No lesson is open") == true, "the session did not go on")
    #expect(FileIO.readText(log) == nil, "processes were started: \(FileIO.readText(log) ?? "")")
    #expect(!r.stdout.contains("Fatal error"))
  }

  static func badValues(_ p: ParameterSpec) -> [String] {
    let thirty = String(repeating: "9", count: 30)
    switch p.kind {
    case .integer(let lo, let hi):
      return ["-1", "0", String(lo - 1), String(hi + 1), thirty, "-" + thirty, "abc", "", "1.5"]
    case .decimal(let lo, let hi):
      return ["-1", "0", String(lo - 1), String(hi * 10 + 1), thirty, "abc", "", "nan", "inf"]
    case .choice, .list:
      return ["bogus", "", ",", "a,,b"]
    case .flag:
      return ["maybe", "", "2"]
    }
  }

  @Test("a broken progress file: the REPL starts, keeps a copy, and says what it did")
  func brokenProgress() throws {
    let state = TempState()
    defer { state.cleanUp() }
    mkdir(state.path + "/proclab", 0o700)
    let fd = open(state.path + "/proclab/progress.json", O_WRONLY | O_CREAT, 0o600)
    try FileIO.writeAll(fd, "{ not json")
    close(fd)
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("kept it as"))
    #expect(s.expect("proclab › "))
  }

  @Test("a script (piped stdin) is told too: a broken progress file, a skipped lesson file")
  func problemsToldToAScript() throws {
    let state = TempState()
    defer { state.cleanUp() }
    mkdir(state.path + "/proclab", 0o700)
    var fd = open(state.path + "/proclab/progress.json", O_WRONLY | O_CREAT, 0o600)
    try FileIO.writeAll(fd, "{ not json")
    close(fd)
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    fd = open(lessons + "/broken.md", O_WRONLY | O_CREAT, 0o600)
    try FileIO.writeAll(fd, "no front matter, no steps\n")
    close(fd)
    let r = try runPiped(["--lessons", lessons], input: "quit\n", state: state)
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("kept it as"), "the broken progress file was not mentioned: \(said)")
    #expect(said.contains("skipped lesson file"), "the skipped lesson was not mentioned: \(said)")
  }

  @Test("proclab run in a shell says what its sweep removed")
  func shellRunSaysWhatItSwept() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let planted = plantObject(owner: try deadPid(), what: "shellrun")
    let r = try runPiped(["run", "ids"], input: "", state: state)
    #expect(r.status == .exited(0))
    #expect(r.stderr.contains("IPC object(s) left by a ProcLab process that died"), "\(r.stderr)")
    #expect(r.stderr.contains(String(planted.dropFirst())))
    #expect(shm_open(planted, O_RDONLY, 0) < 0, "the leftover is still there")
  }

  @Test(
    "under a per-user process limit: a friendly line, the started workers reaped, nothing left",
    .enabled(if: getuid() == 0 && access("/usr/bin/setpriv", X_OK) == 0))
  func processLimit() throws {
    let state = TempState()
    defer { state.cleanUp() }
    chmod(state.path, 0o777)
    // As nobody (root ignores RLIMIT_NPROC), allowed 3 processes: the runner and 2 workers.
    let r = try runPiped(
      [
        "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/prlimit",
        "--nproc=3:3", proclabBinary, "run", "shm-race", "processes=8", "increments=1000000",
        "sync=atomic",
      ], input: "", state: state, direct: true)
    #expect(r.status == .exited(1))
    #expect(r.stdout.contains("process limit") || r.stderr.contains("process limit"))
    #expect(!r.stderr.contains("Fatal error"))
    usleep(200_000)
    // Only this run's processes: nobody's, in this test's session (other ProcLabs on the
    // machine leave short-lived zombies to init too).
    let session = getsid(0)
    let left = ProcessTree.allPids().compactMap(ProcStat.read).filter {
      $0.command == "proclab" && $0.ppid == 1 && $0.sid == session
        && ProcStatus.read($0.pid)?.values("Uid").first == "65534"
    }
    #expect(left.isEmpty, "left: \(left)")
    #expect(orphanedIPCObjects().isEmpty)
  }
}

@Suite("An internal error in the REPL itself", .serialized)
struct CrashGuardTests {
  @Test("the terminal is restored, one line says where the details are, no Swift trap is shown")
  func trapInREPL() throws {
    let state = TempState()
    defer { state.cleanUp() }
    var hooked = state
    hooked.extraEnvironment = ["PROCLAB_TEST_HOOKS=1"]
    let s = try PTYSession(state: hooked)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let pristine = freshTerminalSettings()
    let m = s.mark
    s.type("__trap\r")
    #expect(s.expect("ProcLab hit an internal error", after: m), "screen: \(s.screen)")
    let status = s.waitForExit()
    #expect(
      status != nil && status != .exited(0),
      "the REPL should have stopped: \(String(describing: status))")
    let shown = plainText(Array(s.output[m...]))
    #expect(!shown.contains("Fatal error"), "a Swift trap reached the screen:\n\(shown)")
    #expect(
      !shown.contains("Backtracing") && !shown.contains("Thread 0"),
      "a stack trace reached the screen")
    #expect(shown.contains("last-session.log"))
    #expect(s.terminalSettings == pristine, "the terminal was left in raw mode")
    let log = FileIO.readText(state.path + "/proclab/last-session.log") ?? ""
    #expect(log.contains("deliberate trap"), "the details were not kept in the log")
    #expect(log.contains("ProcLab stopped by SIG"), "the log does not name the signal:\n\(log)")
    #expect(log.contains("Return addresses"), "the log has no backtrace:\n\(log)")
  }
}

/// Whether a python3 the demos would use is on PATH.
func pythonOnPath() -> Bool {
  (ProcessEnvironment.value("PATH") ?? "").split(separator: ":").contains {
    access("\($0)/python3", X_OK) == 0
  }
}
