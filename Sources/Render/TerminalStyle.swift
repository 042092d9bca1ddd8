import Glibc

/// What the output terminal can show: box drawing and other non-ASCII symbols, colours, and
/// how many columns fit on a line.
///
/// Every renderer takes a style, so the same table prints with box drawing and colour on a
/// UTF-8 terminal and as plain ASCII into a pipe or a file.
public struct TerminalStyle: Sendable, Equatable {
  /// Whether box drawing, block elements and other non-ASCII symbols may be written. When
  /// false, renderers also spell common typographic symbols in ASCII (see ``asciiFallback(_:)``).
  public var unicode: Bool
  /// Whether ANSI colour and attribute escape sequences may be written.
  public var color: Bool
  /// The number of columns available on a line.
  public var width: Int

  /// Creates a style.
  ///
  /// - Parameters:
  ///   - unicode: Whether non-ASCII symbols may be written.
  ///   - color: Whether escape sequences may be written.
  ///   - width: Columns per line; values below 1 count as 1.
  public init(unicode: Bool, color: Bool, width: Int) {
    self.unicode = unicode
    self.color = color
    self.width = max(1, width)
  }

  /// ASCII only, no colour: for pipes, files and tests.
  public static func plain(width: Int = 80) -> TerminalStyle {
    TerminalStyle(unicode: false, color: false, width: width)
  }

  /// Box drawing and colour: a modern UTF-8 terminal, for tests.
  public static func fancy(width: Int = 80) -> TerminalStyle {
    TerminalStyle(unicode: true, color: true, width: width)
  }

  /// Works out the style for output written to `fileDescriptor`.
  ///
  /// Colour only when the descriptor is a terminal, `TERM` is not `dumb` and `NO_COLOR` is
  /// unset (whatever its value, as no-color.org asks). Unicode only when the descriptor is a
  /// terminal, `TERM` is not `dumb` and the locale is UTF-8: the first of `LC_ALL`,
  /// `LC_CTYPE` and `LANG` that is set and not empty names a UTF-8 code set. The width comes
  /// from the terminal (`TIOCGWINSZ`), else from `COLUMNS`, else is 80.
  ///
  /// - Parameters:
  ///   - fileDescriptor: Where the output goes; standard output (1) by default.
  ///   - environment: The process environment, or a stand-in for tests. Only `TERM`,
  ///     `NO_COLOR`, `LC_ALL`, `LC_CTYPE`, `LANG` and `COLUMNS` are read.
  /// - Returns: The style to render with.
  public static func detect(
    fileDescriptor: Int32 = 1,
    environment: [String: String] = TerminalStyle.processEnvironment()
  ) -> TerminalStyle {
    let isTerminal = isatty(fileDescriptor) == 1
    let dumb = environment["TERM"] == "dumb"
    let color = isTerminal && !dumb && environment["NO_COLOR"] == nil
    let unicode = isTerminal && !dumb && localeIsUTF8(environment)
    var width = 0
    if isTerminal {
      var size = winsize()
      if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 { width = Int(size.ws_col) }
    }
    if width <= 0, let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
      width = columns
    }
    if width <= 0 { width = 80 }
    return TerminalStyle(unicode: unicode, color: color, width: width)
  }

  /// Whether the locale that `environment` selects uses UTF-8.
  static func localeIsUTF8(_ environment: [String: String]) -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      let lowered = value.lowercased()
      return lowered.contains("utf-8") || lowered.contains("utf8")
    }
    return false
  }

  /// The variables of the current process's environment that ``detect(fileDescriptor:environment:)``
  /// reads.
  public static func processEnvironment() -> [String: String] {
    var environment: [String: String] = [:]
    for name in ["TERM", "NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG", "COLUMNS"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
  }

  /// The same style with another width.
  public func withWidth(_ width: Int) -> TerminalStyle {
    TerminalStyle(unicode: unicode, color: color, width: width)
  }

  // MARK: - Attributes

  /// Terminal colours for ``color(_:_:)``.
  public enum Color: Sendable, Equatable, CaseIterable {
    case red, green, yellow, blue, magenta, cyan, gray

    var code: String {
      switch self {
      case .red: "31"
      case .green: "32"
      case .yellow: "33"
      case .blue: "34"
      case .magenta: "35"
      case .cyan: "36"
      case .gray: "90"
      }
    }
  }

  /// `text` in bold, or unchanged without colour.
  public func bold(_ text: String) -> String { wrap(text, "1", "22") }
  /// `text` dimmed (faint), or unchanged without colour.
  public func dim(_ text: String) -> String { wrap(text, "2", "22") }
  /// `text` in italics, or unchanged without colour.
  public func italic(_ text: String) -> String { wrap(text, "3", "23") }
  /// `text` underlined, or unchanged without colour.
  public func underline(_ text: String) -> String { wrap(text, "4", "24") }
  /// `text` struck through, or unchanged without colour.
  public func strikethrough(_ text: String) -> String { wrap(text, "9", "29") }
  /// `text` in reverse video, or unchanged without colour.
  public func inverse(_ text: String) -> String { wrap(text, "7", "27") }

  /// `text` in colour `color`, or unchanged without colour.
  public func color(_ text: String, _ color: Color) -> String { wrap(text, color.code, "39") }

  private func wrap(_ text: String, _ on: String, _ off: String) -> String {
    guard color, !text.isEmpty else { return text }
    return "\u{1B}[" + on + "m" + text + "\u{1B}[" + off + "m"
  }

  // MARK: - Symbols

  /// `text` with common typographic symbols spelt in ASCII when the style is not
  /// ``unicode`` ("…" → "...", "·" → "-", "×" → "x", "±" → "+/-", "µ" → "u", "σ" → "sd",
  /// "—" → "--", "→" → "->", "≥" → ">=", curly quotes → straight ones, "•" → "*");
  /// unchanged otherwise.
  /// Characters without an ASCII spelling (Hangul, CJK) are left as they are.
  public func asciiFallback(_ text: String) -> String {
    if unicode { return text }
    if !text.utf8.contains(where: { $0 >= 0x80 }) { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        result.unicodeScalars.append(scalar)
      } else if let replacement = asciiReplacements[scalar.value] {
        result += replacement
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

private let asciiReplacements: [UInt32: String] = [
  0x2026: "...",  // …
  0x00B7: "-",  // ·
  0x2022: "*",  // •
  0x00D7: "x",  // ×
  0x00B1: "+/-",  // ±
  0x00B5: "u",  // µ (micro sign)
  0x03BC: "u",  // μ (Greek mu)
  0x03C3: "sd",  // σ (standard deviation)
  0x2014: "--",  // —
  0x2013: "-",  // –
  0x2011: "-",  // non-breaking hyphen
  0x2212: "-",  // minus sign
  0x2192: "->",  // →
  0x2190: "<-",  // ←
  0x2194: "<->",  // ↔
  0x21D2: "=>",  // ⇒
  0x2265: ">=",  // ≥
  0x2264: "<=",  // ≤
  0x2260: "!=",  // ≠
  0x2248: "~",  // ≈
  0x2018: "'",  // ‘
  0x2019: "'",  // ’
  0x201C: "\"",  // “
  0x201D: "\"",  // ”
  0x00A0: " ",  // no-break space
  0x2009: " ",  // thin space
  0x202F: " ",  // narrow no-break space
  0x2713: "ok",  // ✓
  0x2717: "x",  // ✗
  0x00B2: "^2",  // ²
  0x00B0: " deg",  // °
]
