/// A quiz question, as declared in a ```` ```quiz ```` block of a lesson.
public struct Question: Sendable, Hashable {
  /// The stable id, unique in its lesson; attempts and Leitner boxes are saved under it.
  public var id: String
  /// What kind of answer the question takes.
  public var kind: QuestionKind
  /// The question, as Markdown.
  public var ask: String
  /// The choices of a `choice`, `multi` or `predict` question, lettered `a`, `b`, `c`…
  public var choices: [Choice]
  /// The items of an `order` question, lettered `a`, `b`, `c`… in the order shown.
  public var items: [Choice]
  /// The answer key; `nil` for a `predict` question (its `check` rule grades it).
  public var answer: AnswerKey?
  /// The unit a number is given in (`s`, `ms`, `KiB`, `%`, `x`, or any word such as
  /// `processes`); a student may answer in another unit of the same kind (`4000ms`).
  public var unit: String?
  /// The demo a `predict` question runs after the student answers.
  public var demo: DemoInvocation?
  /// The rule that grades a `predict` answer against the demo's report.
  public var check: CheckRule?
  /// The `check:` rule as written.
  public var checkText: String?
  /// Hints, shown one at a time.
  public var hints: [String]
  /// The explanation shown after the answer, as Markdown.
  public var explanation: String?
  /// Corrections for specific wrong answers (known misconceptions).
  public var feedback: [Feedback]
  /// How many retries a wrong answer gets; `nil` leaves it to the quiz.
  public var retries: Int?
  /// What the question is worth when a teacher grades a class (`points:`, 1…100; default 1).
  public var points = 1
  /// Where the ```` ```quiz ```` fence opens.
  public var location: SourceLocation
  /// The id of the step the question is written in.
  public var stepID: String

  /// Creates a question; the parser is the usual way to get one.
  public init(
    id: String, kind: QuestionKind, ask: String, choices: [Choice] = [], items: [Choice] = [],
    answer: AnswerKey? = nil, unit: String? = nil, demo: DemoInvocation? = nil,
    check: CheckRule? = nil, checkText: String? = nil, hints: [String] = [],
    explanation: String? = nil, feedback: [Feedback] = [], retries: Int? = nil,
    location: SourceLocation, stepID: String = ""
  ) {
    self.id = id
    self.kind = kind
    self.ask = ask
    self.choices = choices
    self.items = items
    self.answer = answer
    self.unit = unit
    self.demo = demo
    self.check = check
    self.checkText = checkText
    self.hints = hints
    self.explanation = explanation
    self.feedback = feedback
    self.retries = retries
    self.location = location
    self.stepID = stepID
  }

  /// What a `predict` question asks the student for; `nil` for other kinds.
  ///
  /// With `choices:` a letter; otherwise what the rule needs: true/false for a condition that
  /// does not mention `answer`, a number for `within`, `at least`, `at most` and conditions
  /// over `answer`, and a number or a word for `equals`.
  public var predictInput: PredictInput? {
    guard kind == .predict else { return nil }
    if !choices.isEmpty { return .choice }
    return check?.input ?? .value
  }

  /// Whether `answer` is right. Always `false` for a `predict` question (use `check`) and for
  /// an answer of the wrong shape.
  public func isCorrect(_ answer: Answer) -> Bool {
    guard let key = self.answer else { return false }
    switch (key, answer) {
    case (.choices(let right), .choices(let given)):
      if kind == .multi { return Set(right) == Set(given) }
      return right == given
    case (.truth(let right), .truth(let given)):
      return right == given
    case (.number(let right), .number(let given)):
      return right.accepts(given)
    case (.text(let accepted, let pattern), .text(let given)):
      let normal = AnswerParser.normalizedText(given)
      if !normal.isEmpty, accepted.contains(where: { AnswerParser.normalizedText($0) == normal }) {
        return true
      }
      if let pattern { return TextPattern.wholeMatch(pattern, given) }
      return false
    case (.order(let right), .order(let given)):
      return right == given
    default:
      return false
    }
  }

