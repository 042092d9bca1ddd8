import DemoContract
import Render
import Testing

@Suite("Wrapping ProcLab's own text")
struct WrapTests {
  @Test("continuation lines take the hanging indent; every line fits")
  func hangingIndent() {
    let text = "  open <number | id> [step] opens a lesson where you left it, or at a step"
    let lines = DisplayWidth.wrap(text, width: 30, hangingIndent: 2)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
    #expect(lines[0].hasPrefix("  open"))
    for line in lines.dropFirst() { #expect(line.hasPrefix("    ") && !line.hasPrefix("     ")) }
    #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
  }

  @Test("Hangul takes two columns: a line of it wraps at half as many characters")
  func hangulWraps() {
    let lines = DisplayWidth.wrap("가나다 라마바 사아자 차카타", width: 14, hangingIndent: 0)
    #expect(lines == ["가나다 라마바", "사아자 차카타"])
  }

  @Test("a label and its text: the text wraps in its own column")
  func labelColumn() {
    let lines = DisplayWidth.wrap(
      label: "  run <demo>", text: "run a demo live in a child process of its own", column: 16,
      width: 40)
    #expect(
      lines == [
        "  run <demo>    run a demo live in a", "                child process of its own",
      ])
    // No room for a column: the text goes under the label.
    let narrow = DisplayWidth.wrap(
      label: "  run <demo>", text: "run a demo live", column: 16, width: 30)
    #expect(narrow == ["  run <demo>", "    run a demo live"])
  }

  @Test("the machine footer breaks between fields: no line starts with the separator")
  func footerFields() {
    let footer =
      "2 CPUs online (affinity 0-1, no cgroup quota) · load 0.12 0.30 0.25 · Linux 6.1 · "
      + "Swift 6.3 release · AMD EPYC 7B13 64-Core Processor"
    for width in [30, 40, 60, 80, 100] {
      let lines = DisplayWidth.wrapFields(footer, width: width)
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
      for line in lines {
        let start = line.drop { $0 == " " }
        #expect(!start.hasPrefix("·"), "\(width): '\(line)' reads as a bullet")
      }
      for field in ["load 0.12 0.30 0.25", "Linux 6.1", "Swift 6.3 release"] {
        #expect(lines.contains { $0.contains(field) }, "\(width): '\(field)' was split: \(lines)")
      }
    }
    #expect(DisplayWidth.wrapFields("short · line", width: 80) == ["short · line"])
    // A field wider than the line: the mark stays with its last word.
    let long = DisplayWidth.wrapFields(
      "time from starting the processes to joining them (sync) · seconds · measured", width: 40)
    #expect(long.allSatisfy { !$0.drop { $0 == " " }.hasPrefix("·") }, "\(long)")
    #expect(long.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(long)")
    // A last word as wide as the line leaves no room for the mark: the break separates.
    let tight = DisplayWidth.wrapFields(
      "CPython: speedup of ProcessPoolExecutor · ratio · measured", width: 20)
    #expect(tight.allSatisfy { !$0.drop { $0 == " " }.hasPrefix("·") }, "\(tight)")
    #expect(tight.allSatisfy { DisplayWidth.of($0) <= 20 }, "\(tight)")
  }

  @Test("a table's footer is laid out in fields")
  func tableFooter() {
    let table = Table(
      columns: [Table.Column("a")], rows: [["1"]],
      footer: ["2 CPUs online (affinity 0-1, no cgroup quota) · load 0.12 0.30 0.25 · Linux 6.1"])
    let lines = table.render(TerminalStyle(unicode: true, color: false, width: 40)).split(
      separator: "\n")
    #expect(!lines.contains { $0.drop { $0 == " " }.hasPrefix("·") }, "\(lines)")
  }
}
