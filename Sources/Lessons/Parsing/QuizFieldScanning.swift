import Localization

// Scanning a quiz block's lines into fields, and reading the bytes of the file behind them:
// trimmed ranges, text, source locations and a field's value with its continuation lines.
extension LessonFileParser {
  /// Reads the fields of a quiz block from the bytes of its lines.
  mutating func quizFields(_ content: Range<Int>, indent: Int) -> [QuizField] {
    var fields: [QuizField] = []
    fields.reserveCapacity(content.count)
    for k in content {
      var start = bounds[k].lowerBound
      let end = bounds[k].upperBound
      var removed = 0
      while removed < indent, start < end, bytes[start] == 32 {
        start += 1
        removed += 1
      }
      let last = fields.indices.last
      if isBlank(start..<end) {
        if let last { fields[last].continuation.append(start..<start) }
        continue
      }
      let first = bytes[start]
      let indented = first == 32 || first == 9
      if let last, fields[last].isList, let entry = choiceLine(start..<end) {
        fields[last].entries.append((entry.label, entry.text, k, entry.offset))
        continue
      }
      if indented {
        guard let last else {
          error(location(line: k, offset: start), LintPhrase("lint.quiz.indentedFirst"))
          continue
        }
        if fields[last].isList {
          if let entry = fields[last].entries.indices.last {
            fields[last].entries[entry].text += " " + string(trimmed(start..<end))
          } else {
            error(location(line: k, offset: start), LintPhrase("lint.quiz.expectedChoice"))
          }
        } else {
          fields[last].continuation.append(start..<end)
          fields[last].continues = true
        }
        continue
      }
      if first == 35 { continue }
      var colon = start
      while colon < end, bytes[colon] != 58 { colon += 1 }
      var keyEnd = start
      while keyEnd < colon, bytes[keyEnd] != 32, bytes[keyEnd] != 9 { keyEnd += 1 }
      guard colon < end, keyEnd > start,
        bytes[start..<keyEnd].allSatisfy({ Scanning.isAlnum($0) || $0 == 45 || $0 == 95 })
      else {
        error(
          location(line: k, offset: start),
          LintPhrase("lint.quiz.keyValue"))
        continue
      }
      let argument = trimmed(keyEnd..<colon)
      var field = QuizField(
        key: String(decoding: bytes[start..<keyEnd], as: UTF8.self).lowercased(), line: k,
        keyOffset: start, argument: argument.isEmpty ? nil : argument,
        value: trimmed((colon + 1)..<end))
      if field.isList, !field.value.isEmpty {
        if let entry = choiceLine(field.value) {
          field.entries.append((entry.label, entry.text, k, entry.offset))
        } else {
          error(
            location(line: k, offset: field.value.lowerBound),
            LintPhrase("lint.quiz.ownLine"))
        }
        field.value = field.value.upperBound..<field.value.upperBound
      }
      fields.append(field)
    }
    return fields
  }

  /// `a) text` → 0, `text` and where the letter is.
  func choiceLine(_ range: Range<Int>) -> (label: Int, text: String, offset: Int)? {
    let r = trimmed(range)
    guard r.count >= 2, bytes[r.lowerBound + 1] == 41 else { return nil }
    let letter = bytes[r.lowerBound] | 0x20
    guard letter >= 97, letter <= 122 else { return nil }
    return (Int(letter - 97), string(trimmed((r.lowerBound + 2)..<r.upperBound)), r.lowerBound)
  }

  // MARK: Bytes of the file

  /// Whether the bytes hold only spaces, tabs and carriage returns.
  func isBlank(_ range: Range<Int>) -> Bool {
    bytes[range].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }

  /// The range without ASCII whitespace at either end.
  func trimmed(_ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi, bytes[lo] == 32 || (bytes[lo] >= 9 && bytes[lo] <= 13) { lo += 1 }
    while hi > lo, bytes[hi - 1] == 32 || (bytes[hi - 1] >= 9 && bytes[hi - 1] <= 13) { hi -= 1 }
    return lo..<hi
  }

  /// The bytes as text.
  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The bytes as a part of the file's text.
  func substring(_ range: Range<Int>) -> Substring {
    let utf8 = source.utf8
    let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let hi = utf8.index(lo, offsetBy: range.count)
    return source[lo..<hi]
  }

  /// The location of a byte offset in line `line` (an index into `lines`).
  func location(line: Int, offset: Int) -> SourceLocation {
    let start = bounds[line].lowerBound
    let prefix = bytes[start..<max(start, offset)]
    let column =
      prefix.allSatisfy({ $0 < 0x80 })
      ? prefix.count + 1 : String(decoding: prefix, as: UTF8.self).count + 1
    return SourceLocation(file: file, line: line + 1, column: column)
  }

  /// The value with its continuation lines: joined by newlines (blank lines kept as paragraph
  /// breaks) when `multiline`, else by spaces.
  func fieldText(_ field: QuizField, multiline: Bool) -> String {
    guard field.continues else { return string(field.value) }
    var indent = 0
    if let first = field.continuation.first(where: { !isBlank($0) }) {
      while first.lowerBound + indent < first.upperBound,
        bytes[first.lowerBound + indent] == 32 || bytes[first.lowerBound + indent] == 9
      {
        indent += 1
      }
    }
    var out = string(field.value)
    var started = !field.value.isEmpty
    var pendingBlankLines = 0
    for line in field.continuation {
      var start = line.lowerBound
      var dropped = 0
      while dropped < indent, start < line.upperBound, bytes[start] == 32 || bytes[start] == 9 {
        start += 1
        dropped += 1
      }
      var part = trimmed(start..<line.upperBound)
      if multiline, !part.isEmpty { part = start..<part.upperBound }
      if part.isEmpty {
        if started { pendingBlankLines += 1 }
        continue
      }
      if started { out += multiline ? String(repeating: "\n", count: pendingBlankLines + 1) : " " }
      out += string(part)
      started = true
      pendingBlankLines = 0
    }
    return out
  }

  func location(_ field: QuizField) -> SourceLocation {
    location(line: field.line, offset: field.keyOffset)
  }

  func valueLocation(_ field: QuizField) -> SourceLocation {
    location(
      line: field.line, offset: field.value.isEmpty ? field.keyOffset : field.value.lowerBound)
  }

  /// The `feedback` argument as text.
  func argument(of field: QuizField) -> Substring? { field.argument.map { substring($0) } }
}
