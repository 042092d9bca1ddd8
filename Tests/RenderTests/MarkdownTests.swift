import DemoContract
import Render
import Synchronization
import Testing

@Suite("Markdown")
struct MarkdownTests {
  let plain = MarkdownRenderer(style: .plain(width: 40))
  let fancy = MarkdownRenderer(style: .fancy(width: 40))

  @Test("headings")
  func headings() {
    #expect(plain.render("# Title") == "Title\n=====")
    #expect(plain.render("## Sub ##") == "Sub\n---")
    #expect(plain.render("### Third") == "Third")
    #expect(plain.render("Setext\n===") == "Setext\n======")
    #expect(fancy.render("# T") == "\u{1B}[1m\u{1B}[4mT\u{1B}[24m\u{1B}[22m")
    #expect(plain.render("#hashtag") == "#hashtag")
  }

  @Test("inline markup, plain and in colour")
  func inline() {
    #expect(plain.render("a *b* **c** `d` ~~e~~") == "a b c `d` ~~e~~")
    #expect(
      fancy.render("*b* `d`")
        == "\u{1B}[3mb\u{1B}[23m \u{1B}[36md\u{1B}[39m")
    #expect(plain.render("[text](http://x.org \"title\")") == "text (http://x.org)")
    #expect(plain.render("<http://x.org>") == "http://x.org")
    #expect(plain.render("[http://x.org](http://x.org)") == "http://x.org")
    #expect(plain.render("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4")
    #expect(plain.render("\\*not emphasis\\*") == "*not emphasis*")
    #expect(plain.render("`a * b` and *c*") == "`a * b` and c")
    #expect(plain.render("*a **b** c*") == "a b c")
  }

  @Test("lists: bullets, numbers, nesting and hanging indent")
  func lists() {
    #expect(plain.render("- a\n- b\n  - c\n    - d") == "* a\n* b\n  - c\n    + d")
    #expect(plain.render("3. x\n4. y") == "3. x\n4. y")
    let wrapped = MarkdownRenderer(style: .plain(width: 16)).render("- one two three four five")
    #expect(wrapped == "* one two three\n  four five")
    #expect(plain.render("- a\n\n- b") == "* a\n\n* b")
    #expect(
      plain.render("1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g\n8. h\n9. i\n10. j").hasSuffix(
        " 9. i\n10. j"))
  }

  @Test("code, quotes, rules and tables")
  func blocks() {
    #expect(plain.render("```\nlet x = 1\n```") == "    let x = 1")
    #expect(plain.render("> quoted\n> text") == "> quoted text")
    #expect(MarkdownRenderer(style: .plain(width: 10)).render("---") == "----------")
    #expect(
      plain.render("| a | b |\n|---|--:|\n| x | 1 |")
        == "+---+---+\n| a | b |\n+---+---+\n| x | 1 |\n+---+---+")
  }

  @Test(
    "malformed input renders without crashing",
    arguments: [
      "```", "```\nunterminated", "~~~~\ncode\n~~~", "*", "**", "***", "_", "~~", "`", "``",
      "[", "[]", "[a](", "[a](b", "![", "![a](b)", "<", "<>", "< a >", ">", "> ", ">>>>", "-",
      "- ", "1.", "1)", "* * *", "|", "||", "|a|\n|-|", "|a|b|\n|-|", "#", "######", "#######",
      "\\", "\t- a\n\t\t- b", "\r\n\r\n", "*a **b* c**", "[a](b)(c)", "-\n-\n-", "1. \n2.",
      "- a\n\n\n\n", String(repeating: "[", count: 200), String(repeating: "*a ", count: 200),
      String(repeating: "> - ", count: 50) + "x", String(repeating: "  ", count: 40) + "- x",
    ])
  func malformed(_ input: String) {
    for style in [TerminalStyle.plain(width: 20), .fancy(width: 1), .fancy(width: 80)] {
      _ = MarkdownRenderer(style: style).render(input)
    }
  }

  @Test("random Markdown renders without crashing and within the width")
  func random() {
    let atoms = [
      "# ", "## ", "- ", "* ", "1. ", "> ", "```", "~~~", "    ", "  ", "\n", "\n\n", "|", "|---|",
      ":--:", "*", "**", "_", "~~", "`", "[", "]", "(", ")", "<", ">", "!", "\\", "word",
      "안녕", "x", " ", "---", "===", "http://a.b", "\t",
    ]
    var generator = DisplayWidthPropertyTests.Generator(state: 7)
    for _ in 0..<300 {
      let count = Int(generator.next() % 40)
      let text = (0..<count).map { _ in generator.pick(atoms) }.joined()
      let width = 1 + Int(generator.next() % 60)
      // Code is never wrapped, and nothing can fit in very few columns.
      let hasCode =
        text.contains("```") || text.contains("~~~") || text.contains("    ")
        || text.contains("\t")
      for style in [TerminalStyle.plain(width: width), .fancy(width: width)] {
        let output = MarkdownRenderer(style: style).render(text)
        guard width >= 16 && !hasCode else { continue }
        for line in output.split(separator: "\n") {
          #expect(DisplayWidth.of(String(line)) <= width, "\(text.debugDescription)")
        }
      }
    }
  }

  @Test("every prefix of the sample document renders within the width")
  func prefixes() {
    let document = Fixtures.markdown
    let renderer = MarkdownRenderer(style: .fancy(width: 30))
    var end = document.startIndex
    while end < document.endIndex {
      let text = renderer.render(String(document[..<end]))
      for line in text.split(separator: "\n") where !line.hasPrefix("    ") {
        #expect(DisplayWidth.of(String(line)) <= 30, "\(line.debugDescription)")
      }
      end = document.index(end, offsetBy: 11, limitedBy: document.endIndex) ?? document.endIndex
    }
  }
}

