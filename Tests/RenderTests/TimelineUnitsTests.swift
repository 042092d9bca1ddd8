import DemoContract
import Localization
import Render
import Testing

/// A timeline's time axis speaks the reader's language: "25 ms" in English, "25밀리초" in
/// Korean (as `Units.duration` and the demos' notes write it), every tick labelled, no label
/// touching the next, the axis within the width though Korean units are longer.
@Suite struct TimelineUnitsTests {
  static func timeline(seconds: Double) -> Timeline {
    Timeline(
      lanes: [
        .init(label: "worker 1", spans: [.init(start: 0, end: seconds / 2, label: "task 1")]),
        .init(label: "worker 2", spans: [.init(start: seconds / 4, end: seconds, label: "task 2")]),
      ], start: 0, end: seconds)
  }

  /// The axis of `timeline` drawn at `width`: its tick line and its labels.
  static func axis(_ timeline: Timeline, width: Int, language: Language, unicode: Bool = true) -> (
    ticks: Int, labels: [String], line: String
  ) {
    var style = TerminalStyle.plain(width: width)
    style.unicode = unicode
    let lines = timeline.render(style, language: language).split(separator: "\n").map(String.init)
    // The frame's bottom line between its corners (`└`…`┘`, or `+`…`+` without Unicode).
    let frame = lines[lines.count - 2].drop { $0 == " " }.dropFirst().dropLast()
    let ticks = frame.filter { $0 == "┬" || $0 == "+" }.count
    let labelLine = lines[lines.count - 1]
    return (ticks, labelLine.split(separator: " ").map(String.init), labelLine)
  }

  /// Whether `label` is a number without trailing zeros against a Korean duration unit.
  static func isKoreanTick(_ label: String) -> Bool {
    guard let unit = ["마이크로초", "나노초", "밀리초", "초"].first(where: label.hasSuffix) else {
      return false
    }
    let number = label.dropLast(unit.count)
    guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
    return !number.contains(".") || (number.last != "0" && number.last != ".")
  }

  @Test(
    "Korean axis: 밀리초 and 초, every tick labelled, within the width",
    arguments: [0.01, 0.1, 0.25, 3.0, 42.0], [60, 80, 100])
  func korean(seconds: Double, width: Int) {
    for unicode in [true, false] {
      let axis = Self.axis(
        Self.timeline(seconds: seconds), width: width, language: .ko,
        unicode: unicode)
      #expect(DisplayWidth.of(axis.line) <= width, "\(seconds) s at \(width): \(axis.line)")
      #expect(axis.labels.count == axis.ticks, "\(seconds) s at \(width): \(axis.line)")
      #expect(axis.labels.allSatisfy(Self.isKoreanTick), "\(seconds) s at \(width): \(axis.line)")
      #expect(!axis.line.contains(" ms") && !axis.line.contains(" s"), "\(axis.line)")
    }
  }

  @Test("English axis: ms and s as before")
  func english() {
    let axis = Self.axis(Self.timeline(seconds: 0.1), width: 80, language: .en)
    #expect(axis.labels.first == "0")
    #expect(axis.line.contains("0 s") && axis.line.contains("20 ms"), "\(axis.line)")
    #expect(!axis.line.contains("밀리초"))
    let seconds = Self.axis(Self.timeline(seconds: 3), width: 80, language: .en)
    #expect(seconds.line.contains("1 s") && !seconds.line.contains("1.00 s"), "\(seconds.line)")
  }

  @Test("Korean ticks drop trailing zeros: 2.5밀리초, 1초")
  func koreanTrailingZeros() {
    let short = Self.axis(Self.timeline(seconds: 0.01), width: 80, language: .ko)
    #expect(short.labels.contains("2.5밀리초") || short.labels.contains("2밀리초"), "\(short.line)")
    let long = Self.axis(Self.timeline(seconds: 3), width: 80, language: .ko)
    #expect(long.labels.contains("1초") && long.labels.first == "0초", "\(long.line)")
  }
}