  /// The correction written for this wrong answer (`feedback <answer>: …`), if any.
  ///
  /// For a `multi` question, feedback written for some letters applies when the student chose
  /// all of them (`feedback d:` whenever `d` was chosen).
  public func feedback(for answer: Answer) -> String? {
    for item in feedback {
      guard case .answer(let key)? = item.key else { continue }
      switch (key, answer) {
      case (.choices(let k), .choices(let a)) where kind == .multi:
        if Set(k).isSubset(of: Set(a)) { return item.message }
      case (.number(let k), .number(let a)):
        if NumberKey.nearlyEqual(k, a) { return item.message }
      case (.text(let k), .text(let a)):
        if AnswerParser.normalizedText(k) == AnswerParser.normalizedText(a) { return item.message }
      default:
        if key == answer { return item.message }
      }
    }
    return nil
  }

  /// The correction written for this prediction (`feedback <answer>: …`), if any.
  public func feedback(forPrediction prediction: PredictAnswer) -> String? {
    for item in feedback {
      guard case .prediction(let key)? = item.key else { continue }
      switch (key, prediction) {
      case (.number(let k), .number(let a)):
        if NumberKey.nearlyEqual(k, a) { return item.message }
      case (.text(let k), .text(let a)):
        if AnswerParser.normalizedText(k) == AnswerParser.normalizedText(a) { return item.message }
      case (.choice(let k, _, _), .choice(let a, _, _)):
        if k == a { return item.message }
      default:
        if key == prediction { return item.message }
      }
    }
    return nil
  }

  /// The right answer as a person reads it in a summary table: `b) two`, `a, c`, `true`,
  /// `4 s ± 5%`, `3..5 s`, `ppid`, `d, b, a, c`; for `predict`, the check rule.
  public var answerText: String {
    // A factor reads `3.4×` and a percentage `25%`; other units follow after a space.
    let unitSuffix: String =
      switch unit.flatMap({ QuantityUnit.lookup($0)?.dimension }) {
      case .factor?: "×"
      case .percent?: "%"
      default: unit.map { " \($0)" } ?? ""
      }
    switch answer {
    case nil:
      return checkText ?? ""
    case .choices(let picks):
      if kind == .choice, picks.count == 1, let i = picks.first, choices.indices.contains(i) {
        return "\(choices[i].label)) \(choices[i].text)"
      }
      return picks.map { Choice.label(at: $0) }.joined(separator: ", ")
    case .truth(let b):
      return b ? "true" : "false"
    case .number(.value(let x, let tolerance)):
      let base = NumberText.format(x) + unitSuffix
      switch tolerance {
      case .exact: return base
      case .relative(let f): return "\(base) ± \(NumberText.format(f * 100))%"
      case .absolute(let d): return "\(base) ± \(NumberText.format(d))\(unitSuffix)"
      }
    case .number(.range(let lo, let hi)):
      return "\(NumberText.format(lo))..\(NumberText.format(hi))\(unitSuffix)"
    case .text(let accepted, let pattern):
      return accepted.first ?? pattern ?? ""
    case .order(let sequence):
      return sequence.map { Choice.label(at: $0) }.joined(separator: ", ")
    }
  }
}

/// The kinds of quiz question.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
  /// One answer out of lettered choices.
  case choice
  /// Every right answer out of lettered choices ("select all that apply").
  case multi
  /// True or false.
  case truefalse
  /// A number: exact, with a tolerance, or in a range; units allowed.
  case number
  /// A word or phrase: accepted answers (case- and space-insensitive) or a pattern.
  case text
  /// Items to put in order.
  case order
  /// A prediction graded against a live run of a demo.
  case predict
}

/// A lettered choice (or an item of an `order` question).
public struct Choice: Sendable, Hashable {
  /// The letter, lowercase: `a`, `b`, `c`…
  public var label: String
  /// The text after `a)`, as Markdown.
  public var text: String
  /// The same choice's text in the lesson's other languages (the English original's, for a
  /// translated lesson), which a student may answer with too.
  public var alternates: [String] = []
  /// Where this text stands in a translated lesson's English originals, whose words name
  /// the choice too; read when an answer first needs them (`LessonLibrary.load` links it).
  var original: OriginalText?

  /// Creates a choice.
  public init(label: String, text: String, alternates: [String] = []) {
    self.label = label
    self.text = text
    self.alternates = alternates
  }

  /// Whether `normal`, an answer as `AnswerParser.normalizedText` gives it, is this choice's
  /// text or one of its alternates.
  func isNamed(_ normal: String) -> Bool {
    AnswerParser.normalizedText(text) == normal
      || alternates.contains { AnswerParser.normalizedText($0) == normal }
      || (original?.texts.contains { AnswerParser.normalizedText($0) == normal } ?? false)
  }

