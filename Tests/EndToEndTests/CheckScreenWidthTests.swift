import Glibc
import OSKit
import Testing

/// A failed `check` in Korean at 80 columns: every line fits, the step to reread included
/// (a long step title wrapped between words, not cut at the terminal's edge).
@Suite("check's screen at 80 columns", .serialized)
struct CheckScreenWidthTests {
  @Test("sigchld-reaper's starter in Korean: no line over 80 columns")
  func koreanStarterFits() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data", "COLUMNS=80"]
    defer { state.cleanUp() }
    let r = try runPiped(
      ["--lang", "ko"], input: "exercise sigchld-reaper\ncheck\nquit\n", state: state,
      timeout: 90)
    #expect(r.status == .exited(0), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains("단계를 다시 읽으십시오"), "no step to reread: \(r.stdout)")
    // From check's heading on (`exercise` names the workspace, whose path here is a long
    // temporary one).
    let check = try #require(r.stdout.firstRange(of: "검사 sigchld-reaper"), "\(r.stdout)")
    let wide = KoreanCommandSweepTests.wide(Array(r.stdout[check.lowerBound...].utf8), columns: 80)
    #expect(wide.isEmpty, "\(wide)")
  }
}
