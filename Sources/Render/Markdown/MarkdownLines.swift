// Tests on single lines of Markdown, shared by the block scanner and the containers: spaces,
// blank lines, fences, headings, thematic breaks, list markers and pipe-table rows.
import DemoContract  // Alignment

extension MarkdownParser {
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

  static func stripSpaces(_ line: String, upTo count: Int) -> String {
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

  static func joinParagraph(_ lines: [String]) -> String {
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

  static func isFenceClose(_ line: String, fence: Character, length: Int) -> Bool {
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

  static func setextLevel(_ trimmed: Substring) -> Int? {
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
