import DemoContract
import Testing

/// Text that broke hand-written event lines, or could: a tab, a newline, quotes, a backslash,
/// NUL, bytes that are not UTF-8 (repaired by String), U+2028 (a line separator to
/// JavaScript), an escape sequence and Hangul.
private let hostile =
  "a\tb\nc \"q\" back\\slash nul\u{0} "
  + String(decoding: [0x62, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80], as: UTF8.self)
  + " \u{2028}sep \u{1B}[2J 한글"

private let environment = MachineEnvironment(
  cpusOnline: 2, cpuModel: hostile, cgroupCPUQuota: 1.5, affinity: [0, 1],
  loadAverage: [0.1, 0.2, 0.3], swiftVersion: "6.3", buildConfiguration: "debug",
  kernel: hostile)

private let table = Table(
  title: hostile,
  columns: [.init(hostile, align: .left), .init("n", align: .right, whole: true)],
  rows: [[hostile, "1"], ["x"]], footer: [hostile])

/// One figure of every kind, each text field carrying `hostile`.
let everyFigure: [Figure] = [
  .timeline(
    Timeline(
      title: hostile,
      lanes: [
        .init(label: hostile, spans: [.init(start: 10, end: 10.5, label: hostile)]),
        .init(label: "idle", spans: []),
      ], start: 10, end: .infinity)),
  .barChart(BarChart(title: hostile, bars: [.init(label: hostile, value: 3, annotation: hostile)])),
  .histogram(
    Histogram(
      title: hostile,
      buckets: [.init(label: hostile, count: 4, lower: 0, upper: 1), .init(label: "b", count: 0)])),
  .processTree(
    ProcessTreeFigure(
      title: hostile,
      processes: [
        .init(pid: 10, ppid: 1, label: hostile, note: hostile),
        .init(pid: 11, ppid: 10, label: "c"),
      ])),
]

/// Every event kind, every text in it `hostile`.
let everyEvent: [DemoEvent] =
  [
    .started(demo: hostile, pid: 42), .heading(hostile), .note(hostile), .table(table),
    .progress(fraction: 0.5, label: hostile), .failed(hostile),
    .report(
      DemoReport(
        demo: hostile, params: ["name": .string(hostile), "n": 3], environment: environment,
        metrics: ["text": .string(hostile), "nested": ["lost": 0]],
        tables: [table], figures: everyFigure, notes: [hostile])),
  ] + everyFigure.map { .figure($0) }

@Suite struct EventLineTests {
  @Test("every event, its text full of tabs, newlines, NUL and U+2028, is one line and round-trips")
  func hostileTextRoundTrips() throws {
    for event in everyEvent {
      let line = event.encodedLine()
      #expect(line.last == UInt8(ascii: "\n"))
      #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1, "one line: \(event)")
      #expect(!line.dropLast().contains { $0 < 0x20 }, "no raw control byte in \(event)")
      #expect(try DemoEvent.decodeLine(line.dropLast()).get() == event)
    }
  }

  @Test("a figure is data on the wire: kind, lanes, spans, origin and unit")
  func figureWireFormat() throws {
    let line = String(decoding: DemoEvent.figure(everyFigure[0]).encodedLine(), as: UTF8.self)
    #expect(line.contains(#""type":"figure""#))
    #expect(line.contains(#""kind":"timeline""#))
    #expect(line.contains(#""unit":"seconds""#))
    #expect(line.contains(#""origin":10"#))
    #expect(line.contains(#""lanes":[{"label":"#))
    let tree = String(decoding: DemoEvent.figure(everyFigure[3]).encodedLine(), as: UTF8.self)
    #expect(tree.contains(#""kind":"process_tree""#) && tree.contains(#""ppid":10"#))
  }

  @Test("a report written before figures were data still decodes")
  func oldReportDecodes() throws {
    let old =
      #"{"type":"report","report":{"demo":"ids","params":{},"environment":{"cpusOnline":1,"#
      + #""affinity":[0],"loadAverage":[0,0,0],"swiftVersion":"6.3","#
      + #""buildConfiguration":"debug","kernel":"Linux"},"metrics":{"pid":7},"tables":[],"#
      + #""notes":[]}}"#
    guard case .report(let report) = try DemoEvent.decodeLine(Array(old.utf8)).get() else {
      Issue.record("not a report")
      return
    }
    #expect(report.figures.isEmpty)
    #expect(report.metric("pid") == 7)
  }

  @Test(
    "an undecodable line is an error that shows the line, escaped and bounded",
    arguments: ["control bytes", "unknown type", "no text", "long"])
  func undecodable(name: String) throws {
    let line: [UInt8] =
      switch name {
      case "control bytes": Array("not json \u{1B}[31m".utf8) + [0xFF, 0x0A, 0x09, 0x00]
      case "unknown type": Array(#"{"type":"nonsense","text":"x"}"#.utf8)
      case "no text": Array(#"{"type":"note"}"#.utf8)
      default: Array(repeating: UInt8(ascii: "x"), count: 5000) + [0x1B]
      }
    guard case .failure(let error) = DemoEvent.decodeLine(line) else {
      Issue.record("decoded")
      return
    }
    let text = error.description
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(text.utf8.count < 4 * EventLineError.keptBytes + 200)
    #expect(text.contains("\(line.count) bytes"))
    if line.count > EventLineError.keptBytes {
      #expect(text.contains("(\(line.count - EventLineError.keptBytes) more bytes)"))
    } else if line.first == UInt8(ascii: "n") {
      #expect(text.contains(#"not json \x1B[31m\xFF\x0A\x09\x00"#))
    } else {
      #expect(text.contains(String(decoding: line, as: UTF8.self)))
    }
  }
}
