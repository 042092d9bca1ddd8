public import Lessons

/// How one question of a quiz ended. Only the first four are graded: they count in the score
/// and the total, in attempts, Leitner boxes and review (docs/progress.md).
public enum QuestionResult: Sendable, Equatable {
  case rightFirstTry
  case rightOnRetry
  case wrong
  case skipped
  /// Nobody could grade it: its demo could not run, or its rule could not be decided on this
  /// run. Left out of the total and of review, recorded nowhere; `reason` says why.
  case notGraded(reason: String)
  /// The student stopped its demo with Ctrl-C: not counted anywhere, as if never asked.
  case notCounted

  /// Whether it counts in the score, the total, attempts, boxes and review.
  public var isGraded: Bool {
    switch self {
    case .rightFirstTry, .rightOnRetry, .wrong, .skipped: true
    case .notGraded, .notCounted: false
    }
  }

  /// Whether the student gave an answer the quiz took (graded or not): what "asked" counts.
  public var wasAnswered: Bool { self != .notCounted }
}

/// One question as it went in a quiz: for the summary table, the score and progress.
public struct QuestionOutcome: Sendable, Equatable {
  public var lesson: String
  public var question: String
  public var stepID: String
  public var kind: String
  public var ask: String
  /// The last answer given ("" when skipped).
  public var answer: String
  public var correctAnswer: String
  public var result: QuestionResult
  public var tries: Int
  public var measured: String?
  public var hintsShown: Int

  public init(
    lesson: String, question: String, stepID: String, kind: String, ask: String, answer: String,
    correctAnswer: String, result: QuestionResult, tries: Int, measured: String?, hintsShown: Int
  ) {
    self.lesson = lesson
    self.question = question
    self.stepID = stepID
    self.kind = kind
    self.ask = ask
    self.answer = answer
    self.correctAnswer = correctAnswer
    self.result = result
    self.tries = tries
    self.measured = measured
    self.hintsShown = hintsShown
  }

  public var key: String { Progress.key(lesson: lesson, question: question) }
}

/// A quiz as it went: the score counts graded first tries only.
public struct QuizSummary: Sendable, Equatable {
  public var outcomes: [QuestionOutcome]
  /// How many questions the quiz had when it started.
  public var planned: Int
  public var seconds: Double

  public init(outcomes: [QuestionOutcome], planned: Int, seconds: Double) {
    self.outcomes = outcomes
    self.planned = planned
    self.seconds = seconds
  }

  public var graded: [QuestionOutcome] { outcomes.filter(\.result.isGraded) }
  /// Graded questions right on the first try.
  public var score: Int { graded.filter { $0.result == .rightFirstTry }.count }
  /// Graded questions asked.
  public var total: Int { graded.count }
  /// Questions the student answered, graded or not (a stopped demo's question is not).
  public var answered: Int { outcomes.filter(\.result.wasAnswered).count }
  public var notGraded: Int {
    outcomes.filter { !$0.result.isGraded && $0.result.wasAnswered }.count
  }
  public var notCounted: Int { outcomes.filter { $0.result == .notCounted }.count }
  /// Every question of the quiz answered: only such a quiz can be a lesson's score.
  public var isComplete: Bool { answered == planned }
  /// Graded questions to come back to: missed on the first try or skipped.
  public var toReview: [QuestionOutcome] { graded.filter { $0.result != .rightFirstTry } }

  /// The line of `progress.json` this quiz adds.
  public func record(lesson: String, kind: QuizKind, date: Double) -> QuizScore {
    var score = QuizScore(lesson: lesson, score: score, total: total, date: date, seconds: seconds)
    score.kind = kind
    score.planned = planned
    score.answered = answered
    score.notGraded = notGraded
    return score
  }
}

/// What a quiz was asked for: only a lesson's whole quiz can be that lesson's score.
public enum QuizKind: String, Sendable, Codable, Equatable {
  /// `quiz <lesson>`: every question of one lesson.
  case lesson
  /// `quiz all`.
  case all
  /// `review`: questions due again, from any lesson.
  case review
}

/// How many tries a question gets, and what may be shown before the last one.
public enum TryPolicy {
  /// Tries when a question does not say (`retries:`): the first, plus one retry.
  public static let defaultRetries = 1

  /// The tries allowed: a retry that could only be right is no question. True/false gets one
  /// try, and a choice of n gets at most n − 1 (the last one left would be a certainty).
  public static func allowedTries(_ q: Question) -> Int {
    let asked = 1 + max(0, q.retries ?? defaultRetries)
    switch q.kind {
    case .truefalse: return 1
    case .choice: return max(1, min(asked, q.choices.count - 1))
    default: return asked
    }
  }

  /// Whether `text` (feedback on a wrong try) names the right answer, so that showing it
  /// before the last try would hand the answer over: it contains, as whole words, the text of
  /// a right choice, an accepted text answer, or the right number.
  public static func givesAway(_ text: String, for q: Question) -> Bool {
    let words = wordsOf(text)
    var answers: [String] = []
    switch q.answer {
    case .choices(let picks) where q.kind == .choice:
      answers = picks.compactMap { q.choices.indices.contains($0) ? q.choices[$0].text : nil }
    case .text(let accepted, _):
      answers = accepted
    case .number:
      answers = [q.answerText.split(separator: " ").first.map(String.init) ?? ""]
    default:
      return false
    }
    return answers.contains { answer in
      let target = wordsOf(answer)
      guard !target.isEmpty, target.count <= words.count else { return false }
      return (0...(words.count - target.count)).contains {
        Array(words[$0..<($0 + target.count)]) == target
      }
    }
  }

  /// Lower-cased runs of letters and digits (a decimal point inside a number kept).
  static func wordsOf(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    let chars = Array(text.lowercased())
    for (i, c) in chars.enumerated() {
      let inNumber =
        c == "." && !current.isEmpty && current.last!.isNumber && i + 1 < chars.count
        && chars[i + 1].isNumber
      if c.isLetter || c.isNumber || inNumber {
        current.append(c)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
