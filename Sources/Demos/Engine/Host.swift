import CProcLab
public import DemoContract
import Glibc
import Localization
import Measure
public import OSKit
public import Render

/// How a demo run ended, seen from its host.
public struct DemoOutcome: Sendable {
  /// The final report, when the demo finished.
  public var report: DemoReport?
  /// One line saying why there is no report (refused parameter, failure, Ctrl-C, time budget).
  public var failure: String?
  public var interrupted: Bool
  public var timedOut: Bool
  public var exitStatus: ExitStatus?
  /// IPC objects the host swept after the demo (should be none).
  public var swept: [String]

  init(failure: String? = nil) {
    self.failure = failure
    interrupted = false
    timedOut = false
    swept = []
  }
}

/// Runs a demo in a child process of its own (`proclab run <demo> --events`), in its own
/// process group, and turns its JSON-lines event stream back into `DemoEvent`s.
///
/// The parts, each with its own tests: `RunnerProcess` starts the runner, `RunnerPoll` waits on
/// its pipes, the signal pipe and the terminal, `StopSequence` decides when to send SIGINT,
/// SIGTERM and SIGKILL, `EventLineReader` decodes the event lines, `ProgressLine` draws the
/// progress bar and `Workers.reapRunner` reaps what is left.
public struct DemoHost: Sendable {
  public var style: TerminalStyle
  /// Where Ctrl-C (SIGINT) arrives; the host forwards it to the demo's process group.
  public var signals: SignalPipe
  /// Forward lines typed on the terminal to the demo (the `threads` demo waits for Enter).
  public var forwardTerminalInput: Bool
  /// Seconds between SIGINT, SIGTERM and SIGKILL when stopping a demo.
  public var grace: Double = 1

  public init(style: TerminalStyle, signals: SignalPipe, forwardTerminalInput: Bool) {
    self.style = style
    self.signals = signals
    self.forwardTerminalInput = forwardTerminalInput
  }

  /// Runs `definition` with already-validated `parameters`.
  /// - Parameters:
  ///   - timeBudget: seconds before the demo is stopped; nil uses the demo's own budget.
  ///   - onEvent: called for every event, in order, on the calling thread.
  public func run(
    _ definition: DemoDefinition, _ parameters: Parameters, timeBudget: Double? = nil,
    onEvent: (DemoEvent) -> Void
  ) -> DemoOutcome {
    _ = signals.take(SIGINT)
    let runner: RunnerProcess
    do {
      runner = try RunnerProcess.start(definition, parameters, style: style)
    } catch {
      return DemoOutcome(failure: error.message)
    }
    defer { runner.pipes.close() }
    let forwarding = forwardTerminalInput && definition.readsInput && isatty(0) == 1
    var poll = RunnerPoll(pipes: runner.pipes, signals: signals, terminal: forwarding ? 0 : nil)
    var stop = StopSequence(
      start: MonotonicClock.seconds(), budget: timeBudget ?? definition.timeBudget, grace: grace)
    var progress = ProgressLine(enabled: isatty(Console.errorDescriptor) == 1, style: style)
    var lines = EventLineReader()
    var outcome = DemoOutcome()
    var eventsOpen = true
    while true {
      if runner.child.poll() != nil {
        stop.runnerExited()
        if !eventsOpen { break }
      }
      if !applySignals(&stop, to: runner.child) { continue }
      if let sig = stop.tick(at: MonotonicClock.seconds()) { runner.child.signal(sig) }
      if !eventsOpen {
        // The runner closed its end but has not exited yet: give it a moment (after SIGKILL,
        // the time it takes to die).
        _ = runner.child.wait(timeout: stop.stage == .killing ? 5 : 0.05)
        continue
      }
      switch poll.wait() {
      case .none: continue
      case .closed: eventsOpen = false
      case .bytes(let bytes):
        for event in lines.append(bytes) {
          deliver(event, &outcome, stop: stop, progress: &progress, onEvent: onEvent)
        }
        for error in lines.takeUndecodable() {
          // Said in the session log (the REPL's stderr), escaped and bounded; the demo goes on.
          try? FileIO.writeAll(
            2, "proclab: demo \(definition.name) (pid \(runner.child.pid)): \(error)\n")
        }
      }
    }
    if let text = progress.clear() { try? FileIO.writeAll(Console.errorDescriptor, text) }
    let (status, swept) = Workers.reapRunner(runner.child)
    outcome.exitStatus = status
    outcome.swept = swept
    outcome.interrupted = stop.interrupted
    outcome.timedOut = stop.timedOut
    conclude(&outcome, stop: stop, definition: definition, pid: runner.child.pid, stderr: poll)
    return outcome
  }

