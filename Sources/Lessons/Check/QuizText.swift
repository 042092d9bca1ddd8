import Localization
public import Render

/// The parts of a question the quiz prints besides its text: choices, hints, and the line that
/// says what to type. Choices and hints render inline Markdown exactly as step text does (the
/// lesson parser has already made the whole file `TerminalSafe`).
public enum QuizText {
  /// Lettered choices, `  a) text`, each rendered and wrapped under its own text.
  public static func choices(_ choices: [Choice], style: TerminalStyle) -> String {
    var out = ""
    for c in choices {
      let prefix = "  \(c.label)) "
      let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
      let width = max(20, style.width - DisplayWidth.of(prefix))
      let rendered = MarkdownRenderer(style: style).renderInline(c.text)
      for (i, line) in DisplayWidth.wrap(rendered, width: width).enumerated() {
        out += (i == 0 ? prefix : indent) + line + "\n"
      }
    }
    return out
  }

  /// `hint 1/2: text`, the hint rendered as Markdown and wrapped under its first line.
  public static func hint(_ text: String, number: Int, of total: Int, style: TerminalStyle)
    -> String
  {
    let head = Catalog.text("quiz.hintHead", ["number": String(number), "total": String(total)])
    let width = DisplayWidth.of(head)
    let body = MarkdownRenderer(style: style.withWidth(max(20, style.width - width))).render(text)
    let indent = String(repeating: " ", count: width)
    return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      i, line in i == 0 ? style.color(head, .cyan) + line : line.isEmpty ? "" : indent + line
    }.joined(separator: "\n")
  }
}
