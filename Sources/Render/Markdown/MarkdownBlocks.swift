import DemoContract  // Alignment

// Block structure of the Markdown that lessons are written in: a forgiving subset of
// CommonMark with GitHub's pipe tables. Malformed input never fails: whatever is not
// recognised is a paragraph, an unterminated fence runs to the end.

/// A block of a Markdown document.
indirect enum MarkdownBlock: Equatable {
  case heading(level: Int, text: String)
  /// Inline text; "\n" marks a hard line break.
  case paragraph(String)
  case code(lines: [String], info: String)
  case quote([MarkdownBlock])
  case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], loose: Bool)
  case table(header: [String], alignments: [Alignment], rows: [[String]])
  case rule
}

enum MarkdownParser {
  /// How deeply block quotes and lists may nest. Deeper markers are read as text, so that
  /// neither parsing nor rendering recurses further (15,000 nested `>` once overflowed the
  /// stack), and the work stays linear in the input times this bound.
  static let maximumNesting = 32

  /// Where nesting went past `maximumNesting`, if it did: the first such line.
  final class NestingWatch {
    var firstTooDeep: Int?
  }

  /// The blocks of `markdown`.
  static func parse(_ markdown: String) -> [MarkdownBlock] {
    let lines = normalizedLines(markdown)
    return parseBlocks(lines, Array(lines.indices), depth: 0, NestingWatch())
  }

  /// The 0-based index of the first line of `markdown` whose quotes and lists nest more than
  /// `maximumNesting` deep, or nil.
  static func tooDeeplyNestedLine(_ markdown: String) -> Int? {
    let lines = normalizedLines(markdown)
    let watch = NestingWatch()
    _ = parseBlocks(lines, Array(lines.indices), depth: 0, watch)
    return watch.firstTooDeep
  }

