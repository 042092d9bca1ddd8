import Glibc
import OSKit
import Testing

/// Two small lessons for the record's tests, in a directory of the test's state.
///
/// `record-a`: a choice whose feedback for `a` gives the answer away, a true/false, and a
/// prediction whose demo cannot run (`sync=bogus`). `record-b`: a choice, then a prediction
/// whose demo runs long enough to be stopped with Ctrl-C.
func writeRecordLessons(_ state: TempState) throws -> String {
  let dir = state.path + "/lessons"
  mkdir(dir, 0o700)
  let a = """
    ---
    id: record-a
    title: Record A
    ---

    ## The only step {#only}

    Three questions.

    ```quiz
    id: pick
    kind: choice
    ask: How many?
    choices:
      a) one
      b) two
      c) three
    answer: b
    explain: It is two.
    feedback a: Not one: the answer is two.
    feedback c: Too many.
    ```

    ```quiz
    id: tf
    kind: truefalse
    ask: Is it true?
    answer: false
    explain: It is false.
    feedback true: Think again.
    ```

    ```quiz
    id: broken
    kind: predict
    ask: Will nothing be lost? Answer true or false.
    demo: shm-race sync=bogus
    check: metric semaphore.lost == 0
    ```
    """
  let b = """
    ---
    id: record-b
    title: Record B
    ---

    ## The only step {#only}

    Two questions.

    ```quiz
    id: warm
    kind: choice
    ask: Which letter comes first?
    choices:
      a) a
      b) b
    answer: a
    ```

    ```quiz
    id: slow
    kind: predict
    ask: Will nothing be lost? Answer true or false.
    demo: shm-race processes=2 increments=50000000 sync=semaphore
    check: metric semaphore.lost == 0
    ```
    """
  for (name, text) in [("a.md", a), ("b.md", b)] {
    let fd = open(dir + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, text + "\n")
    close(fd)
  }
  return dir
}

/// What `progress.json` holds now, as text ("" when there is none).
func savedProgressText(_ state: TempState) -> String {
  let path = state.path + "/proclab/progress.json"
  guard let bytes = try? FileIO.readRegular(path, limit: 1 << 20) else { return "" }
  return String(decoding: bytes, as: UTF8.self)
}

extension PTYSession {
  /// Types `line` and Enter once the answer prompt is on the screen after `mark`.
  func answer(_ line: String, after mark: Int) {
    expect("answer › ", after: mark)
    type(line + "\r")
  }

  /// Waits until a demo's runner is a child of ProcLab (it has descendants), then a moment.
  func waitForDemo() -> Bool {
    let deadline = now() + 20
    while now() < deadline {
      drain(0.05)
      if leftoverDescendants(of: pid).count >= 2 {
        drain(0.3)
        return true
      }
    }
    return false
  }
}

