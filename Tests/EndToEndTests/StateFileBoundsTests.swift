import Glibc
import OSKit
import Quiz
import Testing

/// History and progress stay bounded and whole: two sessions keep each other's history, an
/// absurd history line does not survive, a full disk cuts nothing, absurd numbers do not trap,
/// and an answers file is read to its end.
@Suite("State files: bounded, whole, merged", .serialized)
struct StateFileBoundsTests {
  /// Types `line` and waits for the next prompt.
  func enter(_ line: String, in s: PTYSession) {
    let m = s.mark
    s.type(line + "\r")
    #expect(s.expect("proclab › ", after: m), "no prompt after \(line): \(s.screen)")
  }

  @Test("two REPLs at once: the history file keeps the commands of both")
  func twoSessionsMergeHistory() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let a = try PTYSession(state: state)
    defer { a.close() }
    #expect(a.expect("proclab › "))
    let b = try PTYSession(state: state)
    defer { b.close() }
    #expect(b.expect("proclab › "))
    enter("lessons", in: a)
    enter("demos", in: b)
    a.type("quit\r")
    #expect(a.waitForExit() == .exited(0))
    b.type("quit\r")
    #expect(b.waitForExit() == .exited(0))
    let history = contentsOf(dir + "/history") ?? ""
    #expect(history.contains("lessons"), "the first session's command was lost: \(history)")
    #expect(history.contains("demos"), "the second session's command was lost: \(history)")
  }

  @Test("an 8 MB one-line history: the REPL starts, and the file is bounded after it saves")
  func hugeHistoryLine() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    plantFile(dir + "/history", "_HiStOrY_V2_\n" + String(repeating: "x", count: 8 << 20) + "\n")
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › ", timeout: 30))
    enter("demos", in: s)
    s.type("quit\r")
    #expect(s.waitForExit(timeout: 30) == .exited(0))
    let size = fileStatus(dir + "/history").map { Int($0.st_size) } ?? -1
    #expect(size >= 0 && size < 1 << 20, "the history file is \(size) bytes")
    #expect(contentsOf(dir + "/history")?.contains("demos") == true)
  }

  /// `sh -c` arguments that run proclab with SIGXFSZ ignored and files limited to `bytes`, so
  /// that a write past the limit fails with EFBIG as it would with ENOSPC on a full disk.
  func fullDisk(_ bytes: Int, _ arguments: [String] = []) -> [String] {
    [
      "-c", "trap '' XFSZ; exec /usr/bin/prlimit --fsize=\(bytes) \"$0\" \"$@\"", proclabBinary,
    ] + arguments
  }

  @Test(
    "history on a full disk: the old file is left whole, never cut mid-line",
    .enabled(if: access("/usr/bin/prlimit", X_OK) == 0))
  func historyFullDisk() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let old = "_HiStOrY_V2_\n" + (0..<100).map { "run\\040ids\\040n=\($0)\n" }.joined()
    plantFile(dir + "/history", old)
    let s = try PTYSession(arguments: fullDisk(512), state: state, binary: "/bin/sh")
    defer { s.close() }
    #expect(s.expect("proclab › "))
    enter("lessons", in: s)
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
    #expect(contentsOf(dir + "/history") == old, "the history file was cut")
  }

  @Test(
    "progress on a full disk: the old file is left whole and readable",
    .enabled(if: access("/usr/bin/prlimit", X_OK) == 0))
  func progressFullDisk() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let padding = (0..<40).map {
      "\"x/q\($0)\":{\"attempts\":1,\"box\":2,\"correctFirstTry\":1,\"lastAsked\":1,\"lastCorrect\":true}"
    }.joined(separator: ",")
    let old = savedProgress.replacing("\"questions\":{}", with: "\"questions\":{\(padding)}")
    plantFile(dir + "/progress.json", old)
    let r = try runPipedEnvironment(
      state.environment, input: "open processes\nnext\nquit\n",
      arguments: ["/bin/sh"] + fullDisk(1024), direct: true)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(contentsOf(dir + "/progress.json") == old, "the old progress was changed")
    #expect((r.stdout + r.stderr).contains("could not save progress"), "\(r.stdout)\(r.stderr)")
  }

  @Test("ten REPLs at once, each in its own lesson: every one's progress is kept")
  func tenREPLs() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)
    defer { FileIO.closeQuietly(devnull) }
    var children: [ChildProcess] = []
    for n in 1...10 {
      let input = try PipeEnds()
      children.append(
        try ChildProcess.spawn(
          proclabBinary, arguments: ["proclab"], stdin: input.read, stdout: devnull,
          stderr: devnull, environment: state.environment))
      FileIO.closeQuietly(input.read)
      try FileIO.writeAll(input.write, "open \(n)\nquit\n")
      FileIO.closeQuietly(input.write)
    }
    for child in children {
      #expect(child.wait(timeout: 60) == .exited(0))
    }
    let store = ProgressStore(directory: dir)
    #expect(store.notices.isEmpty, "\(store.notices)")
    #expect(store.progress.lessons.count == 10, "lost: \(store.progress.lessons.keys.sorted())")
  }

  @Test("progress --csv and progress with absurd but valid numbers: rows, not a trap")
  func absurdNumbers() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    plantFile(
      dir + "/progress.json",
      """
      {"lessons":{"processes":{"finished":false,"step":"ids","stepIndex":9223372036854775807,\
      "updated":1e300}},"questions":{"processes/program-or-process":{"attempts":\
      9223372036854775807,"box":9223372036854775807,"correctFirstTry":-5,"lastAsked":1e19,\
      "lastCorrect":true},"processes/child-ppid":{"attempts":1,"box":1,"correctFirstTry":0,\
      "lastAsked":-1e300,"lastCorrect":false}},"quizzes":[],"version":1}
      """)
    let csv = try runPiped(["progress", "--csv"], input: "", state: state)
    #expect(csv.status == .exited(0), "\(csv.stderr)")
    #expect(csv.stdout.contains("processes,program-or-process,"), "\(csv.stdout)")
    #expect(csv.stdout.contains("processes,child-ppid,"), "\(csv.stdout)")
    let summary = try runPiped(["progress"], input: "", state: state)
    #expect(summary.status == .exited(0), "\(summary.stderr)")
    #expect(summary.stdout.contains("processes"), "\(summary.stdout)")
    let listed = try runPiped(["lessons"], input: "", state: state)
    #expect(listed.status == .exited(0), "\(listed.stderr)")
    let resumed = try runPiped([], input: "open processes\nquiz\nb\nquit\n", state: state)
    #expect(resumed.status == .exited(0), "\(resumed.stderr)")
    #expect(resumed.stdout.contains("Processes"), "\(resumed.stdout)")
  }

  @Test("an answers file over a MiB is read to its end")
  func answersPastFirstMiB() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = state.path + "/answers.txt"
    let filler = String(
      repeating: "# a comment line of filler text, sixty-four bytes long....\n", count: 20_000)
    plantFile(path, filler + "program-or-process: b\n")
    let r = try runPiped(
      ["quiz", "processes", "--answers", path, "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("\"status\" : \"correct\""), "the last answer was ignored")
  }

  @Test("an answers file past the bound: one line says so, nothing is graded")
  func answersTooLarge() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = state.path + "/answers.txt"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    ftruncate(fd, 100 << 20)
    close(fd)
    let r = try runPiped(
      ["quiz", "processes", "--answers", path, "--json"], input: "", state: state)
    #expect(r.status == .exited(2))
    #expect(r.stderr.contains("larger than"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}
