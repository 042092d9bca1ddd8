import Glibc
import OSKit
import Testing

/// Whether cc is in PATH (the C variants build with it).
private let ccInPath: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/cc", X_OK) == 0 }
}()

/// A C exercise as a student does it (docs/exercises.md, "C"): `exercise <id> c`, `check`
/// building first, a compile error as one failed check, `hint` giving the C hints, the list
/// and progress naming the language; and no compiler as one line.
@Suite("C exercises at the prompt", .serialized, .enabled(if: ccInPath, "cc is not in PATH"))
struct CExerciseSessionTests {
  static let source: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/lessons/exercises/reap-three/c"
  }()

  static func write(_ bytes: [UInt8], to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    try? FileIO.writeAll(fd, bytes)
    close(fd)
  }

  @Test("reap-three in C: starter copied to c/ and failing, a compile error, the C hint, a pass")
  func reapThreeInC() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "), "no prompt: \(session.screen)")
    let workspace = state.path + "/data/proclab/exercises/reap-three/c"

    var mark = session.mark
    session.type("exercise reap-three py\t")
    #expect(session.expect("exercise reap-three python", after: mark), "\(session.screen)")
    session.type("\u{15}")  // Ctrl-U: the line is not run

    mark = session.mark
    session.type("exercise reap-three c\n")
    #expect(
      session.expect("reap_three.c: copied from the starter", after: mark), "\(session.screen)")
    #expect(session.expect("Your files are in \(workspace)", after: mark))
    #expect(session.expect("In C: write the same program in reap_three.c.", after: mark))
    #expect(
      FileIO.readFile(workspace + "/reap_three.c")
        == FileIO.readFile(Self.source + "/starter/reap_three.c"))

    mark = session.mark
    session.type("check\n")
    #expect(session.expect("checks failed.", after: mark, timeout: 60), "\(session.screen)")
    // The prompt again before the next line is typed (what is typed while a check runs is dropped).
    #expect(session.expect("checks failed.\nproclab › ", after: mark), "\(session.screen)")
    #expect(session.screen.contains("check reap-three: ./reap_three"))
    #expect(session.screen.contains("built first with: cc -Wall -O2 -o reap_three reap_three.c"))
    #expect(session.screen.contains("✗ the parent and exactly three children"))

    Self.write(
      Array("int main(void) { return undeclared_name; }\n".utf8), to: workspace + "/reap_three.c")
    mark = session.mark
    session.type("check\n")
    #expect(
      session.expect("its 3 checks run once it does.", after: mark, timeout: 60),
      "\(session.screen)")
    #expect(session.expect("once it does.\nproclab › ", after: mark), "\(session.screen)")
    #expect(session.screen.contains("✗ it compiles"))
    #expect(session.screen.contains("the compiler exited with status 1:"))
    #expect(session.screen.contains("undeclared_name"))

    mark = session.mark
    session.type("hint\n")
    #expect(session.expect("Hint 1 of 2:", after: mark), "\(session.screen)")
    #expect(session.expect("_exit(0)", after: mark))

    Self.write(
      FileIO.readFile(Self.source + "/solution/reap_three.c") ?? [], to: workspace + "/reap_three.c"
    )
    mark = session.mark
    session.type("check\n")
    #expect(
      session.expect("All 3 checks passed: reap-three is done.", after: mark, timeout: 60),
      "\(session.screen)")
    #expect(session.expect("is done.\nproclab › ", after: mark))

    mark = session.mark
    session.type("exercise all\n")
    #expect(session.expect("exercise <id> starts one", after: mark), "\(session.screen)")
    let rows = session.screen.split(separator: "\n")
    let row = rows.first { $0.contains("reap-three") && $0.contains("Python, C") } ?? ""
    #expect(row.contains("✓ C"), "\(session.screen)")
    let python = rows.first { $0.contains("stop-flag") && $0.contains("Python") } ?? ""
    #expect(!python.isEmpty && !python.contains("Python, C"), "\(session.screen)")

    mark = session.mark
    session.type("exercise stop-flag c\n")
    #expect(
      session.expect("exercise stop-flag is done in Python only: it has no C variant", after: mark),
      "\(session.screen)")
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0))
  }

  @Test("no compiler in PATH: one line naming what to install, and exit 2")
  func noCompiler() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let opened = try runPiped(["exercise", "reap-three", "c"], input: "", state: state)
    #expect(opened.status == .exited(0), "\(opened.stdout) \(opened.stderr)")
    let bin = state.path + "/bin"
    mkdir(bin, 0o700)
    let environment =
      state.environment.filter { !$0.hasPrefix("PATH=") } + ["PATH=\(bin)"]
    let r = try runPipedEnvironment(
      environment, input: "", arguments: ["check", "reap-three", "c"])
    #expect(r.status == .exited(2), "\(r.stdout) \(r.stderr)")
    #expect(
      r.stdout.contains(
        "cc is not installed: install a C compiler (sudo apt install gcc), or do the exercise "
          + "in Python: exercise reap-three python"), "\(r.stdout)")
    #expect(!r.stdout.contains("✓"), "\(r.stdout)")
  }
}
