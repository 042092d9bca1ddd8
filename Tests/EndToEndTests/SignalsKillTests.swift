import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The signals demo's raw fork() children have no worker's machinery: they must die with
/// their demo by their own means (parent-death signal, EOF on their control pipe), whatever
/// part of the demo is running when the REPL is SIGKILLed.
@Suite("Signals demo: SIGKILL at any moment leaves no child", .serialized)
struct SignalsKillTests {
  @Test("SIGKILL the REPL at random moments of the signals demo: every process it had is gone")
  func killREPLDuringSignals() throws {
    var failures: [String] = []
    for i in 0..<8 {
      let state = TempState()
      defer { state.cleanUp() }
      let s = try PTYSession(state: state)
      defer { s.close() }
      #expect(s.expect("proclab › "))
      // Long enough that the kill falls inside it: a long latency part, then every other part.
      s.type("run signals repeats=5000 children=32\r")
      var pids: [Int32] = []
      let deadline = now() + 10
      while now() < deadline && pids.count < 2 {
        s.drain(0.01)
        pids = leftoverDescendants(of: s.pid).map(\.pid)
      }
      usleep(randomDelay(0.3))
      pids = Array(Set(pids + leftoverDescendants(of: s.pid).map(\.pid)))
      kill(s.pid, SIGKILL)
      _ = s.waitForExit(timeout: 5)
      if pids.count < 2 { failures.append("\(i): the demo did not start its processes") }
      if !allGone(pids, within: 3) {
        let left = pids.compactMap(ProcStat.read)
        failures.append("\(i): \(describe(left))")
        killAll(left)
      }
    }
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test("Ctrl-C at random moments of the signals demo: the prompt comes back, every child is gone")
  func ctrlCDuringSignals() throws {
    var failures: [String] = []
    for i in 0..<5 {
      let state = TempState()
      defer { state.cleanUp() }
      let s = try PTYSession(state: state)
      defer { s.close() }
      #expect(s.expect("proclab › "))
      let m = s.mark
      s.type("run signals repeats=5000 children=32\r")
      var pids: [Int32] = []
      let deadline = now() + 10
      while now() < deadline && pids.count < 2 {
        s.drain(0.01)
        pids = leftoverDescendants(of: s.pid).map(\.pid)
      }
      usleep(randomDelay(0.3))
      pids = Array(Set(pids + leftoverDescendants(of: s.pid).map(\.pid)))
      s.type("\u{03}")
      if !s.expect("proclab › ", after: m, timeout: 10) {
        failures.append("\(i): no prompt after Ctrl-C: \(s.screen)")
      }
      if !allGone(pids, within: 3) {
        let left = pids.compactMap(ProcStat.read)
        failures.append("\(i): \(describe(left))")
        killAll(left)
      }
      s.type("quit\r")
      _ = s.waitForExit()
    }
    #expect(failures.isEmpty, "\(failures)")
  }
}
