import Glibc
import OSKit
import Testing

@Suite("Quiz mode, end to end", .serialized)
struct QuizFlowTests {
  @Test(
    "a quiz under a pseudo-terminal: hint, a wrong try, a retry, a live prediction, skip, summary")
  func quizFlow() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("quiz processes\r")
    #expect(s.expect("question 1 of"))
    #expect(s.expect("answer › "))
    var m = s.mark
    s.type("hint\r")
    #expect(s.expect("hint 1/", after: m))
    m = s.mark
    s.type("a\r")
    #expect(s.expect("Not quite.", after: m))
    #expect(s.expect("Try again", after: m))
    m = s.mark
    s.type("b\r")
    #expect(s.expect("Right.", after: m))
    #expect(s.expect("question 2 of", after: m))
    // Question 2 is a prediction: the ids demo runs live to grade it.
    m = s.mark
    s.type("true\r")
    #expect(s.expect("Your prediction against the live run", after: m, timeout: 15))
    #expect(s.expect("right", after: m))
    m = s.mark
    s.type("skip\r")
    #expect(s.expect("skipped", after: m))
    m = s.mark
    s.type("quit\r")
    #expect(s.expect("right on the first try", after: m))
    // Left after three questions: kept as left early, never the lesson's score.
    #expect(s.expect("left early: 3 of ", after: m))
    #expect(s.expect("To review:", after: m))
    // Each question to review says how to open the step that teaches it.
    #expect(s.expect("(open processes ", after: m))
    m = s.mark
    s.type("progress\r")
    #expect(s.expect("Your progress", after: m))
    s.drain(0.3)
    // The first try of the retried question was wrong, the prediction's right, the skipped
    // question's a miss: one right first time; no complete quiz, so no best score.
    let row = plainText(Array(s.output[m...])).split(separator: "\n").first {
      $0.contains(" processes ")
    }
    #expect(row?.contains(" 1/") == true, "right first time is not 1: \(row ?? "no row")")
    #expect(row?.contains("—") == true, "a left-early quiz shows as a score: \(row ?? "no row")")
  }

  @Test("skipping a prediction names no raw metric path: a live run decides it, and none ran")
  func skippedPredictionNamesNoPath() throws {
    let state = TempState()
    defer { state.cleanUp() }
    // gil's first question is `usable-cpus`, a prediction checked by `equals metric usable_cpus`.
    let r = try runPiped(["quiz", "gil"], input: "skip\nquit\n", state: state)
    #expect(r.stdout.contains("skipped"))
    #expect(!r.stdout.contains("usable_cpus"), "a raw metric path reached the student")
    #expect(!r.stdout.contains("equals metric"), "a check rule's text reached the student")
    #expect(r.stdout.contains("cpu-scaling"))
  }

  @Test("--answers FILE --json grades without a terminal, predictions included")
  func autograde() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = state.path + "/answers.txt"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, "program-or-process: b\nchild-ppid: true\ncd-in-child: true\n")
    close(fd)
    let r = try runPiped(
      ["quiz", "processes", "--answers", path, "--json"], input: "", state: state)
    #expect(r.status == .exited(0))
    #expect(r.stdout.contains("\"question\" : \"program-or-process\""))
    #expect(r.stdout.contains("\"status\" : \"correct\""))
    #expect(r.stdout.contains("\"status\" : \"incorrect\""))
    #expect(r.stdout.contains("\"status\" : \"unanswered\""))
    #expect(r.stdout.contains("measured"), "the prediction was not checked against a live run")
    #expect(r.stdout.contains("\"score\" : 2"))
  }
}
