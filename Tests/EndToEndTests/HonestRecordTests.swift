import Classroom
import FoundationEssentials
import Glibc
import OSKit
import Testing

/// A lesson with a question for every verdict an interactive quiz records, and predictions
/// whose honest reports carry figures near their units' edges (uid 0 under root, CPython's
/// exitcode −15 of a Process killed by SIGTERM).
let honestLesson = """
  ---
  id: honest
  title: Honest
  ---

  ## The only step {#only}

  Every verdict.

  ```quiz
  id: first
  kind: choice
  ask: How many?
  choices:
    a) one
    b) two
  answer: b
  ```

  ```quiz
  id: retry
  kind: choice
  ask: How many again?
  choices:
    a) one
    b) two
    c) three
  answer: c
  ```

  ```quiz
  id: tf
  kind: truefalse
  ask: Is it true?
  answer: true
  ```

  ```quiz
  id: skipped
  kind: number
  ask: How many CPUs?
  answer: 4
  ```

  ```quiz
  id: child-uid
  kind: predict
  ask: Which uid will the child report?
  demo: ids python=off
  check: equals metric uid
  ```

  ```quiz
  id: wrong-uid
  kind: predict
  ask: Which uid will the child report this time?
  demo: ids python=off
  check: equals metric uid
  ```

  ```quiz
  id: undecided
  kind: predict
  ask: Which uid will CPython's child report?
  demo: ids python=off
  check: equals metric python.uid
  ```

  ```quiz
  id: terminated
  kind: predict
  ask: What exitcode will the terminated Process have?
  demo: spawn what=thread runs=1 target=0.005
  check: equals metric python.terminate_exitcode
  ```

  """

/// The grader never flags what the REPL honestly recorded: real quizzes answered on piped
/// standard input (every verdict), submitted, graded by the real `proclab grade`.
@Suite("honest REPL records grade unflagged", .serialized)
struct HonestRecordTests {
  @Test("every verdict, recorded by a real quiz and submitted: re-graded the same, no flag")
  func everyVerdictUnflagged() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    try writeText(lessons + "/honest.md", honestLesson)
    #expect(
      try runPiped(["whoami", "set", "김민지", "--id", "2026123"], input: "", state: state).status
        == .exited(0))
    // first right; retry wrong then right; tf wrong; skipped; child-uid right; wrong-uid
    // wrong; undecided not graded (python=off: no CPython uid); terminated right (−15).
    let answers = ["b", "a", "c", "false", "skip", "\(getuid())", "99999", "5", "-15"]
    let quiz = try runPiped(
      ["--lessons", lessons],
      input: "quiz honest\n" + answers.joined(separator: "\n") + "\nquit\n", state: state,
      timeout: 120)
    #expect(quiz.status == .exited(0), "\(quiz.stderr)")
    let file = state.path + "/result.json"
    let submit = try runPiped(["submit", "-o", file], input: "", state: state)
    #expect(submit.status == .exited(0), "\(submit.stderr)")
    let r = try runPiped(["grade", file, "--lessons", lessons, "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let report = try JSONDecoder().decode(ClassReport.self, from: Data(r.stdout.utf8))
    let student = try #require(report.students.first)
    #expect(student.flags == [], "\(student.flags.map(\.message))")
    let verdicts = Dictionary(
      uniqueKeysWithValues: student.questions.map { ($0.question, $0.verdict) })
    #expect(verdicts["first"] == .rightFirstTry)
    #expect(verdicts["retry"] == .rightOnRetry)
    #expect(verdicts["tf"] == .wrong)
    #expect(verdicts["skipped"] == .skipped)
    #expect(verdicts["child-uid"] == .rightFirstTry)
    #expect(verdicts["wrong-uid"] == .wrong)
    #expect(verdicts["undecided"] == .notGraded)
    #expect(verdicts["terminated"] == (pythonOnPath() ? .rightFirstTry : .notGraded))
    // Only first tries earn: first, child-uid and (with CPython) terminated.
    #expect(student.score == (pythonOnPath() ? 3 : 2))
    #expect(student.questions.first { $0.question == "retry" }?.tries == 2)
  }
}
