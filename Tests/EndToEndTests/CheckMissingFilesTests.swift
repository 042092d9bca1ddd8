import Glibc
import OSKit
import Testing

/// `check` when the student's file is gone from the workspace: one line naming the file and
/// the command that copies the starter again, in the session's language.
@Suite("check with a file missing from the workspace", .serialized)
struct CheckMissingFilesTests {
  static func run(_ language: String) throws -> (status: OSKit.ExitStatus, text: String) {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let opened = try runPiped(
      ["--lang", language, "exercise", "child-pids"], input: "", state: state)
    #expect(opened.status == .exited(0), "\(opened.stdout) \(opened.stderr)")
    let file = state.path + "/data/proclab/exercises/child-pids/child_pids.py"
    #expect(unlink(file) == 0, "the starter was not at \(file)")
    let r = try runPiped(["--lang", language], input: "check child-pids\nquit\n", state: state)
    return (r.status, r.stdout + r.stderr)
  }

  @Test("in English: the file and 'exercise child-pids' named")
  func english() throws {
    let (status, text) = try Self.run("en")
    #expect(status == .exited(0), "\(text)")
    #expect(
      text.contains("child_pids.py not in the workspace: type 'exercise child-pids' to copy"),
      "\(text)")
  }

  @Test("in Korean: the same line in Korean, no English sentence")
  func korean() throws {
    let (status, text) = try Self.run("ko")
    #expect(status == .exited(0), "\(text)")
    #expect(text.contains("작업 폴더에 child_pids.py이(가) 없습니다"), "\(text)")
    #expect(KoreanCommandSweepTests.english(in: text).isEmpty, "\(text)")
  }
}
