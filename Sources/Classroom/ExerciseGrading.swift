import DemoContract
import Lessons
import Localization
import Results

// Exercise records re-graded (docs/grading.md, "Exercises in the grade"): attempts counted
// in chain order, each metric check evaluated again on the metrics the record holds, passed
// decided from the checks, never from the record's `passed`. Exercises carry no points: a
// lesson's exercise block declares none, so score and total stay the quiz's.
extension ClassGrader {
  /// One student's exercises, in the teacher's lesson and exercise order, and what was found
  /// inconsistent in their records.
  func exerciseGrades(_ result: ResultFile, lessons byID: [String: TeacherLesson])
    -> (grades: [ExerciseGrade], flags: [Flag])
  {
    let submitted = Set(result.lessons)
    var flags: [Flag] = []
    var byExercise: [String: ExerciseGrade] = [:]
    for chained in result.records {
      guard let record = chained.exercise, submitted.contains(record.lesson),
        let lesson = byID[record.lesson]
      else { continue }
      guard let exercise = Self.exercise(record, in: lesson) else {
        flags.append(
          Flag(
            code: .lessonVersion,
            CatalogLine(
              "grade.flag.exercise.notInLesson",
              [
                "exercise": Self.safe(record.exercise), "sequence": "\(chained.sequence)",
                "lesson": lesson.id,
              ]),
            lesson: lesson.id))
        continue
      }
      var grade =
        byExercise[exercise.id]
        ?? ExerciseGrade(exercise: exercise.id, lesson: lesson.id, checks: exercise.checks.count)
      grade.attempts += 1
      let label = CatalogLine(
        "grade.flag.exercise.label",
        ["exercise": exercise.id, "sequence": "\(chained.sequence)"])
      func changedFlag(_ problem: CatalogLine) -> Flag {
        Flag(
          code: .verdictChanged,
          CatalogLine("grade.flag.labelled", lines: ["label": label, "problem": problem]),
          lesson: lesson.id)
      }
      if record.attempt != grade.attempts {
        flags.append(
          changedFlag(
            CatalogLine(
              "grade.flag.exercise.attempt",
              [
                "attempt": "\(record.attempt)", "count": "\(grade.attempts)",
                "exercise": exercise.id,
              ])))
      }
      let (held, changed) = regradeChecks(record, exercise)
      for problem in changed { flags.append(changedFlag(problem)) }
      let passed =
        record.runsMade == exercise.runs && record.runResults.count == record.runsMade
        && record.runResults.allSatisfy { $0.stopped == nil }
        && held.count == exercise.checks.count && held.allSatisfy { $0 == record.runsMade }
      if passed != record.passed {
        flags.append(
          changedFlag(
            CatalogLine(
              record.passed
                ? "grade.flag.exercise.recordedPassed" : "grade.flag.exercise.recordedNotPassed")))
      }
      for (i, h) in held.enumerated() where h < record.runsMade {
        grade.failedChecks[i] += 1
      }
      if passed, grade.passedOnAttempt == nil { grade.passedOnAttempt = grade.attempts }
      byExercise[exercise.id] = grade
    }
    var grades: [ExerciseGrade] = []
    for lesson in lessons where submitted.contains(lesson.id) {
      for e in lesson.primary.lesson.exercises {
        if let g = byExercise[e.id] { grades.append(g) }
      }
    }
    return (grades, flags)
  }

  /// The teacher's exercise a record is of: in the version of the lesson it was read from,
  /// else the teacher's primary version.
  static func exercise(_ record: ExerciseRecord, in lesson: TeacherLesson) -> Exercise? {
    let version = lesson.version(sha256: record.lessonSHA256) ?? lesson.primary
    return version.lesson.exercise(id: record.exercise)
      ?? lesson.primary.lesson.exercise(id: record.exercise)
  }

  /// On how many runs each of the teacher's checks held: a metric check evaluated again on
  /// each run's recorded metrics, an output check as recorded (the output is not kept). And a
  /// sentence for each check whose record says otherwise, or that the record lacks.
  func regradeChecks(_ record: ExerciseRecord, _ exercise: Exercise) -> (
    held: [Int], changed: [CatalogLine]
  ) {
    var held: [Int] = []
    var changed: [CatalogLine] = []
    for (i, check) in exercise.checks.enumerated() {
      guard record.checks.indices.contains(i),
        record.checks[i].condition == check.conditionText
      else {
        changed.append(
          CatalogLine(
            "grade.flag.exercise.checkMissing", ["condition": Self.safe(check.conditionText)]))
        held.append(0)
        continue
      }
      let recorded = record.checks[i]
      guard case .metrics(let rule) = check.condition else {
        held.append(recorded.held)
        continue
      }
      var count = 0
      for run in 0..<record.runsMade {
        var metrics: [String: JSONValue] = [:]
        for path in rule.metricPaths {
          guard let values = recorded.metrics[path], values.indices.contains(run) else { continue }
          Self.set(&metrics, path: path, to: values[run])
        }
        let verdict = check.evaluate(
          metrics: metrics, stdout: "", stderr: "", declarations: exerciseMetrics)
        if verdict.held { count += 1 }
      }
      if count != recorded.held {
        changed.append(
          CatalogLine(
            "grade.flag.exercise.held",
            [
              "condition": Self.safe(check.conditionText), "held": "\(recorded.held)",
              "runs": "\(record.runsMade)", "count": "\(count)",
            ]))
      }
      held.append(count)
    }
    return (held, changed)
  }

