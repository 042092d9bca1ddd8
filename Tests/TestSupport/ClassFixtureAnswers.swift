import DemoContract
import Lessons

/// What a generated student types: a right or a wrong answer, each checked against the lesson's
/// own grading before it is used (a "right" answer the lesson would mark wrong is never
/// written). Wrong answers are often the ones the lesson has feedback for: misconceptions.
enum PlainAnswers {
  /// Letters as a student types them: `a`, `a, c`.
  static func letters(_ indices: [Int]) -> String {
    indices.map { String(UnicodeScalar(UInt8(97 + $0))) }.joined(separator: ", ")
  }

  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }

  /// Candidates for the right answer, most natural first.
  static func rightCandidates(_ question: Question) -> [String] {
    guard let key = question.answer else { return [] }
    switch key {
    case .choices(let indices): return [letters(indices)]
    case .truth(let value): return [value ? "true" : "false"]
    case .number(.value(let v, _)):
      return [number(v), number(v) + (question.unit.map { " \($0)" } ?? "")]
    case .number(.range(let lo, let hi)): return [number((lo + hi) / 2), number(lo)]
    case .text(let accepted, _): return accepted
    case .order(let indices): return [letters(indices)]
    }
  }

  /// Candidates for a wrong answer: the lesson's misconceptions first, then plain mistakes.
  static func wrongCandidates(_ question: Question, _ random: inout ClassFixture.Seeded) -> [String]
  {
    var out = question.feedback.map(\.answer).filter { !$0.isEmpty }
    if random.below(4) == 0 { out.shuffle(using: &random) }
    switch question.answer {
    case .choices(let right)?:
      let count = question.choices.count
      let others = (0..<count).filter { !right.contains($0) }
      out += others.map { letters([$0]) }
      if question.kind == .multi, let first = right.first { out.append(letters([first])) }
    case .truth(let value)?: out.append(value ? "false" : "true")
    case .number(.value(let v, _))?: out += [number(v * 2 + 1), number(v / 2 + 3), "0"]
    case .number(.range(_, let hi))?: out += [number(hi * 3 + 1), "0"]
    case .text?: out += ["I don't know", "memory"]
    case .order(let right)?:
      out += [letters(right.reversed()), letters(Array(right.dropFirst()) + [right[0]])]
    case nil: break
    }
    return out
  }

  /// A right (or a wrong) answer that the lesson grades so, or nil when none is found.
  static func choose(_ question: Question, right: Bool, _ random: inout ClassFixture.Seeded)
    -> String?
  {
    let candidates = right ? rightCandidates(question) : wrongCandidates(question, &random)
    for text in candidates {
      guard let parsed = try? AnswerParser.parse(text, for: question) else { continue }
      if question.isCorrect(parsed) == right { return text }
    }
    return nil
  }
}

extension ClassFixture.Seeded: RandomNumberGenerator {}

/// A prediction's answer, graded against the student's own report by the lesson's rule.
enum PredictionAnswers {
  struct Chosen {
    var answer: String
    var measured: String
    var undetermined: Bool
    var reason: String?
  }

  /// Candidates: the lesson's misconceptions, every letter, true and false, and numbers and
  /// words near the values the rule reads in the report.
  static func candidates(_ question: Question, report: DemoReport) -> [String] {
    var out = question.feedback.map(\.answer).filter { !$0.isEmpty }
    switch question.predictInput {
    case .choice?: out += question.choices.indices.map { PlainAnswers.letters([$0]) }
    case .truth?: out += ["true", "false"]
    default:
      let root = JSONValue.object(report.metrics)
      for path in question.check?.metricPaths ?? [] {
        guard let value = root.path(path) else { continue }
        switch value {
        case .number(let x):
          out += [x, x * 0.999, (x * 100).rounded() / 100, x.rounded(), x * 2 + 1, x / 3, -1].map(
            PlainAnswers.number)
        case .string(let s): out += [s, "nothing"]
        case .bool(let b): out += [b ? "true" : "false", b ? "false" : "true"]
        case .array(let items):
          let numbers = items.compactMap(\.double).sorted()
          if !numbers.isEmpty {
            out += [numbers[numbers.count / 2], numbers[0], numbers[numbers.count - 1] * 3 + 1].map(
              PlainAnswers.number)
          }
        default: break
        }
      }
      out += ["0", "1", "2", "4", "8", "true", "false"]
    }
    return out
  }

  static func choose(
    _ question: Question, report: DemoReport, right: Bool, _ random: inout ClassFixture.Seeded
  ) -> Chosen? {
    guard let rule = question.check else { return nil }
    var options = candidates(question, report: report)
    if !right && random.below(3) == 0 { options.shuffle(using: &random) }
    var undetermined: Chosen?
    for text in options {
      guard let prediction = try? AnswerParser.parsePrediction(text, for: question) else {
        continue
      }
      let outcome = rule.evaluate(answer: prediction, metrics: report.metrics, unit: question.unit)
      switch outcome.verdict {
      case .correct where right, .incorrect where !right:
        return Chosen(answer: text, measured: outcome.measured, undetermined: false)
      case .undetermined:
        undetermined =
          undetermined
          ?? Chosen(
            answer: text, measured: outcome.measured, undetermined: true,
            reason: outcome.explanation)
      default: continue
      }
    }
    return undetermined
  }
}
