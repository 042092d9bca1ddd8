import Glibc
import OSKit
import Testing

/// Typing Hangul at the libedit prompt under a UTF-8 pseudo-terminal: each syllable is one
/// character for the cursor, Backspace and Tab, and the line reaches ProcLab intact.
@Suite("Hangul at the prompt", .serialized)
struct HangulInputTests {
  /// The line as ProcLab read it, from its answer to an unknown command.
  static func echoed(_ line: String) -> String { "unknown command '\(line)'" }

  @Test("Left and Backspace move and delete by syllable")
  func leftAndBackspace() throws {
    try withREPL { s, _ in
      let m = s.mark
      s.type("안녕\u{1B}[D\u{7F}\r")  // Left, Backspace: 안 goes, 녕 stays
      #expect(s.expect(Self.echoed("녕"), after: m), "screen: \(s.screen)")
      #expect(!s.screen.contains("\u{FFFD}"))
    }
  }

  @Test("Typing between syllables inserts one character there")
  func insertBetweenSyllables() throws {
    try withREPL { s, _ in
      let m = s.mark
      s.type("가나다\u{1B}[D\u{1B}[DX\r")
      #expect(s.expect(Self.echoed("가X나다"), after: m), "screen: \(s.screen)")
    }
  }

  @Test("Tab after Hangul leaves the line whole, and Backspace still takes a syllable")
  func tabAfterHangul() throws {
    try withREPL { s, _ in
      var m = s.mark
      s.type("안녕\t\r")
      // Wait for the next prompt: keys typed before it are edited by the terminal driver
      // (canonical mode), not by libedit.
      #expect(
        s.expect(Self.echoed("안녕") + "; type help to see the commands\nproclab › ", after: m),
        "screen: \(s.screen)")
      m = s.mark
      s.type("안녕\t\u{7F}\u{7F}dem\t\r")
      #expect(s.expect("help run <demo> explains", after: m), "screen: \(s.screen)")
    }
  }

  @Test("A syllable whose bytes arrive one at a time is one character")
  func bytesArriveApart() throws {
    try withREPL { s, _ in
      let m = s.mark
      for byte in Array("안녕".utf8) {
        try? FileIO.writeAll(s.master, [byte])
        s.drain(0.05)
      }
      s.type("\u{1B}[D\u{7F}\r")
      #expect(s.expect(Self.echoed("녕"), after: m), "screen: \(s.screen)")
      #expect(!s.screen.contains("\u{FFFD}"))
    }
  }
}
