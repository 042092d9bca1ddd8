import Classroom
import DemoContract
import Demos
import Lessons
import Render
import Results
import Testing

/// The sample lesson with an exercise (docs/exercises.md), as a teacher has it.
let exerciseLessonText =
  lessonText + """


    ```exercise
    id: reap-three
    title: Fork three children and reap them all
    files: reap_three.py
    run: python3 reap_three.py
    check: processes == 4 :: the parent and exactly three children
    check: zombies == 0 :: every child reaped
    check: stdout matches "^reaped 3 children$" :: the parent says it reaped three
    hint: Keep each pid.
    task:
    Fork three children and reap them.
    ```
    """

func exerciseGrader() throws -> ClassGrader {
  let lesson = try parsedLesson(exerciseLessonText)
  return ClassGrader(
    lessons: [TeacherLesson(primary: .init(sha256: teacherSHA, lesson: lesson))],
    demos: DemoCatalog.declarations, proclabVersion: "0.1.0")
}

/// A check of reap-three as the REPL records it: the process count and zombies it measured,
/// whether the output test held.
func reapCheck(
  attempt: Int, processes: Int, zombies: Int = 0, printed: Bool = true, at time: Double
) -> ExerciseRecord {
  let held = [processes == 4, zombies == 0, printed].map { $0 ? 1 : 0 }
  return ExerciseRecord(
    exercise: "reap-three", lesson: "sample", lessonSHA256: teacherSHA,
    command: "python3 reap_three.py", runs: 1, runsMade: 1, attempt: attempt,
    passed: held.allSatisfy { $0 == 1 }, checkedAt: time,
    checks: [
      ExerciseCheckResult(
        condition: "processes == 4", meaning: "the parent and exactly three children",
        held: held[0], metrics: ["processes": [JSONValue(processes)]],
        shown: ["processes: \(processes)"]),
      ExerciseCheckResult(
        condition: "zombies == 0", meaning: "every child reaped", held: held[1],
        metrics: ["zombies": [JSONValue(zombies)]], shown: ["zombies: \(zombies)"]),
      ExerciseCheckResult(
        condition: "stdout matches \"^reaped 3 children$\"",
        meaning: "the parent says it reaped three", held: held[2], metrics: [:], shown: []),
    ],
    runResults: [ExerciseRunResult(passed: held.allSatisfy { $0 == 1 }, method: "ptrace")],
    environment: machine)
}

/// `entries` chained as the REPL chains them, in a result file.
func resultFile(entries: [ChainEntry], id: String = "2026123") throws -> ResultFile {
  var chain: [ChainedRecord] = []
  for e in entries { chain = RecordChain.appending(e, to: chain) }
  return ResultFile(
    proclabVersion: "0.1.0", student: try StudentIdentity(name: "Kim Minji", id: id), host: "pc1",
    environment: machine, submitted: t0 + 100, lessons: [], records: chain)
}

@Suite("Exercises in grade")
struct ExerciseGradingTests {
  @Test("a schema 1 file (questions only) still grades, with no flag and the same score")
  func schemaOne() throws {
    var file = try resultFile(honestRecords())
    let current = try graded(file)
    file.schema = 1
    let old = try graded(file)
    #expect(old.codes() == [], "\(old.flags)")
    #expect(old.score == current.score && old.total == current.total)
  }

  @Test("a record of a kind this grader does not know: one flag; the questions still graded")
  func unknownKind() throws {
    let questions = honestRecords()
    let entries: [ChainEntry] =
      [.question(questions[0])]
      + [.unknown(kind: "lab-report", record: ["lesson": "sample", "text": "hello"])]
      + questions.dropFirst().map { .question($0) }
    let student = try graded(try resultFile(entries: entries))
    #expect(student.codes() == [.unknownRecord], "\(student.flags)")
    #expect(student.firstFlag.message.contains("record 1 is of kind 'lab-report'"))
    #expect(student.score == (try graded(try resultFile(honestRecords()))).score)
  }

