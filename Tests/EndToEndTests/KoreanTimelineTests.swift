import Render
import Testing

/// A demo's timelines drawn in Korean: the time axis in 밀리초 and 초, as the notes write them;
/// in English in ms and s.
@Suite(.serialized) struct KoreanTimelineTests {
  /// The label lines under each timeline's axis: the line after its `└…┘` or `+…+` frame,
  /// which is indented by the lanes' labels (a table's border starts at the margin).
  static func axisLabels(_ output: String) -> [String] {
    let lines = plainText(Array(output.utf8)).split(
      separator: "\n", omittingEmptySubsequences: false)
    return lines.indices.dropLast().compactMap { i in
      let frame = lines[i].trimmingPrefix(while: { $0 == " " })
      guard lines[i].hasPrefix(" "), frame.hasPrefix("└") || frame.hasPrefix("+") else {
        return nil
      }
      return String(lines[i + 1])
    }
  }

  @Test("parallel's timelines: Korean units in Korean, English units in English")
  func parallelAxis() throws {
    var state = TempState()
    state.extraEnvironment = ["COLUMNS=80"]
    defer { state.cleanUp() }
    let arguments = ["run", "parallel", "work=0.05", "zoom=0.01"]
    let ko = try runPiped(["--lang", "ko"] + arguments, input: "", state: state)
    #expect(ko.status == .exited(0), "\(ko.stderr)")
    let korean = Self.axisLabels(ko.stdout)
    #expect(!korean.isEmpty, "no timeline axis in: \(ko.stdout)")
    for line in korean {
      #expect(line.contains("밀리초") || line.contains("초"), "\(line)")
      #expect(!line.contains(" ms") && !line.contains(" s ") && !line.hasSuffix(" s"), "\(line)")
      #expect(DisplayWidth.of(line) <= 80, "\(line)")
    }
    let en = try runPiped(["--lang", "en"] + arguments, input: "", state: state)
    let english = Self.axisLabels(en.stdout)
    #expect(!english.isEmpty && english.allSatisfy { $0.contains(" ms") || $0.contains(" s") })
    #expect(!english.contains { $0.contains("초") })
  }
}
