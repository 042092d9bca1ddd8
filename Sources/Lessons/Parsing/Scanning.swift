/// One line of a lesson file: its number, its content, and where the whole line starts (so
/// columns stay right after a fence's indentation is removed from `text`).
struct SourceLine {
  let number: Int
  let text: Substring
  let lineStart: String.Index

  init(number: Int, text: Substring, lineStart: String.Index? = nil) {
    self.number = number
    self.text = text
    self.lineStart = lineStart ?? text.startIndex
  }

  /// The 1-based column, in characters, of `index` (which lies in this line).
  func column(of index: String.Index) -> Int {
    guard index >= lineStart, index <= text.base.endIndex else { return 1 }
    var count = 0
    for byte in text.base.utf8[lineStart..<index] {
      if byte >= 0x80 { return text.base[lineStart..<index].count + 1 }
      count += 1
    }
    return count + 1
  }

  /// The line with its content replaced by a part of it.
  func with(_ part: Substring) -> SourceLine {
    SourceLine(number: number, text: part, lineStart: lineStart)
  }
}

enum Scanning {
  /// Splits text into lines on `\n`, dropping a `\r` before it.
  /// - Parameters:
  ///   - text: the text, contiguous UTF-8.
  ///   - bytes: its UTF-8 bytes.
  /// - Returns: the lines, their byte ranges, and whether any line ended in `\r\n`.
  static func lines(
    _ text: String, _ bytes: [UInt8]
  ) -> (lines: [SourceLine], bounds: [Range<Int>], carriageReturns: Bool) {
    var bounds: [Range<Int>] = []
    bounds.reserveCapacity(bytes.count / 40 + 1)
    var carriageReturns = false
    var start = 0
    for i in bytes.indices where bytes[i] == 10 {
      var end = i
      if i > start, bytes[i - 1] == 13 {
        end = i - 1
        carriageReturns = true
      }
      bounds.append(start..<end)
      start = i + 1
    }
    if start < bytes.count { bounds.append(start..<bytes.count) }
    var lines: [SourceLine] = []
    lines.reserveCapacity(bounds.count)
    let utf8 = text.utf8
    let base = utf8.startIndex
    for (n, line) in bounds.enumerated() {
      let lo = utf8.index(base, offsetBy: line.lowerBound)
      let hi = utf8.index(lo, offsetBy: line.count)
      lines.append(SourceLine(number: n + 1, text: text[lo..<hi]))
    }
    return (lines, bounds, carriageReturns)
  }

  /// Whether a line holds only spaces and tabs (as CommonMark defines a blank line).
  static func isBlank(_ s: Substring) -> Bool {
    s.utf8.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }

  /// The first byte after at most three leading spaces: `#`, a fence character, or anything
  /// else (0 for a blank or more deeply indented line). Lets most lines skip the heading and
  /// fence checks.
  @inline(__always)
  static func marker(_ s: Substring) -> UInt8 {
    var spaces = 0
    for b in s.utf8 {
      if b == 32, spaces < 3 {
        spaces += 1
        continue
      }
      return b == 32 || b == 9 ? 0 : b
    }
    return 0
  }

  /// Leading spaces (tabs count as 4), up to `limit + 1`.
  static func indentation(_ s: Substring, limit: Int = 3) -> (width: Int, rest: Substring) {
    var width = 0
    var i = s.utf8.startIndex
    while i != s.utf8.endIndex, width <= limit {
      let b = s.utf8[i]
      if b == 32 {
        width += 1
      } else if b == 9 {
        width += 4
      } else {
        break
      }
      i = s.utf8.index(after: i)
    }
    return (width, s[i...])
  }

  /// An opening code fence: ```` ``` ```` or `~~~` (three or more), indented at most three
  /// spaces, with an info string.
  struct Fence {
    let marker: UInt8
    let length: Int
    let indent: Int
    let info: Substring

    /// The first word of the info string, lowercased: `demo`, `quiz`, `swift`…
    var language: String {
      String(info.prefix { !$0.isWhitespace && $0 != "{" }).lowercased()
    }
  }

