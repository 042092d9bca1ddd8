import DemoContract
import Demos
import FoundationEssentials
import Glibc
import Lessons
import Measure
import Quiz
import Testing

/// A lesson with one question of every kind, parsed as a teacher would write it.
let sampleLesson: Lesson? = {
  let text = """
    ---
    id: sample
    title: Sample
    summary: every kind of question
    requires: []
    ---

    ## One step {#only}

    Text.

    ```quiz
    id: pick
    kind: choice
    ask: Which?
    choices:
      a) one
      b) two
    answer: b
    feedback a: One is the misconception.
    ```

    ```quiz
    id: many
    kind: multi
    ask: Which ones?
    choices:
      a) x
      b) y
      c) z
    answer: a, c
    ```

    ```quiz
    id: tf
    kind: truefalse
    ask: True?
    answer: false
    ```

    ```quiz
    id: secs
    kind: number
    ask: How long?
    unit: s
    answer: 4
    tolerance: 10%
    ```

    ```quiz
    id: between
    kind: number
    ask: Between?
    range: 3..5
    ```

    ```quiz
    id: word
    kind: text
    ask: Name it.
    answer: ppid
    accept: parent pid
    ```

    ```quiz
    id: steps
    kind: order
    ask: Order them.
    items:
      a) wait
      b) fork
      c) exec
    answer: b, c, a
    ```

    ```quiz
    id: lost
    kind: predict
    ask: Will updates be lost?
    demo: ids
    check: metric final < metric expected
    feedback false: Without a lock, two read-modify-write sequences interleave.
    ```

    ```quiz
    id: rounds
    kind: predict
    ask: How many task durations?
    demo: ids
    check: within ×1.25 of metric task_durations
    ```

    ```quiz
    id: adopter
    kind: predict
    ask: New parent?
    demo: ids
    check: equals metric new_ppid
    ```
    """
  let (lesson, problems) = LessonParser.parse(text: text, file: "sample.md")
  return problems.contains(where: \.isError) ? nil : lesson
}()

func question(_ id: String) throws -> Question {
  let lesson = try #require(sampleLesson, "the sample lesson does not parse")
  return try #require(lesson.question(id: id))
}

@Suite("Grading every kind of question")
struct GradingTests {
  @Test(
    "right and wrong answers",
    arguments: [
      ("pick", "b", true), ("pick", "B)", true), ("pick", "a", false),
      ("many", "a, c", true), ("many", "c a", true), ("many", "a", false),
      ("tf", "false", true), ("tf", "no", true), ("tf", "true", false),
      ("secs", "4 s", true), ("secs", "4000ms", true), ("secs", "4.3", true),
      ("secs", "4,400 ms", true), ("secs", "5 s", false), ("secs", "3500 ms", false),
      ("between", "3", true), ("between", "5", true), ("between", "5.5", false),
      ("word", "PPID", true), ("word", "  parent   pid ", true), ("word", "pid", false),
      ("steps", "b c a", true), ("steps", "a b c", false),
    ])
  func grades(id: String, answer: String, right: Bool) throws {
    let grade = try Grader.grade(try question(id), answer: answer)
    #expect(grade.isCorrect == right, "\(id): \(answer)")
  }

  @Test("a known misconception gets its own correction")
  func feedback() throws {
    let grade = try Grader.grade(try question("pick"), answer: "a")
    #expect(grade.feedback == "One is the misconception.")
    #expect(try Grader.grade(try question("pick"), answer: "b").feedback == nil)
  }

  @Test("an answer of the wrong shape asks for a retype instead of counting as wrong")
  func unreadable() throws {
    #expect(throws: AnswerError.self) { try Grader.grade(try question("pick"), answer: "z") }
    #expect(throws: AnswerError.self) { try Grader.grade(try question("secs"), answer: "soon") }
  }
}

@Suite("Predictions graded against recorded demo reports")
struct PredictionTests {
  func report(_ metrics: [String: JSONValue]) -> DemoReport {
    DemoReport(
      demo: "ids", params: [:], environment: MachineEnvironment.current(), metrics: metrics)
  }

