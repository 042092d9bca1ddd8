import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The installed share directory beside the build tree, the same lessons reached by several
/// paths, and questions with an error left out of the quiz (issue 17, "Lint and docs a teacher
/// can rely on").
@Suite("Lesson copies and left-out questions, end to end", .serialized)
struct LessonCopiesTests {
  /// `PREFIX/bin/proclab` and `PREFIX/share/proclab/lessons` as `make install PREFIX=…` lays
  /// them out: the binary under test hard-linked (so `/proc/self/exe` is the installed path),
  /// or copied, and the source tree's `lessons/` copied whole (`cp -R lessons/.`, as the
  /// Makefile does: lesson files, `python/`, `ko/` and the exercises' files).
  static func install(into prefix: String) throws -> String {
    let status = system(
      "mkdir -p '\(prefix)/bin' '\(prefix)/share/proclab/lessons' && "
        + "(ln '\(proclabBinary)' '\(prefix)/bin/proclab' 2>/dev/null || "
        + "cp '\(proclabBinary)' '\(prefix)/bin/proclab') && "
        + "cp -R '\(TestBinary.sourceRoot)'/lessons/. '\(prefix)/share/proclab/lessons/'")
    try #require(status == 0)
    return prefix + "/bin/proclab"
  }

  static func run(
    _ binary: String, _ arguments: [String], input: String = "", state: TempState
  ) throws -> (stdout: String, stderr: String, status: OSKit.ExitStatus) {
    let r = try CapturedRun.run(
      ["proclab"] + arguments, executable: binary, environment: state.environment,
      input: .text(input), timeout: 60, graceAfterTimeout: 10)
    return (r.stdoutText, r.stderrText, r.status)
  }

  @Test("the installed share directory and the build tree are one set of lessons, said once")
  func installedBesideBuildTree() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let installed = try Self.install(into: state.path + "/prefix")
    let share = state.path + "/prefix/share/proclab/lessons"

    // The installed binary finds its share directory and the tree it was built from.
    let all = try Self.run(installed, ["lint"], state: state)
    #expect(all.status == .exited(0), "\(all.stdout)\(all.stderr)")
    #expect(!all.stdout.contains("duplicate"), "\(all.stdout)")
    #expect(!all.stdout.contains("overrides"), "\(all.stdout)")
    let copyNotes = all.stdout.split(separator: "\n").filter {
      $0.contains("note: same lesson files as")
    }
    #expect(copyNotes.count == 1, "\(all.stdout)")
    #expect(
      copyNotes.first?.contains("as \(share), which is used instead") == true, "\(all.stdout)")

    // Linting the share directory itself, from either binary, overrides nothing.
    for binary in [installed, proclabBinary] {
      let one = try Self.run(binary, ["lint", share], state: state)
      #expect(one.status == .exited(0), "\(binary): \(one.stdout)\(one.stderr)")
      #expect(one.stdout.isEmpty, "\(binary): \(one.stdout)")
    }

    // The same directory through `..` and through a symbolic link is still one directory.
    let link = state.path + "/linked-lessons"
    try #require(symlink(share, link) == 0)
    let dotted = state.path + "/prefix/share/proclab/../proclab/lessons"
    let twice = try Self.run(
      proclabBinary, ["lint", "--lessons", dotted, "--lessons", link], state: state)
    #expect(twice.status == .exited(0), "\(twice.stdout)\(twice.stderr)")
    #expect(!twice.stdout.contains("duplicate"), "\(twice.stdout)")
    #expect(
      twice.stdout.split(separator: "\n").filter { $0.contains("same lesson files as") }.count
        == 1, "\(twice.stdout)")

    // And each lesson is listed once.
    let listed = try Self.run(installed, ["lessons"], state: state)
    #expect(listed.status == .exited(0))
    let ids = listed.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
    #expect(ids.count == Set(ids).count && ids.count >= 14, "\(listed.stdout)")
    #expect(listed.stderr.isEmpty, "\(listed.stderr)")
  }

  /// A lesson with one good question and three that lint finds an error in.
  static let brokenQuestions = """
    ---
    id: broken-questions
    title: Broken questions
    ---

    ## Start {#start}

    Text.

    ```quiz
    id: fine
    kind: truefalse
    ask: A child process has its own pid.
    answer: true
    ```

    ```quiz
    id: bad-demo
    kind: predict
    ask: Will the count be lost?
    demo: shm-rase processes=2
    check: metric none.final < metric none.expected
    ```

    ```quiz
    id: bad-pattern
    kind: text
    ask: Name it.
    answer: aa
    pattern: (a)\\1
    ```

    ```quiz
    id: bad-metric
    kind: predict
    ask: What exit status does the parent read?
    demo: zombie
    check: equals metric exit_code
    ```

    """

  static func writeLesson(in state: TempState) throws -> String {
    let dir = state.path + "/mine"
    mkdir(dir, 0o700)
    let fd = open(dir + "/broken.md", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, brokenQuestions)
    close(fd)
    return dir
  }

  static let leftOutIDs = ["bad-demo", "bad-pattern", "bad-metric"]

  @Test("a question lint finds an error in is left out of quiz --answers, said in one line")
  func leftOutOfAnswersFile() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.writeLesson(in: state)
    let lint = try runPiped(["lint", dir], input: "", state: state)
    #expect(lint.status == .exited(1))
    #expect(lint.stdout.contains("unknown demo 'shm-rase'; did you mean 'shm-race'?"))
    #expect(lint.stdout.contains("pattern of question 'bad-pattern' does not compile"))
    #expect(lint.stdout.contains("check rule reads metric 'exit_code'"))

    let r = try runPiped(
      ["quiz", "broken-questions", "--lessons", dir, "--answers", "-"], input: "fine: true\n",
      state: state)
    #expect(r.status == .exited(0), "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("score: 1/1"), "\(r.stdout)")
    let lines = r.stderr.split(separator: "\n")
    for id in Self.leftOutIDs {
      let mine = lines.filter { $0.contains("left out question '\(id)'") }
      #expect(mine.count == 1, "\(id): \(r.stderr)")
      #expect(!r.stdout.contains(id), "\(r.stdout)")
    }
    #expect(lines.contains { $0.contains("'bad-demo'") && $0.contains("unknown demo 'shm-rase'") })
    #expect(
      lines.contains { $0.contains("'bad-metric'") && $0.contains("metric 'exit_code'") },
      "\(r.stderr)")
  }

  @Test("the REPL's quiz leaves the same questions out, one line each, and asks the rest")
  func leftOutOfREPLQuiz() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.writeLesson(in: state)
    let r = try runPiped(
      ["--lessons", dir], input: "quiz broken-questions\ntrue\nquit\n", state: state)
    #expect(r.status == .exited(0), "\(r.stdout)\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    for id in Self.leftOutIDs {
      #expect(lines.filter { $0.contains("left out question '\(id)'") }.count == 1, "\(r.stdout)")
    }
    #expect(r.stdout.contains("1 question."), "\(r.stdout)")
    #expect(!r.stdout.contains("Will the count be lost?"), "\(r.stdout)")
  }
}
