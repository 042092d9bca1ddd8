/// What `progress.json` may hold, so that it stays small however long a student works, and so
/// that any number a valid file holds is safe to compute with and to print.
extension Progress {
  /// The most recent quizzes kept per lesson; older ones are summed up in `earlierQuizzes`.
  public static let quizzesKeptPerLesson = 20
  /// Questions and lessons kept: far more than any curriculum has (the least recently used go).
  public static let questionsKept = 10_000
  public static let lessonsKept = 1_000
  /// The largest step index kept (a lesson has a few dozen steps).
  public static let largestStepIndex = 100_000
  /// Exercises kept in `exercises` and in `exerciseChecks` each (the course has a few dozen),
  /// the most recently passed first; an id longer than `longestExerciseID` is no exercise's.
  public static let exercisesKept = 1_000
  public static let longestExerciseID = 200
  /// The languages kept per exercise (`python`, `c`: two today).
  public static let languagesKept = 8

  /// Brings every counter into its range: boxes 1…5, counts from 0, no more first-try
  /// successes than attempts, step indices from 0. A file may say anything; after this,
  /// `record`, the reports and `+ 1` for display cannot overflow.
  public mutating func normalize() {
    for (key, var q) in questions {
      q.box = Swift.min(Swift.max(q.box, 1), Leitner.boxes)
      q.attempts = Swift.max(q.attempts, 0)
      q.correctFirstTry = Swift.min(Swift.max(q.correctFirstTry, 0), q.attempts)
      questions[key] = q
    }
    for (key, var l) in lessons {
      l.stepIndex = Swift.min(Swift.max(l.stepIndex, 0), Progress.largestStepIndex)
      lessons[key] = l
    }
    // An exercise listed as passed was passed at least once, last no earlier than first; a
    // check count is from 0, and the check it first passed on one of them.
    if var passed = exercises {
      for (id, var e) in passed {
        e.passes = Swift.max(e.passes, 1)
        e.lastPassed = Swift.max(e.lastPassed, e.firstPassed)
        if let languages = e.languages {
          var seen: Set<String> = []
          e.languages = Array(
            languages.filter { seen.insert($0).inserted }.prefix(Progress.languagesKept))
        }
        passed[id] = e
      }
      exercises = passed
    }
    if var checked = exerciseChecks {
      for (id, var c) in checked {
        c.checks = Swift.max(c.checks, 0)
        if let on = c.passedOn, !(1...Swift.max(c.checks, 1)).contains(on) || c.checks == 0 {
          c.passedOn = nil
        }
        checked[id] = c
      }
      exerciseChecks = checked
    }
    // A quiz: no more right than graded, no more answered than it had.
    for i in quizzes.indices {
      var q = quizzes[i]
      q.total = Swift.max(q.total, 0)
      q.score = Swift.min(Swift.max(q.score, 0), q.total)
      if let planned = q.planned { q.planned = Swift.max(planned, 0) }
      if let answered = q.answered {
        q.answered = Swift.min(Swift.max(answered, 0), q.planned ?? .max)
      }
      if let notGraded = q.notGraded {
        q.notGraded = Swift.min(Swift.max(notGraded, 0), q.answered ?? .max)
      }
      quizzes[i] = q
    }
  }

  /// Keeps the file bounded: per lesson, the last `quizzesKeptPerLesson` quizzes and the best
  /// one, the rest summed up in `earlierQuizzes`; at most `questionsKept` questions and
  /// `lessonsKept` lessons, the least recently used dropped first.
  public mutating func compact() {
    var counts: [String: Int] = [:]
    for quiz in quizzes { counts[quiz.lesson, default: 0] += 1 }
    if counts.values.contains(where: { $0 > Progress.quizzesKeptPerLesson }) {
      compactQuizzes(counts)
    }
    if questions.count > Progress.questionsKept {
      let newest = questions.sorted { $0.value.lastAsked > $1.value.lastAsked }
      questions = Dictionary(
        uniqueKeysWithValues: newest.prefix(Progress.questionsKept).map { ($0.key, $0.value) })
    }
    boundExercises()
    if lessons.count > Progress.lessonsKept {
      let newest = lessons.sorted { $0.value.updated > $1.value.updated }
      lessons = Dictionary(
        uniqueKeysWithValues: newest.prefix(Progress.lessonsKept).map { ($0.key, $0.value) })
    }
  }

