import DemoContract
import FoundationEssentials
import Render

/// Cuts the runner's event stream into lines and decodes each into a `DemoEvent`: bytes arrive
/// in chunks that need not end at a line's end.
struct EventLineReader {
  private var pending: [UInt8] = []
  /// The lines that did not decode since the last `takeUndecodable()`, each with why (the host
  /// says them in the session log: a demo's bad line is never dropped without a word).
  private var undecodable: [EventLineError] = []

  /// Adds `bytes` and returns the events of the lines they complete, in order. A line that does
  /// not decode is kept for `takeUndecodable()` and skipped.
  mutating func append(_ bytes: [UInt8]) -> [DemoEvent] {
    pending += bytes
    var events: [DemoEvent] = []
    var lineStart = pending.startIndex
    while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
      switch Self.decode(pending[lineStart..<newline]) {
      case .success(let event): events.append(event)
      case .failure(let error): undecodable.append(error)
      }
      lineStart = newline + 1
    }
    pending.removeSubrange(..<lineStart)
    return events
  }

  /// The lines that did not decode since the last call, oldest first.
  mutating func takeUndecodable() -> [EventLineError] {
    defer { undecodable = [] }
    return undecodable
  }

  /// Bytes received after the last complete line.
  var unfinished: Int { pending.count }

  /// The one place the host decodes an event line.
  static func decode(_ line: ArraySlice<UInt8>) -> Result<DemoEvent, EventLineError> {
    DemoEvent.decodeLine(line)
  }
}

/// The progress bar a long demo gets on the terminal's stderr: only demos that run past half a
/// second show one (one that ends sooner just ends), and the bar is cleared before anything
/// else is printed and when the demo ends.
struct ProgressLine {
  /// Whether there is a terminal to draw on.
  let enabled: Bool
  let width: Int
  let unicode: Bool
  /// Seconds a demo runs before its progress is shown.
  static let delay = 0.5
  /// Clears the line the bar is on.
  static let clearLine = "\r\u{1B}[2K"
  /// Whether a bar is on the screen now.
  private(set) var shown = false

  init(enabled: Bool, style: TerminalStyle) {
    self.enabled = enabled
    // Three columns short of the terminal's width: a bar that reached the last column would
    // leave the cursor waiting to wrap, so the "^C" the terminal echoes on Ctrl-C would start a
    // new line and clearing the bar would clear only that one, leaving the bar on the screen.
    width = max(10, min(style.width - 3, 100))
    unicode = style.unicode
  }

  /// The text that draws `fraction` (and, at 1, takes the bar away again), or nil when no bar is
  /// drawn: no terminal, or the demo has run for less than `delay` seconds.
  mutating func update(fraction: Double, label: String, elapsed: Double) -> String? {
    guard enabled && elapsed > Self.delay else { return nil }
    let bar = ProgressBar.line(fraction: fraction, label: label, width: width, unicode: unicode)
    shown = fraction < 1
    return Self.clearLine + bar + (fraction >= 1 ? Self.clearLine : "")
  }

  /// The text that takes the bar off the screen, or nil when none is shown.
  mutating func clear() -> String? {
    guard shown else { return nil }
    shown = false
    return Self.clearLine
  }
}