  static func openingFence(_ line: Substring) -> Fence? {
    let (indent, rest) = indentation(line)
    guard indent <= 3, let first = rest.utf8.first, first == 96 || first == 126 else {
      return nil
    }
    var count = 0
    var i = rest.utf8.startIndex
    while i != rest.utf8.endIndex, rest.utf8[i] == first {
      count += 1
      i = rest.utf8.index(after: i)
    }
    guard count >= 3 else { return nil }
    let info = rest[i...].trimmingWhitespace()
    if first == 96, info.utf8.contains(96) { return nil }
    return Fence(marker: first, length: count, indent: indent, info: info)
  }

  static func closes(_ line: Substring, _ fence: Fence) -> Bool {
    let (indent, rest) = indentation(line)
    guard indent <= 3 else { return false }
    var count = 0
    var i = rest.utf8.startIndex
    while i != rest.utf8.endIndex, rest.utf8[i] == fence.marker {
      count += 1
      i = rest.utf8.index(after: i)
    }
    return count >= fence.length && isBlank(rest[i...])
  }

  /// A line inside a fence, without up to `indent` leading spaces (as CommonMark does).
  static func removingIndent(_ line: Substring, _ indent: Int) -> Substring {
    var s = line
    var removed = 0
    while removed < indent, s.utf8.first == 32 {
      s = s.dropFirst()
      removed += 1
    }
    return s
  }

  /// An ATX heading (`## Title {#id}`): its level and its text without the closing `#`s.
  static func heading(_ line: Substring) -> (level: Int, content: Substring)? {
    let (indent, rest) = indentation(line)
    guard indent <= 3, rest.utf8.first == 35 else { return nil }
    var level = 0
    var i = rest.utf8.startIndex
    while i != rest.utf8.endIndex, rest.utf8[i] == 35 {
      level += 1
      i = rest.utf8.index(after: i)
    }
    guard level <= 6 else { return nil }
    if i != rest.utf8.endIndex, rest.utf8[i] != 32, rest.utf8[i] != 9 { return nil }
    var content = rest[i...].trimmingWhitespace()
    // A closing sequence of #s, if preceded by a space (or making up the whole content).
    var stripped = content
    while stripped.utf8.last == 35 { stripped = stripped.dropLast() }
    if stripped.isEmpty {
      content = stripped
    } else if stripped.count < content.count, let last = stripped.last, last == " " || last == "\t"
    {
      content = stripped.trimmingWhitespace()
    }
    return (level, content)
  }

  /// A step id made from a heading: ASCII letters and digits lowercased, Hangul kept as
  /// written, apostrophes dropped, every other run of characters one `-`; at most 64
  /// characters. `What is a \`pid\`?` → `what-is-a-pid`.
  static func slug(_ title: some StringProtocol) -> String {
    var out = String.UnicodeScalarView()
    var pendingDash = false
    var count = 0
    for scalar in title.unicodeScalars {
      let v = scalar.value
      var kept: Unicode.Scalar?
      if (48...57).contains(v) || (97...122).contains(v) {
        kept = scalar
      } else if (65...90).contains(v) {
        kept = Unicode.Scalar(v + 32)
      } else if (0xAC00...0xD7A3).contains(v) || (0x1100...0x11FF).contains(v)
        || (0x3130...0x318F).contains(v)
      {
        kept = scalar
      } else if v == 39 || v == 0x2019 {
        continue
      }
      if let kept {
        if pendingDash, count > 0 {
          out.append("-")
          count += 1
        }
        out.append(kept)
        count += 1
        pendingDash = false
        if count >= 64 { break }
      } else {
        pendingDash = true
      }
    }
    return String(out)
  }

  /// Whether `id` is a valid lesson, step or question id: 1 to 64 ASCII letters, digits,
  /// `-` and `_`, starting with a letter or digit.
  static func isValidID(_ id: some StringProtocol) -> Bool {
    guard let first = id.utf8.first, id.utf8.count <= 64, isAlnum(first) else { return false }
    return id.utf8.allSatisfy { isAlnum($0) || $0 == 45 || $0 == 95 }
  }

  static func isAlnum(_ b: UInt8) -> Bool {
    (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b)
  }

  /// `"text"` or `'text'` without its quotes.
  static func unquoted(_ s: Substring) -> Substring {
    let bytes = s.utf8
    guard bytes.count >= 2, let f = bytes.first, f == bytes.last, f == 34 || f == 39 else {
      return s
    }
    return s[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)]
  }

  /// Whitespace-separated words with where each starts.
  static func words(_ s: Substring) -> [Substring] {
    s.split(whereSeparator: \.isWhitespace)
  }
}