@Suite("What quizzes record, typed as a student would", .serialized)
struct RecordTests {
  @Test("Ctrl-C during a prediction's demo: no attempt, no miss, no box, not on review")
  func interruptedPredictionIsNotCounted() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var m = s.mark
    s.type("quiz record-b\r")
    s.answer("a", after: m)
    #expect(s.expect("question 2 of 2", after: m))
    m = s.mark
    s.answer("true", after: m)
    #expect(s.waitForDemo(), "the demo did not start: \(s.screen)")
    s.type("\u{03}")
    #expect(s.expect("not counted", after: m, timeout: 20))
    #expect(s.expect("proclab › ", after: m, timeout: 20))
    let summary = plainText(Array(s.output[m...]))
    #expect(summary.contains("1 of 1 right on the first try"), "\(summary)")
    #expect(!summary.contains("To review"), "\(summary)")
    #expect(!summary.contains("Everything right the first time"), "\(summary)")
    #expect(!savedProgressText(state).contains("record-b/slow"), "\(savedProgressText(state))")
    m = s.mark
    s.type("review\r")
    #expect(s.expect("Nothing to review", after: m))
  }

  @Test("a quiz left after one question is recorded as left early and never becomes a score")
  func leftEarlyIsNotAScore() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var m = s.mark
    s.type("quiz record-a\r")
    s.answer("b", after: m)
    #expect(s.expect("question 2 of 3", after: m))
    m = s.mark
    s.answer("quit", after: m)
    #expect(s.expect("proclab › ", after: m))
    let summary = plainText(Array(s.output[m...]))
    #expect(summary.contains("left early: 1 of 3 questions asked"), "\(summary)")
    #expect(!summary.contains("Everything right the first time"), "\(summary)")
    m = s.mark
    s.type("lessons\r")
    #expect(s.expect("open <number>", after: m))
    let listed = plainText(Array(s.output[m...]))
    #expect(!listed.contains("1/1"), "a left-early quiz shows as a score: \(listed)")
    m = s.mark
    s.type("progress\r")
    #expect(s.expect("Your progress", after: m))
    s.drain(0.3)
    let progress = plainText(Array(s.output[m...]))
    #expect(!progress.contains("1/1"), "a left-early quiz shows as a score: \(progress)")
  }

  @Test("Ctrl-C at answer › clears the line; Ctrl-C on an empty line leaves the quiz")
  func ctrlCAtTheAnswerPrompt() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var m = s.mark
    s.type("quiz record-a\r")
    #expect(s.expect("Ctrl-C on an empty answer line", after: m), "the banner does not say it")
    #expect(s.expect("answer › ", after: m))
    m = s.mark
    s.type("zzz")
    s.drain(0.3)
    s.type("\u{03}")
    #expect(s.expect("answer › ", after: m))
    m = s.mark
    s.type("b\r")
    #expect(s.expect("Right.", after: m), "the quiz did not go on: \(s.screen)")
    #expect(!s.screen.contains("zzz("), "a message glued to the typed text: \(s.screen)")
    #expect(s.expect("question 2 of 3", after: m))
    #expect(s.expect("answer › ", after: m))
    m = s.mark
    s.type("\u{03}")
    #expect(s.expect("left early: 1 of 3 questions asked", after: m), "\(s.screen)")
    #expect(s.expect("proclab › ", after: m))
  }

  @Test("a question whose demo cannot run is not graded: out of the total and of review")
  func ungradedIsNotAMiss() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var m = s.mark
    s.type("quiz record-a\r")
    s.answer("b", after: m)
    #expect(s.expect("question 2 of 3", after: m))
    m = s.mark
    s.answer("false", after: m)
    #expect(s.expect("question 3 of 3", after: m))
    m = s.mark
    s.answer("true", after: m)
    #expect(s.expect("not graded: ", after: m))
    #expect(s.expect("proclab › ", after: m))
    let summary = plainText(Array(s.output[m...]))
    #expect(summary.contains("2 of 2 right on the first try"), "\(summary)")
    #expect(!summary.contains("To review"), "\(summary)")
    #expect(!savedProgressText(state).contains("record-a/broken"))
  }

  @Test("true/false gets one try; feedback that gives the answer away waits for the last try")
  func noCertainRetries() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    var m = s.mark
    s.type("quiz record-a\r")
    s.answer("a", after: m)
    #expect(s.expect("Try again", after: m))
    var shown = plainText(Array(s.output[m...]))
    #expect(!shown.contains("the answer is two"), "the feedback gave the answer away: \(shown)")
    m = s.mark
    s.answer("c", after: m)
    #expect(s.expect("question 2 of 3", after: m))
    shown = plainText(Array(s.output[m...]))
    #expect(shown.contains("Too many."), "\(shown)")
    #expect(shown.contains("the answer is two"), "held-back feedback never shown: \(shown)")
    m = s.mark
    s.answer("true", after: m)
    #expect(s.expect("question 3 of 3", after: m))
    shown = plainText(Array(s.output[m...]))
    #expect(!shown.contains("Try again"), "a true/false question offered a retry: \(shown)")
    #expect(shown.contains("The answer: false"), "\(shown)")
  }
}

@Suite("The record's exports of an untrusted file")
struct RecordExportSafetyTests {
  @Test("progress --csv shows a control character of a planted question id, never sends it")
  func csvEscapesIDs() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = state.path + "/proclab"
    mkdir(dir, 0o700)
    let text = """
      {"lessons":{},"questions":{"processes/x\\u001b]52;c;aGk=\\u0007":{"attempts":1,"box":2,\
      "correctFirstTry":1,"lastAsked":1,"lastCorrect":true}},"quizzes":[],"version":1}
      """
    let fd = open(dir + "/progress.json", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, text)
    close(fd)
    let csv = try runPiped(["progress", "--csv"], input: "", state: state)
    #expect(csv.status == .exited(0), "\(csv.stderr)")
    #expect(!csv.stdout.contains("\u{1B}"), "an escape sequence reached the terminal")
    #expect(csv.stdout.contains("processes,x^["), "\(csv.stdout)")
  }
}
