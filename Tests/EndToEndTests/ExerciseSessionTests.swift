import Glibc
import OSKit
import Testing

/// Whether python3 is in PATH (the shipped exercises run it).
private let python3InPath: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/python3", X_OK) == 0 }
}()

/// An exercise as a student does it at the prompt: `exercise`, `check`, `watch`, `hint`,
/// `progress` (docs/exercises.md).
@Suite(
  "Exercises at the prompt", .serialized, .enabled(if: python3InPath, "python3 is not in PATH"))
struct ExerciseSessionTests {
  static let source: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/lessons/exercises/reap-three"
  }()

  static func put(_ file: String, into path: String) {
    let bytes = FileIO.readFile(file) ?? []
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    try? FileIO.writeAll(fd, bytes)
    close(fd)
  }

  @Test(
    "reap-three: the starter copied and failing, the solution passing, kept, watched, Ctrl-C")
  func reapThree() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "), "no prompt: \(session.screen)")
    let workspace = state.path + "/data/proclab/exercises/reap-three"

    session.type("exercise reap-three\n")
    #expect(session.expect("reap_three.py: copied from the starter"), "\(session.screen)")
    #expect(session.expect("Your files are in \(workspace)"))
    #expect(
      FileIO.readFile(workspace + "/reap_three.py")
        == FileIO.readFile(Self.source + "/starter/reap_three.py"))

    var mark = session.mark
    session.type("check\n")
    #expect(session.expect("checks failed.", after: mark, timeout: 60), "\(session.screen)")
    #expect(session.expect("Reread step reaping: How parents reap", after: mark))
    #expect(session.expect("checks failed.\nproclab › ", after: mark))
    #expect(session.screen.contains("✗ the parent and exactly three children"))

    mark = session.mark
    session.type("hint\n")
    #expect(session.expect("Hint 1 of 2:", after: mark), "\(session.screen)")

    Self.put(Self.source + "/solution/reap_three.py", into: workspace + "/reap_three.py")
    mark = session.mark
    session.type("check\n")
    #expect(
      session.expect("All 3 checks passed: reap-three is done.", after: mark, timeout: 60),
      "\(session.screen)")
    // What is typed while a check runs is dropped (as after a demo): wait for the prompt.
    #expect(session.expect("is done.\nproclab › ", after: mark))

    mark = session.mark
    session.type("exercise reap-three\n")
    #expect(session.expect("reap_three.py: kept as you edited it", after: mark))
    #expect(
      FileIO.readFile(workspace + "/reap_three.py")
        == FileIO.readFile(Self.source + "/solution/reap_three.py"))

    // watch: the first check passes; a save of the starter is checked again and fails.
    mark = session.mark
    session.type("watch\n")
    #expect(session.expect("All 3 checks passed", after: mark, timeout: 60), "\(session.screen)")
    mark = session.mark
    Self.put(Self.source + "/starter/reap_three.py", into: workspace + "/reap_three.py")
    #expect(
      session.expect("Saved: checking reap-three again.", after: mark, timeout: 30),
      "\(session.screen)")
    #expect(session.expect("checks failed.", after: mark, timeout: 60), "\(session.screen)")
    mark = session.mark
    session.type("\u{3}")
    #expect(session.expect("Stopped watching reap-three", after: mark, timeout: 10))
    #expect(session.expect("proclab › ", after: mark))
    #expect(leftoverDescendants(of: session.pid).isEmpty, "left running after watch")

    mark = session.mark
    session.type("progress\n")
    #expect(
      session.expect("Exercises passed: 1 of", after: mark)
        && session.screen.contains("(reap-three)"),
      "\(session.screen)")
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0))
  }

  @Test("Ctrl-C during a check stops it: its processes are killed and reaped, the prompt is back")
  func interruptedCheck() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "))
    session.type("exercise reap-three\n")
    #expect(session.expect("copied from the starter"))
    let workspace = state.path + "/data/proclab/exercises/reap-three"
    let program = "import os, time\nos.fork()\nprint('started', flush=True)\ntime.sleep(30)\n"
    let fd = open(workspace + "/reap_three.py", O_WRONLY | O_TRUNC | O_CLOEXEC)
    try FileIO.writeAll(fd, program)
    close(fd)
    var mark = session.mark
    session.type("check\n")
    // Both processes of the program run under the check once the REPL has two python3
    // descendants (a pyenv shim's own processes are bash, and ask one python3 at a time).
    func pythons() -> Int {
      leftoverDescendants(of: session.pid).filter { $0.command == "python3" && $0.state == "S" }
        .count
    }
    let deadline = now() + 30
    while pythons() < 2, now() < deadline { session.drain(0.1) }
    #expect(pythons() >= 2, "the program did not start: \(leftoverDescendants(of: session.pid))")
    session.type("\u{3}")
    #expect(
      session.expect("check stopped by Ctrl-C", after: mark, timeout: 10), "\(session.screen)")
    // The prompt after that line (a "proclab › " earlier is libedit redrawing the typed line).
    #expect(session.expect("check stopped by Ctrl-C", then: "proclab › ", after: mark))
    let left = leftoverDescendants(of: session.pid)
    #expect(left.isEmpty, "left running after Ctrl-C: \(left)")
    mark = session.mark
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0), "\(session.screen)")
  }

  @Test("exercise ids complete with Tab, and an unknown one is one line with the nearest id")
  func completionAndUnknown() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "))
    var mark = session.mark
    session.type("check reap-thre\t")
    #expect(session.expect("check reap-three", after: mark), "\(session.screen)")
    session.type("\u{15}")  // Ctrl-U: the line is not run
    mark = session.mark
    session.type("check reap-tree\n")
    #expect(
      session.expect("no exercise 'reap-tree' — did you mean 'reap-three'?", after: mark),
      "\(session.screen)")
    mark = session.mark
    session.type("hint\n")
    #expect(session.expect("hint is for a quiz question or an exercise", after: mark))
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0))
  }
}
