import DemoContract
import Demos
import Render
import Testing

@testable import Lessons

/// Plays `step` through the layout the REPL uses, each demo writing `demoLines` numbered lines.
private func play(
  _ step: Step, style: TerminalStyle, rows: Int, demoLines: Int,
  interruptAt: Int? = nil
) -> (text: String, ran: [String]) {
  var out = ""
  var ran: [String] = []
  StepLayout(step: step).play(
    style: style, rows: rows, header: "── header ──", hint: "Enter: next step · back · help",
    runDemo: { demo, write in
      ran.append(demo.commandLine)
      for n in 0..<demoLines { write("output \(demo.demo) line \(n + 1)") }
      return ran.count == interruptAt ? .interrupted : .finished
    },
    write: { out += $0.hasSuffix("\n") ? $0 : $0 + "\n" })
  return (out, ran)
}

private func lesson(_ body: String) throws -> Lesson {
  let text = "---\nid: layout\ntitle: Layout\n---\n\n" + body + "\n"
  return try #require(LessonParser.parse(text: text, file: "layout.md").lesson)
}

/// The terminal lines `text` takes at `width` columns (long lines wrap, as on a terminal).
private func screenLines(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    var rest = String(line)
    repeat {
      let head = DisplayWidth.truncate(rest, to: width, ellipsis: "")
      lines.append(head)
      rest = String(rest.dropFirst(head.count))
    } while !rest.isEmpty
  }
  if lines.last == "" { lines.removeLast() }
  return lines
}

@Suite("Step layout")
struct StepLayoutTests {
  @Test("a demo's output appears between the text before its block and the text after it")
  func demoRunsWhereItStands() throws {
    let l = try lesson(
      """
      ## Pinned {#pinned}

      Run them pinned to one CPU, then to two:

      ```demo
      ids
      ```

      Before you look: how many lines did it print?

      ```demo
      shm-race processes=2
      ```

      That was the race.
      """)
    let (text, ran) = play(l.steps[0], style: .plain(width: 80), rows: 30, demoLines: 3)
    #expect(ran == ["ids", "shm-race processes=2"])
    let order = [
      "Run them pinned", "run ids", "output ids line 3", "Before you look",
      "run shm-race", "output shm-race line 3", "That was the race.", "Enter: next step",
    ]
    var position = text.startIndex
    for piece in order {
      let found = try #require(
        text[position...].firstRange(of: piece), "'\(piece)' out of order:\n\(text)")
      position = found.upperBound
    }
  }

  @Test("Ctrl-C in a demo ends the step: no later demo or text, one line says so")
  func interruptSkipsTheRest() throws {
    let l = try lesson(
      """
      ## Two {#two}

      First.

      ```demo
      ids
      ids
      ```

      After the demos.
      """)
    let (text, ran) = play(
      l.steps[0], style: .plain(width: 80), rows: 30, demoLines: 1, interruptAt: 1)
    #expect(ran == ["ids"])
    #expect(!text.contains("After the demos."))
    // One line, wrapped at the screen's width.
    let unwrapped = text.replacing("\n  ", with: " ")
    let line = StepLayout.skippedLine(demos: 1, text: true)
    #expect(unwrapped.split(separator: "\n").filter { $0 == line }.count == 1, "\(text)")
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
  }

  @Test("the closing paragraph is the last top-level block; a list item keeps its lines")
  func closingParagraph() {
    #expect(StepLayout.closingParagraph(of: "One.\n\nTwo\nlines.\n\n") == "Two\nlines.")
    #expect(
      StepLayout.closingParagraph(of: "Intro.\n\n- an item\n\n  its second paragraph")
        == "- an item\n\n  its second paragraph")
    #expect(
      StepLayout.closingParagraph(of: "Intro.\n\n```\ncode\n\nmore code\n```")
        == "```\ncode\n\nmore code\n```")
    #expect(StepLayout.closingParagraph(of: "\n \n") == nil)
  }

  @Test("a closing question above a tall demo is shown again below it, not when it fits")
  func closingShownAgain() throws {
    let l = try lesson(
      """
      ## Ask {#ask}

      Some text.

      How many lines will it print?

      ```demo
      ids
      ```
      """)
    let tall = play(l.steps[0], style: .plain(width: 80), rows: 24, demoLines: 40).text
    let lines = screenLines(tall, width: 80).suffix(23)
    #expect(lines.contains { $0.contains("How many lines will it print?") }, "\(tall)")
    #expect(tall.contains(StepLayout.againLine))
    let short = play(l.steps[0], style: .plain(width: 80), rows: 24, demoLines: 3).text
    #expect(!short.contains(StepLayout.againLine), "\(short)")
  }

  @Test("terminal lines count display width: Hangul takes two columns")
  func screenLinesCountWideCharacters() {
    #expect(ScreenLines.count("가나다라마", width: 10) == 1)
    #expect(ScreenLines.count("가나다라마바", width: 10) == 2)
    #expect(ScreenLines.count("a\nb\n", width: 10) == 2)
    #expect(ScreenLines.count("", width: 10) == 1)
  }

  @Test(
    "every step of every lesson, demos taller than the screen: its closing paragraph is on the last screen",
    arguments: [(80, 24), (100, 30)])
  func closingOnLastScreen(columns: Int, rows: Int) throws {
    let library = LessonLibrary.load(
      directories: [ShippedLessons.directory], demos: DemoCatalog.declarations)
    #expect(library.lessons.count >= 10)
    var checked = 0
    for l in library.lessons {
      for step in l.steps {
        let style = TerminalStyle.fancy(width: columns)
        for demoLines in [0, rows / 2, rows * 3] {
          let text = play(step, style: style, rows: rows, demoLines: demoLines).text
          // The prompt takes the screen's last line.
          let last = screenLines(text, width: columns).suffix(rows - 1)
          let closing = try #require(
            StepLayout(step: step).closing, "\(l.id) \(step.id) has no text")
          let rendered = MarkdownRenderer(style: style).render(closing)
          let closingLines = screenLines(rendered, width: columns).filter { !$0.isEmpty }
          for line in closingLines {
            #expect(
              last.contains(line),
              "\(l.id) step \(step.id) at \(columns)×\(rows), \(demoLines)-line demos: '\(line)' is not on the last screen"
            )
          }
          checked += 1
        }
      }
    }
    #expect(checked > 300)
  }
}
