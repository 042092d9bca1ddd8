import Classroom
import DemoContract
import FoundationEssentials
import Glibc
import Render
import Results
import Testing

@Suite("ClassGrader: re-grading a result file")
struct ClassGraderTests {
  @Test(
    "an honest file: no flag; score counts points right on the first try, total every graded one")
  func honest() throws {
    let s = try graded(try resultFile(honestRecords()))
    #expect(s.flags == [], "\(s.flags.map(\.message))")
    #expect(s.verdict("pick") == .rightFirstTry)
    #expect(s.verdict("tf") == .rightOnRetry)
    #expect(s.verdict("child-uid") == .rightFirstTry)
    #expect(s.verdict("cpus") == .notAnswered)
    #expect(s.questions.first { $0.question == "pick" }?.earned == 2)
    #expect(s.score == 4)
    #expect(s.total == 6)
    #expect(
      s.questions.first { $0.question == "child-uid" }?.measured == MeasuredValue(number: 1000))
  }

  @Test("a prediction is graded from the student's recorded report, whoever grades it")
  func predictionFromRecordedReport() throws {
    var records = honestRecords()
    // The student's own run said uid 1000; a grader running as root would measure 0.
    records[2].answer = "0"
    records[2].verdict = .wrong
    let s = try graded(try resultFile(records))
    #expect(s.verdict("child-uid") == .wrong)
    #expect(s.flags == [])
  }

  @Test("an edited record without its hash recomputed: chain-broken")
  func chainBroken() throws {
    var file = try resultFile(honestRecords())
    #expect(try graded(file).codes() == [])
    file.records[1].record?.tries = 1
    let s = try graded(file)
    #expect(s.codes().contains(.chainBroken))
    #expect(s.flags.first { $0.code == .chainBroken }?.message.contains("record 1") == true)
  }

  @Test("a verdict changed and re-chained: verdict-changed, and the teacher's verdict counts")
  func verdictChanged() throws {
    var records = honestRecords()
    records[0].answer = "a"  // wrong, but recorded as right
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.verdictChanged])
    #expect(s.verdict("pick") == .wrong)
    #expect(s.score == 2)
    let message = try #require(s.flags.first?.message)
    #expect(message.contains("sample/pick") && message.contains("right-first-try"), "\(message)")
    // The honest file does not raise it.
    #expect(try graded(try resultFile(honestRecords())).codes() == [])
  }

  @Test("right-first-try means the first answer was right: a right answer on try 2 is on retry")
  func firstTrySemantics() throws {
    var records = honestRecords()
    records[0].tries = 2  // recorded right-first-try, but it took two tries
    let s = try graded(try resultFile(records))
    #expect(s.verdict("pick") == .rightOnRetry)
    #expect(s.codes() == [.verdictChanged])
    #expect(s.score == 2)
  }

  @Test("a prediction right on its second try is right on retry: honest, unflagged, not earned")
  func predictionOnRetry() throws {
    var records = honestRecords()
    // The last answer as recorded, after a first wrong one: right, on try 2.
    records[2].tries = 2
    records[2].verdict = .rightOnRetry
    let s = try graded(try resultFile(records))
    #expect(s.verdict("child-uid") == .rightOnRetry)
    #expect(s.codes() == [], "\(s.flags)")
    #expect(s.score == 3)
    #expect(s.questions.first { $0.question == "child-uid" }?.earned == 0)
    // Recorded right first try after two tries: the re-grade says on retry.
    records[2].verdict = .rightFirstTry
    let edited = try graded(try resultFile(records))
    #expect(edited.verdict("child-uid") == .rightOnRetry)
    #expect(edited.codes() == [.verdictChanged])
  }

  @Test("the last graded record of a question counts (a later quiz or review)")
  func lastGradedRecordCounts() throws {
    var records = honestRecords()
    var again = records[0]
    again.answer = "c"
    again.verdict = .wrong
    again.answeredAt = t0 + 40
    records.append(again)
    let s = try graded(try resultFile(records))
    #expect(s.verdict("pick") == .wrong)
    // A later stopped prediction does not replace the graded one.
    var stopped = records[2]
    stopped.verdict = .notCounted
    stopped.tries = 0
    stopped.run?.report = nil
    stopped.answeredAt = t0 + 50
    stopped.seconds = 10
    stopped.run?.started = t0 + 45
    stopped.run?.ended = t0 + 46
    stopped.run?.events = [EventStamp(at: t0 + 45.5, type: "started", pid: 4242)]
    let t = try graded(try resultFile(records + [stopped]))
    #expect(t.verdict("child-uid") == .rightFirstTry)
    #expect(t.flags == [], "\(t.flags.map(\.message))")
  }

  @Test(
    "another lesson version: lesson-version names the lesson; the Korean file's hash is current")
  func lessonVersion() throws {
    let old = String(repeating: "c", count: 64)
    let s = try graded(try resultFile(honestRecords(sha: old)))
    #expect(s.codes() == [.lessonVersion])
    #expect(s.firstFlag.lesson == "sample")
    #expect(s.firstFlag.message.contains("'sample'"))
    #expect(try graded(try resultFile(honestRecords(sha: koreanSHA)), korean: true).codes() == [])
    #expect(try graded(try resultFile(honestRecords(sha: koreanSHA))).codes() == [.lessonVersion])
  }

  @Test("a lesson the teacher does not have: unknown-lesson, its answers left out")
  func unknownLesson() throws {
    var records = honestRecords()
    records.append(
      QuestionRecord(
        lesson: "mystery", question: "q", kind: "text", lessonSHA256: teacherSHA, answer: "x",
        tries: 1, hintsShown: 0, seconds: 1, answeredAt: t0 + 60, verdict: .rightFirstTry))
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.unknownLesson])
    #expect(s.firstFlag.message.contains("'mystery'"))
    #expect(s.score == 4)
  }

  @Test("times out of order: a record answered before the one before it; events outside the run")
  func timeOrder() throws {
    var records = honestRecords()
    records[1].answeredAt = t0 + 1  // before record 0
    #expect(try graded(try resultFile(records)).codes() == [.timeOrder])
    records = honestRecords()
    records[2].run?.events[1].at = t0 + 30  // after the run ended
    #expect(try graded(try resultFile(records)).codes() == [.timeOrder])
    records = honestRecords()
    records[2].answeredAt = t0 + 17.5  // before its run ended
    records[2].seconds = 0.1
    #expect(try graded(try resultFile(records)).codes().contains(.timeOrder))
  }

  @Test("a file submitted before its last answer, a run started before its question: time-order")
  func submittedAndShown() throws {
    var file = try resultFile(honestRecords())
    file.submitted = t0 + 25  // before record 3 (t0 + 30)
    let s = try graded(file)
    #expect(s.codes() == [.timeOrder])
    #expect(s.firstFlag.message.contains("submitted"), "\(s.firstFlag.message)")
    var records = honestRecords()
    records[2].seconds = 1  // shown at t0 + 19, but its run started at t0 + 17
    let t = try graded(try resultFile(records))
    #expect(t.codes() == [.timeOrder])
    #expect(t.firstFlag.message.contains("before the question was shown"), "\(t.firstFlag.message)")
  }

  @Test("a metric out of its unit's range or of the wrong JSON type: implausible-report")
  func unitRangeAndType() throws {
    var records = honestRecords()
    var metrics = idsMetrics
    metrics["pid"] = 0
    records[2].run?.report?.metrics = metrics
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("a process id is at least 1"), "\(s.firstFlag.message)")
    metrics = idsMetrics
    metrics["command"] = 5
    records[2].run?.report?.metrics = metrics
    let t = try graded(try resultFile(records))
    #expect(t.codes() == [.implausibleReport])
    #expect(
      t.firstFlag.message.contains("command is a number, declared text"), "\(t.firstFlag.message)")
  }

  @Test("the runner pid must be the one its started event names")
  func runnerPID() throws {
    var records = honestRecords()
    records[2].run?.runnerPID = 999
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("999"))
  }

  @Test("a report's CPUs online must be the submitting machine's")
  func cpusOnline() throws {
    var records = honestRecords()
    records[2].run?.report?.environment.cpusOnline = 16
    records[2].run?.report?.environment.affinity = Array(0..<16)
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("16 CPUs online"))
  }

  @Test("the child's uid must be its parent's (a declared bound)")
  func uidAgainstParent() throws {
    var records = honestRecords()
    var metrics = idsMetrics
    metrics["uid"] = 0
    records[2].answer = "0"
    records[2].run?.report?.metrics = metrics
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("parent.uid"), "\(s.firstFlag.message)")
  }

  @Test("lost updates at most the expected count; counts never negative")
  func lostBound() throws {
    var records = honestRecords()
    records[3].run?.report?.metrics = [
      "semaphore": ["lost": 500_000, "expected": 400_000, "final": 400_000]
    ]
    records[3].answer = "false"
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("semaphore.expected"), "\(s.firstFlag.message)")
    records = honestRecords()
    records[3].run?.report?.metrics = ["semaphore": ["lost": 0, "expected": 400_000, "final": -1]]
    let t = try graded(try resultFile(records))
    #expect(t.codes() == [.implausibleReport])
    #expect(t.firstFlag.message.contains("never negative"), "\(t.firstFlag.message)")
  }

  @Test("usable CPUs at most the CPUs online; an undeclared metric is named")
  func usableCPUs() throws {
    var records = honestRecords()
    records.append(
      QuestionRecord(
        lesson: "sample", question: "cpus", kind: "predict", lessonSHA256: teacherSHA,
        answer: "8", tries: 1, hintsShown: 0, seconds: 4, answeredAt: t0 + 40,
        verdict: .rightFirstTry,
        run: run("cpu-scaling", metrics: ["usable_cpus": 8, "cpus_online": 2], at: t0 + 37)))
    let s = try graded(try resultFile(records))
    #expect(s.codes() == [.implausibleReport])
    #expect(s.firstFlag.message.contains("2 CPUs online"), "\(s.firstFlag.message)")
    records[4].run?.report?.metrics = ["usable_cpus": 2, "cpus_online": 2, "made_up": 1]
    records[4].answer = "2"
    let t = try graded(try resultFile(records))
    #expect(t.codes() == [.implausibleReport])
    #expect(t.firstFlag.message.contains("made_up"), "\(t.firstFlag.message)")
    records[4].run?.report?.metrics = ["usable_cpus": 2, "cpus_online": 2]
    #expect(try graded(try resultFile(records)).codes() == [])
  }

  @Test("the same student id in two files: duplicate-student on both")
  func duplicateStudent() throws {
    let a = try resultFile(honestRecords())
    let b = try resultFile(honestRecords(), name: "Someone Else")
    let c = try resultFile(honestRecords(), id: "999")
    let report = try grader().report(
      results: [("a.json", a), ("b.json", b), ("c.json", c)], unreadable: [], gradedAt: t0)
    #expect(report.students.map { $0.codes() } == [[.duplicateStudent], [.duplicateStudent], []])
    let duplicate = report.students.first?.firstFlag.message ?? ""
    #expect(duplicate.contains("b.json"), "\(duplicate)")
  }

  @Test("an unknown schema that still reads is flagged; one that does not is unreadable")
  func schemas() throws {
    var file = try resultFile(honestRecords())
    file.schema = 3
    #expect(try graded(file).codes() == [.unknownSchema])
    let bad = Array(#"{"schema": 7, "records": 3}"#.utf8)
    guard case .failure(let problem) = ClassGrader.decode(bad) else {
      Issue.record("read a file of schema 7 with no fields")
      return
    }
    #expect(problem.message.contains("schema 7"), "\(problem.message)")
  }

  @Test("not JSON, or JSON without a schema: one line; a BOM and CRLF line ends read fine")
  func decoding() throws {
    guard case .failure(let notJSON) = ClassGrader.decode(Array("hello".utf8)) else {
      Issue.record("read text as a result")
      return
    }
    #expect(notJSON.message == "not JSON, so not a ProcLab result file")
    guard case .failure(let noSchema) = ClassGrader.decode(Array(#"{"a": 1}"#.utf8)) else {
      Issue.record("read an object with no schema")
      return
    }
    #expect(noSchema.message.contains("without 'schema'"))
    let file = try resultFile(honestRecords())
    let text = String(decoding: file.encoded(), as: UTF8.self).replacing("\n", with: "\r\n")
    guard case .success(let back) = ClassGrader.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    else {
      Issue.record("a BOM and CRLF made it unreadable")
      return
    }
    #expect(back == file)
  }

  @Test("an escape sequence in a name reaches the table only made visible")
  func escapedText() throws {
    var file = try resultFile(honestRecords())
    file.student.name = "Kim\u{1B}]52;c;AAAA\u{07}"
    file.records[0].record?.answer = "\u{1B}[2J"
    let report = try grader().report(results: [("a.json", file)], unreadable: [], gradedAt: t0)
    let text = report.text(.plain(width: 80))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("Kim^["), "\(text)")
  }

  @Test("CSV cells a spreadsheet would run as a formula start with ' (OWASP CSV injection)")
  func csvFormulaCells() throws {
    let file = try resultFile(honestRecords())
    let names = [
      "=HYPERLINK(\"http://x\").json", "+1.json", "-2.json", "@SUM(A1).json", "\tx.json",
      "\rx.json", "plain=1.json",
    ]
    let report = try grader().report(
      results: names.map { ($0, file) }, unreadable: [], gradedAt: t0)
    let rows = report.csv().split(separator: "\r\n", omittingEmptySubsequences: false)
    let files = rows.dropFirst().prefix(names.count).map { row in
      // The file is the third field; the student's name and id have no comma or quote.
      String(row.split(separator: ",", maxSplits: 2)[2])
    }
    #expect(files[0].hasPrefix("\"'=HYPERLINK(\"\"http://x\"\").json\""), "\(files[0])")
    #expect(files[1].hasPrefix("'+1.json,"), "\(files[1])")
    #expect(files[2].hasPrefix("'-2.json,"), "\(files[2])")
    #expect(files[3].hasPrefix("'@SUM(A1).json,"), "\(files[3])")
    #expect(files[4].hasPrefix("'\tx.json,"), "\(files[4])")
    #expect(files[5].hasPrefix("\"'\rx.json\","), "\(files[5])")
    #expect(files[6].hasPrefix("plain=1.json,"), "\(files[6])")
    // Numbers are numbers still: the score and total cells are not prefixed.
    let s = try #require(report.students.first)
    #expect(rows[1].contains(",\(s.score),\(s.total),"), "\(rows[1])")
  }
}