  @Test("a condition: true is right when the run lost updates, wrong when it did not")
  func condition() throws {
    let q = try question("lost")
    let lossy = report(["final": 1_234_567, "expected": 2_000_000])
    let exact = report(["final": 2_000_000, "expected": 2_000_000])
    let yes = try Grader.readPrediction(q, answer: "true")
    let no = try Grader.readPrediction(q, answer: "false")
    #expect(
      Grader.grade(q, prediction: yes, given: "true", report: lossy, declarations: []).isCorrect)
    #expect(
      !Grader.grade(q, prediction: yes, given: "true", report: exact, declarations: []).isCorrect)
    let wrong = Grader.grade(q, prediction: no, given: "false", report: lossy, declarations: [])
    #expect(!wrong.isCorrect)
    #expect(wrong.feedback?.contains("interleave") == true)
    #expect(wrong.measured != nil)
  }

  @Test("within ×1.25: as far below as above, the same verdict")
  func within() throws {
    let q = try question("rounds")
    let r = report(["task_durations": 4])
    for (answer, right) in [("4", true), ("5", true), ("3.2", true), ("5.2", false), ("3", false)] {
      let p = try Grader.readPrediction(q, answer: answer)
      #expect(
        Grader.grade(q, prediction: p, given: answer, report: r, declarations: []).isCorrect
          == right, "\(answer)")
    }
  }

  @Test("equals a metric: answers true only on this machine")
  func equals() throws {
    let q = try question("adopter")
    let r = report(["new_ppid": 4242])
    let p = try Grader.readPrediction(q, answer: "4242")
    #expect(Grader.grade(q, prediction: p, given: "4242", report: r, declarations: []).isCorrect)
    let q1 = try Grader.readPrediction(q, answer: "1")
    #expect(!Grader.grade(q, prediction: q1, given: "1", report: r, declarations: []).isCorrect)
  }

  @Test("a missing metric cannot be graded, and is not the student's fault")
  func missingMetric() throws {
    let q = try question("adopter")
    let p = try Grader.readPrediction(q, answer: "1")
    #expect(
      Grader.grade(q, prediction: p, given: "1", report: report([:]), declarations: []).verdict
        == .undetermined)
  }
}

/// The shipped lessons' predictions graded against reports recorded from real runs
/// (`proclab run <demo> --json`, in Fixtures/), with the demos' own declarations.
@Suite("Predictions graded against recorded reports")
struct RecordedReportTests {
  static let fixtures: String = {
    var path = #filePath
    while let last = path.last, last != "/" { path.removeLast() }
    return path + "Fixtures/"
  }()

  static func recorded(_ name: String) throws -> DemoReport {
    let file = try #require(fopen(fixtures + name + ".json", "r"), "no fixture \(name)")
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes += buffer[..<n]
    }
    return try JSONDecoder().decode(DemoReport.self, from: Data(bytes))
  }

  static let library = LessonLibrary.load(
    directories: [shippedLessons], demos: DemoCatalog.declarations)
  static var shippedLessons: String {
    var path = fixtures
    for _ in 0..<3 {
      path.removeLast()
      while path.last != "/" { path.removeLast() }
    }
    return path + "lessons"
  }

  /// A shipped question, its demo's declared metrics, and a recorded report of that demo.
  static func shipped(_ id: String, _ fixture: String) throws -> (
    Question, [MetricDeclaration], DemoReport
  ) {
    let q = try #require(library.lessons.flatMap(\.questions).first { $0.id == id }, "\(id)")
    let demo = try #require(q.demo?.demo)
    let metrics = try #require(DemoCatalog.listed(demo)).declaration.metrics
    let report = try recorded(fixture)
    #expect(report.demo == demo)
    return (q, metrics, report)
  }

  static func grade(_ id: String, _ fixture: String, _ answer: String) throws -> Grade {
    let (q, metrics, report) = try shipped(id, fixture)
    let p = try Grader.readPrediction(q, answer: answer)
    return Grader.grade(q, prediction: p, given: answer, report: report, declarations: metrics)
  }

  @Test func aWrongPredictionAboutAFactIsWrong() throws {
    let g = try Self.grade("child-ppid", "ids", "false")
    #expect(g.verdict == .incorrect)
    #expect(g.aboutFact)
    #expect(g.verdictText(unicode: true) == "✗ wrong")
    #expect(g.verdictText(unicode: false) == "wrong")
  }

  @Test func aWrongPredictionAboutAMeasurementIsNotThisTime() throws {
    // The recorded pool took 4.19 task durations; 2 is more than ×1.25 off.
    let g = try Self.grade("waiting-threads", "pool-thread", "2")
    #expect(g.verdict == .incorrect)
    #expect(!g.aboutFact)
    #expect(g.verdictText(unicode: true) == "✗ not this time")
    #expect(try Self.grade("waiting-threads", "pool-thread", "4").isCorrect)
  }

  @Test func figuresAreNamedByLabelAndUnitNeverByPath() throws {
    let g = try Self.grade("chunk-bandwidth", "pipe-bandwidth", "true")
    #expect(g.isCorrect)
    #expect(g.figures.count == 2)
    #expect(g.figures[0].hasPrefix("pipe bandwidth at 64 KiB writes: "))
    #expect(g.figures[0].hasSuffix(" GB/s"))
    #expect(g.figures[1].hasPrefix("pipe bandwidth at 64 B writes: "))
    for text in g.figures + [g.comparison ?? "", g.measured ?? ""] {
      #expect(!text.contains("bytes_per_second"), "\(text)")
    }
    let shm = try Self.grade("race-upper-bound", "shm-race-none", "2000000")
    for text in shm.figures + [shm.comparison ?? ""] {
      #expect(!text.contains("none."), "\(text)")
      #expect(!text.contains("max_final"), "\(text)")
    }
  }

  @Test func pidsArePlainAsInTheDemosTable() throws {
    let g = try Self.grade("child-ppid", "ids", "true")
    let (_, _, report) = try Self.shipped("child-ppid", "ids")
    guard case .number(let ppid)? = report.metric("ppid") else {
      Issue.record("no ppid in the recording")
      return
    }
    #expect(g.figures.first == "the child's parent process id: \(Int(ppid))")
  }

  @Test func aMissingFigureIsNotGradedWithItsReason() throws {
    let (q, metrics, _) = try Self.shipped("child-ppid", "ids")
    let empty = DemoReport(
      demo: "ids", params: [:], environment: MachineEnvironment.current(), metrics: [:])
    let g = Grader.grade(
      q, prediction: .truth(true), given: "true", report: empty, declarations: metrics)
    #expect(g.verdict == .undetermined)
    #expect(g.verdictText(unicode: true) == "not graded")
    #expect(g.verdictLine == "not graded: the demo did not report the child's parent process id")
    #expect(
      Grade.notGraded(given: "true", reason: "the demo did not finish").verdictLine
        == "not graded: the demo did not finish")
  }

  @Test func unitHintsComeFromTheDeclaredUnit() throws {
    let (pool, poolMetrics, _) = try Self.shipped("waiting-threads", "pool-thread")
    #expect(pool.unitHint(metrics: poolMetrics) == "a number of task durations")
    let (limit, limitMetrics, _) = try Self.shipped("max-inside", "semaphore")
    #expect(limit.unitHint(metrics: limitMetrics) == "a number of processes")
    let (tf, tfMetrics, _) = try Self.shipped("child-ppid", "ids")
    #expect(tf.unitHint(metrics: tfMetrics) == nil)
    let speedup = try #require(
      Self.library.lessons.flatMap(\.questions).first { $0.id == "two-threads-speedup" })
    #expect(speedup.unitHint() == "a factor, e.g. 1.8x")
    #expect(speedup.answerText == "1× ± 0.05×")
    for q in Self.library.lessons.flatMap(\.questions) {
      let hint = q.unitHint(
        metrics: q.demo.flatMap { DemoCatalog.listed($0.demo) }?.declaration.metrics ?? [])
      #expect(hint?.contains("another unit of time") != true, "\(q.id)")
      #expect(!q.answerText.hasPrefix("1 times"), "\(q.id)")
    }
  }
}