  /// Takes what the signal pipe counted since the last look and tells `stop` (Ctrl-C, an ending
  /// signal) or stops the demo with ProcLab (Ctrl-Z), sending the signals `stop` returns.
  /// - Returns: false after a Ctrl-Z: the clock moved while ProcLab was stopped.
  private func applySignals(_ stop: inout StopSequence, to child: ChildProcess) -> Bool {
    if signals.take(SIGINT) > 0, let sig = stop.interrupt(at: MonotonicClock.seconds()) {
      child.signal(sig)
    }
    if signals.take(SIGTSTP) > 0 {
      // Ctrl-Z stops only ProcLab, the terminal's foreground: the demo stops with it.
      stop.suspended(for: JobControl.suspend(withGroup: child.pid))
      return false
    }
    if signals.endingSignal != nil, let sig = stop.endSession() { child.signal(sig) }
    return true
  }

  /// Handles one decoded event: keeps the report and the failure, draws progress, and passes
  /// every other event (and a failure that is not the echo of a stop) to `onEvent`.
  private func deliver(
    _ event: DemoEvent, _ outcome: inout DemoOutcome, stop: StopSequence,
    progress: inout ProgressLine, onEvent: (DemoEvent) -> Void
  ) {
    switch event {
    case .report(let report): outcome.report = report
    case .failed(let text):
      outcome.failure = text
      // A demo we are stopping says why it failed; the one line said after it is enough.
      if stop.isStopping { return }
    case .progress(let fraction, let label):
      let elapsed = stop.elapsed(at: MonotonicClock.seconds())
      if let text = progress.update(fraction: fraction, label: label, elapsed: elapsed) {
        try? FileIO.writeAll(Console.errorDescriptor, text)
      }
      return
    default: break
    }
    if let text = progress.clear() { try? FileIO.writeAll(Console.errorDescriptor, text) }
    onEvent(event)
  }

  /// Says why there is no report: the time budget, Ctrl-C, or a runner that ended without one
  /// (what it wrote on stderr, a Swift runtime error say, goes to the log, not the screen).
  private func conclude(
    _ outcome: inout DemoOutcome, stop: StopSequence, definition: DemoDefinition, pid: pid_t,
    stderr poll: RunnerPoll
  ) {
    let status = outcome.exitStatus ?? .exited(-1)
    if stop.timedOut {
      outcome.report = nil
      outcome.failure = Catalog.text(
        "demo.host.timeBudget", ["time": DemoText.duration(stop.budget)])
    } else if stop.interrupted {
      outcome.report = nil
      outcome.failure = Catalog.text("demo.host.interrupted")
    } else if outcome.report == nil && outcome.failure == nil {
      var log: String?
      if !poll.stderrText.isEmpty,
        let written = Console.appendToLog(
          "demo \(definition.name) (pid \(pid)) ended without a report (\(status)):\n"
            + String(decoding: poll.stderrText, as: UTF8.self))
      {
        log = written
      }
      let said = DemoText.status(status)
      outcome.failure =
        log.map { Catalog.text("demo.host.noReportLog", ["status": said, "log": $0]) }
        ?? Catalog.text("demo.host.noReport", ["status": said])
    }
  }
}
