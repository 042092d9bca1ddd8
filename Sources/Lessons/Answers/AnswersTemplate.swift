/// What `proclab quiz <lesson> --template` and `--key` print: an answers file (see
/// ``AnswersFile``) to fill in, and the answer key a teacher checks it against.
///
/// Both are answers files themselves: every line but the `id:` lines is a comment. The key's
/// answers are written so that the answers reader reads them back as right (letters for
/// choices, plain numbers in the question's unit, the first accepted text), so the template
/// filled in with the key scores every question that needs no live run. A prediction has no
/// fixed answer (it is graded against a live run on the machine that grades the file), so
/// the key gives its check rule and leaves its line empty.
public enum AnswersTemplate {
  /// One question of a quiz, in the quiz's order.
  public struct Entry: Sendable {
    public var lesson: String
    public var question: Question

    public init(lesson: String, question: Question) {
      self.lesson = lesson
      self.question = question
    }
  }

  /// An empty answers file: per question its id and ask (and choices or items) as comments,
  /// then `id:` with nothing after it.
  /// - Parameters:
  ///   - entries: the quiz's questions.
  ///   - command: the command that grades the file, for the header (`proclab quiz processes`).
  public static func template(_ entries: [Entry], command: String) -> String {
    var out = [
      "# Answers for: \(command) --answers FILE",
      "# Write each answer after its question's id and colon; lines starting with # are ignored.",
      "# A prediction is graded against a live run of its demo on the machine that grades it.",
    ]
    let qualified = Set(entries.map(\.lesson)).count > 1
    for e in entries {
      let q = e.question
      out.append("")
      out += comment(ask(q), first: "\(id(e, qualified)) (\(what(q))): ")
      out.append("\(id(e, qualified)):")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The answer key: per question its rule as a comment, then `id: answer`.
  public static func key(_ entries: [Entry], command: String) -> String {
    var out = [
      "# Answer key for: \(command) (the teacher's view; do not hand it out)",
      "# Graded with --answers, it scores every question that needs no live run; a prediction's",
      "# line is left empty, since its right answer is whatever the grading machine measures.",
    ]
    let qualified = Set(entries.map(\.lesson)).count > 1
    for e in entries {
      let q = e.question
      out.append("")
      let worth = "\(q.points) point\(q.points == 1 ? "" : "s")"
      out += comment(rule(q), first: "\(id(e, qualified)) (\(q.kind.rawValue), \(worth)): ")
      out.append("\(id(e, qualified)):" + (answer(q).map { " " + $0 } ?? ""))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// An answer the reader reads back as right for `q`; `nil` for a prediction, or for a text
  /// question with a pattern and no accepted answer.
  public static func answer(_ q: Question) -> String? {
    switch q.answer {
    case nil: return nil
    case .choices(let picks)?: return picks.map { Choice.label(at: $0) }.joined(separator: ", ")
    case .truth(let b)?: return b ? "true" : "false"
    case .number(.value(let x, _))?: return plain(x)
    case .number(.range(let lo, let hi))?: return plain(lo + (hi - lo) / 2)
    case .text(let accepted, _)?: return accepted.first
    case .order(let sequence)?: return sequence.map { Choice.label(at: $0) }.joined(separator: " ")
    }
  }

  /// A number as the reader reads it exactly: `1500`, `0.25`, `1e-06`.
  static func plain(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }

  static func id(_ e: Entry, _ qualified: Bool) -> String {
    qualified ? e.lesson + "/" + e.question.id : e.question.id
  }

  /// How the question is answered, for the template.
  static func what(_ q: Question) -> String {
    switch q.kind {
    case .choice: "one letter"
    case .multi: "every right letter"
    case .truefalse: "true or false"
    case .number: q.unit.map { "a number, in \($0)" } ?? "a number"
    case .text: "a word or phrase"
    case .order: "the letters in order"
    case .predict:
      "a prediction" + (q.unit.map { ", in \($0)" } ?? "")
        + (q.choices.isEmpty ? "" : ", one letter")
    }
  }

  static func ask(_ q: Question) -> [String] {
    var lines = q.ask.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for c in q.choices + q.items { lines.append("  \(c.label)) \(c.text)") }
    return lines
  }

  /// The key's rule: the answer as a person reads it and what else is accepted.
  static func rule(_ q: Question) -> [String] {
    var lines: [String] = []
    if q.kind == .predict {
      let demo = q.demo.map { " against a live run of \($0.demo)" } ?? ""
      lines.append("graded\(demo): \(q.checkText ?? "no check rule")")
    } else {
      lines.append("right: \(q.answerText)")
    }
    if case .text(let accepted, let pattern)? = q.answer {
      if accepted.count > 1 {
        lines.append("also accepted: " + accepted.dropFirst().joined(separator: "; "))
      }
      if let pattern { lines.append("or matching the pattern: \(pattern)") }
    }
    for c in q.choices + q.items { lines.append("  \(c.label)) \(c.text)") }
    return lines
  }

  /// `lines` as comments, the first one after `first`.
  static func comment(_ lines: [String], first: String) -> [String] {
    lines.enumerated().map { i, line in
      let text = i == 0 ? first + line : "  " + line
      return ("# " + text).trimmingTrailingSpaces()
    }
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