@Suite("Quiz plans")
struct QuizPlanTests {
  @Test("a seeded shuffle repeats, and keeps every question")
  func shuffle() throws {
    let items = QuizPlan.items([try #require(sampleLesson)])
    let a = QuizPlan.shuffled(items, seed: 42)
    let b = QuizPlan.shuffled(items, seed: 42)
    let c = QuizPlan.shuffled(items, seed: 7)
    #expect(a == b)
    #expect(a != c)
    #expect(Set(a.map(\.key)) == Set(items.map(\.key)))
  }

  @Test("review asks missed questions, oldest miss first, and not the known ones")
  func review() throws {
    var p = Progress()
    var missedLong = QuestionProgress()
    missedLong.record(correctFirstTry: false, at: 1_000)
    var missedLately = QuestionProgress()
    missedLately.record(correctFirstTry: false, at: 5_000)
    var known = QuestionProgress()
    known.record(correctFirstTry: true, at: 5_000)
    known.record(correctFirstTry: true, at: 5_001)
    p.questions["sample/tf"] = missedLately
    p.questions["sample/pick"] = missedLong
    p.questions["sample/secs"] = known
    let due = QuizPlan.review([try #require(sampleLesson)], progress: p, now: 6_000)
    #expect(due.map(\.question.id) == ["pick", "tf"])
  }

  @Test("Leitner: right answers move a card up, a miss sends it back to box 1")
  func leitner() {
    var q = QuestionProgress()
    q.record(correctFirstTry: true, at: 0)
    q.record(correctFirstTry: true, at: 1)
    #expect(q.box == 3)
    #expect(!Leitner.isDue(q, now: 2))
    #expect(Leitner.isDue(q, now: 1 + 3 * 86_400))
    q.record(correctFirstTry: false, at: 3)
    #expect(q.box == 1)
    #expect(Leitner.isDue(q, now: 3))
  }

  @Test("an answer sheet reads ids, lesson/ids and skips comments")
  func answerSheet() throws {
    let sheet = AnswerSheet(text: "# mine\npick: b\nsample/tf: false\n\nbroken line\n: x\n")
    let items = QuizPlan.items([try #require(sampleLesson)])
    #expect(sheet.answer(for: items[0]) == "b")
    #expect(sheet.answer(for: items[2]) == "false")
    #expect(sheet.problems.count == 2)
  }
}
