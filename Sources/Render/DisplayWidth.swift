public import DemoContract  // Alignment

/// Terminal display width of text, and padding, truncating and wrapping by that width.
///
/// Widths are in terminal columns: escape sequences (colours, hyperlinks) take none, East
/// Asian wide and fullwidth characters (Hangul, CJK, fullwidth forms) and emoji take two,
/// combining marks and other zero-width characters take none. The tables come from Unicode
/// data, not from the C library's locale, so results are the same on every machine. Tabs and
/// other control characters count as zero columns: expand tabs before measuring.
public enum DisplayWidth {
  /// The number of terminal columns `text` takes.
  ///
  /// - Parameter text: A single line; newlines count as zero columns.
  /// - Returns: The display width, ignoring ANSI escape sequences.
  public static func of(_ text: String) -> Int {
    // Fast path: printable ASCII only.
    var printableASCII = true
    for byte in text.utf8 where byte < 0x20 || byte > 0x7E {
      printableASCII = false
      break
    }
    if printableASCII { return text.utf8.count }
    var width = 0
    forEachPiece(in: text) { width += $0.width }
    return width
  }

  /// The widest line of `text`, in terminal columns.
  public static func widestLine(_ text: String) -> Int {
    var widest = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      widest = max(widest, of(String(line)))
    }
    return widest
  }

  /// Pads `text` with spaces to `width` columns.
  ///
  /// - Parameters:
  ///   - text: One line of text; it may contain escape sequences.
  ///   - width: The field width in columns. Text already that wide or wider is returned as is.
  ///   - align: Where the text sits in the field; centred text leans left when the spare
  ///     columns are odd.
  /// - Returns: The padded text.
  public static func pad(_ text: String, to width: Int, align: Alignment = .left) -> String {
    let spare = width - of(text)
    if spare <= 0 { return text }
    switch align {
    case .left:
      return text + String(repeating: " ", count: spare)
    case .right:
      return String(repeating: " ", count: spare) + text
    case .center:
      let left = spare / 2
      return String(repeating: " ", count: left) + text
        + String(repeating: " ", count: spare - left)
    }
  }

  /// Shortens `text` to at most `width` columns, ending it with `ellipsis` when it was cut.
  ///
  /// Escape sequences are kept whole; when the cut leaves a colour or attribute switched on,
  /// a reset is appended so that the style does not leak into what follows. Wide characters
  /// are never split.
  ///
  /// - Parameters:
  ///   - text: One line of text.
  ///   - width: The largest display width of the result.
  ///   - ellipsis: What marks the cut; `"..."` suits ASCII-only output. When `width` is
  ///     narrower than the ellipsis, the text is cut without one.
  /// - Returns: `text` itself if it fits, otherwise the shortened text.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    if width <= 0 { return "" }
    if of(text) <= width { return text }
    let ellipsisWidth = of(ellipsis)
    let useEllipsis = ellipsisWidth <= width
    let budget = useEllipsis ? width - ellipsisWidth : width
    var result = ""
    var used = 0
    var state = SGRState()
    var full = false
    forEachPiece(in: text) { piece in
      if full { return }
      if piece.isEscape {
        // Escapes before the cut are kept so that the kept part looks as before.
        result += text[piece.range]
        if piece.isSGR { state.apply(sequence: text[piece.range]) }
        return
      }
      if used + piece.width > budget {
        full = true
        return
      }
      used += piece.width
      result += text[piece.range]
    }
    if useEllipsis {
      while result.last == " " { result.removeLast() }  // "word…", not "word …"
      result += ellipsis
    }
    if !state.isDefault { result += sgrReset }
    return result
  }

  /// Word-wraps `text` to lines of at most `width` columns.
  ///
  /// Each line of the input (split at "\n") is wrapped on its own; its leading spaces are
  /// kept on its first output line, runs of spaces between words become one. Words wider
  /// than `width` are broken between characters. Escape sequences are never broken, and a
  /// colour or attribute that spans a line break is closed at the end of the line and reopened
  /// at the start of the next, so every line stands on its own (e.g. beside another column).
  ///
  /// - Parameters:
  ///   - text: The text to wrap.
  ///   - width: The widest a line may be; values below 1 count as 1.
  /// - Returns: The lines, without newline characters; an empty input gives one empty line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var wrapper = LineWrapper(width: width)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      wrapper.wrapLine(String(line))
    }
    return wrapper.lines
  }

  /// Word-wraps `text` to lines of at most `width` columns, indenting each line's continuation
  /// lines: the one wrapping function for ProcLab's own text (help, messages, lists).
  ///
  /// As ``wrap(_:width:)``, and each input line's continuation lines start with as many spaces
  /// as its own leading spaces plus `hangingIndent` (a list item's text under its first word,
  /// `help`'s descriptions under their column). The indent is left out when it would leave
  /// fewer than 20 columns for text.
  ///
  /// - Parameters:
  ///   - text: The text to wrap.
  ///   - width: The widest a line may be; values below 1 count as 1.
  ///   - hangingIndent: Extra columns of indent for continuation lines; negative counts as 0.
  /// - Returns: The lines, without newline characters; an empty input gives one empty line.
  public static func wrap(_ text: String, width: Int, hangingIndent: Int) -> [String] {
    let width = max(1, width)
    var wrapper = LineWrapper(width: width)
    wrapper.hanging = max(0, hangingIndent)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      wrapper.wrapLine(String(line))
    }
    return wrapper.lines
  }

  /// A label and its text in two columns, the text word-wrapped in its own column: `help`'s
  /// commands, a demo's parameters.
  ///
  /// The label is padded to `column`; the text starts there and its continuation lines are
  /// indented to it. A label wider than the column, or a text column narrower than 20, puts
  /// the text under the label instead, indented by the label's leading spaces plus two. Text
  /// made of ` · ` fields breaks between them (``wrapFields(_:separator:width:)``).
  ///
  /// - Parameters:
  ///   - label: The left column, with its leading spaces (`"  open <number | id>"`).
  ///   - text: The right column, wrapped with ``wrap(_:width:hangingIndent:)``.
  ///   - column: Where the text starts, in columns from the line's start.
  ///   - width: The widest a line may be.
  /// - Returns: The lines, without newline characters.
  public static func wrap(label: String, text: String, column: Int, width: Int) -> [String] {
    let labelWidth = of(label)
    if labelWidth < column, width - column >= 20 {
      let lines = wrapFields(text, width: width - column)
      let indent = String(repeating: " ", count: column)
      return lines.enumerated().map { i, line in
        i == 0 ? pad(label, to: column) + line : (line.isEmpty ? "" : indent + line)
      }
    }
    let leading = label.prefix { $0 == " " }.count
    let under = String(repeating: " ", count: leading + 2)
    return wrap(label, width: width, hangingIndent: 2)
      + wrapFields(text, width: width - under.count).map { under + $0 }
  }

  /// Wraps a line made of fields joined by `separator` (the machine footer: "2 CPUs online
  /// (…) · load 0.12 0.30 0.25 · Linux 6.1 · …") between fields, never inside one that fits.
  ///
  /// The separator's mark stays at the end of the line it ends ("… Linux 6.1 ·"), and the
  /// next line starts two columns in with a field, so no line starts with the mark and looks
  /// like a list bullet. A field wider than a line is word-wrapped on its own. Text without
  /// the separator is wrapped as by ``wrap(_:width:)``.
  ///
  /// - Parameters:
  ///   - text: One line of fields.
  ///   - separator: What joins the fields: the mark with a space either side.
  ///   - width: The widest a line may be; values below 1 count as 1.
  /// - Returns: The lines, without newline characters.
  public static func wrapFields(_ text: String, separator: String = " · ", width: Int) -> [String] {
    let width = max(1, width)
    let fields = text.split(separator: separator, omittingEmptySubsequences: false)
    guard fields.count > 1, of(text) > width else { return wrap(text, width: width) }
    let mark = String(separator.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    let indent = width > 22 ? "  " : ""
    var lines: [String] = []
    var current = ""
    for (index, field) in fields.enumerated() {
      let piece = String(field) + (index < fields.count - 1 ? " " + mark : "")
      let candidate = current.isEmpty ? piece : current + " " + piece
      if of(candidate) <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      let start = lines.isEmpty ? "" : indent
      if of(start + piece) <= width {
        current = start + piece
      } else {
        // The mark stays with the field's last word (a no-break space joins them while
        // wrapping), so it never starts a line.
        let glued = index < fields.count - 1 ? String(field) + "\u{A0}" + mark : String(field)
        var broken = wrap(glued, width: width - indent.count).map {
          $0.replacing("\u{A0}" + mark, with: " " + mark).replacing("\u{A0}", with: "")
        }
        // A last word too wide for any line was broken before the mark: the line break
        // separates the fields then, and the mark is left out rather than start a line.
        if broken.count > 1, let last = broken.last?.drop(while: { $0 == " " }),
          last.hasPrefix(mark)
        {
          let rest = last.dropFirst(mark.count).drop { $0 == " " }
          broken[broken.count - 1] = String(rest)
          if rest.isEmpty { broken.removeLast() }
        }
        lines += broken.dropLast().enumerated().map { i, l in (i == 0 ? start : indent) + l }
        current = (broken.count == 1 ? start : indent) + (broken.last ?? "")
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}

/// Greedy word wrapping that carries the SGR state across lines.
private struct LineWrapper {
  let width: Int
  var lines: [String] = []
  var state = SGRState()
  var current = ""
  var currentWidth = 0
  /// Whether `current` holds any printable text (it may hold only the reopening escapes).
  var currentHasText = false
  /// Extra indent of continuation lines, beyond the input line's own leading spaces; nil:
  /// continuation lines start at the margin.
  var hanging: Int?
  /// The indent of the next continuation line of the input line being wrapped (0: none).
  var continuation = 0

  init(width: Int) { self.width = width }

  mutating func startLine() {
    current = state.sequence
    currentWidth = 0
    currentHasText = false
  }

  mutating func finishLine() {
    var line = current
    if !state.isDefault { line += sgrReset }
    lines.append(line)
    startLine()
    if continuation > 0 {
      current += String(repeating: " ", count: continuation)
      currentWidth = continuation
    }
  }

  mutating func wrapLine(_ line: String) {
    startLine()
    // Split into words at spaces; escape sequences stay inside the word they touch.
    var indent = 0
    var words: [(text: String, width: Int)] = []
    var wordStart: String.Index?
    var wordEnd = line.startIndex
    var wordWidth = 0
    var carried = ""  // escapes followed by a space, carried to the next word
    var seenText = false
    let scalars = line.unicodeScalars
    forEachPiece(in: line) { piece in
      let start = piece.range.lowerBound
      let isSpace =
        !piece.isEscape && (scalars[start] == " " || scalars[start] == "\t")
        && scalars.index(after: start) == piece.range.upperBound
      if isSpace {
        if let begin = wordStart {
          if wordWidth > 0 {
            words.append((carried + line[begin..<wordEnd], wordWidth))
            carried = ""
          } else {
            carried += line[begin..<wordEnd]
          }
          wordStart = nil
          wordWidth = 0
        }
        if !seenText { indent += 1 }
        return
      }
      if wordStart == nil { wordStart = start }
      wordEnd = piece.range.upperBound
      wordWidth += piece.width
      if !piece.isEscape { seenText = true }
    }
    if let begin = wordStart {
      words.append((carried + line[begin..<wordEnd], wordWidth))
    } else if !carried.isEmpty {
      if words.isEmpty {
        words.append((carried, 0))
      } else {
        words[words.count - 1].text += carried
      }
    }

    if indent > 0, let first = words.first, indent + first.width <= width {
      current += String(repeating: " ", count: indent)
      currentWidth = indent
    }
    continuation = hanging.map { indent + $0 } ?? 0
    if width - continuation < 20 { continuation = 0 }
    defer { continuation = 0 }
    for (text, textWidth) in words {
      if currentHasText {
        if currentWidth + 1 + textWidth <= width {
          append(" ", width: 1)
          append(text, width: textWidth)
          continue
        }
        finishLine()
      }
      if currentWidth + textWidth <= width {
        append(text, width: textWidth)
      } else {
        appendBroken(text)
      }
    }
    finishLine()
  }

  mutating func append(_ text: String, width textWidth: Int) {
    current += text
    currentWidth += textWidth
    if textWidth > 0 { currentHasText = true }
    updateState(with: text)
  }

  /// Appends a word wider than the space left, breaking it between characters.
  mutating func appendBroken(_ word: String) {
    forEachPiece(in: word) { piece in
      let text = word[piece.range]
      if piece.isEscape {
        current += text
        if piece.isSGR { state.apply(sequence: text) }
        return
      }
      if currentWidth + piece.width > width && currentHasText {
        finishLine()
      }
      current += text
      currentWidth += piece.width
      if piece.width > 0 { currentHasText = true }
    }
  }

  mutating func updateState(with text: String) {
    guard text.utf8.contains(0x1B) else { return }
    forEachPiece(in: text) { piece in
      if piece.isSGR { state.apply(sequence: text[piece.range]) }
    }
  }
}