  /// Lines without "\r", tabs expanded to stops every 4 columns.
  static func normalizedLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
      var line = raw
      if line.last == "\r" { line = line.dropLast() }
      guard line.contains("\t") else { return String(line) }
      var expanded = ""
      var column = 0
      for character in line {
        if character == "\t" {
          let spaces = 4 - column % 4
          expanded += String(repeating: " ", count: spaces)
          column += spaces
        } else {
          expanded.append(character)
          column += 1
        }
      }
      return expanded
    }
  }

  /// The blocks of `lines`, whose line numbers in the document are `origins`, inside `depth`
  /// quotes and lists.
  static func parseBlocks(
    _ lines: [String], _ origins: [Int], depth: Int, _ watch: NestingWatch
  ) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var paragraph: [String] = []
    var i = 0

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      blocks.append(.paragraph(joinParagraph(paragraph)))
      paragraph = []
    }

    while i < lines.count {
      let line = lines[i]
      let indent = leadingSpaces(line)
      if indent == line.utf8.count {  // blank
        flushParagraph()
        i += 1
        continue
      }
      let trimmed = droppingSpaces(line, indent)

      if indent >= 4 {
        if !paragraph.isEmpty {  // lazy continuation of the paragraph
          paragraph.append(String(trimmed))
          i += 1
          continue
        }
        var code: [String] = []
        while i < lines.count {
          let candidate = lines[i]
          let candidateIndent = leadingSpaces(candidate)
          if candidateIndent == candidate.utf8.count {
            code.append("")
          } else if candidateIndent >= 4 {
            code.append(String(droppingSpaces(candidate, 4)))
          } else {
            break
          }
          i += 1
        }
        while code.last?.isEmpty == true { code.removeLast() }
        blocks.append(.code(lines: code, info: ""))
        continue
      }

      if let fence = fenceOpening(trimmed) {
        flushParagraph()
        var code: [String] = []
        i += 1
        while i < lines.count {
          if isFenceClose(lines[i], fence: fence.character, length: fence.length) {
            i += 1
            break
          }
          code.append(stripSpaces(lines[i], upTo: indent))
          i += 1
        }
        blocks.append(.code(lines: code, info: fence.info))
        continue
      }

      if let heading = atxHeading(trimmed) {
        flushParagraph()
        blocks.append(.heading(level: heading.level, text: heading.text))
        i += 1
        continue
      }

      if !paragraph.isEmpty, let level = setextLevel(trimmed) {
        let text = joinParagraph(paragraph)
        paragraph = []
        blocks.append(.heading(level: level, text: text))
        i += 1
        continue
      }

      if isThematicBreak(trimmed) {
        flushParagraph()
        blocks.append(.rule)
        i += 1
        continue
      }

      let opensContainer =
        trimmed.first == ">"
        || (listMarker(line).map { paragraph.isEmpty || !$0.ordered || $0.number == 1 } ?? false)
      if opensContainer && depth >= maximumNesting {
        // Too deep: the marker is text (the linter reports the line).
        if watch.firstTooDeep == nil { watch.firstTooDeep = origins[i] }
        paragraph.append(String(trimmed))
        i += 1
        continue
      }

      if trimmed.first == ">" {
        flushParagraph()
        blocks.append(parseQuote(lines, origins, &i, depth: depth, watch))
        continue
      }

      if opensContainer {
        flushParagraph()
        blocks.append(parseList(lines, origins, &i, depth: depth, watch))
        continue
      }

      if i + 1 < lines.count, line.contains("|"),
        let alignments = delimiterRow(lines[i + 1]),
        alignments.count == splitTableRow(line).count
      {
        flushParagraph()
        blocks.append(parseTable(lines, &i, alignments: alignments))
        continue
      }

      paragraph.append(String(trimmed))
      i += 1
    }
    flushParagraph()
    return blocks
  }

  // MARK: - Containers

  private static func parseQuote(
    _ lines: [String], _ origins: [Int], _ i: inout Int, depth: Int, _ watch: NestingWatch
  ) -> MarkdownBlock {
    var inner: [String] = []
    var innerOrigins: [Int] = []
    while i < lines.count {
      let line = lines[i]
      let indent = leadingSpaces(line)
      let trimmed = droppingSpaces(line, indent)
      if indent < 4, trimmed.first == ">" {
        var content = trimmed.dropFirst()
        if content.first == " " { content = content.dropFirst() }
        inner.append(String(content))
        innerOrigins.append(origins[i])
        i += 1
        continue
      }
      // Lazy continuation: paragraph text right after quoted text.
      if indent < line.utf8.count, let last = inner.last, !isBlank(last), !startsBlock(line),
        listMarker(line) == nil
      {
        inner.append(String(trimmed))
        innerOrigins.append(origins[i])
        i += 1
        continue
      }
      break
    }
    return .quote(parseBlocks(inner, innerOrigins, depth: depth + 1, watch))
  }

  private static func parseList(
    _ lines: [String], _ origins: [Int], _ i: inout Int, depth: Int, _ watch: NestingWatch
  ) -> MarkdownBlock {
    guard let first = listMarker(lines[i]) else {
      i += 1
      return .paragraph(lines[i - 1])
    }
    var items: [[MarkdownBlock]] = []
    var loose = false
    while i < lines.count, let marker = listMarker(lines[i]), marker.ordered == first.ordered,
      marker.delimiter == first.delimiter, !isThematicBreak(lines[i].drop(while: { $0 == " " }))
    {
      if !items.isEmpty && i > 0 && isBlank(lines[i - 1]) { loose = true }
      var itemLines = [marker.content]
      var itemOrigins = [origins[i]]
      i += 1
      var previousBlank = false
      while i < lines.count {
        let line = lines[i]
        if isBlank(line) {
          itemLines.append("")
          itemOrigins.append(origins[i])
          previousBlank = true
          i += 1
          continue
        }
        if leadingSpaces(line) >= marker.contentOffset {
          itemLines.append(String(droppingSpaces(line, marker.contentOffset)))
          itemOrigins.append(origins[i])
          previousBlank = false
          i += 1
          continue
        }
        if previousBlank || listMarker(line) != nil || startsBlock(line) { break }
        // Lazy continuation of the item's paragraph.
        itemLines.append(String(line.drop(while: { $0 == " " })))
        itemOrigins.append(origins[i])
        i += 1
      }
      // Blank lines after the item belong between items, not to the item.
      while let last = itemLines.last, isBlank(last), itemLines.count > 1 {
        itemLines.removeLast()
        itemOrigins.removeLast()
        i -= 1
      }
      if itemLines.count == 1 && isBlank(itemLines[0]) {
        itemLines = []
        itemOrigins = []
      }
      items.append(parseBlocks(itemLines, itemOrigins, depth: depth + 1, watch))
      // Skip the blank lines between this item and the next one.
      var next = i
      while next < lines.count && isBlank(lines[next]) { next += 1 }
      if next > i, next < lines.count, let following = listMarker(lines[next]),
        following.ordered == first.ordered, following.delimiter == first.delimiter
      {
        i = next
        loose = true
      }
    }
    if items.isEmpty {  // Cannot happen for a line that has a marker; never loop forever.
      i += 1
      return .paragraph(lines[i - 1])
    }
    return .list(ordered: first.ordered, start: first.number, items: items, loose: loose)
  }

  private static func parseTable(_ lines: [String], _ i: inout Int, alignments: [Alignment])
    -> MarkdownBlock
  {
    let header = splitTableRow(lines[i])
    i += 2
    var rows: [[String]] = []
    while i < lines.count, !isBlank(lines[i]), !startsBlock(lines[i]) {
      rows.append(splitTableRow(lines[i]))
      i += 1
    }
    return .table(header: header, alignments: alignments, rows: rows)
  }

  // MARK: - Line tests

  // Spaces are counted in UTF-8 (a space is one byte, one character): much faster than
  // iterating characters, and these run on every line at every level of nesting.
  static func leadingSpaces<S: StringProtocol>(_ line: S) -> Int {
    let counted = line.utf8.withContiguousStorageIfAvailable { bytes -> Int in
      var count = 0
      while count < bytes.count && bytes[count] == 0x20 { count += 1 }
      return count
    }
    if let counted { return counted }
    var count = 0
    for byte in line.utf8 {
      guard byte == 0x20 else { break }
      count += 1
    }
    return count
  }

  /// `line` without its first `count` characters, which are spaces (`leadingSpaces` said so).
  static func droppingSpaces(_ line: String, _ count: Int) -> Substring {
    line[line.utf8.index(line.startIndex, offsetBy: min(count, line.utf8.count))...]
  }

  static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
    leadingSpaces(line) == line.utf8.count
  }

  private static func stripSpaces(_ line: String, upTo count: Int) -> String {
    String(droppingSpaces(line, min(count, leadingSpaces(line))))
  }

  /// Whether `line` starts a block that ends a paragraph or a lazy continuation.
  static func startsBlock(_ line: String) -> Bool {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return false }
    let trimmed = droppingSpaces(line, indent)
    return trimmed.first == ">" || fenceOpening(trimmed) != nil || atxHeading(trimmed) != nil
      || isThematicBreak(trimmed)
  }

  private static func joinParagraph(_ lines: [String]) -> String {
    var text = ""
    for (index, raw) in lines.enumerated() {
      var line = Substring(raw)
      var hardBreak = false
      if line.hasSuffix("  ") {
        hardBreak = true
      } else if line.hasSuffix("\\") && !line.hasSuffix("\\\\") {
        hardBreak = true
        line = line.dropLast()
      }
      while line.last == " " { line = line.dropLast() }
      text += line
      if index < lines.count - 1 { text += hardBreak ? "\n" : " " }
    }
    return text
  }

  static func fenceOpening(_ trimmed: Substring)
    -> (character: Character, length: Int, info: String)?
  {
    guard let character = trimmed.first, character == "`" || character == "~" else { return nil }
    let length = trimmed.prefix(while: { $0 == character }).count
    guard length >= 3 else { return nil }
    let info = trimmed.dropFirst(length).trimmingSpaces()
    if character == "`" && info.contains("`") { return nil }
    return (character, length, String(info))
  }

  private static func isFenceClose(_ line: String, fence: Character, length: Int) -> Bool {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return false }
    let trimmed = droppingSpaces(line, indent)
    let run = trimmed.prefix(while: { $0 == fence }).count
    return run >= length && isBlank(trimmed.dropFirst(run))
  }

  static func atxHeading(_ trimmed: Substring) -> (level: Int, text: String)? {
    let level = trimmed.prefix(while: { $0 == "#" }).count
    guard level >= 1 && level <= 6 else { return nil }
    let rest = trimmed.dropFirst(level)
    guard rest.isEmpty || rest.first == " " else { return nil }
    var text = rest.trimmingSpaces()
    // A closing run of "#" preceded by a space (or making up the whole text) is dropped.
    let closing = text.reversed().prefix(while: { $0 == "#" }).count
    if closing > 0 {
      let before = text.dropLast(closing)
      if before.isEmpty || before.last == " " { text = before.trimmingSpaces() }
    }
    return (level, String(text))
  }

  private static func setextLevel(_ trimmed: Substring) -> Int? {
    let content = trimmed.trimmingSpaces()
    guard let first = content.first, first == "=" || first == "-" else { return nil }
    guard content.allSatisfy({ $0 == first }) else { return nil }
    return first == "=" ? 1 : 2
  }

  static func isThematicBreak<S: StringProtocol>(_ trimmed: S) -> Bool {
    guard let first = trimmed.first, first == "-" || first == "*" || first == "_" else {
      return false
    }
    var count = 0
    for character in trimmed {
      if character == first {
        count += 1
      } else if character != " " {
        return false
      }
    }
    return count >= 3
  }

  struct ListMarker {
    var ordered: Bool
    var number: Int
    /// "." or ")" for ordered lists; "•" for any bullet (all bullets continue one list).
    var delimiter: Character
    /// Where the item's content starts: continuation lines indented this far belong to it.
    var contentOffset: Int
    /// The text after the marker on its line.
    var content: String
  }

  static func listMarker(_ line: String) -> ListMarker? {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return nil }
    let trimmed = droppingSpaces(line, indent)
    guard let first = trimmed.first else { return nil }
    var ordered = false
    var number = 1
    var delimiter: Character = "•"
    var markerLength = 1
    if first == "-" || first == "*" || first == "+" {
      markerLength = 1
    } else if first.isASCII && first.isNumber {
      let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
      guard digits.count <= 9, let value = Int(digits) else { return nil }
      let after = trimmed.dropFirst(digits.count).first
      guard after == "." || after == ")" else { return nil }
      ordered = true
      number = value
      delimiter = after ?? "."
      markerLength = digits.count + 1
    } else {
      return nil
    }
    let rest = trimmed.dropFirst(markerLength)
    if rest.isEmpty {
      return ListMarker(
        ordered: ordered, number: number, delimiter: delimiter,
        contentOffset: indent + markerLength + 1, content: "")
    }
    guard rest.first == " " else { return nil }
    let spaces = leadingSpaces(rest)
    if spaces == rest.utf8.count {
      return ListMarker(
        ordered: ordered, number: number, delimiter: delimiter,
        contentOffset: indent + markerLength + 1, content: "")
    }
    // Five or more spaces: the content is indented code, one space belongs to the marker.
    let gap = spaces > 4 ? 1 : spaces
    return ListMarker(
      ordered: ordered, number: number, delimiter: delimiter,
      contentOffset: indent + markerLength + gap, content: String(rest.dropFirst(gap)))
  }

  /// The cells of a pipe-table row, trimmed, with "\|" unescaped.
  static func splitTableRow(_ line: String) -> [String] {
    var text = line.trimmingSpaces()
    if text.first == "|" { text = text.dropFirst() }
    if text.last == "|" && !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for character in text {
      if escaped {
        if character != "|" { cell.append("\\") }
        cell.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(String(cell.trimmingSpaces()))
        cell = ""
      } else {
        cell.append(character)
      }
    }
    if escaped { cell.append("\\") }
    cells.append(String(cell.trimmingSpaces()))
    return cells
  }

  /// The alignments of a pipe-table delimiter row such as `|:---|:--:|---:|`, or nil.
  static func delimiterRow(_ line: String) -> [Alignment]? {
    guard line.contains("|") || line.contains(":") else { return nil }
    guard leadingSpaces(line) < 4 else { return nil }
    var alignments: [Alignment] = []
    for cell in splitTableRow(line) {
      guard !cell.isEmpty else { return nil }
      let left = cell.first == ":"
      let right = cell.last == ":" && cell.count > 1
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : (right ? .right : .left))
    }
    return alignments.isEmpty ? nil : alignments
  }
}

extension StringProtocol {
  /// Without spaces at either end.
  func trimmingSpaces() -> SubSequence {
    var text = self[...]
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return text
  }
}