@Suite("Charts and layout")
struct ChartTests {
  @Test("bars are scaled to the largest value, in eighths")
  func bars() {
    let chart = BarChart(bars: [
      .init(label: "a", value: 8, annotation: "8"), .init(label: "b", value: 1, annotation: "1"),
    ])
    // 80 columns: label 1 + space + bar 76 + space + annotation 1.
    let lines = chart.render(.fancy(width: 80)).split(separator: "\n").map(String.init)
    #expect(lines[0].contains(String(repeating: "█", count: 76)))
    #expect(lines[1].contains(String(repeating: "█", count: 9) + "▌"))  // 76/8 = 9.5
    let ascii = chart.render(.plain(width: 20)).split(separator: "\n").map(String.init)
    #expect(
      ascii == [
        "a " + String(repeating: "#", count: 16) + " 8",
        "b ##" + String(repeating: " ", count: 14) + " 1",
      ])
  }

  @Test("progress bar")
  func progress() {
    #expect(
      ProgressBar.line(fraction: 0.5, label: "copy", width: 30, unicode: false)
        == "copy [#########---------]  50%")
    #expect(ProgressBar.line(fraction: 2, label: "", width: 12, unicode: false) == "[#####] 100%")
    #expect(ProgressBar.line(fraction: .nan, label: "x", width: 3, unicode: true) == " 0%")
    for width in 0...40 {
      let line = ProgressBar.line(fraction: 0.3, label: "안녕하세요 label", width: width, unicode: true)
      #expect(DisplayWidth.of(line) <= max(width, 0))
    }
  }

  @Test("side by side keeps natural widths when they fit")
  func sideBySide() {
    #expect(
      SideBySide.join(left: "ab\nc", right: "x\ny\nz", width: 80, gap: 2) == "ab  x\nc   y\n    z")
    let narrow = SideBySide.join(
      left: String(repeating: "word ", count: 8), right: "r", width: 22, gap: 1)
    #expect(narrow == "word word word word  r\nword word word word")
    // No room for 20 columns beside the right block: one under the other.
    let stacked = SideBySide.join(left: "one two three", right: "0123456789", width: 20)
    #expect(stacked == "one two three\n\n0123456789")
  }

  @Test("timeline ticks are round numbers")
  func ticks() {
    let timeline = Timeline(
      lanes: [.init(label: "w", spans: [.init(start: 0, end: 1, label: "x")])])
    let lines = timeline.render(.plain(width: 60)).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[2].hasPrefix("  0 s"))
    #expect(lines[2].hasSuffix(" 1 s"))
    #expect(lines[2].contains(" 200 ms ") || lines[2].contains(" 250 ms "))
  }
}

@Suite struct MarkdownStopTests {
  @Test func aRendererThatMustStopShowsTheStoppedLine() {
    let style = TerminalStyle.plain(width: 60)
    let markdown = "# Title\n\nOne paragraph.\n\nAnother."
    let full = MarkdownRenderer(style: style).render(markdown)
    #expect(!full.contains(MarkdownRenderer.stoppedLine))
    #expect(MarkdownRenderer(style: style, shouldStop: { false }).render(markdown) == full)
    #expect(
      MarkdownRenderer(style: style, shouldStop: { true }).render(markdown)
        == MarkdownRenderer.stoppedLine)
  }

  @Test func aLongParagraphIsStoppedPartWay() {
    let style = TerminalStyle.plain(width: 60)
    let paragraph = String(repeating: "*a [b _c ", count: 20_000)
    let full = MarkdownRenderer(style: style).render(paragraph)
    // Stops once the renderer has asked a few times: inside the one paragraph's inline pass.
    let asked = Counter()
    let stopped = MarkdownRenderer(style: style, shouldStop: { asked.next() > 3 }).render(paragraph)
    #expect(stopped.hasSuffix(MarkdownRenderer.stoppedLine))
    #expect(stopped.count < full.count / 2)
  }
}

/// A count shared with a @Sendable closure.
final class Counter: Sendable {
  private let value = Mutex(0)
  func next() -> Int {
    value.withLock {
      $0 += 1
      return $0
    }
  }
}
