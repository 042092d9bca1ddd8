import Render
import Testing

@Suite("Display width")
struct DisplayWidthTests {
  @Test(
    "widths of single strings",
    arguments: [
      ("", 0),
      ("hello", 5),
      ("안녕", 4),  // Hangul syllables are wide
      ("\u{E9}", 1),  // é, composed
      ("e\u{301}", 1),  // é, decomposed: the combining acute takes no column
      ("\u{1B}[1;31mred\u{1B}[0m", 3),  // SGR sequences take none
      ("\u{1B}[38;5;208mx\u{1B}[39m", 1),
      ("\u{1B}]8;;https://example.org\u{1B}\\link\u{1B}]8;;\u{1B}\\", 4),  // OSC 8 hyperlink
      ("中文", 4),
      ("ｆｕｌｌ", 8),  // fullwidth forms
      ("カタカナ", 8),
      ("😀", 2),
      ("⌚", 2),
      ("❤\u{FE0F}", 2),  // emoji presentation selector widens a text symbol
      ("🇰🇷", 2),  // a flag: two regional indicators
      ("👨\u{200D}👩\u{200D}👧", 2),  // a zero-width-joined family
      ("👍🏽", 2),  // skin-tone modifier
      ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining Jamo: ㄱ + ㅏ + ㄱ make one syllable
      ("a\u{200B}b", 2),  // zero width space
      ("✓ µs ± ·", 8),
      ("tab\there", 7),  // control characters take no column: expand tabs first
      ("\u{1B}[", 0),  // an unterminated escape
    ] as [(String, Int)])
  func width(text: String, expected: Int) {
    #expect(DisplayWidth.of(text) == expected)
  }

  @Test("padding by display width")
  func pad() {
    #expect(DisplayWidth.pad("ab", to: 5) == "ab   ")
    #expect(DisplayWidth.pad("ab", to: 5, align: .right) == "   ab")
    #expect(DisplayWidth.pad("ab", to: 5, align: .center) == " ab  ")
    #expect(DisplayWidth.pad("안녕", to: 6) == "안녕  ")
    #expect(DisplayWidth.pad("\u{1B}[1mab\u{1B}[22m", to: 3) == "\u{1B}[1mab\u{1B}[22m ")
    #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
  }

  @Test("truncation never splits a wide character and closes open styles")
  func truncate() {
    #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
    #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
    #expect(DisplayWidth.truncate("안녕하세요", to: 5) == "안녕…")
    #expect(DisplayWidth.truncate("안녕하세요", to: 4) == "안…")
    #expect(DisplayWidth.truncate("hello world", to: 8, ellipsis: "...") == "hello...")
    #expect(DisplayWidth.truncate("hello", to: 2, ellipsis: "...") == "he")
    #expect(DisplayWidth.truncate("hello", to: 0) == "")
    #expect(DisplayWidth.truncate("hello world", to: 7) == "hello…")  // no space before "…"
    let styled = DisplayWidth.truncate("\u{1B}[1mbold text\u{1B}[22m", to: 5)
    #expect(styled == "\u{1B}[1mbold…\u{1B}[0m")
    #expect(DisplayWidth.of(styled) == 5)
  }

