import Render
import Testing

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
