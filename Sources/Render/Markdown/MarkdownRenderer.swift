import DemoContract  // Table

/// Renders Markdown for the terminal: lessons, help and explanations.
///
/// Understood: ATX (`#`) and setext headings, paragraphs (re-wrapped to the style's width;
/// two trailing spaces or a backslash keep a line break), bullet and numbered lists (nested
/// by indentation, wrapped with a hanging indent), block quotes, fenced and indented code
/// blocks (indented 4, never wrapped, dimmed with colour), GitHub pipe tables (drawn as a
/// ``Table``), horizontal rules, `inline code`, *emphasis*, **strong**, ~~strikethrough~~,
/// links `[text](url)` (shown as "text (url)"), autolinks and backslash escapes.
///
/// With colour, emphasis and headings use terminal attributes and markers disappear; without
/// colour, emphasis markers are dropped, code keeps its backticks, level 1 and 2 headings are
/// underlined with a rule. Malformed input never fails: unmatched markers print as written and
/// an unterminated code fence runs to the end of the document.
///
/// Rendering takes time linear in the input, whatever it holds: block quotes and lists nest
/// at most ``maximumNesting`` deep, and inline closers are found in one pass (`InlineScan`).
/// It is also interruptible: `shouldStop` is asked between blocks and every few thousand
/// characters, so Ctrl-C or SIGTERM ends the rendering of a huge lesson at once.
public struct MarkdownRenderer: Sendable {
  /// How to draw: colour, box drawing and the width to wrap to.
  public var style: TerminalStyle
  /// Asked while rendering; when it says true, rendering ends with what is done so far and a
  /// last line saying it was stopped.
  public var shouldStop: (@Sendable () -> Bool)?

  /// Creates a renderer for `style`.
  public init(style: TerminalStyle, shouldStop: (@Sendable () -> Bool)? = nil) {
    self.style = style
    self.shouldStop = shouldStop
  }

  /// The line that ends a rendering stopped by `shouldStop`.
  public static let stoppedLine = "… (stopped)"

  /// The terminal text for `markdown`.
  ///
  /// - Parameter markdown: A Markdown document (without front matter).
  /// - Returns: The rendered lines joined by "\n", without a final newline. Blocks are
  ///   separated by one empty line; no line is wider than the style's width except code
  ///   lines and tables whose numbers cannot be shortened.
  public func render(_ markdown: String) -> String {
    let blocks = MarkdownParser.parse(style.asciiFallback(markdown))
    var lines = renderBlocks(blocks, width: style.width, listDepth: 0, tight: false)
    if shouldStop?() == true { lines.append(MarkdownRenderer.stoppedLine) }
    return lines.joined(separator: "\n")
  }

  /// One line of inline Markdown (code, emphasis, links, escapes) rendered exactly as in a
  /// paragraph of step text, but not wrapped and never read as a block (a choice `1. two`
  /// stays text). For quiz choices.
  public func renderInline(_ text: String) -> String {
    inline.render(style.asciiFallback(text))
  }

  /// How deeply block quotes and lists may nest; deeper markers are shown as text.
  public static var maximumNesting: Int { MarkdownParser.maximumNesting }

  /// The 0-based index of the first line of `markdown` at which block quotes and lists nest
  /// deeper than ``maximumNesting``, or nil (for the linter).
  public static func tooDeeplyNestedLine(_ markdown: String) -> Int? {
    guard mayNestTooDeeply(markdown) else { return nil }
    return MarkdownParser.tooDeeplyNestedLine(markdown)
  }

