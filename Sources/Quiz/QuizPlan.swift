public import Lessons

/// Which questions a quiz asks, in which order.
public struct QuizItem: Sendable, Equatable {
  public var lessonID: String
  public var lessonTitle: String
  public var question: Question

  public init(lessonID: String, lessonTitle: String, question: Question) {
    self.lessonID = lessonID
    self.lessonTitle = lessonTitle
    self.question = question
  }

  public var key: String { Progress.key(lesson: lessonID, question: question.id) }
}

public enum QuizPlan {
  /// Every question of `lessons`, in the lessons' order.
  public static func items(_ lessons: [Lesson]) -> [QuizItem] {
    lessons.flatMap { l in
      l.questions.map { QuizItem(lessonID: l.id, lessonTitle: l.title, question: $0) }
    }
  }

  /// Questions missed before and due again by their Leitner box, the longest-missed first.
  public static func review(_ lessons: [Lesson], progress: Progress, now: Double) -> [QuizItem] {
    items(lessons)
      .compactMap { item -> (QuizItem, Double)? in
        guard let p = progress.questions[item.key], Leitner.isDue(p, now: now) else { return nil }
        return (item, p.missedAt ?? p.lastAsked)
      }
      .sorted { $0.1 < $1.1 }
      .map(\.0)
  }

  /// A reproducible shuffle (SplitMix64 seeded with `seed`), so `--seed N` repeats an order.
  public static func shuffled(_ items: [QuizItem], seed: UInt64) -> [QuizItem] {
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var out = items
    guard out.count > 1 else { return out }
    for i in stride(from: out.count - 1, to: 0, by: -1) {
      let j = Int(next() % UInt64(i + 1))
      out.swapAt(i, j)
    }
    return out
  }
}

/// A file of answers for autograding, read by `AnswersFile` (its format and problems are
/// described there): the answers by `lesson/question-id` or by plain id.
public struct AnswerSheet: Sendable, Equatable {
  public var answers: [String: String]
  public var problems: [String]

  public init(text: String) {
    let file = AnswersFile(text: text)
    answers = [:]
    for line in file.lines where answers[line.id] == nil { answers[line.id] = line.answer }
    problems = file.problems.map(\.description)
  }

  /// The answer for an item, by `lesson/id` or by plain id.
  public func answer(for item: QuizItem) -> String? {
    answers[item.key] ?? answers[item.question.id]
  }
}
