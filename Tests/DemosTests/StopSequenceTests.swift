import Glibc
import Testing

@testable import Demos

/// The host's stop state machine, driven by a fake clock: no process is started.
@Suite("Stopping a demo: SIGINT, SIGTERM a grace later, then SIGKILL")
struct StopSequenceTests {
  /// A demo started at 0 with a 10 s budget and 1 s between signals.
  func sequence(budget: Double = 10) -> StopSequence {
    StopSequence(start: 0, budget: budget, grace: 1)
  }

  @Test("a demo that ends within its budget is sent nothing")
  func finishes() {
    var stop = sequence()
    #expect(stop.tick(at: 0.5) == nil)
    #expect(stop.tick(at: 10) == nil, "exactly the budget is still within it")
    stop.runnerExited()
    #expect(stop.tick(at: 50) == nil)
    #expect(!stop.isStopping && !stop.interrupted && !stop.timedOut)
  }

  @Test("Ctrl-C: SIGINT at once, SIGTERM one grace later, SIGKILL one more grace later")
  func ctrlC() {
    var stop = sequence()
    #expect(stop.interrupt(at: 3) == SIGINT)
    #expect(stop.interrupted && !stop.timedOut && stop.isStopping)
    #expect(stop.tick(at: 3.9) == nil)
    #expect(stop.tick(at: 4) == SIGTERM)
    #expect(stop.tick(at: 4.5) == nil)
    #expect(stop.tick(at: 5) == SIGKILL)
    #expect(stop.stage == .killing)
    #expect(stop.tick(at: 20) == nil, "nothing after SIGKILL")
  }

  @Test("Ctrl-C twice skips the grace: SIGTERM at once, a third Ctrl-C SIGKILL")
  func ctrlCTwice() {
    var stop = sequence()
    #expect(stop.interrupt(at: 3) == SIGINT)
    #expect(stop.interrupt(at: 3.2) == SIGTERM)
    #expect(stop.tick(at: 3.3) == nil)
    #expect(stop.interrupt(at: 3.4) == SIGKILL)
    #expect(stop.interrupt(at: 3.5) == nil)
    #expect(stop.tick(at: 9) == nil)
  }

  @Test("the budget runs out: the same sequence, and the stop counts as timed out")
  func budget() {
    var stop = sequence(budget: 2)
    #expect(stop.tick(at: 2) == nil)
    #expect(stop.tick(at: 2.1) == SIGINT)
    #expect(stop.timedOut && !stop.interrupted)
    #expect(stop.tick(at: 2.5) == nil)
    #expect(stop.tick(at: 3.1) == SIGTERM)
    #expect(stop.tick(at: 4.1) == SIGKILL)
    #expect(stop.tick(at: 9) == nil)
  }

  @Test("the budget runs out after Ctrl-C: the sequence goes on as it was, an interruption")
  func budgetAfterCtrlC() {
    var stop = sequence(budget: 2)
    #expect(stop.interrupt(at: 1.5) == SIGINT)
    #expect(stop.tick(at: 2.1) == nil, "no second SIGINT, no earlier SIGTERM")
    #expect(!stop.timedOut && stop.interrupted)
    #expect(stop.tick(at: 2.5) == SIGTERM)
    #expect(stop.tick(at: 3.5) == SIGKILL)
  }

  @Test("Ctrl-C after the budget ran out skips the grace, and the stop is both")
  func ctrlCAfterBudget() {
    var stop = sequence(budget: 2)
    #expect(stop.tick(at: 2.1) == SIGINT)
    #expect(stop.interrupt(at: 2.2) == SIGTERM)
    #expect(stop.timedOut && stop.interrupted)
  }

  @Test("the runner exits during SIGTERM's grace: no SIGKILL follows")
  func exitsDuringGrace() {
    var stop = sequence()
    #expect(stop.interrupt(at: 0) == SIGINT)
    #expect(stop.tick(at: 1) == SIGTERM)
    stop.runnerExited()
    #expect(stop.tick(at: 2) == nil)
    #expect(stop.tick(at: 100) == nil)
    #expect(stop.interrupt(at: 101) == nil)
    #expect(stop.endSession() == nil)
    #expect(stop.interrupted && stop.isStopping)
  }

  @Test("an ending signal (SIGTERM, SIGHUP, Ctrl-\\ to ProcLab) sends SIGKILL once, at once")
  func endSession() {
    var stop = sequence()
    #expect(stop.endSession() == SIGKILL)
    #expect(stop.interrupted)
    #expect(stop.endSession() == nil)
    #expect(stop.tick(at: 50) == nil)
    #expect(stop.interrupt(at: 51) == nil)
  }

  @Test("an ending signal during the grace goes straight to SIGKILL")
  func endSessionDuringGrace() {
    var stop = sequence()
    #expect(stop.interrupt(at: 0) == SIGINT)
    #expect(stop.endSession() == SIGKILL)
    #expect(stop.tick(at: 1) == nil)
    #expect(stop.tick(at: 2) == nil)
  }

  @Test("time stopped with Ctrl-Z counts neither for the budget nor for the grace")
  func suspended() {
    var running = sequence(budget: 2)
    #expect(running.tick(at: 1) == nil)
    running.suspended(for: 10)
    #expect(running.elapsed(at: 11.5) == 1.5)
    #expect(running.tick(at: 11.9) == nil)
    #expect(running.tick(at: 12.1) == SIGINT)

    var stopping = sequence()
    #expect(stopping.interrupt(at: 0) == SIGINT)
    stopping.suspended(for: 5)
    #expect(stopping.tick(at: 5.9) == nil)
    #expect(stopping.tick(at: 6) == SIGTERM)
  }
}
