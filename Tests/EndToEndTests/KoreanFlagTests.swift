import Classroom
import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import Results
import Testing

/// `grade` in Korean, reasons included (issue 18): every flag a check raises and every reason a
/// file is not a result file reads in Korean on the table and the `--html` page; CSV and JSON,
/// the machine contract, are the same bytes in either language; English reads as before.
@Suite("proclab --lang ko grade: every flag and every unreadable file in Korean", .serialized)
struct KoreanFlagTests {
  /// A class whose files raise every flag code and every reason a file is not read: one real
  /// quiz (its prediction's live run included), submitted, then changed the ways the grader
  /// detects. Returns the lessons, the submissions folder and a path that does not exist.
  func makeFlaggedClass(_ dir: String) throws -> (
    lessons: String, submissions: String, missing: String
  ) {
    let lessons = dir + "/lessons"
    try writeFlagLesson(lessons)
    let submissions = dir + "/submissions"
    mkdir(submissions, 0o700)
    let honestPath = dir + "/honest.json"
    try GradeTests().submitted(
      name: "김민지", id: "2026201", answers: ["b", "true", "\(getuid())"], lessons: lessons,
      to: honestPath)
    let bytes = try #require(FileIO.readText(honestPath, limit: 1 << 24))
    let honest = try JSONDecoder().decode(ResultFile.self, from: Data(bytes.utf8))
    try #require(honest.records.count == 3, "\(bytes)")
    try #require(honest.records[2].record?.run?.report != nil, "\(bytes)")

    func rechained(_ records: [ChainedRecord]) -> [ChainedRecord] {
      var chain: [ChainedRecord] = []
      for r in records { chain = RecordChain.appending(r.entry, to: chain) }
      return chain
    }
    func save(_ name: String, _ file: ResultFile) throws {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      try writeText(
        submissions + "/" + name, String(decoding: try encoder.encode(file), as: UTF8.self))
    }
    func student(_ file: inout ResultFile, _ name: String, _ id: String) throws {
      file.student = try StudentIdentity(name: name, id: id)
    }
    try save("a-honest.json", honest)

    // An answer edited in place (chain-broken; its verdict no longer the re-grade's), under the
    // same student id as the honest file (duplicate-student).
    var edited = honest
    edited.records[0].record?.answer = "a"
    try save("b-edited.json", edited)

    // A verdict edited and the chain re-computed (verdict-changed).
    var verdict = honest
    try student(&verdict, "이준", "2026203")
    verdict.records[1].record?.verdict = .wrong
    // Not an answer at all: the reason it is wrong is the JSON's, in English in both languages.
    verdict.records[0].record?.answer = "zzz"
    verdict.records = rechained(verdict.records)
    try save("c-verdict.json", verdict)

    // An older lesson file, and a lesson the teacher does not have.
    var version = honest
    try student(&version, "박서연", "2026204")
    version.records[0].record?.lessonSHA256 = String(repeating: "ab", count: 32)
    version.records = rechained(version.records)
    version.lessons.append("nosuch")
    try save("d-version.json", version)

    // Times moved: records out of order, the run ending before it starts, an event outside
    // the run, the file submitted before its last answer.
    var time = honest
    try student(&time, "최지우", "2026205")
    let first = try #require(time.records[0].record?.answeredAt)
    time.records[1].record?.answeredAt = first - 5
    if var run = time.records[2].record?.run {
      run.ended = run.started - 1
      time.records[2].record?.run = run
    }
    time.records = rechained(time.records)
    time.submitted = first - 100
    try save("e-time.json", time)

    // A report that does not agree with its run, its machine or its metrics' declarations.
    var report = honest
    try student(&report, "정하늘", "2026206")
    if var run = report.records[2].record?.run, var r = run.report {
      run.runnerPID += 1
      run.demo = "fork"
      r.environment.cpusOnline += 7
      r.metrics["uid"] = .number(-3)
      r.metrics["gid"] = .string("x")
      r.metrics["bogus"] = .number(1)
      run.report = r
      report.records[2].record?.run = run
    }
    report.records = rechained(report.records)
    try save("f-report.json", report)

    // A report of a demo the grader does not know, with no started event, on no CPU.
    var unknownDemo = honest
    try student(&unknownDemo, "강민호", "2026207")
    if var run = unknownDemo.records[2].record?.run, var r = run.report {
      run.events.removeAll { $0.type == "started" }
      r.demo = "nosuchdemo"
      r.environment.affinity = []
      run.report = r
      unknownDemo.records[2].record?.run = run
    }
    unknownDemo.records = rechained(unknownDemo.records)
    try save("g-demo.json", unknownDemo)

    // A newer schema, and a record of a kind this grader does not know.
    var newer = honest
    try student(&newer, "윤아름", "2026208")
    newer.schema = 9
    newer.records = RecordChain.appending(
      .unknown(kind: "future", record: .object(["x": .number(1)])), to: newer.records)
    try save("h-newer.json", newer)

    // Exercise checks: an attempt renumbered, a held count and a passed edited, a check
    // missing, an exercise the teacher's lesson does not have.
    var exercise = honest
    try student(&exercise, "한별", "2026209")
    let sha = try #require(honest.records[0].record?.lessonSHA256)
    let at = first + 1
    func check(_ held: Int, _ processes: Int) -> ExerciseCheckResult {
      ExerciseCheckResult(
        condition: "processes == 4", meaning: "프로세스 넷", held: held,
        metrics: ["processes": [.number(Double(processes))]], shown: [])
    }
    func record(_ id: String, attempt: Int, passed: Bool, checks: [ExerciseCheckResult])
      -> ExerciseRecord
    {
      ExerciseRecord(
        exercise: id, lesson: "grade-a", lessonSHA256: sha, command: "python3 four.py", runs: 1,
        runsMade: 1, attempt: attempt, passed: passed, checkedAt: at, checks: checks,
        runResults: [ExerciseRunResult(passed: passed, method: "ptrace")],
        environment: honest.environment)
    }
    var chain = honest.records
    for e in [
      record("four", attempt: 3, passed: true, checks: [check(1, 2)]),
      record("four", attempt: 2, passed: false, checks: []),
      record("gone", attempt: 1, passed: true, checks: []),
    ] {
      chain = RecordChain.appending(.exercise(e), to: chain)
    }
    exercise.records = chain
    try save("i-exercise.json", exercise)

    // Files that are not result files, each for another reason.
    try writeText(submissions + "/u1-text.json", "hello\n")
    try writeText(submissions + "/u2-array.json", "[1, 2]\n")
    try writeText(submissions + "/u3-noschema.json", "{}\n")
    try writeText(submissions + "/u4-missing.json", "{\"schema\": 2}\n")
    try writeText(submissions + "/u5-schema.json", "{\"schema\": 7}\n")
    try writeText(
      submissions + "/u6-type.json",
      bytes.replacing(#""submitted" : "#, with: #""submitted" : "yesterday", "was" : "#))
    let big = open(submissions + "/u7-big.json", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    #expect(ftruncate(big, off_t(ClassGrader.maximumFileSize + 1)) == 0)
    close(big)
    #expect(mkfifo(submissions + "/u8-fifo.json", 0o600) == 0)
    mkdir(submissions + "/u9-folder.json", 0o700)
    return (lessons, submissions, dir + "/nowhere.json")
  }

  /// The grade lesson with an exercise, and its Korean file with every text in Korean.
  func writeFlagLesson(_ dir: String) throws {
    mkdir(dir, 0o700)
    let exercise = """


      ```exercise
      id: four
      title: Four processes
      files: four.py
      run: python3 four.py
      check: processes == 4 :: the parent and three children
      hint: Keep each pid.
      task:
      Fork three children.
      ```
      """
    let text = """
      ---
      id: grade-a
      title: Grade A
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
      points: 2
      ```

      ```quiz
      id: tf
      kind: truefalse
      ask: Is it true?
      answer: true
      ```

      ```quiz
      id: child-uid
      kind: predict
      ask: Which uid will the child report?
      demo: ids
      check: equals metric uid
      ```
      """
    try writeText(dir + "/a.md", text + exercise + "\n")
    mkdir(dir + "/ko", 0o700)
    let korean =
      text.replacing("title: Grade A", with: "title: 채점 A")
      .replacing("## The only step", with: "## 단 하나의 단계")
      .replacing("Three questions.", with: "문제 셋.")
      .replacing("How many?", with: "몇 개입니까?")
      .replacing("a) one", with: "a) 하나").replacing("b) two", with: "b) 둘")
      .replacing("c) three", with: "c) 셋")
      .replacing("Is it true?", with: "참입니까?")
      .replacing("Which uid will the child report?", with: "자식은 어떤 uid를 보고합니까?")
      + exercise.replacing("title: Four processes", with: "title: 프로세스 넷")
      .replacing("the parent and three children", with: "부모와 자식 셋")
      .replacing("Fork three children.", with: "자식 셋을 만드십시오.")
      .replacing("Keep each pid.", with: "pid를 모두 기억하십시오.")
    try writeText(dir + "/ko/a.md", korean + "\n")
    // The exercise's starter and solution, beside the lessons.
    for kind in ["starter", "solution"] {
      let folder = dir + "/exercises/four/" + kind
      #expect(system("mkdir -p '\(folder)'") == 0)
      try writeText(folder + "/four.py", "import os\n")
    }
  }

  /// The Korean line each reason must show (a part of it), and the English line it showed
  /// before (which English mode still shows).
  static let reasons: [(ko: String, en: String)] = [
    ("퀴즈 기록이 수정되었습니다: 기록 0이(가) 기록된 뒤에 바뀌었습니다", "the quiz record was edited: record 0 was changed"),
    ("b-edited.json에도 있습니다", "student id 2026201 is also in"),
    (
      "grade-a/tf (기록 1): 기록된 판정은 wrong, 답 'true'을(를) 다시 채점한 판정은 right-first-try입니다",
      "recorded wrong, re-graded right-first-try"
    ),
    ("레슨 'grade-a'는 다른 버전의 파일로 풀었습니다", "was played from another version of its file"),
    ("레슨 'nosuch'는 선생님의 레슨이 아닙니다", "is not one of the teacher's"),
    ("기록 1이(가) 기록 0보다 먼저 답해졌습니다(5초 앞)", "record 1 was answered before record 0 (5 s earlier)"),
    ("파일이 마지막 답보다", "the file was submitted"),
    ("실행이 시작하기 전에 끝났습니다", "its run ended before it started"),
    ("실행기 pid는", "the runner pid is"),
    ("문제는 ids를 실행하는데 기록된 실행은 fork입니다", "the question runs ids, the recorded run is of fork"),
    ("실행은 fork인데 그 보고서는 ids입니다", "the run is of fork, its report of ids"),
    ("제출한 기계는", "CPUs online, the machine that submitted"),
    ("uid은(는) -3인데,", "uid is -3, but"),
    ("gid은(는) text인데, integer(으)로 선언되었습니다", "gid is a text, declared integer"),
    ("보고서에 bogus이(가) 있는데, ids는 이를 보고하지 않습니다", "which ids does not report"),
    ("보고서는 있는데 started 이벤트가 없습니다", "its run has a report but no started event"),
    ("nosuchdemo의 것인데, 이 채점기가 모르는 데모입니다", "a demo this grader does not know"),
    ("있을 수 없는 기계입니다", "not a machine"),
    ("결과 스키마 9", "result schema 9, graded as schema 2"),
    ("기록 3의 종류는 'future'", "is of kind 'future'"),
    ("3번째 시도로 기록되었지만", "recorded as attempt 3"),
    ("1번 실행 중 1번 성립했다고 기록되었지만", "recorded as held on 1 of 1 runs"),
    ("통과로 기록되었지만 검사로는 통과하지 못했습니다", "recorded as passed, its checks say not passed"),
    ("검사 'processes == 4'이(가) 기록에 없습니다", "is not in the record"),
    ("연습 문제 'gone'(기록 5)는 선생님의 레슨 'grade-a'에 없습니다", "is not in the teacher's lesson"),
    ("JSON이 아니므로 ProcLab 결과 파일이 아닙니다", "not JSON, so not a ProcLab result file"),
    ("JSON이지만 객체가 아닙니다", "JSON but not an object"),
    ("'schema'가 없는 JSON 파일", "a JSON file without 'schema'"),
    ("'proclabVersion'이(가) 없습니다", "'proclabVersion' is missing"),
    ("결과 스키마 7은(는) 이 채점기가 읽지 않습니다", "result schema 7, which this grader does not read"),
    ("'submitted'의 형식이 틀렸습니다", "'submitted' has the wrong type"),
    ("64 MiB보다 큽니다", "larger than the 64 MiB allowed"),
    ("일반 파일이 아닙니다 (FIFO)", "not a regular file (a FIFO)"),
    ("일반 파일이 아닙니다 (디렉터리)", "not a regular file (a directory)"),
    ("그런 파일이나 디렉터리가 없습니다", "No such file or directory"),
  ]

  /// The text of an HTML page, its style sheet left out, one line per element.
  static func pageText(_ html: String) -> [String] {
    var text = html
    if let start = text.firstRange(of: "<style"), let end = text.firstRange(of: "</style>") {
      text.removeSubrange(start.lowerBound..<end.upperBound)
    }
    var out = ""
    var inTag = false
    for c in text {
      if c == "<" {
        inTag = true
        out.append("\n")
      } else if c == ">" {
        inTag = false
      } else if !inTag {
        out.append(c)
      }
    }
    return out.replacing("&#39;", with: "'").replacing("&quot;", with: "\"")
      .replacing("&amp;", with: "&").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
      .split(separator: "\n").map(String.init)
  }

  func grade(_ language: String, _ arguments: [String], _ state: TempState) throws -> (
    stdout: String, stderr: String, status: OSKit.ExitStatus
  ) {
    try runPiped(["--lang", language, "grade"] + arguments, input: "", state: state)
  }

  @Test("the table and the page in Korean: every reason's Korean line, no English sentence")
  func korean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions, missing) = try makeFlaggedClass(state.path)
    let page = state.path + "/ko.html"
    let ko = try grade(
      "ko", [submissions, missing, "--lessons", lessons, "--html", page], state)
    #expect(ko.status == .exited(0), "\(ko.stderr)")
    let text = plainText(Array(ko.stdout.utf8))
    let collapsed = KoreanDemoTests.collapsed(text)
    let html = try #require(FileIO.readText(page, limit: 1 << 24))
    let pageLines = Self.pageText(html)
    let pageCollapsed = KoreanDemoTests.collapsed(pageLines.joined(separator: "\n"))
    for reason in Self.reasons {
      #expect(collapsed.contains(reason.ko), "the table lacks '\(reason.ko)'")
      #expect(pageCollapsed.contains(reason.ko), "the page lacks '\(reason.ko)'")
    }
    for line in text.split(separator: "\n") {
      #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "table in Korean: \(line)")
    }
    for line in pageLines {
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "page in Korean: \(line)")
    }
    for code in Flag.Code.allCases {
      #expect(text.contains(code.rawValue + ":"), "no \(code.rawValue) flag raised: \(text)")
    }
    for line in ko.stderr.split(separator: "\n") {
      #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "stderr in Korean: \(line)")
    }
  }