  @Test("a check failed then passed: 1 checked, passed on the second; no points; class column")
  func failedThenPassed() throws {
    let q = honestRecords()
    let entries: [ChainEntry] =
      q.map { .question($0) } + [
        .exercise(reapCheck(attempt: 1, processes: 8, zombies: 4, printed: false, at: t0 + 40)),
        .exercise(reapCheck(attempt: 2, processes: 4, at: t0 + 60)),
      ]
    let other: [ChainEntry] = [
      .exercise(reapCheck(attempt: 1, processes: 5, at: t0 + 40))
    ]
    let report = try exerciseGrader().report(
      results: [
        ("a.json", try resultFile(entries: entries)),
        ("b.json", try resultFile(entries: other, id: "2026124")),
      ], unreadable: [], gradedAt: t0 + 200)
    let a = try #require(report.students.first)
    #expect(a.flags == [], "\(a.flags)")
    #expect(a.exercisesAttempted == 1 && a.exercisesPassed == 1)
    #expect(a.exercisesPassedFirstTry == 0 && a.exerciseAttempts == 2)
    #expect(a.exercises.first?.passedOnAttempt == 2)
    #expect(a.exercises.first?.failedChecks == [1, 1, 1])
    // The score is the quiz's: the same as without the exercise.
    let quizOnly = try exerciseGrader().report(
      results: [("a.json", try resultFile(q))], unreadable: [], gradedAt: t0 + 200)
    #expect(a.score == quizOnly.students.first?.score && a.total == quizOnly.students.first?.total)
    let b = try #require(report.students.last)
    #expect(b.exercisesAttempted == 1 && b.exercisesPassed == 0 && b.exerciseAttempts == 1)
    let column = try #require(report.exercises.first)
    #expect(column.exercise == "reap-three")
    #expect(column.attempted == 2 && column.passed == 1 && column.passedFirstTry == 0)
    #expect(column.attempts == 3)
    #expect(column.mostFailed?.condition == "processes == 4")
    #expect(column.mostFailed?.failedAttempts == 2)
    #expect(report.text(.plain(width: 80)).contains("1 of 2 passed (0 on the first try), 3 checks"))
    let csv = report.csv()
    #expect(csv.contains("exercise:reap-three,exercise:reap-three:attempts"), "\(csv)")
    #expect(csv.contains(",passed,2,2,"), "\(csv)")
    #expect(csv.contains(",not-passed,1,,"), "\(csv)")
    let html = ClassReportHTML.page(report)
    #expect(html.contains("<section id=\"exercises\">"))
    #expect(html.contains("1 of 2 passed"))
  }

  @Test("a held count, a passed or an attempt edited and re-chained: verdict-changed, re-derived")
  func editedAndRechained() throws {
    var lying = reapCheck(attempt: 1, processes: 8, at: t0 + 40)
    lying.checks[0].held = 1
    lying.passed = true
    var renumbered = reapCheck(attempt: 1, processes: 4, at: t0 + 60)
    renumbered.firstTry = true
    let student = try exerciseGrader().report(
      results: [
        ("a.json", try resultFile(entries: [.exercise(lying), .exercise(renumbered)]))
      ], unreadable: [], gradedAt: t0 + 200
    ).students[0]
    let messages = student.flags.filter { $0.code == .verdictChanged }.map(\.message)
    #expect(messages.count == 3, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("'processes == 4' recorded as held on 1 of 1 runs, held on 0")
      })
    #expect(messages.contains { $0.contains("recorded as passed, its checks say not passed") })
    #expect(messages.contains { $0.contains("recorded as attempt 1, it is check 2") })
    // The grader's count stands: passed on the second check, not the first.
    #expect(student.exercises.first?.passedOnAttempt == 2)
    #expect(!student.codes().contains(.chainBroken))
  }
}
