import CProcLab
public import DemoContract
import Glibc
import Localization
public import Measure
import OSKit
public import Render
import Synchronization

/// What a running demo talks to: it streams events to its host over a pipe and collects
/// the final report. One exists per demo run, inside the demo-runner process.
public final class DemoContext: Sendable {
  public let demo: String
  public let parameters: Parameters
  /// The host's terminal: its width and character set, for the demos that choose what to
  /// show by it (the host draws tables and figures itself).
  public let style: TerminalStyle
  public let environment: MachineEnvironment
  private let output: Int32
  private let control: Int32
  private let state: Mutex<State>

  struct State {
    var report: DemoReport
    var lastProgress: Double = -1
    var lastProgressTime: Double = 0
    var cleanups: [@Sendable () -> Void] = []
    var controlBuffer: [UInt8] = []
  }

  /// - Parameters:
  ///   - output: the descriptor events are written to (a pipe to the host).
  ///   - control: the descriptor the host writes student input to (Enter), or -1.
  public init(
    demo: String, parameters: Parameters, style: TerminalStyle,
    environment: MachineEnvironment = .current(), output: Int32, control: Int32 = -1
  ) {
    self.demo = demo
    self.parameters = parameters
    self.style = style
    self.environment = environment
    self.output = output
    self.control = control
    state = Mutex(
      State(
        report: DemoReport(
          demo: demo, params: parameters.asJSON, environment: environment)))
  }

  /// Sends one event to the host as a JSON line (`DemoEvent.encodedLine`).
  public func send(_ event: DemoEvent) {
    // The host may be gone (Ctrl-C, crash); a failed write is not this demo's error.
    try? FileIO.writeAll(output, event.encodedLine())
  }

  public func heading(_ text: String) { send(.heading(text)) }

  /// A sentence for the student; also kept in the report's notes.
  public func note(_ text: String) {
    state.withLock { $0.report.notes.append(text) }
    send(.note(text))
  }

  /// A table; also kept in the report's tables.
  public func table(_ table: Table) {
    state.withLock { $0.report.tables.append(table) }
    send(.table(table))
  }

  /// A timeline, bar chart, histogram or process tree; also kept in the report's figures. The
  /// host draws it, at its terminal's width.
  public func figure(_ figure: Figure) {
    state.withLock { $0.report.figures.append(figure) }
    send(.figure(figure))
  }

  /// Progress of a long demo, at most ~20 updates a second.
  public func progress(_ fraction: Double, _ label: String) {
    let now = MonotonicClock.seconds()
    let due = state.withLock { s -> Bool in
      guard fraction >= 1 || now - s.lastProgressTime >= 0.05 else { return false }
      s.lastProgress = fraction
      s.lastProgressTime = now
      return true
    }
    if due { send(.progress(fraction: min(max(fraction, 0), 1), label: label)) }
  }

  /// Records a metric in the report (`final`, `semaphore.lost`…). Dotted keys nest.
  public func metric(_ key: String, _ value: JSONValue) {
    state.withLock { s in
      let parts = key.split(separator: ".").map(String.init)
      s.report.metrics = DemoContext.setting(s.report.metrics, parts[...], value)
    }
  }

  static func setting(
    _ object: [String: JSONValue], _ path: ArraySlice<String>, _ value: JSONValue
  ) -> [String: JSONValue] {
    var object = object
    guard let first = path.first else { return object }
    if path.count == 1 {
      object[first] = value
    } else {
      var inner: [String: JSONValue] = [:]
      if case .object(let existing) = object[first] { inner = existing }
      object[first] = .object(setting(inner, path.dropFirst(), value))
    }
    return object
  }

  /// The report so far.
  public var report: DemoReport { state.withLock { $0.report } }

  /// Ends the demo: sends the report as the last event.
  public func finish() {
    send(.report(report))
  }

  /// Registers cleanup (unlink an IPC object, reap a worker) that must run however the demo
  /// ends; runs in reverse order of registration.
  public func onCleanup(_ body: @escaping @Sendable () -> Void) {
    state.withLock { $0.cleanups.append(body) }
  }

  /// Runs and forgets every registered cleanup.
  public func runCleanups() {
    let bodies = state.withLock { s -> [@Sendable () -> Void] in
      defer { s.cleanups = [] }
      return s.cleanups
    }
    for body in bodies.reversed() { body() }
  }

  /// True once the student pressed Ctrl-C (SIGINT) or the host asked the demo to stop.
  public var stopRequested: Bool {
    OSKitSignals.peek(SIGINT) > 0 || OSKitSignals.peek(SIGTERM) > 0
  }

  /// Throws `DemoStopped` when a stop was requested, so loops can end cleanly.
  public func checkStop() throws(DemoError) {
    if stopRequested { throw DemoError(Catalog.text("demo.error.stopped")) }
  }

  /// Waits up to `timeout` seconds for a line of student input forwarded by the host.
  /// - Returns: the line (possibly empty: Enter), or nil on time-out or when input is closed.
  public func waitForInput(timeout: Double) -> String? {
    guard control >= 0 else {
      if timeout > 0 { usleep(UInt32(min(timeout, 60) * 1e6)) }
      return nil
    }
    let deadline = MonotonicClock.seconds() + timeout
    while true {
      if let line = state.withLock({ s -> String? in
        guard let nl = s.controlBuffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = String(decoding: s.controlBuffer[..<nl], as: UTF8.self)
        s.controlBuffer.removeSubrange(...nl)
        return line
      }) {
        return line
      }
      let left = deadline - MonotonicClock.seconds()
      if left <= 0 || stopRequested { return nil }
      guard FileIO.waitReadable(control, timeout: min(left, 0.1)) else { continue }
      guard let chunk = try? FileIO.read(control, upTo: 256), !chunk.isEmpty else { return nil }
      state.withLock { $0.controlBuffer += chunk }
    }
  }
}

/// Signal counts, as kept by the C flag handler.
enum OSKitSignals {
  static func peek(_ sig: Int32) -> Int { Int(pl_peek_signal_count(sig)) }
}
