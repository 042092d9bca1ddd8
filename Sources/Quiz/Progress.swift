/// What a student has done: where they are in each lesson, how each question went, and their
/// quiz scores. Saved as `progress.json` in ProcLab's state directory.
public struct Progress: Sendable, Codable, Equatable {
  /// 2 added `QuestionProgress.firstAnswerRight` and a quiz's `kind`, `planned`, `answered`
  /// and `notGraded`; a version 1 file is migrated on load (`migrate()`, docs/progress.md).
  public static let currentVersion = 2
  public var version = Progress.currentVersion
  public var lessons: [String: LessonProgress] = [:]
  /// Keyed by `<lesson id>/<question id>`.
  public var questions: [String: QuestionProgress] = [:]
  /// The most recent quizzes, oldest first (at most `quizzesKeptPerLesson` per lesson, and
  /// each lesson's best).
  public var quizzes: [QuizScore] = []
  /// What `compact()` folded away: per lesson, the quizzes no longer listed. Absent in files
  /// that never needed compacting.
  public var earlierQuizzes: [String: QuizTally]?
  /// The exercises passed (docs/exercises.md, "Progress"), by exercise id. Absent in files
  /// written before exercises existed, which read as none passed.
  public var exercises: [String: ExerciseProgress]?
  /// Every `check` of an exercise that made all its runs, passed or not, by exercise id: how
  /// many, and on which the exercise first passed (docs/progress.md). Absent in files written
  /// before it was kept.
  public var exerciseChecks: [String: ExerciseChecks]?

  public init() {}

  /// Counts a `check` of exercise `id` that made all its runs; the first that passed is kept.
  public mutating func recordExerciseCheck(_ id: String, passed: Bool) {
    var all = exerciseChecks ?? [:]
    var entry = all[id] ?? ExerciseChecks()
    entry.checks = entry.checks.saturatingIncrement
    if passed, entry.passedOn == nil { entry.passedOn = entry.checks }
    all[id] = entry
    exerciseChecks = all
  }

  /// Records a passed `check` of exercise `id` at `time`: the first pass is kept, the count
  /// of passes goes up, and `language` (`python`, `c`) joins the languages it was passed in.
  public mutating func recordExercisePassed(_ id: String, at time: Double, language: String? = nil)
  {
    var all = exercises ?? [:]
    var entry = all[id] ?? ExerciseProgress(firstPassed: time)
    entry.passes = entry.passes.saturatingIncrement
    entry.lastPassed = time
    if let language, !(entry.languages ?? []).contains(language) {
      entry.languages = (entry.languages ?? []) + [language]
    }
    all[id] = entry
    exercises = all
  }

  /// Whether exercise `id` has been passed.
  public func hasPassed(exercise id: String) -> Bool { exercises?[id] != nil }

  public static func key(lesson: String, question: String) -> String { "\(lesson)/\(question)" }

  /// Brings a file of an older version up to this one. Version 1 did not keep whether a
  /// question's first answer was right: where its counts settle it (every first try right, or
  /// none) it is derived, otherwise left unknown. Its quizzes stay as they were
  /// (`Progress.isComplete` judges them by their size).
  public mutating func migrate() {
    guard version < Progress.currentVersion else { return }
    for (key, var q) in questions where q.firstAnswerRight == nil && q.attempts > 0 {
      if q.correctFirstTry >= q.attempts {
        q.firstAnswerRight = true
      } else if q.correctFirstTry <= 0 {
        q.firstAnswerRight = false
      }
      questions[key] = q
    }
    version = Progress.currentVersion
  }
}

/// One exercise passed: when first and last, how many times `check` passed it, and in which
/// languages.
public struct ExerciseProgress: Sendable, Codable, Equatable {
  /// Seconds since 1970.
  public var firstPassed: Double
  public var lastPassed: Double
  public var passes: Int
  /// The languages a `check` passed it in (`python`, `c`), in the order first passed. Absent
  /// in files written before C exercises, whose passes were all in Python.
  public var languages: [String]?

  public init(firstPassed: Double, lastPassed: Double? = nil, passes: Int = 0) {
    self.firstPassed = firstPassed
    self.lastPassed = lastPassed ?? firstPassed
    self.passes = passes
  }
}

/// The checks of one exercise: how many, and the one it first passed on (1-based).
public struct ExerciseChecks: Sendable, Codable, Equatable {
  public var checks: Int
  public var passedOn: Int?