  /// The letter of the choice at a 0-based position: 0 → `a`.
  public static func label(at index: Int) -> String {
    guard index >= 0, index < 26, let scalar = Unicode.Scalar(97 + UInt32(index)) else {
      return "?"
    }
    return String(Character(scalar))
  }
}

/// The right answer of a question that is not a `predict`.
public enum AnswerKey: Sendable, Hashable {
  /// 0-based choice indices: one for `choice`, one or more (sorted) for `multi`.
  case choices([Int])
  /// A `truefalse` answer.
  case truth(Bool)
  /// A `number` answer, in the question's `unit`.
  case number(NumberKey)
  /// A `text` answer: the accepted answers (the first is the one shown) and an optional
  /// pattern that the whole answer may match instead (case-insensitive).
  case text(accepted: [String], pattern: String?)
  /// An `order` answer: 0-based item indices in the right order.
  case order([Int])
}

/// The right answer of a `number` question.
public enum NumberKey: Sendable, Hashable {
  /// A value, exact or within a tolerance.
  case value(Double, tolerance: Tolerance)
  /// Any value from the first to the second, both included.
  case range(Double, Double)

  /// Whether `x` (in the question's unit) is right.
  public func accepts(_ x: Double) -> Bool {
    guard x.isFinite else { return false }
    switch self {
    case .value(let right, .exact):
      return NumberKey.nearlyEqual(right, x)
    case .value(let right, .relative(let fraction)):
      return abs(x - right) <= fraction * abs(right) + NumberKey.slack(right)
    case .value(let right, .absolute(let delta)):
      return abs(x - right) <= delta + NumberKey.slack(right)
    case .range(let lo, let hi):
      return x >= lo - NumberKey.slack(lo) && x <= hi + NumberKey.slack(hi)
    }
  }

  /// Room for rounding errors (a unit conversion such as 4000 ms → 4 s).
  static func slack(_ x: Double) -> Double { 1e-9 * max(1, abs(x)) }

  static func nearlyEqual(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
  }
}

/// How far from the right value a number may be.
public enum Tolerance: Sendable, Hashable {
  /// Equal (up to rounding).
  case exact
  /// Within this fraction of the right value: 0.05 for `5%`.
  case relative(Double)
  /// Within this distance, in the question's unit: 0.5 for `± 0.5`.
  case absolute(Double)
}

/// A student's answer to a question that is not a `predict`, as read by `AnswerParser`.
public enum Answer: Sendable, Hashable {
  /// 0-based choice indices (sorted for `multi`).
  case choices([Int])
  /// True or false.
  case truth(Bool)
  /// A number, converted to the question's unit.
  case number(Double)
  /// Text as typed, without surrounding spaces.
  case text(String)
  /// 0-based item indices in the order given.
  case order([Int])
}

/// A student's answer to a `predict` question, as read by `AnswerParser.parsePrediction`.
public enum PredictAnswer: Sendable, Hashable {
  /// A true/false prediction about a condition.
  case truth(Bool)
  /// A number, in the question's unit.
  case number(Double)
  /// A word or phrase.
  case text(String)
  /// A lettered choice: its 0-based index, its letter and its text.
  case choice(index: Int, label: String, text: String)
}

/// What a `predict` question asks the student to type.
public enum PredictInput: Sendable, Hashable {
  /// True or false.
  case truth
  /// A number (with a unit if the question declares one).
  case number
  /// A number or a word.
  case value
  /// A letter from the question's choices.
  case choice
}

/// A correction for one specific wrong answer: `feedback <answer>: message`.
public struct Feedback: Sendable, Hashable {
  /// The answer as written after `feedback`.
  public var answer: String
  /// The correction, as Markdown.
  public var message: String
  /// Where it is written.
  public var location: SourceLocation
  /// The answer, read like a student's answer; `nil` when it does not read as one.
  var key: FeedbackKey?

  /// Creates feedback; the parser reads `answer` with the question's answer rules.
  public init(answer: String, message: String, location: SourceLocation) {
    self.answer = answer
    self.message = message
    self.location = location
  }
}

/// A feedback's answer, read the way a student's answer is read.
enum FeedbackKey: Sendable, Hashable {
  case answer(Answer)
  case prediction(PredictAnswer)
}
