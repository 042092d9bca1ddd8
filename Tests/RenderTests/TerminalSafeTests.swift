import Testing

@testable import Render

@Suite("Untrusted text made safe for the terminal")
struct TerminalSafeTests {
  @Test("ESC, C0, DEL, C1 and bidirectional controls are shown, not obeyed")
  func controlsAreShown() {
    #expect(TerminalSafe.escape("a\u{1B}[2Jb") == "a^[[2Jb")
    #expect(TerminalSafe.escape("\u{1B}]52;c;cm0gLXJmIH4K\u{07}") == "^[]52;c;cm0gLXJmIH4K^G")
    #expect(TerminalSafe.escape("nul\u{0}del\u{7F}") == "nul^@del^?")
    #expect(TerminalSafe.escape("csi\u{9B}2J") == "csi<U+009B>2J")
    #expect(TerminalSafe.escape("abc\u{202E}fed") == "abc<U+202E>fed")
    #expect(
      TerminalSafe.escape("\u{2066}x\u{2069}\u{200F}\u{061C}")
        == "<U+2066>x<U+2069><U+200F><U+061C>")
  }

  @Test("tab is kept; newlines are kept only in multi-line text")
  func lineBreaks() {
    #expect(TerminalSafe.escape("a\tb") == "a\tb")
    #expect(TerminalSafe.escape("a\nb\r\nc") == "a^Jb^M^Jc")
    #expect(TerminalSafe.escape("a\nb\r\nc\rd", lineBreaks: .kept) == "a\nb\r\nc^Md")
    #expect(TerminalSafe.escape("end\r", lineBreaks: .kept) == "end^M")
  }

  @Test("ordinary text, Hangul and symbols are unchanged")
  func ordinaryText() {
    for text in ["plain", "프로세스 — “quoted” → ok", "é ü ß ∑ 👍🏽", "[link](u) *x*", ""] {
      #expect(TerminalSafe.escape(text) == text)
      #expect(TerminalSafe.isSafe(text))
    }
    #expect(!TerminalSafe.isSafe("\u{1B}"))
    #expect(!TerminalSafe.isSafe("\u{85}"))
  }

  @Test("the escaped text never holds a control character, whatever the input")
  func everyScalar() {
    var all = String.UnicodeScalarView()
    for v in UInt32(0)...0x2100 { if let s = Unicode.Scalar(v) { all.append(s) } }
    let escaped = TerminalSafe.escape(String(all), lineBreaks: .kept)
    for s in escaped.unicodeScalars {
      let v = s.value
      #expect(v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D)
      #expect(v != 0x7F && !(0x80...0x9F).contains(v) && !(0x202A...0x202E).contains(v))
    }
  }
}

/// `TerminalSafe.isSafe` reads bytes; this reference reads scalars, as the rule is written.
@Suite("TerminalSafe's byte scan agrees with the rule read scalar by scalar")
struct TerminalSafeScanTests {
  static func referenceSafe(_ text: String, keepBreaks: Bool) -> Bool {
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() {
      let v = s.value
      if v == 0x09 || (v == 0x0A && keepBreaks) { continue }
      if v == 0x0D && keepBreaks && i + 1 < scalars.count && scalars[i + 1] == "\n" { continue }
      if v < 0x20 || v == 0x7F || TerminalSafe.isInvisibleControl(v) { return false }
    }
    return true
  }

  @Test("random texts of controls, look-alikes and their neighbours", arguments: 0..<6)
  func agrees(seed: Int) {
    var state = UInt64(seed * 7919 + 1)
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    // Each forbidden scalar and the ones right beside it (same lead bytes), plus plain text.
    let scalars: [UInt32] = [
      0x41, 0x20, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x7E, 0x7F, 0xA0, 0x80, 0x9F, 0xA9, 0x061B,
      0x061C, 0x061D, 0x200D, 0x200E, 0x200F, 0x2010, 0x2014, 0x2029, 0x202A, 0x202E, 0x202F,
      0x2065, 0x2066, 0x2069, 0x206A, 0x2192, 0xD55C, 0x1F600,
    ]
    for _ in 0..<400 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int(next() % 12) {
        text.append(Unicode.Scalar(scalars[Int(next() % UInt64(scalars.count))])!)
      }
      let string = String(text)
      for keep in [true, false] {
        #expect(
          TerminalSafe.isSafe(string, lineBreaks: keep ? .kept : .escaped)
            == Self.referenceSafe(string, keepBreaks: keep),
          "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
      }
    }
  }
}