  /// Puts `value` at a dotted `path` (`shm.left`) of a report's metrics.
  static func set(_ metrics: inout [String: JSONValue], path: String, to value: JSONValue) {
    let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      metrics[path] = value
      return
    }
    var inner: [String: JSONValue] = [:]
    if case .object(let o)? = metrics[parts[0]] { inner = o }
    set(&inner, path: parts[1], to: value)
    metrics[parts[0]] = .object(inner)
  }

  /// Each exercise of the graded lessons across the class: who checked it, who passed, and
  /// the check most often failed.
  func exerciseColumns(_ graded: [TeacherLesson], students: [StudentResult]) -> [ExerciseColumn] {
    graded.flatMap { lesson in
      lesson.primary.lesson.exercises.map { e in
        let mine = students.compactMap { s in s.exercises.first { $0.exercise == e.id } }
        var failed = [Int](repeating: 0, count: e.checks.count)
        for g in mine {
          for (i, n) in g.failedChecks.enumerated() where failed.indices.contains(i) {
            failed[i] += n
          }
        }
        // The most failed; on a tie the first in the exercise's order.
        let worst = failed.indices.max {
          failed[$0] < failed[$1] || (failed[$0] == failed[$1] && $0 > $1)
        }
        let shown = lesson.shown?.lesson.exercise(id: e.id)
        let most = worst.flatMap { i -> FailedCheck? in
          guard failed[i] > 0 else { return nil }
          var check = FailedCheck(
            condition: e.checks[i].conditionText, meaning: e.checks[i].meaning,
            failedAttempts: failed[i])
          if let shown, shown.checks.indices.contains(i) {
            check.shownMeaning = shown.checks[i].meaning
          }
          return check
        }
        var column = ExerciseColumn(
          exercise: e.id, lesson: lesson.id, title: e.title,
          checks: e.checks.map(\.conditionText), attempted: mine.count,
          passed: mine.count { $0.passedOnAttempt != nil },
          passedFirstTry: mine.count { $0.passedOnAttempt == 1 },
          attempts: mine.reduce(0) { $0 + $1.attempts }, mostFailed: most)
        column.shownTitle = shown?.title
        return column
      }
    }
  }
}

/// One exercise of one student, re-graded from their exercise records.
public struct ExerciseGrade: Sendable, Codable, Equatable {
  public var exercise: String
  public var lesson: String
  /// Checks recorded (each a `check` that made every run).
  public var attempts: Int
  /// The attempt that first passed, nil when none did.
  public var passedOnAttempt: Int?
  /// Per check of the teacher's exercise, in its order: on how many attempts it failed.
  public var failedChecks: [Int]

  public init(
    exercise: String, lesson: String, checks: Int, attempts: Int = 0, passedOnAttempt: Int? = nil
  ) {
    self.exercise = exercise
    self.lesson = lesson
    self.attempts = attempts
    self.passedOnAttempt = passedOnAttempt
    failedChecks = [Int](repeating: 0, count: checks)
  }
}

/// One exercise across the class.
public struct ExerciseColumn: Sendable, Codable, Equatable {
  public var exercise: String
  public var lesson: String
  public var title: String
  /// Its checks' conditions, as the teacher's lesson writes them.
  public var checks: [String]
  /// Students who checked it at least once; who passed it; who passed on their first check.
  public var attempted: Int
  public var passed: Int
  public var passedFirstTry: Int
  /// Checks recorded by the whole class.
  public var attempts: Int
  /// The check that failed on the most attempts (the first such on a tie); nil when none failed.
  public var mostFailed: FailedCheck?
  /// The title in the reader's language, for the screen (not in JSON).
  public var shownTitle: String? = nil

  enum CodingKeys: String, CodingKey {
    case exercise, lesson, title, checks, attempted, passed, passedFirstTry, attempts, mostFailed
  }

  public init(
    exercise: String, lesson: String, title: String, checks: [String], attempted: Int,
    passed: Int, passedFirstTry: Int, attempts: Int, mostFailed: FailedCheck?
  ) {
    self.exercise = exercise
    self.lesson = lesson
    self.title = title
    self.checks = checks
    self.attempted = attempted
    self.passed = passed
    self.passedFirstTry = passedFirstTry
    self.attempts = attempts
    self.mostFailed = mostFailed
  }
}

/// A check and on how many of the class's attempts it failed.
public struct FailedCheck: Sendable, Codable, Equatable {
  public var condition: String
  public var meaning: String
  public var failedAttempts: Int
  /// The meaning in the reader's language, for the screen (not in JSON).
  public var shownMeaning: String? = nil

  enum CodingKeys: String, CodingKey {
    case condition, meaning, failedAttempts
  }

  public init(condition: String, meaning: String, failedAttempts: Int) {
    self.condition = condition
    self.meaning = meaning
    self.failedAttempts = failedAttempts
  }
}