  @Test("word wrap")
  func wrap() {
    #expect(
      DisplayWidth.wrap("the quick brown fox jumps over the lazy dog", width: 10) == [
        "the quick", "brown fox", "jumps over", "the lazy", "dog",
      ])
    #expect(DisplayWidth.wrap("", width: 10) == [""])
    #expect(DisplayWidth.wrap("a\n\nb", width: 10) == ["a", "", "b"])
    #expect(DisplayWidth.wrap("a    b", width: 10) == ["a b"])
    #expect(DisplayWidth.wrap("  indented text here", width: 12) == ["  indented", "text here"])
    // Longer than the width: broken between characters.
    #expect(DisplayWidth.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    #expect(DisplayWidth.wrap("ab abcdefghij", width: 4) == ["ab", "abcd", "efgh", "ij"])
    // Hangul wraps by columns: each syllable is two.
    #expect(DisplayWidth.wrap("안녕하세요 세계", width: 6) == ["안녕하", "세요", "세계"])
    #expect(DisplayWidth.wrap("안녕하세요", width: 5) == ["안녕", "하세", "요"])
    // Width 1 with wide characters: one per line, never an endless loop.
    #expect(DisplayWidth.wrap("안녕", width: 1) == ["안", "녕"])
  }

  @Test("wrap keeps escape sequences whole and restyles each line")
  func wrapStyled() {
    let bold = "\u{1B}[1m"
    let reset = "\u{1B}[0m"
    let lines = DisplayWidth.wrap("plain \(bold)bold words here\u{1B}[22m end", width: 11)
    #expect(lines == ["plain \(bold)bold\(reset)", "\(bold)words here\u{1B}[22m", "end"])
    for line in lines { #expect(DisplayWidth.of(line) <= 11) }
    // A colour inside a word that is broken between characters.
    let broken = DisplayWidth.wrap("\u{1B}[36mabcdefgh\u{1B}[39m", width: 3)
    #expect(broken == ["\u{1B}[36mabc\(reset)", "\u{1B}[36mdef\(reset)", "\u{1B}[36mgh\u{1B}[39m"])
    // No line ends in the middle of an escape sequence.
    let text = (0..<40).map { "\u{1B}[3\($0 % 8)mw\($0)\u{1B}[0m" }.joined(separator: " ")
    for width in 1...12 {
      for line in DisplayWidth.wrap(text, width: width) {
        #expect(DisplayWidth.of(line) <= max(width, 3))
        #expect(!line.hasSuffix("\u{1B}") && !line.hasSuffix("\u{1B}[3"))
      }
    }
  }

  @Test("widest line")
  func widest() {
    #expect(DisplayWidth.widestLine("ab\n안녕하\nc") == 6)
  }
}

@Suite("Units")
struct UnitsTests {
  @Test(
    "durations: three significant digits, units from ns to s",
    arguments: [
      (812e-9, "812 ns"),
      (999e-9, "999 ns"),
      (999.4e-9, "999 ns"),
      (999.5e-9, "1.00 µs"),
      (1.234e-6, "1.23 µs"),
      (1.235e-6, "1.24 µs"),
      (45.6e-3, "45.6 ms"),
      (0.000999, "999 µs"),
      (0.0009995, "1.00 ms"),
      (0.09995, "100 ms"),
      (2, "2.00 s"),
      (59.99, "60.0 s"),
      (1234.4, "1234 s"),
      (0.5e-9, "0.500 ns"),
      (0, "0 s"),
      (-1.5e-3, "-1.50 ms"),
      (.nan, "n/a"),
      (.infinity, "n/a"),
    ] as [(Double, String)])
  func durations(seconds: Double, expected: String) {
    #expect(Units.duration(seconds) == expected)
  }

  @Test("sizes in bytes")
  func bytes() {
    #expect(Units.bytes(0) == "0 B")
    #expect(Units.bytes(64) == "64 B")
    #expect(Units.bytes(1023) == "1023 B")
    #expect(Units.bytes(1024) == "1 KiB")
    #expect(Units.bytes(4096) == "4 KiB")
    #expect(Units.bytes(1536) == "1.5 KiB")
    #expect(Units.bytes(1_048_576) == "1 MiB")
    #expect(Units.bytes(1_048_575) == "1 MiB")
    #expect(Units.bytes(1_047_000) == "1022 KiB")
    #expect(Units.bytes(1_500_000) == "1.43 MiB")
    #expect(Units.bytes(-2048) == "-2 KiB")
    #expect(Units.bytes(1 << 40) == "1 TiB")
  }

