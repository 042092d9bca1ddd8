import Glibc
import OSKit
import Testing

/// `proclab lint DIR` on a teacher's own lessons, beside the built-in ones.
@Suite("Lint of a teacher's directory, end to end", .serialized)
struct LintBuiltInTests {
  @Test("requires: resolves against the built-in lessons; a built-in id is overridden with a note")
  func teacherDirectory() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = state.path + "/mine"
    mkdir(dir, 0o700)
    let text = """
      ---
      id: threads
      title: My threads
      requires: [processes]
      ---

      ## Start

      Text.

      """
    let fd = open(dir + "/01-threads.md", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, text)
    close(fd)
    let r = try runPiped(["lint", dir], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stdout)\(r.stderr)")
    #expect(!r.stdout.contains("unknown lesson"), "\(r.stdout)")
    let notes = r.stdout.split(separator: "\n")
    #expect(notes.count == 1, "\(r.stdout)")
    #expect(
      notes.first?.contains("01-threads.md:") == true
        && notes.first?.contains("note: overrides the lesson 'threads' in ") == true,
      "\(r.stdout)")
  }

  @Test("a misspelt requires: is still an error, with the built-in ids to suggest")
  func unknownRequirement() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = state.path + "/mine"
    mkdir(dir, 0o700)
    let fd = open(dir + "/mine.md", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(
      fd, "---\nid: mine\ntitle: Mine\nrequires: [procesess]\n---\n\n## Start\n\nText.\n")
    close(fd)
    let r = try runPiped(["lint", dir], input: "", state: state)
    #expect(r.status == .exited(1))
    #expect(r.stdout.contains("requires unknown lesson 'procesess'; did you mean 'processes'?"))
  }
}
