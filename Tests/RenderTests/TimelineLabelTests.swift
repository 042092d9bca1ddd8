import DemoContract
import Render
import Testing

/// Span labels in a timeline lane never run into each other: a short run followed by a zombie
/// once drew "rzombie" (the "r" of "run", cut, glued to the zombie's label).
@Suite("Timeline labels that never collide")
struct TimelineLabelTests {
  /// The words of a lane's track: what is between fill characters and the frame.
  static func words(_ line: Substring) -> [String] {
    let track = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().first ?? ""
    return track.split(whereSeparator: { $0 == "=" || $0 == " " }).map(String.init)
  }

  @Test(
    "a short run then a long zombie: each label whole or absent, never glued",
    arguments: [0.001, 0.012, 0.0125, 0.0375, 0.04, 0.05])
  func shortRunThenZombie(runEnd: Double) {
    let timeline = Timeline(
      lanes: [
        .init(
          label: "27913 python3",
          spans: [
            .init(start: 0, end: runEnd, label: "run"),
            .init(start: runEnd, end: 1, label: "zombie"),
          ])
      ], start: 0, end: 1)
    for width in [60, 80, 100] {
      let line = timeline.render(.plain(width: width)).split(separator: "\n")[0]
      let words = Self.words(line)
      #expect(words.allSatisfy { ["run", "zombie"].contains($0) }, "width \(width): \(line)")
      #expect(words.contains("zombie"), "width \(width): \(line)")
    }
  }

  @Test("two labels that exactly fill adjacent spans are kept apart by at least one column")
  func adjacentExactFit() {
    // 80 columns: label 5 wide + " |" leaves a track of 72; 3/72 of a second is "run" exactly.
    let timeline = Timeline(
      lanes: [
        .init(
          label: "lane1",
          spans: [
            .init(start: 0, end: 3.0 / 72, label: "run"),
            .init(start: 3.0 / 72, end: 9.0 / 72, label: "zombie"),
            .init(start: 9.0 / 72, end: 1, label: "run"),
          ])
      ], start: 0, end: 1)
    let line = timeline.render(.plain(width: 80)).split(separator: "\n")[0]
    let words = Self.words(line)
    #expect(
      words.allSatisfy { ["run", "zombie"].contains($0) }, "glued labels: \(line)")
  }
}