  /// Whether some line's prefix of quote and list markers and indentation is long enough to
  /// nest past `maximumNesting`. Each level of nesting takes at least one column of the line
  /// that opens it (a `>`, a list marker, the indentation of a nested item; a lazy line only
  /// continues a depth an earlier line reached), so a text where every such prefix is shorter
  /// than the limit cannot nest too deeply, and the full parse (most of the time a lesson takes
  /// to load, at start-up) is skipped. Tabs count 4 columns.
  static func mayNestTooDeeply(_ markdown: String) -> Bool {
    var columns = 0
    var inPrefix = true
    for byte in markdown.utf8 {
      if byte == UInt8(ascii: "\n") {
        columns = 0
        inPrefix = true
        continue
      }
      guard inPrefix else { continue }
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"),
        UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "\r"):
        columns += 1
      case UInt8(ascii: "\t"): columns += 4
      default: inPrefix = false
      }
      if columns >= maximumNesting { return true }
    }
    return false
  }

  private var inline: MarkdownInline { MarkdownInline(style: style, shouldStop: shouldStop) }

  private func renderBlocks(
    _ blocks: [MarkdownBlock], width: Int, listDepth: Int, tight: Bool
  ) -> [String] {
    var lines: [String] = []
    for (index, block) in blocks.enumerated() {
      if shouldStop?() == true { break }
      if index > 0 && !tight { lines.append("") }
      lines += renderBlock(block, width: max(8, width), listDepth: listDepth)
    }
    return lines
  }

  private func renderBlock(_ block: MarkdownBlock, width: Int, listDepth: Int) -> [String] {
    switch block {
    case .heading(let level, let text):
      return heading(level: level, text: text, width: width)

    case .paragraph(let text):
      return DisplayWidth.wrap(inline.render(text), width: width)

    case .code(let lines, _):
      return lines.map { line in
        let trimmed = trimmingTrailingSpaces(line)
        return trimmed.isEmpty ? "" : "    " + style.dim(trimmed)
      }

    case .quote(let blocks):
      let bar = style.unicode ? "│" : ">"
      let prefix = style.dim(bar)
      return renderBlocks(blocks, width: width - 2, listDepth: listDepth, tight: false).map {
        $0.isEmpty ? prefix : prefix + " " + $0
      }

    case .list(let ordered, let start, let items, let loose):
      return list(
        ordered: ordered, start: start, items: items, loose: loose, width: width,
        depth: listDepth)

    case .table(let header, let alignments, let rows):
      let columns = zip(header, alignments).map { name, align in
        Table.Column(inline.render(name), align: align)
      }
      let table = Table(
        columns: columns, rows: rows.map { $0.map { inline.render($0) } })
      return table.renderLines(style.withWidth(width))

    case .rule:
      return [style.dim((style.unicode ? "─" : "-").repeated(width))]
    }
  }

  private func heading(level: Int, text: String, width: Int) -> [String] {
    let lines = DisplayWidth.wrap(inline.render(text), width: width)
    if style.color {
      switch level {
      case 1: return lines.map { style.bold(style.underline($0)) }
      case 2: return lines.map { style.bold($0) }
      default: return lines.map { style.bold(style.italic($0)) }
      }
    }
    guard level <= 2 else { return lines }
    let ruleWidth = lines.map(DisplayWidth.of).max() ?? 0
    let character =
      level == 1 ? (style.unicode ? "═" : "=") : (style.unicode ? "─" : "-")
    return lines + [character.repeated(ruleWidth)]
  }

  private func list(
    ordered: Bool, start: Int, items: [[MarkdownBlock]], loose: Bool, width: Int, depth: Int
  ) -> [String] {
    let bullets = style.unicode ? ["•", "◦", "▪"] : ["*", "-", "+"]
    let markers = items.indices.map { index in
      ordered ? String(start + index) + "." : bullets[depth % bullets.count]
    }
    let markerWidth = markers.map(DisplayWidth.of).max() ?? 1
    let hanging = " ".repeated(markerWidth + 1)
    var lines: [String] = []
    for (index, item) in items.enumerated() {
      if loose && index > 0 { lines.append("") }
      var inner = renderBlocks(
        item, width: width - markerWidth - 1, listDepth: depth + 1, tight: !loose)
      if inner.isEmpty { inner = [""] }
      let marker = DisplayWidth.pad(markers[index], to: markerWidth, align: .right)
      lines.append(trimmingTrailingSpaces(marker + " " + inner[0]))
      for line in inner.dropFirst() {
        lines.append(line.isEmpty ? "" : hanging + line)
      }
    }
    return lines
  }
}
