import CProcLab
import Demos
import Glibc
import OSKit
import Testing

/// How many times each kill loop runs: `PROCLAB_KILL_ITERATIONS` (`make soak` sets 200), or
/// `fallback` in `make test`.
func killIterations(_ fallback: Int) -> Int {
  ProcessEnvironment.value("PROCLAB_KILL_ITERATIONS").flatMap { Int($0) }.map { max(1, $0) }
    ?? fallback
}

/// Every process (zombies included) whose session is `sid`. A REPL under a pseudo-terminal
/// leads a session of its own, and nothing ProcLab starts leaves it, so this finds exactly
/// what one run left, whatever else runs on the machine.
func sessionMembers(_ sid: Int32) -> [ProcStat] {
  ProcessTree.allPids().compactMap(ProcStat.read).filter { $0.sid == sid }
}

/// Waits until session `sid` is empty; returns what is still in it after `seconds`.
func sessionSurvivors(_ sid: Int32, within seconds: Double) -> [ProcStat] {
  let deadline = now() + seconds
  var left = sessionMembers(sid)
  while !left.isEmpty && now() < deadline {
    usleep(20_000)
    left = sessionMembers(sid)
  }
  return left
}

/// Kills what a failed iteration left, so one failure does not spoil the next ones.
func killAll(_ stats: [ProcStat]) {
  for s in stats { kill(s.pid, SIGKILL) }
}

func describe(_ stats: [ProcStat]) -> String {
  stats.map { "\($0.pid) \($0.command) \($0.state) ppid \($0.ppid)" }.joined(separator: ", ")
}

/// A delay in microseconds drawn uniformly from 0…`seconds`.
func randomDelay(_ seconds: Double) -> UInt32 {
  UInt32(Double.random(in: 0...max(0.001, seconds)) * 1e6)
}

/// The seconds from typing `command` to the next prompt, in a fresh REPL: the span a random
/// kill should fall in.
func timeOneRun(_ command: String, state: TempState) throws -> Double {
  let s = try PTYSession(state: state)
  defer { s.close() }
  _ = s.expect("proclab › ")
  let m = s.mark
  let start = now()
  s.type(command + "\r")
  _ = s.expect("proclab › ", after: m, timeout: 60)
  let spent = now() - start
  s.type("quit\r")
  _ = s.waitForExit()
  return spent
}

/// The children of `pid`, from /proc/<pid>/task/*/children: a few small reads, quick enough
/// to catch a process that lives for a millisecond (a scan of all of /proc is not).
func children(of pid: Int32) -> [Int32] {
  (FileIO.entries(in: "/proc/\(pid)/task") ?? []).flatMap { tid in
    (FileIO.readText("/proc/\(pid)/task/\(tid)/children") ?? "").split(separator: " ")
      .compactMap { Int32($0) }
  }
}

/// Waits (busily: the moment matters) until `pid` has a child; returns the child, or 0 if none
/// came within 10 s or `pid` ended first.
func firstChild(of pid: Int32) -> Int32 {
  let deadline = now() + 10
  while now() < deadline {
    if let child = children(of: pid).first { return child }
    guard let stat = ProcStat.read(pid), stat.state != "Z" else { return 0 }
  }
  return 0
}

/// When to kill, in iteration `i` of a loop over `run orphan`: even iterations at a random
/// moment of the whole run (`span` seconds from typing the command); odd ones at a random
/// moment of the few milliseconds after the demo's first fork, where its raw fork() children
/// exist — the moment that used to leave them behind. Returns the delay, in µs, once waited.
func waitForKillMoment(_ i: Int, span: Double, repl: Int32) -> UInt32 {
  if i % 2 == 0 {
    let delay = randomDelay(span * 1.2)
    usleep(delay)
    return delay
  }
  let runner = firstChild(of: repl)
  if runner > 0 { _ = firstChild(of: runner) }
  let delay = randomDelay(0.003)
  usleep(delay)
  return delay
}

