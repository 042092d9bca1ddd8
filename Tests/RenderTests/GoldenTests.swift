import Render
import Testing

/// One rendering to compare with golden files, in each of the four styles.
struct GoldenCase: Sendable, CustomTestStringConvertible {
  var name: String
  var render: @Sendable (TerminalStyle) -> String
  var testDescription: String { name }
}

/// Plain (ASCII, no colour) and fancy (box drawing, colour), 80 and 40 columns wide.
let goldenStyles: [(String, TerminalStyle)] = [
  ("plain-80", .plain(width: 80)), ("plain-40", .plain(width: 40)),
  ("fancy-80", .fancy(width: 80)), ("fancy-40", .fancy(width: 40)),
]

let goldenCases: [GoldenCase] = [
  GoldenCase(name: "table-hangul") { Fixtures.hangulTable.render($0) },
  GoldenCase(name: "table-shrink") { Fixtures.wideTable.render($0) },
  GoldenCase(name: "bar-chart") { Fixtures.barChart.render($0) },
  GoldenCase(name: "timeline") { Fixtures.timeline.render($0) },
  GoldenCase(name: "histogram") {
    Fixtures.histogram.render($0) + "\n\n" + Fixtures.sampledHistogram.render($0)
  },
  GoldenCase(name: "side-by-side") { style in
    SideBySide.join(
      left: Fixtures.leftText, right: Fixtures.rightTable.render(style), width: style.width)
  },
  GoldenCase(name: "progress") { style in
    [0, 0.0625, 0.5, 0.999, 1].map {
      ProgressBar.line(
        fraction: $0, label: "copying 64 MiB", width: style.width, unicode: style.unicode)
    }.joined(separator: "\n")
  },
  GoldenCase(name: "markdown") { MarkdownRenderer(style: $0).render(Fixtures.markdown) },
]

@Suite("Golden files")
struct GoldenTests {
  @Test("renderings match the golden files", arguments: goldenCases)
  func golden(_ goldenCase: GoldenCase) {
    for (suffix, style) in goldenStyles {
      Golden.check(goldenCase.render(style), against: "\(goldenCase.name).\(suffix).txt")
    }
  }

  @Test("no line is wider than the style allows", arguments: goldenCases)
  func widths(_ goldenCase: GoldenCase) {
    for (_, style) in goldenStyles {
      let text = goldenCase.render(style)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        // Code blocks are never wrapped; everything else must fit.
        if line.hasPrefix("    ") && goldenCase.name == "markdown" { continue }
        #expect(
          DisplayWidth.of(String(line)) <= style.width,
          "\(goldenCase.name) at \(style.width): \(line.debugDescription)")
      }
    }
  }

  @Test("plain renderings are pure ASCII apart from Hangul", arguments: goldenCases)
  func ascii(_ goldenCase: GoldenCase) {
    for (_, style) in goldenStyles where !style.unicode {
      let text = goldenCase.render(style)
      #expect(!text.contains("\u{1B}"), "\(goldenCase.name): escape sequence in plain output")
      let foreign = text.unicodeScalars.filter {
        $0.value >= 0x80 && DisplayWidth.of(String($0)) != 2
      }
      #expect(foreign.isEmpty, "\(goldenCase.name): \(String(String.UnicodeScalarView(foreign)))")
    }
  }
}