  @Test("rates")
  func rates() {
    #expect(Units.rate(bytesPerSecond: 1.234e9) == "1.23 GB/s")
    #expect(Units.rate(bytesPerSecond: 999.5e6) == "1.00 GB/s")
    #expect(Units.rate(bytesPerSecond: 45.6e6) == "45.6 MB/s")
    #expect(Units.rate(bytesPerSecond: 512) == "512 B/s")
    #expect(Units.rate(bytesPerSecond: 1500) == "1.50 kB/s")
    #expect(Units.rate(bytesPerSecond: 0) == "0 B/s")
  }

  @Test("significant digits")
  func significant() {
    #expect(Units.significant(0.0009995) == "0.00100")
    #expect(Units.significant(1) == "1.00")
    #expect(Units.significant(45.64) == "45.6")
    #expect(Units.significant(999.5) == "1000")
    #expect(Units.significant(12345) == "12345")
    #expect(Units.significant(0) == "0.00")
    #expect(Units.significant(2.5, digits: 1) == "3")
    #expect(Units.significant(0.125, digits: 2) == "0.13")
    #expect(Units.significant(-0.0123) == "-0.0123")
    #expect(Units.significant(.nan) == "nan")
    #expect(Units.fixed(2.345, decimals: 2) == "2.35")
    #expect(Units.fixed(0.5, decimals: 0) == "1")
  }

  @Test("counts, ± and ratios")
  func counts() {
    #expect(Units.count(0) == "0")
    #expect(Units.count(999) == "999")
    #expect(Units.count(1000) == "1,000")
    #expect(Units.count(100_000_000) == "100,000,000")
    #expect(Units.count(-1234) == "-1,234")
    #expect(Units.count(Int.min) == "-9,223,372,036,854,775,808")
    #expect(Units.plusMinus(mean: 1.23e-3, σ: 45.6e-6) == "1.23 ms ± 45.6 µs")
    #expect(Units.percent(0.1234) == "12.3%")
    #expect(Units.ratio(2.345) == "2.35×")
  }
}

@Suite("Display width properties")
struct DisplayWidthPropertyTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  static let atoms = [
    "a", "b", "word", "x", " ", " ", "  ", "안", "녕", "中", "😀", "👨\u{200D}👩\u{200D}👧", "e\u{301}",
    "\u{1B}[1m", "\u{1B}[22m", "\u{1B}[36m", "\u{1B}[0m", "\u{1B}[38;5;208m", "…", "µ", "\u{1B}[",
  ]

  /// `text` without CSI sequences and spaces: what must survive wrapping. A CSI sequence
  /// ends at a final byte (0x40–0x7E) or, malformed, before any byte that cannot be in it.
  func visible(_ text: String) -> String {
    var result = ""
    var inEscape = false
    var sawBracket = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if !sawBracket {
          sawBracket = true
          if scalar == "[" { continue }
          inEscape = false
          continue
        }
        if scalar.value >= 0x40 && scalar.value <= 0x7E {
          inEscape = false
          continue
        }
        if scalar.value >= 0x20 && scalar.value <= 0x3F { continue }
        inEscape = false
      }
      if scalar == "\u{1B}" {
        inEscape = true
        sawBracket = false
        continue
      }
      if scalar != " " { result.unicodeScalars.append(scalar) }
    }
    return result
  }

  @Test("wrap and truncate keep their promises on random text")
  func randomText() {
    var generator = Generator(state: 2024)
    for _ in 0..<400 {
      let count = Int(generator.next() % 30)
      var text = (0..<count).map { _ in generator.pick(Self.atoms) }.joined()
      if text.hasSuffix("\u{1B}[") { text += "m" }
      let width = 1 + Int(generator.next() % 20)
      let lines = DisplayWidth.wrap(text, width: width)
      for line in lines {
        #expect(DisplayWidth.of(line) <= max(width, 2), "\(text.debugDescription) at \(width)")
      }
      #expect(
        visible(lines.joined()) == visible(text), "\(text.debugDescription) at \(width)")
      let cut = DisplayWidth.truncate(text, to: width)
      #expect(DisplayWidth.of(cut) <= width)
      #expect(
        DisplayWidth.of(DisplayWidth.pad(text, to: width)) >= min(width, DisplayWidth.of(text)))
    }
  }
}
