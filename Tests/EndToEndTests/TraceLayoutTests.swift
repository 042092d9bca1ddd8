import Glibc
import OSKit
import ProcLabTestSupport
import Render
import Testing

/// `proclab trace` on a narrow terminal, in English and in Korean: the Pool(3) × 10 tutorial
/// program's tables, tree and timeline at 80 and 100 columns, every cell whole (no "..." where
/// a cell was cut) and no line wider than the terminal (Hangul counts two columns).
@Suite("proclab trace at 80 and 100 columns", .serialized)
struct TraceLayoutTests {
  static let pool = TestBinary.sourceRoot + "/lessons/python/gil-tutorial/pool_map_schedule.py"

  /// The text `proclab trace` prints on a pipe `width` columns wide.
  func screen(language: String, width: Int) throws -> CapturedRun {
    let state = TempState()
    defer { state.cleanUp() }
    return try CapturedRun.run(
      [
        proclabBinary, "--lang", language, "trace", "--", "/usr/bin/python3", Self.pool,
        "--seconds", "0.05",
      ],
      environment: state.environment.filter { !$0.hasPrefix("COLUMNS=") } + ["COLUMNS=\(width)"],
      timeout: 60)
  }

  @Test(
    "the Pool(3) × 10 program traced: nothing cut, nothing over the width",
    arguments: [("en", 80), ("en", 100), ("ko", 80), ("ko", 100)])
  func poolFits(language: String, width: Int) throws {
    try #require(TraceTests.hasPython, "no python3 on this machine")
    let r = try screen(language: language, width: width)
    #expect(r.status == .exited(0), "\(r.stderrText)")
    let lines = r.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 30, "\(r.stdoutText)")
    for line in lines {
      let text = String(line)
      #expect(DisplayWidth.of(text) <= width, "over \(width) columns: \(text)")
      #expect(!text.contains("...") && !text.contains("…"), "a cut cell or label: \(text)")
    }
    // The script's name is whole somewhere (the tree), on one line.
    #expect(lines.contains { $0.contains("pool_map_schedule.py") }, "\(r.stdoutText)")
  }

  @Test("identical pipes are one row: Pool(3)'s 10 pipes take fewer than 10 rows")
  func pipesGrouped() throws {
    try #require(TraceTests.hasPython, "no python3 on this machine")
    let r = try screen(language: "en", width: 100)
    let text = r.stdoutText
    let lines = text.split(separator: "\n")
    let start = try #require(lines.firstIndex(of: "pipes and sockets"), "\(text)")
    let section = lines[(start + 1)...].prefix { $0.hasPrefix("+") || $0.hasPrefix("|") }
    let rows = section.filter { $0.hasPrefix("| pipe") }
    #expect(!rows.isEmpty && rows.count < 10, "\(section.joined(separator: "\n"))")
    #expect(rows.contains { $0.contains("×") || $0.contains(" x") }, "a group says how many")
  }
}
