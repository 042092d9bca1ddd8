import Glibc

/// How the host stops a demo, as a pure value: Ctrl-C or the time budget sends SIGINT to the
/// demo's process group, SIGTERM `grace` seconds later, then SIGKILL; another Ctrl-C skips the
/// wait; a signal that ends the session (SIGTERM, SIGHUP, Ctrl-\ sent to ProcLab) sends SIGKILL
/// at once. The host feeds it the clock and what happened and sends the signals it returns; the
/// sequence itself starts nothing and reads no clock, so every transition can be tested.
struct StopSequence: Sendable, Equatable {
  /// How far the stop has gone.
  enum Stage: Int, Sendable, Comparable {
    /// The demo runs; nothing was sent.
    case running
    /// SIGINT was sent (the demo's own clean-up runs).
    case interrupting
    /// SIGTERM was sent.
    case terminating
    /// SIGKILL was sent.
    case killing
    /// The runner has exited: there is nothing left to signal.
    case ended

    static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
  }

  /// Seconds the demo may run, not counting the time it spent stopped (Ctrl-Z).
  let budget: Double
  /// Seconds between SIGINT, SIGTERM and SIGKILL.
  let grace: Double
  /// When the demo started, moved later by the time it spent stopped.
  private(set) var start: Double
  private(set) var stage: Stage = .running
  /// Ctrl-C or an ending signal asked for the stop.
  private(set) var interrupted = false
  /// The time budget ran out before anyone asked for a stop.
  private(set) var timedOut = false
  /// When the next signal of the sequence is due.
  private(set) var nextEscalation = Double.infinity

  init(start: Double, budget: Double, grace: Double) {
    self.start = start
    self.budget = budget
    self.grace = grace
  }

  /// Whether the host has begun to stop the demo (a failure the demo reports now is only the
  /// echo of the stop).
  var isStopping: Bool { interrupted || timedOut }

  /// Seconds the demo has been running at `now`, its stopped time left out.
  func elapsed(at now: Double) -> Double { now - start }

  /// Ctrl-C arrived: the first starts the sequence, the next ones skip the wait.
  /// - Returns: the signal to send to the demo's process group now, if any.
  mutating func interrupt(at now: Double) -> Int32? {
    interrupted = true
    switch stage {
    case .running: return escalate(at: now)
    case .interrupting, .terminating:
      nextEscalation = now
      return tick(at: now)
    case .killing, .ended: return nil
    }
  }

  /// The session is ending (SIGTERM, SIGHUP, Ctrl-\): no grace.
  /// - Returns: SIGKILL, unless it was sent already or the runner has exited.
  mutating func endSession() -> Int32? {
    interrupted = true
    guard stage < .killing else { return nil }
    stage = .killing
    return SIGKILL
  }

  /// The demo was stopped with ProcLab (Ctrl-Z) for `seconds`: neither the budget nor the
  /// grace counts that time.
  mutating func suspended(for seconds: Double) {
    start += seconds
    nextEscalation += seconds
  }

  /// The clock moved on: the budget may have run out, or the next signal may be due.
  /// - Returns: the signal to send to the demo's process group now, if any.
  mutating func tick(at now: Double) -> Int32? {
    if stage == .running && now - start > budget {
      timedOut = true
      return escalate(at: now)
    }
    if stage == .interrupting || stage == .terminating, now >= nextEscalation {
      return escalate(at: now)
    }
    return nil
  }

  /// The runner exited; whatever comes later sends nothing.
  mutating func runnerExited() {
    stage = .ended
  }

  private mutating func escalate(at now: Double) -> Int32 {
    nextEscalation = now + grace
    switch stage {
    case .running:
      stage = .interrupting
      return SIGINT
    case .interrupting:
      stage = .terminating
      return SIGTERM
    case .terminating, .killing, .ended:
      stage = .killing
      return SIGKILL
    }
  }
}
