import DemoContract
import Demos
import Render

/// Turns a demo's events into text for the terminal: the one path from measurement to screen,
/// shared by the REPL, `proclab run` and the lesson player. Tables and figures arrive as data and
/// are drawn here, at the width of `style` when the event arrives.
struct DemoPresenter {
  var style: TerminalStyle
  /// Re-read the terminal's width (standard output's) for each event, so a table or figure
  /// fits the screen as it is when it arrives, after a resize too. Off where the caller gives
  /// the demo part of the screen (a lesson step beside its text).
  var followsTerminal = false

  init(style: TerminalStyle, followsTerminal: Bool = false) {
    self.style = style
    self.followsTerminal = followsTerminal
  }

  /// The text for one event (ending in a newline), or "" for events shown elsewhere.
  func render(_ event: DemoEvent) -> String {
    guard followsTerminal else { return render(event, style) }
    let width = TerminalStyle.detect(fileDescriptor: 1).width
    return render(event, width == style.width ? style : style.withWidth(width))
  }

  private func render(_ event: DemoEvent, _ style: TerminalStyle) -> String {
    switch event {
    case .started, .progress, .report: return ""
    case .heading(let text): return "\n" + style.bold(text) + "\n"
    case .note(let text):
      let lines = DisplayWidth.wrap(text, width: max(20, style.width - 2))
      return lines.enumerated().map { i, l in (i == 0 ? "· " : "  ") + l }.joined(separator: "\n")
        + "\n"
    case .figure(let figure): return figure.render(style) + "\n"
    case .table(let table):
      let text = table.render(style)
      return text.hasSuffix("\n") ? text : text + "\n"
    case .failed(let text): return style.color((style.unicode ? "✗ " : "x ") + text, .red) + "\n"
    }
  }

  /// The closing line for an outcome that has no report.
  func failureLine(_ outcome: DemoOutcome) -> String? {
    guard outcome.report == nil, let failure = outcome.failure else { return nil }
    return style.color((style.unicode ? "✗ " : "x ") + failure, .red)
  }
}
