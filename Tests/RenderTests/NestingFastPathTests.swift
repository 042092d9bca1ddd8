import Foundation
import Testing

@testable import Render

/// `MarkdownRenderer.tooDeeplyNestedLine` skips the full parse when no line's prefix of markers
/// and indentation is long enough to nest too deeply; these tests hold it to the full parse.
@Suite("The nesting check's fast path agrees with the full parse")
struct NestingFastPathTests {
  /// Random texts made of the characters nesting is built from, around the limit.
  @Test("random marker soups: the same answer as parsing", arguments: 0..<8)
  func randomTexts(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed + 1))
    let pieces = [
      "> ", "- ", "* ", "+ ", "1. ", "2) ", "  ", "    ", "\t", "x", "\n", "\n\n", ">", "-",
    ]
    for _ in 0..<300 {
      let count = Int(generator.next() % 200)
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
      #expect(
        MarkdownRenderer.tooDeeplyNestedLine(text) == MarkdownParser.tooDeeplyNestedLine(text),
        "\(text.debugDescription)")
    }
  }

  @Test("every shipped lesson: the same answer as parsing")
  func shippedLessons() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../lessons").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".md") }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      #expect(
        MarkdownRenderer.tooDeeplyNestedLine(text) == MarkdownParser.tooDeeplyNestedLine(text),
        "\(file)")
      #expect(!MarkdownRenderer.mayNestTooDeeply(text), "\(file) takes the slow path")
    }
  }
}

/// A small deterministic generator (SplitMix64), so a failure repeats.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
