import Glibc
import OSKit
import Testing

/// Whether cc is in PATH (the C variants build with it).
private let ccInPath: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/cc", X_OK) == 0 }
}()

/// `watch` of a C variant (docs/exercises.md, "Commands"): every save of the C file builds the
/// program again before it is checked, and the program the build writes is no save.
@Suite("watch of a C exercise", .serialized, .enabled(if: ccInPath, "cc is not in PATH"))
struct CExerciseWatchTests {
  static let source: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/lessons/exercises/dup2-redirect/c"
  }()

  @Test("dup2-redirect in C: the starter fails, a save of the solution is rebuilt and passes")
  func rebuildsOnSave() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "), "no prompt: \(session.screen)")
    let workspace = state.path + "/data/proclab/exercises/dup2-redirect/c"
    session.type("exercise dup2-redirect c\n")
    #expect(session.expect("dup2_redirect.c: copied from the starter"), "\(session.screen)")

    var mark = session.mark
    session.type("watch\n")
    #expect(session.expect("checks failed.", after: mark, timeout: 60), "\(session.screen)")
    let firstBuild = try #require(modified(workspace + "/dup2_redirect"), "no program built")
    // Nothing else happens until a save: the build's own program is no save.
    session.drain(1.5)
    #expect(!plainText(Array(session.output[mark...])).contains("Saved: checking"))

    mark = session.mark
    let solution = try #require(FileIO.readFile(Self.source + "/solution/dup2_redirect.c"))
    let fd = open(workspace + "/dup2_redirect.c", O_WRONLY | O_TRUNC | O_CLOEXEC)
    try FileIO.writeAll(fd, solution)
    close(fd)
    #expect(
      session.expect("Saved: checking dup2-redirect again.", after: mark, timeout: 30),
      "\(session.screen)")
    #expect(
      session.expect("All 5 checks passed: dup2-redirect is done.", after: mark, timeout: 60),
      "\(session.screen)")
    let secondBuild = try #require(modified(workspace + "/dup2_redirect"), "no program built")
    #expect(secondBuild != firstBuild, "the program was not built again")
    #expect(!plainText(Array(session.output[mark...])).contains("✗"), "\(session.screen)")

    mark = session.mark
    session.type("\u{3}")
    #expect(
      session.expect("Stopped watching dup2-redirect", then: "proclab › ", after: mark),
      "\(session.screen)")
    #expect(leftoverDescendants(of: session.pid).isEmpty, "left running after watch")
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0), "\(session.screen)")
  }

  /// A file's inode and modification time, nil when it is not there.
  func modified(_ path: String) -> [Int]? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return [Int(st.st_ino), st.st_mtim.tv_sec, st.st_mtim.tv_nsec]
  }
}
