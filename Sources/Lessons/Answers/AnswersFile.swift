import Localization
import Render

/// A file of answers for `proclab quiz <lesson> --answers FILE`: one `question-id: answer` (or
/// `lesson/question-id: answer`) per line; blank lines and lines starting with `#` are ignored,
/// and so is a line whose answer is empty (a line of `quiz --template` not filled in).
///
/// Written by students in any editor, so lines may end in LF, CRLF or CR alone, and the file
/// may start with a byte-order mark. Every line that cannot be used is a ``Problem`` of one
/// line, saying which line, what was wrong and what is allowed; the other lines still count.
/// Pure: no file I/O (the caller reads the bytes and hands them to ``decode(_:)``).
public struct AnswersFile: Sendable, Equatable {
  /// A line of the form `id: answer`, with its answer not empty.
  public struct Line: Sendable, Equatable {
    /// 1-based line number in the file.
    public var number: Int
    /// What is written before the first `:`, trimmed.
    public var id: String
    /// What is written after it, trimmed; never empty.
    public var answer: String
  }

  /// A line that is not used, and why.
  public struct Problem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    /// What was wrong and what is allowed; untrusted text in it is escaped.
    public var message: String

    public var description: String {
      Catalog.text("quiz.answersFile.line", ["line": "\(line)", "message": message])
    }
  }

  /// A question a file's ids are matched against.
  public struct QuestionID: Sendable, Hashable {
    public var lesson: String
    public var question: String

    public init(lesson: String, question: String) {
      self.lesson = lesson
      self.question = question
    }

    /// `lesson/question`, the id that is never ambiguous.
    public var key: String { lesson + "/" + question }
  }

  /// The answers matched to the questions of a quiz, and every line that was not used.
  public struct Resolved: Sendable, Equatable {
    /// Answers by ``QuestionID/key``.
    public var answers: [String: String]
    /// The file's problems and the problems of matching, in line order.
    public var problems: [Problem]
  }

  /// The `id: answer` lines, in file order.
  public private(set) var lines: [Line] = []
  /// The lines that are neither an answer, a comment nor blank.
  public private(set) var problems: [Problem] = []

  /// Reads the text of an answers file (see the type's description).
  public init(text: String) {
    for (index, raw) in Self.splitLines(text).enumerated() {
      let number = index + 1
      let line = raw.trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        problems.append(Problem(line: number, message: Catalog.text("quiz.answersFile.noColon")))
        continue
      }
      let id = String(line[..<colon].trimmingWhitespace())
      let answer = String(line[line.index(after: colon)...].trimmingWhitespace())
      if id.isEmpty {
        problems.append(Problem(line: number, message: Catalog.text("quiz.answersFile.noID")))
      } else if !answer.isEmpty {
        lines.append(Line(number: number, id: id, answer: answer))
      }
    }
  }

  /// The lines of `text`, split at LF, CRLF and a lone CR, without a leading byte-order mark.
  /// A final line break does not start another line.
  public static func splitLines(_ text: String) -> [Substring] {
    var scalars = Substring(text).unicodeScalars
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var result: [Substring] = []
    var start = scalars.startIndex
    var i = start
    while i != scalars.endIndex {
      let c = scalars[i]
      if c == "\n" || c == "\r" {
        result.append(Substring(scalars[start..<i]))
        var next = scalars.index(after: i)
        if c == "\r", next != scalars.endIndex, scalars[next] == "\n" {
          next = scalars.index(after: next)
        }
        start = next
        i = next
      } else {
        i = scalars.index(after: i)
      }
    }
    if start != scalars.endIndex { result.append(Substring(scalars[start...])) }
    return result
  }

  /// The bytes of an answers file as text: UTF-8 (with or without a byte-order mark), or
  /// UTF-16 with a byte-order mark (what some Windows editors save as "Unicode").
  /// - Returns: `nil` when the bytes are not text in one of those encodings.
  public static func decode(_ bytes: [UInt8]) -> String? {
    if bytes.count >= 2,
      bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF
    {
      guard bytes.count % 2 == 0 else { return nil }
      let little = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2 - 1)
      for i in stride(from: 2, to: bytes.count, by: 2) {
        let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
        units.append(little ? a | b << 8 : a << 8 | b)
      }
      return String(validating: units, as: UTF16.self)
    }
    guard let text = String(validating: bytes, as: UTF8.self), !text.contains("\0") else {
      return nil
    }
    return text
  }

  /// Matches the file's lines to `questions`.
  ///
  /// A plain id answers every question of that id (one per lesson in `quiz all`); a
  /// `lesson/id` answers one. An id matching no question, or one only when case is ignored,
  /// is a problem; so is a second answer to a question already answered (the first is graded).
  public func resolved(against questions: [QuestionID]) -> Resolved {
    var byKey: [String: QuestionID] = [:]
    var byID: [String: [QuestionID]] = [:]
    var byLowercased: [String: String] = [:]
    for q in questions {
      byKey[q.key] = q
      byID[q.question, default: []].append(q)
      byLowercased[q.key.lowercased()] = byLowercased[q.key.lowercased()] ?? q.key
      byLowercased[q.question.lowercased()] = byLowercased[q.question.lowercased()] ?? q.question
    }
    var answers: [String: String] = [:]
    var answeredOn: [String: Int] = [:]
    var found = problems
    for line in lines {
      let matched = byKey[line.id].map { [$0] } ?? byID[line.id] ?? []
      guard !matched.isEmpty else {
        found.append(Problem(line: line.number, message: unknown(line.id, byLowercased, questions)))
        continue
      }
      for q in matched {
        if let first = answeredOn[q.key] {
          found.append(
            Problem(
              line: line.number,
              message: Catalog.text(
                "quiz.answersFile.second", ["id": Self.shown(q.key), "first": "\(first)"])))
        } else {
          answers[q.key] = line.answer
          answeredOn[q.key] = line.number
        }
      }
    }
    found.sort { $0.line < $1.line }
    return Resolved(answers: answers, problems: found)
  }

  private func unknown(
    _ id: String, _ byLowercased: [String: String], _ questions: [QuestionID]
  ) -> String {
    if let exact = byLowercased[id.lowercased()] {
      return Catalog.text(
        "quiz.answersFile.case", ["id": Self.shown(id), "exact": Self.shown(exact)])
    }
    let candidates = Array(Set(questions.map(\.question) + questions.map(\.key))).sorted()
    if let near = Suggestions.nearest(id, candidates) {
      return Catalog.text("quiz.answersFile.guess", ["id": Self.shown(id), "guess": near])
    }
    return Catalog.text("quiz.answersFile.unknown", ["id": Self.shown(id)])
  }

  /// Untrusted text for one line of a message: escaped, and cut at 60 characters.
  static func shown(_ text: String) -> String {
    let escaped = TerminalSafe.escape(text)
    return escaped.count <= 60 ? escaped : String(escaped.prefix(59)) + "…"
  }
}