@Suite("ClassGrader: reading files and directories")
struct ClassGraderFileTests {
  @Test("a directory gives its *.json files in name order; a FIFO is refused, never waited on")
  func filesAndFIFO() throws {
    var template = Array("/tmp/proclab-grade-XXXXXX".utf8CString)
    let dir = try #require(mkdtemp(&template).map { String(cString: $0) })
    defer {
      for name in ["b.json", "a.json", "notes.txt", "pipe.json"] { unlink(dir + "/" + name) }
      rmdir(dir)
    }
    let file = try resultFile(honestRecords())
    for name in ["b.json", "a.json"] {
      let fd = open(dir + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      let bytes = file.encoded()
      #expect(write(fd, bytes, bytes.count) == bytes.count)
      close(fd)
    }
    close(open(dir + "/notes.txt", O_WRONLY | O_CREAT, 0o600))
    #expect(mkfifo(dir + "/pipe.json", 0o600) == 0)
    let (files, problems) = ClassGrader.files([dir, dir + "/missing.json"])
    #expect(files == [dir + "/a.json", dir + "/b.json", dir + "/pipe.json"])
    #expect(problems.map(\.file) == [dir + "/missing.json"])
    let report = try grader().grade(files: files, gradedAt: t0)
    #expect(report.students.map(\.file) == [dir + "/a.json", dir + "/b.json"])
    #expect(report.unreadable.map(\.file) == [dir + "/pipe.json"])
    #expect(report.unreadable.first?.message.contains("FIFO") == true, "\(report.unreadable)")
  }
}