@Suite("Kill loops: a SIGKILL at any moment leaves nothing behind", .serialized)
struct KillLoopTests {
  @Test("SIGKILL the REPL at random moments of run orphan: no process or zombie of it survives")
  func killREPLDuringOrphan() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let span = try timeOneRun("run orphan", state: state)
    var failures: [String] = []
    let iterations = killIterations(10)
    for i in 0..<iterations {
      let s = try PTYSession(state: state)
      _ = s.expect("proclab › ")
      s.type("run orphan\r")
      let delay = waitForKillMoment(i, span: span, repl: s.pid)
      kill(s.pid, SIGKILL)
      _ = s.waitForExit(timeout: 5)
      let left = sessionSurvivors(s.pid, within: 5)
      if !left.isEmpty {
        failures.append("iteration \(i), killed after \(delay) µs: \(describe(left))")
        killAll(left)
      }
      s.close()
    }
    #expect(failures.isEmpty, "\(failures.count) of \(iterations) runs left processes: \(failures)")
  }

  @Test("SIGKILL the orphan demo's runner at random moments: the REPL goes on, reaps it all")
  func killRunnerDuringOrphan() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let span = try timeOneRun("run orphan", state: state)
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var failures: [String] = []
    let iterations = killIterations(10)
    for i in 0..<iterations {
      let m = s.mark
      s.type("run orphan\r")
      // The runner is the REPL's child; kill it at a random moment of its life.
      let runner = firstChild(of: s.pid)
      let delay = waitForKillMoment(i, span: span, repl: s.pid)
      if runner > 0 { kill(runner, SIGKILL) }
      guard s.expect("proclab › ", after: m, timeout: 10) else {
        failures.append("iteration \(i), killed after \(delay) µs: no prompt within 10 s")
        killAll(leftoverDescendants(of: s.pid))
        _ = s.expect("proclab › ", after: m, timeout: 60)
        continue
      }
      let deadlineGone = now() + 5
      var left = leftoverDescendants(of: s.pid)
      while !left.isEmpty && now() < deadlineGone {
        usleep(20_000)
        left = leftoverDescendants(of: s.pid)
      }
      if !left.isEmpty {
        failures.append("iteration \(i), killed after \(delay) µs: \(describe(left))")
        killAll(left)
      }
    }
    #expect(Signals.isAlive(s.pid), "the REPL did not survive its demo's death")
    #expect(failures.isEmpty, "\(failures.count) of \(iterations) runs went wrong: \(failures)")
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
  }
}

/// The queue names in a process's command line (the `ipc-echo` worker is given both).
func queueNames(inCommandLineOf pid: Int32) -> [String] {
  guard let bytes = FileIO.readFile("/proc/\(pid)/cmdline") else { return [] }
  return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    .filter { $0.hasPrefix("/proclab") && ($0.hasSuffix("-up") || $0.hasSuffix("-down")) }
}

/// Whether a message queue of that name exists (visible or not in /dev/mqueue).
func queueExists(_ name: String) -> Bool {
  let q = pl_mq_open(name)
  if q >= 0 {
    mq_close(q)
    return true
  }
  return errno != ENOENT
}

/// The message-queue names recorded in a test's state directory (`<state>/proclab/ipc/<pid>`),
/// read by the test itself before the next start sweeps them.
func recordedQueues(_ state: TempState) -> [String] {
  let dir = state.path + "/proclab/ipc"
  return (FileIO.entries(in: dir) ?? []).flatMap { entry in
    (FileIO.readText("\(dir)/\(entry)") ?? "").split(separator: "\n").map(String.init)
  }
}

@Suite("Kill loop over the whole catalog (make soak)", .serialized)
struct CatalogKillLoopTests {
  @Test(
    "SIGKILL the REPL at a random moment of every demo: no process, zombie or IPC object left",
    .enabled(if: killIterations(0) > 0, "make soak runs it (PROCLAB_KILL_ITERATIONS=200)"))
  func killREPLDuringEveryDemo() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let demos = DemoCatalog.all.map(\.name)
    var span: [String: Double] = [:]
    var failures: [String] = []
    let iterations = killIterations(0)
    for i in 0..<iterations {
      let demo = demos[i % demos.count]
      // A random moment of the demo's run, as long as it was when timed (at most 5 s).
      if span[demo] == nil { span[demo] = min(5, try timeOneRun("run \(demo)", state: state)) }
      let s = try PTYSession(state: state)
      _ = s.expect("proclab › ")
      let delay = randomDelay((span[demo] ?? 1) * 1.1)
      s.type("run \(demo)\r")
      usleep(delay)
      kill(s.pid, SIGKILL)
      _ = s.waitForExit(timeout: 5)
      let left = sessionSurvivors(s.pid, within: 5)
      if !left.isEmpty {
        failures.append("\(i) \(demo) after \(delay) µs: \(describe(left))")
        killAll(left)
      }
      s.close()
      // The next start must sweep whatever the killed run had named.
      let recorded = recordedQueues(state)
      let r = try runPiped([], input: "quit\n", state: state)
      if r.status != .exited(0) { failures.append("\(i) \(demo): the next start failed") }
      let objects = orphanedIPCObjects() + recorded.filter(queueExists)
      if !objects.isEmpty {
        failures.append("\(i) \(demo) after \(delay) µs left IPC objects: \(objects)")
        for o in objects { _ = shm_unlink("/" + (o.split(separator: "/").last ?? "")) }
        for q in recorded { mq_unlink(q) }
      }
    }
    print("kill loop: \(iterations) iterations over \(demos.count) demos, \(failures.count) failed")
    #expect(failures.isEmpty, "\(failures.count) of \(iterations) runs left something: \(failures)")
  }
}
