import DemoContract
import FoundationEssentials
import Glibc
import Render
import Testing

@Suite("Table")
struct TableTests {
  let table = Table(
    title: "t",
    columns: [Table.Column("name"), Table.Column("n", align: .right)],
    rows: [["a", "1"], ["안녕", "22"]],
    footer: ["foot"])

  @Test("ASCII drawing, right-aligned numbers, Hangul aligned")
  func plain() {
    #expect(
      table.render(.plain()) == """
        t
        +------+----+
        | name |  n |
        +------+----+
        | a    |  1 |
        | 안녕 | 22 |
        +------+----+
        foot
        """)
  }

  @Test("box drawing")
  func unicode() {
    let style = TerminalStyle(unicode: true, color: false, width: 80)
    #expect(
      table.render(style) == """
        t
        ┌──────┬────┐
        │ name │  n │
        ├──────┼────┤
        │ a    │  1 │
        │ 안녕 │ 22 │
        └──────┴────┘
        foot
        """)
  }

  @Test("short rows are padded, long rows cut, a table without rows has its frame")
  func shapes() {
    let ragged = Table(
      columns: [Table.Column("a"), Table.Column("b")], rows: [["x"], ["1", "2", "3"]])
    let lines = ragged.render(.plain()).split(separator: "\n")
    #expect(lines.count == 6)
    #expect(lines[3] == "| x |   |")
    #expect(lines[4] == "| 1 | 2 |")
    let empty = Table(columns: [Table.Column("only")])
    #expect(empty.render(.plain()) == "+------+\n| only |\n+------+\n+------+")
    #expect(Table(columns: []).render(.plain()).isEmpty)
  }

  @Test("shrinks text columns to fit and keeps numbers whole")
  func shrink() {
    let wide = Table(
      columns: [Table.Column("text"), Table.Column("value", align: .right)],
      rows: [[String(repeating: "word ", count: 20), "123,456,789"]])
    for width in [25, 30, 40] {
      let text = wide.render(.plain(width: width))
      for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= width)
      }
      #expect(text.contains("123,456,789"))
      #expect(text.contains("..."))
    }
    // Too narrow for a grid: one block per row, numbers whole.
    let tiny = wide.render(.plain(width: 20))
    #expect(tiny.contains("value  123,456,789"))
    #expect(!tiny.contains("|"))
  }

  @Test("a column kept whole is never cut; the others give way")
  func wholeColumn() throws {
    let id = "concurrency-vs-parallelism"
    let table = Table(
      columns: [Table.Column("id", whole: true), Table.Column("title")],
      rows: [[id, "Concurrency vs parallelism, and what each costs"]])
    let text = table.render(.plain(width: 50))
    #expect(text.contains("| \(id) |"), "the id was cut:\n\(text)")
    #expect(text.contains("..."), "the title should have given way")
    for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 50) }
    // Without `whole`, the same width cuts the id too.
    var plain = table
    plain.columns[0].whole = false
    #expect(!plain.render(.plain(width: 50)).contains(id))
    let decoded = try JSONDecoder().decode(Table.self, from: JSONEncoder().encode(table))
    #expect(decoded == table)
  }

  @Test("JSON shape and round trip")
  func codable() throws {
    let data = try JSONEncoder().encode(table)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"align\":\"right\""))
    #expect(text.contains("\"footer\":[\"foot\"]"))
    #expect(try JSONDecoder().decode(Table.self, from: data) == table)
    let minimal = #"{"columns":[{"name":"a"},{"name":"b","align":"center"}],"rows":[["1","2"]]}"#
    let decoded = try JSONDecoder().decode(Table.self, from: Data(minimal.utf8))
    #expect(decoded.title == nil)
    #expect(decoded.footer.isEmpty)
    #expect(decoded.columns == [Table.Column("a"), Table.Column("b", align: .center)])
  }
}

@Suite("JSON")
struct ChartCodingTests {
  @Test("charts, histograms and timelines round-trip through JSON")
  func roundTrip() throws {
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    let chart = Fixtures.barChart
    #expect(try decoder.decode(BarChart.self, from: encoder.encode(chart)) == chart)
    let histogram = Fixtures.histogram
    #expect(try decoder.decode(Histogram.self, from: encoder.encode(histogram)) == histogram)
    let timeline = Fixtures.timeline
    #expect(try decoder.decode(Timeline.self, from: encoder.encode(timeline)) == timeline)
  }
}

@Suite("Terminal style")
struct TerminalStyleTests {
  @Test("attributes only with colour")
  func attributes() {
    let fancy = TerminalStyle.fancy()
    #expect(fancy.bold("x") == "\u{1B}[1mx\u{1B}[22m")
    #expect(fancy.color("x", .green) == "\u{1B}[32mx\u{1B}[39m")
    #expect(fancy.dim("") == "")
    let plain = TerminalStyle.plain()
    #expect(plain.bold("x") == "x")
    #expect(plain.color("x", .red) == "x")
    #expect(plain.asciiFallback("1.23 µs ± 4 µs · 2× … — ok") == "1.23 us +/- 4 us - 2x ... -- ok")
    #expect(plain.asciiFallback("안녕") == "안녕")
    #expect(fancy.asciiFallback("µs") == "µs")
  }

  @Test("not a terminal: plain, width from COLUMNS or 80")
  func notATerminal() {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    defer {
      close(descriptors[0])
      close(descriptors[1])
    }
    let environment = ["TERM": "xterm-256color", "LANG": "en_US.UTF-8", "COLUMNS": "120"]
    let style = TerminalStyle.detect(fileDescriptor: descriptors[1], environment: environment)
    #expect(style == TerminalStyle(unicode: false, color: false, width: 120))
    let fallback = TerminalStyle.detect(fileDescriptor: descriptors[1], environment: [:])
    #expect(fallback.width == 80)
  }

  @Test("a terminal: colour and Unicode by TERM, NO_COLOR and the locale")
  func terminal() throws {
    // A pseudo-terminal: /dev/ptmx, unlocked, and its /dev/pts/N side.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    try #require(master >= 0)
    defer { close(master) }
    var unlock: Int32 = 0
    #expect(ioctl(master, 0x4004_5431, &unlock) == 0)  // TIOCSPTLCK
    var number: UInt32 = 0
    #expect(ioctl(master, 0x8004_5430, &number) == 0)  // TIOCGPTN
    let name = "/dev/pts/\(number)"
    let terminal = open(name, O_RDWR | O_NOCTTY)
    try #require(terminal >= 0)
    defer { close(terminal) }
    var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    #expect(ioctl(terminal, UInt(TIOCSWINSZ), &size) == 0)

    func detect(_ environment: [String: String]) -> TerminalStyle {
      TerminalStyle.detect(fileDescriptor: terminal, environment: environment)
    }
    #expect(
      detect(["TERM": "xterm", "LANG": "en_US.UTF-8", "COLUMNS": "50"])
        == TerminalStyle(unicode: true, color: true, width: 100))
    #expect(detect(["TERM": "dumb", "LANG": "C.UTF-8"]) == .plain(width: 100))
    #expect(
      detect(["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": ""])
        == TerminalStyle(unicode: true, color: false, width: 100))
    #expect(detect(["TERM": "xterm", "LANG": "C"]).unicode == false)
    #expect(detect(["TERM": "xterm"]).unicode == false)
    #expect(detect(["TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C"]).unicode == false)
    #expect(detect(["TERM": "xterm", "LC_CTYPE": "ko_KR.utf8", "LANG": "C"]).unicode == true)
  }
}
