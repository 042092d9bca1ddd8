import Render
import Testing

@testable import Lessons

/// Choices and hints render inline Markdown exactly as a paragraph of step text does, and
/// what a lesson file holds reaches the terminal only through `TerminalSafe`.
@Suite struct QuizTextTests {
  static let colour = TerminalStyle(unicode: true, color: true, width: 80)
  static let samples = [
    "`fork()` returns twice", "*each* process gets **its own** copy", "[the docs](https://x.y)",
    "a \\* literal star", "plain words", "`wait()` then *exit*",
  ]

  @Test(arguments: samples)
  func aChoiceRendersAsStepText(text: String) {
    let step = MarkdownRenderer(style: Self.colour).render(text)
    let shown = QuizText.choices([Choice(label: "a", text: text)], style: Self.colour)
    #expect(shown == "  a) " + step + "\n")
    if text.contains("`") || text.contains("*") { #expect(!shown.contains(text)) }
  }

  @Test(arguments: samples)
  func aHintRendersAsStepText(text: String) {
    let step = MarkdownRenderer(style: Self.colour).render(text)
    let shown = QuizText.hint(text, number: 1, of: 2, style: Self.colour)
    #expect(shown == Self.colour.color("hint 1/2: ", .cyan) + step)
  }

  @Test func aChoiceIsNeverReadAsABlock() {
    let plain = TerminalStyle.plain(width: 80)
    #expect(QuizText.choices([Choice(label: "b", text: "1. two")], style: plain) == "  b) 1. two\n")
    #expect(QuizText.choices([Choice(label: "c", text: "# no")], style: plain) == "  c) # no\n")
  }

  @Test func longChoicesWrapUnderTheirText() {
    let plain = TerminalStyle.plain(width: 30)
    let shown = QuizText.choices(
      [Choice(label: "a", text: "the child gets a copy of the parent's memory, page by page")],
      style: plain)
    let lines = shown.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") })
  }

  @Test func controlCharactersInALessonAreMadeVisible() throws {
    let text = quizLesson(
      "id: c\nkind: choice\nask: Which?\nchoices:\n  a) `ok`\u{1B}[2J\n  b) two\nanswer: b\n"
        + "hint: a \u{1B}]0;title\u{07} *hint*")
    let (l, _) = lesson(text, file: "q.md")
    let q = try #require(l?.question(id: "c"))
    let plain = TerminalStyle.plain(width: 80)
    let shown =
      QuizText.choices(q.choices, style: plain)
      + QuizText.hint(q.hints[0], number: 1, of: 1, style: plain)
    #expect(!shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(shown.contains("hint 1/1: a "))
  }
}
