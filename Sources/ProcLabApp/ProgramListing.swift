import Render

/// A program's text with line numbers, made safe for a terminal (control characters shown as
/// `^X` or `\xNN`, tabs expanded) and hard-wrapped to the width, continuation lines unnumbered.
struct ProgramListing {
  let style: TerminalStyle

  func lines(_ text: String) -> [String] {
    var source = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if source.last == "" { source.removeLast() }
    let digits = String(source.count).count
    let bar = style.unicode ? " │ " : " | "
    let gutter = 2 + digits + bar.count
    let room = max(8, style.width - gutter)
    var out: [String] = []
    for (i, line) in source.enumerated() {
      let number = String(i + 1)
      let label =
        "  " + String(repeating: " ", count: digits - number.count) + number + style.dim(bar)
      let blank = String(repeating: " ", count: 2 + digits) + style.dim(bar)
      let pieces = Self.hardWrap(Self.terminalSafe(line), width: room)
      if pieces == [""] {
        // An empty line: the number and the bar, without the space after it.
        let empty =
          "  " + String(repeating: " ", count: digits - number.count) + number
          + style.dim(String(bar.dropLast()))
        out.append(empty)
        continue
      }
      for (j, piece) in pieces.enumerated() {
        out.append((j == 0 ? label : blank) + piece)
      }
    }
    return out
  }

  /// `line` with tabs expanded to 4-column stops and every control character made visible.
  static func terminalSafe(_ line: String) -> String {
    let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
    var out = ""
    var column = 0
    for scalar in line.unicodeScalars {
      switch scalar.value {
      case 0x09:
        let spaces = 4 - column % 4
        out += String(repeating: " ", count: spaces)
        column += spaces
      case 0x00..<0x20:
        out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        column += 2
      case 0x7F:
        out += "^?"
        column += 2
      case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
        let hex = String(scalar.value, radix: 16)
        out += "\\u{\(hex)}"
        column += hex.count + 4
      default:
        out.unicodeScalars.append(scalar)
        column += DisplayWidth.of(String(scalar))
      }
    }
    return out
  }

  /// Splits `line` into pieces of at most `width` display columns, keeping every character:
  /// after the last space of a piece when that space is past its middle, else mid-word.
  static func hardWrap(_ line: String, width: Int) -> [String] {
    var pieces: [String] = []
    var current: [Character] = []
    var used = 0
    for character in line {
      let w = DisplayWidth.of(String(character))
      if used + w > width, !current.isEmpty {
        var cut = current.count
        if let space = current.lastIndex(of: " "), space + 1 > current.count / 2,
          space + 1 < current.count
        {
          cut = space + 1
        }
        pieces.append(String(current[..<cut]))
        current = Array(current[cut...])
        used = current.reduce(0) { $0 + DisplayWidth.of(String($1)) }
      }
      current.append(character)
      used += w
    }
    pieces.append(String(current))
    return pieces
  }
}
