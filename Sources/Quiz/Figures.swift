public import Lessons
import Localization

/// The figures ProcLab shows about a student's record, each defined once, here: `progress`,
/// `lessons`, `progress --json` and `progress --csv` all call these (docs/progress.md says what
/// each means, in the same words).
public enum Figure: String, Sendable, CaseIterable {
  case reached
  case rightFirstTime
  case bestCompleteQuiz
  case box
  case toReview
  case quizzesLeftEarly

  /// The label every screen shows for it, in the session's language (`Catalog.language`).
  public var label: String {
    switch self {
    case .reached: Catalog.text("figure.reached")
    case .rightFirstTime: Catalog.text("figure.rightFirstTime")
    case .bestCompleteQuiz: Catalog.text("figure.bestCompleteQuiz")
    case .box: Catalog.text("figure.box")
    case .toReview: Catalog.text("figure.toReview")
    case .quizzesLeftEarly: Catalog.text("figure.quizzesLeftEarly")
    }
  }
}

/// Where a student is in a lesson's steps.
public enum Reached: Sendable, Equatable {
  case notStarted
  case step(Int, of: Int)
  case done

  public var text: String {
    switch self {
    case .notStarted: "—"
    case .step(let n, let of):
      Catalog.text("figure.reached.step", ["step": String(n), "count": String(of)])
    case .done: Catalog.text("figure.reached.done")
    }
  }
}

/// The figures of one lesson.
public struct LessonFigures: Sendable, Equatable {
  public var lesson: String
  public var reached: Reached
  /// The lesson's questions now.
  public var questions: Int
  /// Of those, how many were answered right the first time they were ever asked.
  public var rightFirstTime: Int
  /// The best score of a quiz of this lesson alone in which every question was answered
  /// (first tries right of graded questions); nil when there is none.
  public var bestCompleteQuiz: QuizScore?
  /// Of the lesson's questions, how many `review` would ask now.
  public var toReview: Int
  /// Quizzes of this lesson left before their last question (kept, never a score).
  public var quizzesLeftEarly: Int
}

/// The figures of one question that has been asked.
public struct QuestionFigures: Sendable, Equatable {
  public var lesson: String
  public var question: String
  /// How many times it was asked and graded.
  public var asked: Int
  /// Whether its first-ever answer was right; nil when a file from before version 2 cannot say.
  public var rightFirstTime: Bool?
  /// Its Leitner box now, 1 (ask again soon) to 5 (known).
  public var box: Int
  /// Whether `review` would ask it now.
  public var toReview: Bool
  public var lastAsked: Double
}

extension Progress {
  /// Whether `quiz` was a whole quiz of `lesson`: every question answered. A quiz saved before
  /// version 2 does not say; it counts as whole when it graded at least as many questions as
  /// the lesson has now (a review or a quiz left early graded fewer).
  public static func isComplete(_ quiz: QuizScore, of lesson: Lesson) -> Bool {
    guard quiz.lesson == lesson.id else { return false }
    guard let kind = quiz.kind else { return quiz.total >= lesson.questions.count }
    guard kind == .lesson, let planned = quiz.planned, let answered = quiz.answered else {
      return false
    }
    return answered >= planned
  }

  /// Whether `quiz` was a quiz of a lesson left before its last question.
  public static func isLeftEarly(_ quiz: QuizScore) -> Bool {
    guard quiz.kind == .lesson, let planned = quiz.planned, let answered = quiz.answered else {
      return false
    }
    return answered < planned
  }

  /// The better of two scores: the higher share right, then the more questions, then the later.
  static func isBetter(_ a: QuizScore, than b: QuizScore) -> Bool {
    let (ra, rb) = (ratio(a), ratio(b))
    if ra != rb { return ra > rb }
    if a.total != b.total { return a.total > b.total }
    return a.date >= b.date
  }

  /// Every figure of `lesson`, as of `now` (seconds since 1970).
  public func figures(of lesson: Lesson, now: Double) -> LessonFigures {
    let reached: Reached =
      lessons[lesson.id].map {
        $0.finished
          ? .done
          : .step(Swift.min($0.stepIndex, lesson.steps.count - 1) + 1, of: lesson.steps.count)
      } ?? .notStarted
    let asked = lesson.questions.compactMap {
      questions[Progress.key(lesson: lesson.id, question: $0.id)]
    }
    var best: QuizScore?
    for quiz in quizzes where Progress.isComplete(quiz, of: lesson) {
      if best.map({ Progress.isBetter(quiz, than: $0) }) ?? true { best = quiz }
    }
    return LessonFigures(
      lesson: lesson.id, reached: reached, questions: lesson.questions.count,
      rightFirstTime: asked.filter { $0.firstAnswerRight == true }.count,
      bestCompleteQuiz: best,
      toReview: asked.filter { Leitner.isDue($0, now: now) }.count,
      quizzesLeftEarly: quizzes.filter { $0.lesson == lesson.id && Progress.isLeftEarly($0) }
        .count)
  }

  /// The figures of every question asked, ordered by key (`<lesson>/<question>`).
  public func questionFigures(now: Double) -> [QuestionFigures] {
    questions.keys.sorted().compactMap { key in
      guard let q = questions[key] else { return nil }
      let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
      return QuestionFigures(
        lesson: parts.first ?? "", question: parts.count > 1 ? parts[1] : "", asked: q.attempts,
        rightFirstTime: q.firstAnswerRight, box: q.box, toReview: Leitner.isDue(q, now: now),
        lastAsked: q.lastAsked)
    }
  }
}