  public init(checks: Int = 0, passedOn: Int? = nil) {
    self.checks = checks
    self.passedOn = passedOn
  }
}

/// Quizzes taken before those `Progress.quizzes` still lists, summed up.
public struct QuizTally: Sendable, Codable, Equatable {
  public var taken: Int
  /// The sums of their scores and of their totals.
  public var score: Int
  public var total: Int
  /// When the first of them was taken (seconds since 1970).
  public var since: Double

  public init(taken: Int, score: Int, total: Int, since: Double) {
    self.taken = taken
    self.score = score
    self.total = total
    self.since = since
  }
}

/// Where a student is in one lesson.
public struct LessonProgress: Sendable, Codable, Equatable {
  /// The id of the step last shown (stable across edits of the text).
  public var step: String
  /// Its index when it was shown, used when the id no longer exists.
  public var stepIndex: Int
  public var finished: Bool
  /// Seconds since 1970.
  public var updated: Double

  public init(step: String, stepIndex: Int, finished: Bool, updated: Double) {
    self.step = step
    self.stepIndex = stepIndex
    self.finished = finished
    self.updated = updated
  }
}

/// How one question went over time, with its Leitner box (1 = ask again soon … 5 = known).
/// Only graded answers are recorded (docs/progress.md).
public struct QuestionProgress: Sendable, Codable, Equatable {
  /// Times it was asked and graded.
  public var attempts: Int = 0
  /// Of those, how many were right on the first try.
  public var correctFirstTry: Int = 0
  public var box: Int = 1
  public var lastAsked: Double = 0
  public var lastCorrect: Bool = false
  /// When it was last missed (first try wrong), for `review`'s oldest-first order.
  public var missedAt: Double?
  /// Whether the first answer it ever got was right; nil before it is answered, and in a
  /// version 1 file whose counts cannot say.
  public var firstAnswerRight: Bool?

  public init() {}

  /// Records one answer: a first-try success moves the card up a box, a miss sends it to 1.
  /// Counters saturate: a file may hold any number (`Progress.normalize()` keeps them sane).
  public mutating func record(correctFirstTry: Bool, at time: Double) {
    if attempts == 0 { firstAnswerRight = correctFirstTry }
    attempts = attempts.saturatingIncrement
    lastAsked = time
    lastCorrect = correctFirstTry
    if correctFirstTry {
      self.correctFirstTry = self.correctFirstTry.saturatingIncrement
      box = min(max(box, 0), Leitner.boxes - 1) + 1
    } else {
      box = 1
      missedAt = time
    }
  }
}

/// One quiz, whole or left early.
public struct QuizScore: Sendable, Codable, Equatable {
  /// The lesson asked, or `all` for questions of several lessons.
  public var lesson: String
  /// Graded questions right on the first try, and graded questions asked.
  public var score: Int
  public var total: Int
  public var date: Double
  public var seconds: Double
  /// What it was asked for (absent in version 1 files).
  public var kind: QuizKind?
  /// How many questions it had, and how many of them were answered (graded or not).
  public var planned: Int?
  public var answered: Int?
  /// Of those answered, how many could not be graded.
  public var notGraded: Int?

  public init(lesson: String, score: Int, total: Int, date: Double, seconds: Double) {
    self.lesson = lesson
    self.score = score
    self.total = total
    self.date = date
    self.seconds = seconds
  }
}

/// The Leitner system: a card in box n comes back after `interval(n)` days; what is known
/// comes back less often.
public enum Leitner {
  public static let boxes = 5

  /// Days before a card in `box` is due again.
  public static func interval(box: Int) -> Double {
    switch box {
    case ...1: 0
    case 2: 1
    case 3: 3
    case 4: 7
    default: 16
    }
  }

  /// Whether a question is due for review at `now` (seconds since 1970).
  public static func isDue(_ q: QuestionProgress, now: Double) -> Bool {
    guard q.attempts > 0 else { return false }
    if !q.lastCorrect || q.box <= 1 { return true }
    return now - q.lastAsked >= interval(box: q.box) * 86_400
  }
}

extension Int {
  /// `self + 1`, or `Int.max` where that would overflow.
  var saturatingIncrement: Int { self == .max ? .max : self + 1 }

  /// `self + other`, clamped to `Int.min...Int.max` instead of trapping.
  func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }
}
