import Classroom
import DemoContract
import Demos
import Lessons
import Results
import Testing

/// The teacher's lesson the tests grade against: two plain questions, a prediction about a
/// fact (the child's uid, from the `ids` demo), one about shared memory's lost updates, and
/// one about usable CPUs.
let lessonText = """
  ---
  id: sample
  title: Sample
  ---

  ## The only step {#only}

  Questions.

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
  feedback a: Not one.
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

  ```quiz
  id: lost
  kind: predict
  ask: Will nothing be lost? Answer true or false.
  demo: shm-race sync=semaphore increments=200000
  check: metric semaphore.lost == 0
  ```

  ```quiz
  id: cpus
  kind: predict
  ask: How many CPUs may it use?
  demo: cpu-scaling n=10_000_000 runs=1 python=off
  check: equals metric usable_cpus
  ```
  """

func parsedLesson(_ text: String = lessonText, file: String = "sample.md") throws -> Lesson {
  let (lesson, problems) = LessonParser.parse(text: text, file: file)
  #expect(problems.filter(\.isError).isEmpty, "\(problems)")
  return try #require(lesson)
}

let teacherSHA = String(repeating: "a", count: 64)
let koreanSHA = String(repeating: "b", count: 64)

func grader(korean: Bool = false) throws -> ClassGrader {
  let lesson = try parsedLesson()
  let others = korean ? [TeacherLesson.Version(sha256: koreanSHA, lesson: lesson)] : []
  return ClassGrader(
    lessons: [
      TeacherLesson(primary: .init(sha256: teacherSHA, lesson: lesson), others: others)
    ],
    demos: DemoCatalog.declarations, proclabVersion: "0.1.0")
}

let machine = MachineEnvironment(
  cpusOnline: 2, cpuModel: "Test CPU", cgroupCPUQuota: nil, affinity: [0, 1],
  loadAverage: [0.1, 0.1, 0.1], swiftVersion: "6.3", buildConfiguration: "debug",
  kernel: "Linux 6.1")

let t0 = 1_790_000_000.0

/// A run of `demo` as the REPL records it: started event naming the runner, report, ended.
func run(_ demo: String, metrics: [String: JSONValue], at start: Double, pid: Int32 = 4242)
  -> RecordedRun
{
  RecordedRun(
    demo: demo, runnerPID: pid, started: start, ended: start + 1,
    events: [
      EventStamp(at: start + 0.1, type: "started", pid: pid),
      EventStamp(at: start + 0.9, type: "report"),
    ],
    report: DemoReport(demo: demo, params: [:], environment: machine, metrics: metrics))
}

let idsMetrics: [String: JSONValue] = [
  "pid": 4242, "ppid": 4000, "uid": 1000, "euid": 1000, "gid": 1000,
  "parent": ["pid": 3000, "uid": 1000, "euid": 1000, "gid": 1000],
]

/// An honest student's records: pick right first try (2 points), tf right on the second try,
/// child-uid predicted right from their own run, lost predicted right, cpus never answered.
func honestRecords(sha: String = teacherSHA) -> [QuestionRecord] {
  [
    QuestionRecord(
      lesson: "sample", question: "pick", kind: "choice", lessonSHA256: sha, answer: "b",
      tries: 1, hintsShown: 0, seconds: 5, answeredAt: t0 + 5, verdict: .rightFirstTry),
    QuestionRecord(
      lesson: "sample", question: "tf", kind: "truefalse", lessonSHA256: sha, answer: "true",
      tries: 2, hintsShown: 1, seconds: 8, answeredAt: t0 + 14, verdict: .rightOnRetry),
    QuestionRecord(
      lesson: "sample", question: "child-uid", kind: "predict", lessonSHA256: sha,
      answer: "1000", tries: 1, hintsShown: 0, seconds: 4, answeredAt: t0 + 20,
      verdict: .rightFirstTry, run: run("ids", metrics: idsMetrics, at: t0 + 17)),
    QuestionRecord(
      lesson: "sample", question: "lost", kind: "predict", lessonSHA256: sha, answer: "true",
      tries: 1, hintsShown: 0, seconds: 4, answeredAt: t0 + 30, verdict: .rightFirstTry,
      run: run(
        "shm-race",
        metrics: ["semaphore": ["lost": 0, "expected": 400_000, "final": 400_000]],
        at: t0 + 27)),
  ]
}

/// `records` chained as the REPL chains them, in a result file.
func resultFile(
  _ records: [QuestionRecord], id: String = "2026123", name: String = "Kim Minji",
  lessons: [String] = []
) throws -> ResultFile {
  var chain: [ChainedRecord] = []
  for r in records { chain = RecordChain.appending(r, to: chain) }
  return ResultFile(
    proclabVersion: "0.1.0", student: try StudentIdentity(name: name, id: id), host: "pc1",
    environment: machine, submitted: t0 + 100, lessons: lessons, records: chain)
}

/// The one student's row of a class of one.
func graded(_ file: ResultFile, korean: Bool = false) throws -> StudentResult {
  let report = try grader(korean: korean).report(
    results: [("a.json", file)], unreadable: [], gradedAt: t0 + 200)
  return try #require(report.students.first)
}

extension StudentResult {
  func codes() -> [Flag.Code] { flags.map(\.code) }
  /// The first flag; a placeholder when there is none (the tests check the codes first).
  var firstFlag: Flag { flags.first ?? Flag(code: .unknownSchema, message: "(no flag)") }
  func verdict(_ question: String) -> GradeVerdict? {
    questions.first { $0.question == question }?.verdict
  }
}