  @Test("English mode shows every reason as before; CSV and JSON are the same in both languages")
  func englishAndMachineOutput() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions, missing) = try makeFlaggedClass(state.path)
    let en = try grade("en", [submissions, missing, "--lessons", lessons], state)
    #expect(en.status == .exited(0), "\(en.stderr)")
    let collapsed = KoreanDemoTests.collapsed(en.stdout)
    for reason in Self.reasons {
      #expect(collapsed.contains(reason.en), "English lacks '\(reason.en)'")
    }
    for format in [["--csv", "-"], ["--json"]] {
      let args = [submissions, missing, "--lessons", lessons] + format
      let inEnglish = try grade("en", args, state)
      let inKorean = try grade("ko", args, state)
      // The one field that differs between two runs is the time of grading.
      func timeless(_ s: String) -> String {
        s.split(separator: "\n").filter { !$0.contains("\"gradedAt\"") }.joined(separator: "\n")
      }
      #expect(inEnglish.status == .exited(0) && inKorean.status == .exited(0))
      #expect(!inEnglish.stdout.isEmpty)
      #expect(timeless(inEnglish.stdout) == timeless(inKorean.stdout), "\(format) differs")
      #expect(inKorean.stdout.contains("the quiz record was edited"), "\(format)")
    }
  }

  @Test("grade's usage errors in Korean, one line each; in English as before")
  func usageErrors() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let ko = try grade("ko", [state.path, "--min-score", "sixty"], state)
    #expect(ko.status == .exited(64))
    #expect(ko.stderr.contains("--min-score 'sixty'는 점수가 아닙니다"), "\(ko.stderr)")
    let both = try grade("ko", [state.path, "--json", "--csv", "-"], state)
    #expect(both.status == .exited(64))
    #expect(both.stderr.contains("둘 다 표준 출력에 씁니다"), "\(both.stderr)")
    for line in (ko.stderr + both.stderr).split(separator: "\n") {
      #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "in Korean: \(line)")
    }
    let en = try grade("en", [state.path, "--min-score", "sixty"], state)
    #expect(en.stderr.contains("--min-score 'sixty' is not a score: a whole number of points"))
  }

  /// A student with a quiz answered in `state` (the lesson in `lessons`).
  func answered(_ state: TempState, lessons: String, language: String) throws -> String {
    #expect(
      try runPiped(["whoami", "set", "김민지", "--id", "2026201"], input: "", state: state).status
        == .exited(0))
    let quiz = try runPiped(
      ["--lang", language, "--lessons", lessons],
      input: "quiz grade-a\nb\ntrue\n\(getuid())\nquit\n", state: state)
    #expect(quiz.status == .exited(0), "\(quiz.stderr)")
    return quiz.stdout + quiz.stderr
  }

  @Test("an answer not recorded, and a quiz record that does not verify, said in Korean")
  func studentLines() throws {
    for language in ["ko", "en"] {
      let state = TempState()
      defer { state.cleanUp() }
      let lessons = state.path + "/lessons"
      try writeFlagLesson(lessons)
      mkdir(state.path + "/proclab", 0o700)
      let record = state.path + "/proclab/quiz-record.jsonl"
      #expect(mkfifo(record, 0o600) == 0)
      let said = try answered(state, lessons: lessons, language: language)
      if language == "ko" {
        #expect(said.contains("답을 기록하지 못했습니다: "), "\(said)")
        #expect(said.contains("은(는) 일반 파일이 아닙니다(FIFO)"), "\(said)")
        for line in plainText(Array(said.utf8)).split(separator: "\n")
        where line.contains("기록하지 못했습니다") {
          #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "in Korean: \(line)")
        }
      } else {
        #expect(said.contains("answer not recorded: "), "\(said)")
        #expect(said.contains("is a FIFO, not a regular file"), "\(said)")
      }
      unlink(record)
      _ = try answered(state, lessons: lessons, language: language)
      let text = try #require(FileIO.readText(record, limit: 1 << 24))
      try writeText(record, text.replacing("\"answer\":\"b\"", with: "\"answer\":\"a\""))
      let submit = try runPiped(
        ["--lang", language, "submit", "-o", state.path + "/r.json"], input: "", state: state)
      #expect(submit.status == .exited(0), "\(submit.stderr)")
      if language == "ko" {
        #expect(submit.stderr.contains("기록 0이(가) 기록된 뒤에 바뀌었습니다"), "\(submit.stderr)")
        for line in submit.stderr.split(separator: "\n") {
          #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "in Korean: \(line)")
        }
      } else {
        #expect(
          submit.stderr.contains("record 0 was changed after it was recorded"), "\(submit.stderr)")
      }
    }
  }
}
