/// Text from outside ProcLab (lesson files, their names, answers files, what was typed) made
/// safe to write to a terminal: no control character in it reaches the terminal as such.
///
/// A terminal obeys control characters and the sequences they start: ESC `[2J` clears the
/// screen, ESC `[8m` hides text, OSC 52 writes the clipboard, a C1 CSI (U+009B) does what
/// ESC `[` does, and the bidirectional overrides (U+202E…) make text read backwards. Every
/// such character is shown in ASCII instead, the way `cat -v` shows it: C0 controls and DEL in
/// caret notation (ESC → `^[`, NUL → `^@`, DEL → `^?`), C1 controls and the bidirectional
/// formatting characters as `<U+202E>`. Tab is kept, and newline where the text may have
/// several lines. The escaped form is plain ASCII, so it is safe on any terminal, UTF-8 or not.
///
/// Apply it once, where the untrusted text enters (the lesson parser does for a whole lesson
/// file), and add ProcLab's own styling afterwards.
public enum TerminalSafe {
  /// What to do with line breaks.
  public enum LineBreaks: Sendable {
    /// `\n` and `\r\n` are kept (a lesson, an answers file); a lone `\r` is escaped.
    case kept
    /// Every `\n` and `\r` is escaped too: for text shown inside one line (a file name).
    case escaped
  }

  /// `text` with every control character made visible (see the type's description).
  /// - Parameters:
  ///   - text: Untrusted text.
  ///   - lineBreaks: Whether line breaks are kept; escaped by default.
  /// - Returns: `text` itself when it has nothing to escape.
  public static func escape(_ text: some StringProtocol, lineBreaks: LineBreaks = .escaped)
    -> String
  {
    let keepBreaks = lineBreaks == .kept
    guard needsEscaping(text, keepBreaks: keepBreaks) else { return String(text) }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      let v = scalar.value
      if v == 0x0A && keepBreaks {
        out.append(scalar)
      } else if v == 0x0D && keepBreaks && i + 1 < scalars.count && scalars[i + 1] == "\n" {
        out.append(scalar)
      } else if v == 0x09 {
        out.append(scalar)
      } else if v < 0x20 || v == 0x7F {
        out.append("^")
        out.append(Unicode.Scalar(UInt8(v ^ 0x40)))
      } else if isInvisibleControl(v) {
        out.append(contentsOf: "<U+".unicodeScalars)
        let hex = String(v, radix: 16, uppercase: true)
        out.append(contentsOf: String(repeating: "0", count: max(0, 4 - hex.count)).unicodeScalars)
        out.append(contentsOf: hex.unicodeScalars)
        out.append(">")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `text` would reach a terminal unchanged by ``escape(_:lineBreaks:)``.
  public static func isSafe(_ text: some StringProtocol, lineBreaks: LineBreaks = .escaped) -> Bool
  {
    !needsEscaping(text, keepBreaks: lineBreaks == .kept)
  }

  private static func needsEscaping(_ text: some StringProtocol, keepBreaks: Bool) -> Bool {
    // One pass over the UTF-8 bytes (a lesson's text is checked whole at start-up, and most of
    // it has dashes and arrows whose lead byte is E2, so looking at scalars was most of the
    // time a lesson took to load). C0 controls and DEL are single bytes; in valid UTF-8 (a
    // String always is) the C1 controls U+0080–U+009F are C2 80…C2 9F, ALM (U+061C) is D8 9C,
    // LRM and RLM E2 80 8E/8F, the embeddings and overrides E2 80 AA…AE and the isolates
    // E2 81 A6…A9; C2, D8 and E2 are lead bytes, never continuation bytes.
    let bytes = Array(text.utf8)
    let n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      if b < 0x20 {
        if b == 0x0D && keepBreaks {
          if i + 1 >= n || bytes[i + 1] != 0x0A { return true }  // kept only before "\n"
        } else if b != 0x09 && !(b == 0x0A && keepBreaks) {
          return true
        }
      } else if b == 0x7F {
        return true
      } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) {
        return true
      } else if b == 0xD8, i + 1 < n, bytes[i + 1] == 0x9C {
        return true
      } else if b == 0xE2, i + 2 < n {
        let (b1, b2) = (bytes[i + 1], bytes[i + 2])
        if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2)) { return true }
        if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
      }
      i += 1
    }
    return false
  }

  /// C1 controls, and the characters that change the direction text is shown in: ALM
  /// (U+061C), LRM and RLM (U+200E, U+200F), the embeddings and overrides U+202A–U+202E and
  /// the isolates U+2066–U+2069.
  static func isInvisibleControl(_ v: UInt32) -> Bool {
    (0x80...0x9F).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
      || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }
}
