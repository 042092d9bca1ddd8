import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The shared test support itself: what the other tests rely on when they run the binary.
@Suite("Test support: running a program and capturing it")
struct HarnessTests {
  @Test("a captured run closes its own descriptors, each once, and none of the test's")
  func closesOnlyItsOwnDescriptors() throws {
    // Opened while the run reads: they get the lowest free numbers, those of the ends the run
    // has handed to the child and closed (stdin's /dev/null, the stdout and stderr pipes' write
    // ends). Closing any of those again would close one of these.
    var mine: [Int32] = []
    let r = try CapturedRun.run(
      ["/bin/sh", "-c", "echo out; echo err >&2"],
      whileRunning: { _ in
        mine = (0..<4).map { _ in open("/dev/null", O_RDONLY | O_CLOEXEC) }
      })
    defer { mine.forEach(FileIO.closeQuietly) }
    try #require(mine.count == 4 && mine.allSatisfy { $0 >= 0 })
    let closed = mine.filter { fcntl($0, F_GETFD) < 0 }
    #expect(closed.isEmpty, "the run closed descriptors \(closed), which it did not open")
    #expect(r.stdoutText == "out\n")
    #expect(r.stderrText == "err\n")
    #expect(r.status == .exited(0))
    #expect(!r.timedOut)
  }

  @Test("input reaches standard input, which then ends; stderr can be discarded")
  func inputAndDiscardedErrors() throws {
    let r = try CapturedRun.run(
      ["/bin/sh", "-c", "cat; echo gone >&2"], input: .text("typed\n"), stderr: .discard)
    #expect(r.stdoutText == "typed\n")
    #expect(r.stderr.isEmpty)
    #expect(r.status == .exited(0))
  }

  @Test("a run past its time-out is cut off, killed and says so")
  func timeOut() throws {
    let r = try CapturedRun.run(
      ["/bin/sh", "-c", "echo started; exec sleep 30"], timeout: 0.5, graceAfterTimeout: 0)
    #expect(r.timedOut)
    #expect(r.stdoutText == "started\n")
    #expect(r.status == .signaled(SIGKILL))
  }

  @Test("interruptAfter sends SIGINT to a program that waits")
  func interrupt() throws {
    let r = try CapturedRun.run(["/bin/sleep", "30"], interruptAfter: 0.2)
    #expect(!r.timedOut)
    #expect(r.status == .signaled(SIGINT))
  }

  @Test("the PTY session's terminal is closed once: a later close leaves other descriptors be")
  func ptySessionClosesOnce() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state, command: ["/bin/sh", "-c", "exec sleep 30"])
    s.hangUp()
    // The lowest free number is now the terminal's; a second close would take this one.
    let mine = open("/dev/null", O_RDONLY | O_CLOEXEC)
    defer { FileIO.closeQuietly(mine) }
    s.close()
    #expect(fcntl(mine, F_GETFD) >= 0, "closing the session closed descriptor \(mine) again")
  }
}
