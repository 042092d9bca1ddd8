import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Results
import Testing

@Suite("whoami and submit, end to end", .serialized)
struct SubmitTests {
  @Test(
    "whoami set, a quiz with a prediction under a pty, submit: the file holds the student's own run"
  )
  func submitAfterQuiz() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let set = try runPiped(["whoami", "set", "김민지", "--id", "2026123"], input: "", state: state)
    #expect(set.status == .exited(0), "\(set.stderr)")
    let shown = try runPiped(["whoami"], input: "", state: state)
    #expect(shown.stdout == "김민지 (student id 2026123)\n")

    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("quiz processes\r")
    #expect(s.expect("answer › "))
    var m = s.mark
    s.type("hint\r")
    #expect(s.expect("hint 1/", after: m))
    m = s.mark
    s.type("b\r")
    #expect(s.expect("Right.", after: m))
    #expect(s.expect("question 2 of", after: m))
    m = s.mark
    s.type("true\r")  // a prediction: the ids demo runs live
    #expect(s.expect("Your prediction against the live run", after: m, timeout: 15))
    let screen = plainText(Array(s.output[m...]))
    m = s.mark
    s.type("quit\r")
    #expect(s.expect("proclab › ", after: m))

    let path = state.path + "/result.json"
    let r = try runPiped(["submit", "-o", path], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("2 answers of processes for 김민지 (student id 2026123)"))
    let bytes = try FileIO.readRegular(path, limit: 1 << 24)
    let result = try JSONDecoder().decode(ResultFile.self, from: Data(bytes))
    #expect(result.student.name == "김민지")
    #expect(result.records.count == 2)
    #expect(RecordChain.verify(result.records) == nil)
    let first = try #require(result.records.first?.record)
    #expect(first.answer == "b")
    #expect(first.hintsShown == 1)
    #expect(first.verdict == .rightFirstTry)
    #expect(first.lessonSHA256.count == 64)
    let prediction = try #require(result.records.last?.record)
    #expect(prediction.kind == "predict")
    #expect(prediction.answer == "true")
    let run = try #require(prediction.run)
    let report = try #require(run.report)
    // The pid the demo ran as: the runner's own getpid(), shown in its table on the screen,
    // announced in its started event and recorded in its report.
    #expect(run.runnerPID > 1)
    #expect(report.metrics["pid"] == .number(Double(run.runnerPID)))
    #expect(
      run.events.first == EventStamp(at: run.events[0].at, type: "started", pid: run.runnerPID))
    #expect(screen.contains(" \(run.runnerPID) "), "the pid on the screen is not the recorded one")
    // …and its parent is the REPL under the pty, the process that recorded the answer.
    guard case .object(let parent)? = report.metrics["parent"] else {
      Issue.record("the ids report has no parent")
      return
    }
    #expect(parent["pid"] == .number(Double(s.pid)))
    #expect(run.started <= run.events[0].at && run.events.last!.at <= run.ended)
    #expect(run.ended <= prediction.answeredAt)
    #expect(result.lessonFiles.map(\.sha256) == [first.lessonSHA256])

    let schema = try schemaCheck()
    #expect(schema.problems(try JSONDecoder().decode(JSONValue.self, from: Data(bytes))) == [])
  }

  @Test("submit with no name set and no terminal refuses in one line, naming whoami set")
  func noNameNoTerminal() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["submit", "-o", state.path + "/r.json"], input: "", state: state)
    #expect(r.status == .exited(2))
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("proclab whoami set \"Your Name\" --id STUDENT-ID"))
    #expect(access(state.path + "/r.json", F_OK) != 0)
  }

  @Test(
    "whoami set refuses control characters in one line, and whoami at the prompt shows the name")
  func whoamiRefusesAndShows() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let bad = try runPiped(["whoami", "set", "Kim\u{1B}[2J", "--id", "1"], input: "", state: state)
    #expect(bad.status == .exited(2))
    #expect(bad.stderr.split(separator: "\n").count == 1)
    #expect(bad.stderr.contains("U+001B"))
    #expect(!bad.stderr.contains("\u{1B}"))
    let repl = try runPiped(
      [],
      input: "whoami set \"Kim Minji\" --id 2026123\nwhoami\nwhoami set Kim\nwhoami frob\nquit\n",
      state: state)
    #expect(repl.stdout.contains("you are Kim Minji (student id 2026123)"))
    #expect(repl.stdout.contains("whoami set needs your name and --id with your student id"))
    #expect(repl.stdout.contains("whoami takes set or nothing, not 'frob'"))
    let shown = try runPiped(["whoami"], input: "", state: state)
    #expect(shown.stdout == "Kim Minji (student id 2026123)\n")
  }

  @Test("submit says in one line when the quiz record was changed, and still writes it as it is")
  func changedRecord() throws {
    let state = TempState()
    defer { state.cleanUp() }
    #expect(
      try runPiped(["whoami", "set", "Kim", "--id", "7"], input: "", state: state).status
        == .exited(0))
    let log = QuizRecordLog(directory: state.path + "/proclab")
    for n in 0..<3 {
      let r = QuestionRecord(
        lesson: "processes", question: "q\(n)", kind: "text", lessonSHA256: "", answer: "fork",
        tries: 1, hintsShown: 0, seconds: 1, answeredAt: 1_790_000_000 + Double(n), verdict: .wrong)
      #expect(log.append(r) == nil)
    }
    let untouched = try runPiped(["submit", "-o", state.path + "/a.json"], input: "", state: state)
    #expect(untouched.status == .exited(0))
    #expect(untouched.stderr == "")
    let path = state.path + "/proclab/quiz-record.jsonl"
    let text = try #require(FileIO.readText(path))
    let fd = open(path, O_WRONLY | O_TRUNC)
    try FileIO.writeAll(
      fd, text.replacing("\"verdict\":\"wrong\"", with: "\"verdict\":\"right-first-try\""))
    close(fd)
    let r = try runPiped(["submit", "-o", state.path + "/b.json"], input: "", state: state)
    #expect(r.status == .exited(0))
    #expect(
      r.stderr
        == "proclab: your quiz record does not verify: record 0 was changed after it was recorded (its hash does not match); written as it is, and your teacher will see it\n"
    )
    #expect(access(state.path + "/b.json", F_OK) == 0)
  }

  @Test("the first submit on a terminal asks for the name and id, refuses a bad one, keeps them")
  func asksOnFirstSubmit() throws {
    let state = TempState()
    defer { state.cleanUp() }
    mkdir(state.path + "/proclab", 0o700)
    let r = QuestionRecord(
      lesson: "processes", question: "q", kind: "text", lessonSHA256: "", answer: "fork",
      tries: 1, hintsShown: 0, seconds: 1, answeredAt: 1_790_000_000, verdict: .wrong)
    #expect(QuizRecordLog(directory: state.path + "/proclab").append(r) == nil)
    let path = state.path + "/r.json"
    let s = try PTYSession(arguments: ["submit", "-o", path], state: state)
    defer { s.close() }
    #expect(s.expect("Your name: "))
    var m = s.mark
    s.type("Kim\u{1B}[2J\r")
    #expect(s.expect("U+001B", after: m))
    #expect(s.expect("Your name: ", after: m))
    m = s.mark
    s.type("김민지\r")
    #expect(s.expect("Your student id: ", after: m))
    s.type("2026123\r")
    #expect(s.expect("wrote ", after: m))
    #expect(s.waitForExit() == .exited(0))
    let result = try JSONDecoder().decode(
      ResultFile.self, from: Data(try FileIO.readRegular(path, limit: 1 << 20)))
    #expect(result.student.name == "김민지" && result.student.id == "2026123")
    let shown = try runPiped(["whoami"], input: "", state: state)
    #expect(shown.stdout == "김민지 (student id 2026123)\n")
  }

  @Test("Tab completes whoami's set at the prompt")
  func tabCompletesSet() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let m = s.mark
    s.type("whoami s\t")
    #expect(s.expect("whoami set ", after: m))
    s.type("\u{15}\r")
  }

  func schemaCheck() throws -> JSONSchemaCheck {
    let text = try #require(FileIO.readText(ModuleGraphTests.root + "/docs/result.schema.json"))
    return JSONSchemaCheck(schema: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
  }
}
