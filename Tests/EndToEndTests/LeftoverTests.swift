import CProcLab
import Demos
import Glibc
import OSKit
import Testing

@Suite("Leftovers: every object a killed run made is swept, and only those", .serialized)
struct LeftoverTests {
  @Test("message queues of a REPL killed mid-demo are unlinked at the next start, unmounted too")
  func queuesSweptAtStart() throws {
    let state = TempState()
    defer { state.cleanUp() }
    var leaked: [String] = []
    var all: [String] = []
    defer { for name in all { mq_unlink(name) } }
    for _ in 0..<6 where leaked.count < 2 {
      let s = try PTYSession(state: state)
      #expect(s.expect("proclab › "))
      s.type("run ipc-compare via=mqueue rounds=200000\r")
      // Kill the REPL as soon as the worker is there, before it has opened both queues (after
      // that the demo unlinks their names).
      var names: [String] = []
      let runner = firstChild(of: s.pid)
      let deadline = now() + 20
      while runner > 0 && names.isEmpty && now() < deadline {
        for worker in children(of: runner) {
          names = queueNames(inCommandLineOf: worker)
          if !names.isEmpty { break }
        }
      }
      kill(s.pid, SIGKILL)
      _ = s.waitForExit(timeout: 5)
      killAll(sessionSurvivors(s.pid, within: 5))
      s.close()
      all += names
      leaked += names.filter(queueExists)
    }
    try #require(!leaked.isEmpty, "no kill landed before the queues were unlinked")
    let r = try runPiped([], input: "quit\n", state: state)
    #expect(r.status == .exited(0))
    let left = leaked.filter(queueExists)
    #expect(left.isEmpty, "queues of dead runs were kept: \(left) (stderr: \(r.stderr))")
    #expect(r.stderr.contains(String(leaked[0].dropFirst())), "not said: \(r.stderr)")
  }

  @Test(
    "the per-user message-queue limit is named as such, not as the open-file limit",
    .enabled(if: access("/usr/bin/prlimit", X_OK) == 0))
  func queueLimitNamed() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      [
        "/usr/bin/prlimit", "--msgqueue=1000:1000", proclabBinary, "run", "ipc-compare",
        "via=mqueue", "rounds=100", "volume=1",
      ], input: "", state: state, direct: true)
    let said = r.stdout + r.stderr
    #expect(r.status == .exited(1), "\(said)")
    #expect(said.contains("message-queue limit"), "the real cause was not named: \(said)")
    #expect(said.contains("RLIMIT_MSGQUEUE"), "\(said)")
    #expect(!said.contains("open-file limit"), "blamed the open-file limit: \(said)")
    #expect(!said.contains("Too many open files"), "the errno text misleads: \(said)")
    #expect(!said.contains("Fatal error"))
  }

  @Test("a test's planted object is left alone by another ProcLab's sweep, removed by its own")
  func plantedObjectsImmuneToOthers() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let planted = plantObject(owner: try deadPid(), what: "immune")
    defer { shm_unlink(planted) }
    // Another ProcLab on this machine: no namespace, or another one.
    for other in ["", "PROCLAB_IPC_NAMESPACE=t1other"] {
      var env = state.environment.filter { !$0.hasPrefix("PROCLAB_IPC_NAMESPACE=") }
      if !other.isEmpty { env.append(other) }
      let r = try runPipedEnvironment(env, input: "quit\n")
      #expect(r.status == .exited(0))
      let fd = shm_open(planted, O_RDONLY, 0)
      #expect(fd >= 0, "swept by a ProcLab of another namespace (\(other)): \(r.stderr)")
      if fd >= 0 { close(fd) }
    }
    let r = try runPiped([], input: "quit\n", state: state)
    #expect(r.stderr.contains(String(planted.dropFirst())), "\(r.stderr)")
    #expect(shm_open(planted, O_RDONLY, 0) < 0, "its own sweep kept it")
  }
}
