import CProcLab
public import DemoContract
import FoundationEssentials
import Glibc
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
}

/// Runs a demo in a child process of its own (`proclab run <demo> --events`), in its own
/// process group, and turns its JSON-lines event stream back into `DemoEvent`s.
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
    var outcome = DemoOutcome(
      report: nil, failure: nil, interrupted: false, timedOut: false, exitStatus: nil, swept: [])
    _ = signals.take(SIGINT)
    let events: PipeEnds
    let control: PipeEnds
    let errors: PipeEnds
    do {
      events = try PipeEnds()
      control = try PipeEnds()
      errors = try PipeEnds()
    } catch {
      outcome.failure = error.description
      return outcome
    }
    var env = ProcessEnvironment.current.filter {
      !$0.hasPrefix("PROCLAB_PARENT=") && !$0.hasPrefix("PROCLAB_WIDTH=")
        && !$0.hasPrefix("PROCLAB_UNICODE=") && !$0.hasPrefix("PROCLAB_COLOR=")
    }
    env.append("PROCLAB_PARENT=\(getpid())")
    env += style.environmentForChild
    // A demo that crashes should say so at once: the Swift runtime's backtracer (debug builds)
    // would start helper processes and symbolicate for seconds. Its message still reaches the
    // log; a developer who wants the trace runs `proclab run <demo> --events` by hand.
    if !env.contains(where: { $0.hasPrefix("SWIFT_BACKTRACE=") }) {
      env.append("SWIFT_BACKTRACE=enable=no")
    }
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        ChildProcess.selfExecutable,
        arguments: ["proclab", "run", definition.name, "--events"] + parameters.arguments,
        newProcessGroup: true, stdin: control.read, stdout: events.write, stderr: errors.write,
        environment: env)
    } catch {
      events.closeBoth()
      control.closeBoth()
      errors.closeBoth()
      outcome.failure = "could not start the demo: \(error)"
      return outcome
    }
    FileIO.closeQuietly(events.write)
    FileIO.closeQuietly(control.read)
    FileIO.closeQuietly(errors.write)
    FileIO.setNonBlocking(events.read)
    FileIO.setNonBlocking(errors.read)
    defer {
      FileIO.closeQuietly(events.read)
      FileIO.closeQuietly(control.write)
      FileIO.closeQuietly(errors.read)
    }

    let budget = timeBudget ?? definition.timeBudget
    // When the demo started, moved later by the time it spent stopped (Ctrl-Z): the budget
    // counts only the time it could run.
    var start = MonotonicClock.seconds()
    var buffer: [UInt8] = []
    var stderrText: [UInt8] = []
    var stopStage = 0  // 0 running, 1 SIGINT sent, 2 SIGTERM sent, 3 SIGKILL sent
    var nextEscalation = Double.infinity
    var eventsOpen = true
    var progressShown = false

    func escalate(now: Double) {
      stopStage += 1
      let sig = stopStage == 1 ? SIGINT : stopStage == 2 ? SIGTERM : SIGKILL
      child.signal(sig)
      nextEscalation = now + grace
    }

    while true {
      if child.poll() != nil && !eventsOpen { break }
      let now = MonotonicClock.seconds()
      if signals.take(SIGINT) > 0 {
        outcome.interrupted = true
        if stopStage == 0 { escalate(now: now) } else { nextEscalation = now }
      }
      if signals.take(SIGTSTP) > 0 {
        // Ctrl-Z stops only ProcLab, the terminal's foreground: the demo stops with it.
        let stopped = JobControl.suspend(withGroup: child.pid)
        start += stopped
        nextEscalation += stopped
        continue
      }
      if signals.endingSignal != nil {
        outcome.interrupted = true
        child.signal(SIGKILL)
        stopStage = 3
      }
      if stopStage == 0 && now - start > budget {
        outcome.timedOut = true
        escalate(now: now)
      }
      if stopStage > 0 && stopStage < 3 && now >= nextEscalation { escalate(now: now) }
      if !eventsOpen {
        // The runner closed its end but has not exited yet: give it a moment, then insist.
        if child.wait(timeout: 0.05) == nil && stopStage == 0 && now - start > budget {
          escalate(now: now)
        }
        if stopStage == 3 { _ = child.wait(timeout: 5) }
        continue
      }
      var fds = [
        pollfd(fd: events.read, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0),
        pollfd(fd: errors.read, events: Int16(POLLIN), revents: 0),
      ]
      let forwarding = forwardTerminalInput && definition.readsInput && isatty(0) == 1
      if forwarding { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
      let n = poll(&fds, nfds_t(fds.count), 100)
      if n < 0 { continue }
      if fds[1].revents != 0 { signals.drain() }
      if fds[2].revents != 0, let chunk = try? FileIO.read(errors.read, upTo: 4096) {
        if stderrText.count < 65536 { stderrText += chunk }
      }
      if forwarding, fds.count > 3, fds[3].revents & Int16(POLLIN) != 0 {
        if let line = try? FileIO.read(0, upTo: 1024), !line.isEmpty {
          try? FileIO.writeAll(control.write, line)
        }
      }
      if fds[0].revents != 0 {
        guard let chunk = try? FileIO.read(events.read, upTo: 65536) else { continue }
        if chunk.isEmpty {
          eventsOpen = false
          continue
        }
        buffer += chunk
        while let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = Array(buffer[..<nl])
          buffer.removeSubrange(...nl)
          let event: DemoEvent
          switch DemoEvent.decodeLine(line) {
          case .success(let decoded): event = decoded
          case .failure(let error):
            // Said in the session log (the REPL's stderr), escaped and bounded; the demo goes on.
            try? FileIO.writeAll(
              2, "proclab: demo \(definition.name) (pid \(child.pid)): \(error)\n")
            continue
          }
          switch event {
          case .report(let report): outcome.report = report
          case .failed(let text):
            outcome.failure = text
            // A demo we are stopping says why it failed; the one line said after it is enough.
            if stopStage > 0 { continue }
          case .progress(let fraction, let label):
            // Only long demos get a bar: one that ends within half a second just ends.
            if isatty(Console.errorDescriptor) == 1 && MonotonicClock.seconds() - start > 0.5 {
              let bar = ProgressBar.line(
                fraction: fraction, label: label, width: min(style.width, 100),
                unicode: style.unicode)
              try? FileIO.writeAll(Console.errorDescriptor, "\r\u{1B}[2K" + bar)
              progressShown = fraction < 1
              if fraction >= 1 { try? FileIO.writeAll(Console.errorDescriptor, "\r\u{1B}[2K") }
            }
            continue
          default: break
          }
          if progressShown {
            try? FileIO.writeAll(Console.errorDescriptor, "\r\u{1B}[2K")
            progressShown = false
          }
          onEvent(event)
        }
      }
    }
    if progressShown { try? FileIO.writeAll(Console.errorDescriptor, "\r\u{1B}[2K") }
    let status = (try? child.wait()) ?? .exited(-1)
    outcome.exitStatus = status
    // Anything left in the demo's group (a worker that ignored the signal) goes now.
    Signals.sendToGroup(child.pid, SIGKILL)
    Workers.reapGroup(child.pid)
    Workers.reapAll()
    outcome.swept = IPCNames.sweep()
    if outcome.timedOut {
      outcome.report = nil
      outcome.failure =
        "the demo ran past its time budget of \(Units.duration(budget)) and was stopped"
    } else if outcome.interrupted {
      outcome.report = nil
      outcome.failure = "interrupted: the demo was stopped, its processes reaped"
    } else if outcome.report == nil && outcome.failure == nil {
      // What the runner printed (a Swift runtime error, say) goes to the log, not the screen.
      var detail = ""
      if !stderrText.isEmpty,
        let log = Console.appendToLog(
          "demo \(definition.name) (pid \(child.pid)) ended without a report (\(status)):\n"
            + String(decoding: stderrText, as: UTF8.self))
      {
        detail = "; details in \(log)"
      }
      outcome.failure = "the demo ended without a report (\(status))\(detail)"
    }
    return outcome
  }
}
