import DemoContract
import Render
import Testing

/// Figures arrive in the host as data (DemoContract); Render draws them for the terminal.
@Suite("Figures drawn from their data")
struct FigureRenderTests {
  static let tree = ProcessTreeFigure(
    processes: [
      .init(pid: 4100, ppid: 1, label: "bash", note: "(started this demo)"),
      .init(pid: 4211, ppid: 4100, label: "demo", note: "(called fork() 3×)"),
      .init(pid: 4212, ppid: 4211, label: "child", note: "→ wait(): exited with status 1"),
      .init(pid: 4214, ppid: 4212, label: "grandchild", note: "a note long enough to wrap at 40"),
      .init(pid: 4213, ppid: 4211, label: "child \u{1B}]52;c;eA==\u{07}", note: "자식 프로세스"),
    ])

  static let styles: [(String, TerminalStyle)] = [
    ("plain-80", .plain(width: 80)), ("plain-40", .plain(width: 40)),
    ("fancy-80", .fancy(width: 80)), ("fancy-40", .fancy(width: 40)),
  ]

  @Test("a process tree matches its golden files in every style")
  func processTreeGolden() {
    for (name, style) in Self.styles {
      Golden.check(Self.tree.render(style), against: "process-tree.\(name).txt")
    }
  }

  @Test("each process is under its parent, roots show no ppid, lines fit, escapes are visible")
  func processTreeShape() {
    let text = Self.tree.render(.fancy(width: 40))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "bash 4100  (started this demo)")
    #expect(lines[1].hasPrefix("└─ demo 4211  ppid 4100"))
    #expect(lines.contains { $0.hasPrefix("   ├─ child 4212  ppid 4211") })
    #expect(lines.contains { $0.hasPrefix("   │  └─ grandchild 4214  ppid 4212") })
    #expect(lines.contains { $0.hasPrefix("   └─ child ^[]52;c;eA==^G 4213 ppid") })
    let wide = Self.tree.render(.fancy(width: 80)).split(separator: "\n")
    #expect(wide.last == "   └─ child ^[]52;c;eA==^G 4213  ppid 4211  자식 프로세스")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
    #expect(!text.contains("\u{1B}]"), "an escape sequence from /proc reached the terminal")
  }

  @Test("parents that loop, or a process that is its own parent, are each drawn once")
  func processTreeLoop() {
    let tree = ProcessTreeFigure(
      processes: [
        .init(pid: 5, ppid: 6, label: "a"), .init(pid: 6, ppid: 5, label: "b"),
        .init(pid: 7, ppid: 7, label: "self"),
      ])
    let lines = tree.render(.plain(width: 80)).split(separator: "\n")
    #expect(lines == ["self 7", "a 5", "`- b 6  ppid 5"])
  }

  @Test("a figure draws as its own kind does, at the width it is given")
  func figureDispatch() {
    let timeline = Timeline(
      lanes: [.init(label: "w", spans: [.init(start: 0, end: 1, label: "x")])], start: 0, end: 1)
    let chart = BarChart(bars: [.init(label: "a", value: 1, annotation: "1")])
    let histogram = Histogram(samples: [1e-3, 2e-3, 3e-3], bucketCount: 2)
    for style in [TerminalStyle.plain(width: 30), .fancy(width: 100)] {
      #expect(Figure.timeline(timeline).render(style) == timeline.render(style))
      #expect(Figure.barChart(chart).render(style) == chart.render(style))
      #expect(Figure.histogram(histogram).render(style) == histogram.render(style))
      #expect(Figure.processTree(Self.tree).render(style) == Self.tree.render(style))
      let axis = timeline.render(style).split(separator: "\n")[1]
      #expect(DisplayWidth.of(String(axis)) == style.width)
    }
    #expect(histogram.buckets.map(\.count) == [1, 2])
    #expect(histogram.buckets.first?.lower == 1e-3 && histogram.buckets.last?.upper == 3e-3)
  }
}
