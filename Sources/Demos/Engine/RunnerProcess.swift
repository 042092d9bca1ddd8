import DemoContract
import Glibc
import OSKit
import Render

/// The demo runner as its host holds it: `proclab run <demo> --events name=value …` in a
/// process group of its own, and the host's ends of its three pipes.
struct RunnerProcess {
  let child: ChildProcess
  let pipes: RunnerPipes

  /// The runner's arguments after `proclab`.
  static func arguments(_ definition: DemoDefinition, _ parameters: Parameters) -> [String] {
    ["run", definition.name, "--events"] + parameters.arguments
  }

  /// What the runner gets beyond a worker's environment: the terminal's width and character
  /// set (`PROCLAB_WIDTH/UNICODE/COLOR`, replacing ours).
  static func setting(_ style: TerminalStyle) -> [String] { style.environmentForChild }

  /// Variables the runner gets only when ours do not set them. A demo that crashes should say so
  /// at once: the Swift runtime's backtracer (debug builds) would start helper processes and
  /// symbolicate for seconds. Its message still reaches the log; a developer who wants the
  /// trace runs `proclab run <demo> --events` by hand.
  static let defaults = ["SWIFT_BACKTRACE=enable=no"]

  /// Starts the runner with events on a pipe from its stdout, its stdin on a pipe from us
  /// (lines typed for the demo) and its stderr on a pipe to us.
  /// - Throws: one line for the person: the pipes or the process could not be made.
  static func start(
    _ definition: DemoDefinition, _ parameters: Parameters, style: TerminalStyle
  ) throws(RunnerStartError) -> RunnerProcess {
    let events: PipeEnds
    let control: PipeEnds
    let errors: PipeEnds
    do {
      events = try PipeEnds()
      control = try PipeEnds()
      errors = try PipeEnds()
    } catch {
      throw RunnerStartError(message: error.description)
    }
    let child: ChildProcess
    do {
      child = try ChildProcess.spawnSelf(
        arguments(definition, parameters), newProcessGroup: true, stdin: control.read,
        stdout: events.write, stderr: errors.write, setting: setting(style), defaults: defaults)
    } catch {
      events.closeBoth()
      control.closeBoth()
      errors.closeBoth()
      throw RunnerStartError(message: "could not start the demo: \(error)")
    }
    FileIO.closeQuietly(events.write)
    FileIO.closeQuietly(control.read)
    FileIO.closeQuietly(errors.write)
    return RunnerProcess(
      child: child,
      pipes: RunnerPipes(events: events.read, errors: errors.read, input: control.write))
  }
}

/// Why the runner could not start, in one line.
struct RunnerStartError: Error {
  var message: String
}

/// The host's ends of the runner's pipes: events and errors to read, input to write.
struct RunnerPipes: Sendable {
  /// The read end of the runner's stdout (JSON-lines events).
  let events: Int32
  /// The read end of the runner's stderr.
  let errors: Int32
  /// The write end of the runner's stdin.
  let input: Int32

  init(events: Int32, errors: Int32, input: Int32) {
    self.events = events
    self.errors = errors
    self.input = input
    FileIO.setNonBlocking(events)
    FileIO.setNonBlocking(errors)
  }

  func close() {
    FileIO.closeQuietly(events)
    FileIO.closeQuietly(input)
    FileIO.closeQuietly(errors)
  }
}

/// One wait of the host on everything that can wake it while a demo runs: the runner's events
/// and stderr, the signal self-pipe and, for demos that read input, the terminal, whose lines
/// it forwards to the runner's stdin.
struct RunnerPoll {
  let pipes: RunnerPipes
  /// The read end of the signal self-pipe; drained when it wakes the poll.
  let signals: SignalPipe
  /// The terminal to forward lines from (0), or nil when the demo reads no input.
  let terminal: Int32?
  /// What the runner wrote on stderr, kept up to about `stderrLimit` bytes for the log.
  private(set) var stderrText: [UInt8] = []
  let stderrLimit: Int

  init(pipes: RunnerPipes, signals: SignalPipe, terminal: Int32?, stderrLimit: Int = 65536) {
    self.pipes = pipes
    self.signals = signals
    self.terminal = terminal
    self.stderrLimit = stderrLimit
  }

  /// What one wait brought from the events pipe.
  enum Events: Equatable {
    /// Nothing (the wait timed out, or only something else woke it).
    case none
    /// Bytes of the event stream, not necessarily whole lines.
    case bytes([UInt8])
    /// The runner (and every process holding its stdout) closed it.
    case closed
  }

  /// Waits up to `milliseconds` for anything, then handles what arrived: drains the signal
  /// pipe (the counts are the caller's to take), keeps stderr, forwards a terminal line.
  /// - Returns: what came on the events pipe.
  mutating func wait(milliseconds: Int32 = 100) -> Events {
    var fds = [
      pollfd(fd: pipes.events, events: Int16(POLLIN), revents: 0),
      pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0),
      pollfd(fd: pipes.errors, events: Int16(POLLIN), revents: 0),
    ]
    if let terminal { fds.append(pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)) }
    if poll(&fds, nfds_t(fds.count), milliseconds) < 0 { return .none }
    if fds[1].revents != 0 { signals.drain() }
    if fds[2].revents != 0, let chunk = try? FileIO.read(pipes.errors, upTo: 4096) {
      if stderrText.count < stderrLimit { stderrText += chunk }
    }
    if let terminal, fds[3].revents & Int16(POLLIN) != 0 {
      if let line = try? FileIO.read(terminal, upTo: 1024), !line.isEmpty {
        try? FileIO.writeAll(pipes.input, line)
      }
    }
    guard fds[0].revents != 0, let chunk = try? FileIO.read(pipes.events, upTo: 65536) else {
      return .none
    }
    return chunk.isEmpty ? .closed : .bytes(chunk)
  }
}