  /// Keeps at most `exercisesKept` passed exercises (the most recently passed) and as many
  /// check counts (those of the exercises kept first, then by id), and no id longer than
  /// `longestExerciseID`. Returns how many of each the section held when something was left
  /// out, nil when nothing was.
  @discardableResult
  public mutating func boundExercises() -> (passed: Int, checked: Int)? {
    let held = (passed: exercises?.count ?? 0, checked: exerciseChecks?.count ?? 0)
    var cut = false
    if let passed = exercises {
      let fitting = passed.filter { $0.key.count <= Progress.longestExerciseID }
      if fitting.count > Progress.exercisesKept || fitting.count < passed.count {
        let newest = fitting.sorted {
          ($0.value.lastPassed, $0.key) > ($1.value.lastPassed, $1.key)
        }
        exercises = Dictionary(
          uniqueKeysWithValues: newest.prefix(Progress.exercisesKept).map { ($0.key, $0.value) })
        cut = true
      }
    }
    if let checked = exerciseChecks {
      let fitting = checked.filter { $0.key.count <= Progress.longestExerciseID }
      if fitting.count > Progress.exercisesKept || fitting.count < checked.count {
        let kept = exercises ?? [:]
        let order = fitting.sorted { a, b in
          let (ka, kb) = (kept[a.key] != nil, kept[b.key] != nil)
          return ka != kb ? ka : a.key < b.key
        }
        exerciseChecks = Dictionary(
          uniqueKeysWithValues: order.prefix(Progress.exercisesKept).map { ($0.key, $0.value) })
        cut = true
      }
    }
    return cut ? held : nil
  }

  private mutating func compactQuizzes(_ counts: [String: Int]) {
    // Each lesson's best quiz that may be its best complete quiz (`Progress.isComplete`) stays
    // listed: the best whole one, and the best of version 1 (judged by its size when shown).
    var best: [String: Int] = [:]
    var bestLegacy: [String: Int] = [:]
    for (i, quiz) in quizzes.enumerated() {
      if quiz.kind == nil {
        if let b = bestLegacy[quiz.lesson], !Progress.isBetter(quiz, than: quizzes[b]) { continue }
        bestLegacy[quiz.lesson] = i
        continue
      }
      guard quiz.kind == .lesson, quiz.total > 0, let planned = quiz.planned,
        let answered = quiz.answered, answered >= planned
      else { continue }
      if let b = best[quiz.lesson], !Progress.isBetter(quiz, than: quizzes[b]) { continue }
      best[quiz.lesson] = i
    }
    var seen: [String: Int] = [:]
    var kept: [QuizScore] = []
    var tallies = earlierQuizzes ?? [:]
    for (i, quiz) in quizzes.enumerated() {
      let n = seen[quiz.lesson, default: 0]
      seen[quiz.lesson] = n + 1
      let recent = n >= counts[quiz.lesson, default: 0] - Progress.quizzesKeptPerLesson
      if recent || best[quiz.lesson] == i || bestLegacy[quiz.lesson] == i {
        kept.append(quiz)
        continue
      }
      var t = tallies[quiz.lesson] ?? QuizTally(taken: 0, score: 0, total: 0, since: quiz.date)
      t.taken = t.taken.saturatingIncrement
      t.score = t.score.saturatingAdd(quiz.score)
      t.total = t.total.saturatingAdd(quiz.total)
      t.since = Swift.min(t.since, quiz.date)
      tallies[quiz.lesson] = t
    }
    quizzes = kept
    earlierQuizzes = tallies
  }

  static func ratio(_ q: QuizScore) -> Double {
    Double(q.score) / Double(Swift.max(1, q.total))
  }

  /// Seconds since 1970 as a whole number for a CSV cell, for any value a file may hold
  /// (`Int(_:)` traps beyond ±9.2e18): the integer when it is one, else the number as written.
  public static func wholeSeconds(_ time: Double) -> String {
    let whole = time.rounded(.towardZero)
    if let exact = Int(exactly: whole) { return String(exact) }
    return whole.isFinite ? "\(whole)" : ""
  }
}
