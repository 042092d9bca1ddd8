import Demos
import FoundationEssentials
import Glibc
import Lessons
import Localization
import OSKit
import Quiz
import Render

/// Grades a file of answers without a terminal, for a teacher's autograding: predictions run
/// their demo live, exactly as in the REPL. The file's format and exit statuses are in
/// docs/lesson-format.md ("Answers files").
struct Autograder {
  let items: [QuizItem]
  let json: Bool
  /// The largest answers file read (whole; a larger one is refused in one line).
  static let maximumSize = 16 << 20

  /// The exit status when the answers were graded, whatever the score and the problems.
  static let graded: Int32 = 0
  /// The exit status when the answers file could not be read at all.
  static let unreadable: Int32 = 2

  struct Result: Encodable {
    var lesson: String
    var question: String
    var kind: String
    var answer: String?
    var correct: Bool
    var status: String
    var expected: String
    var measured: String?
    var feedback: String?
  }

  struct Sheet: Encodable {
    var score: Int
    var total: Int
    var results: [Result]
    var problems: [String]
  }

  /// Reads `file` (`-`: standard input) as text, or says in one line why it cannot.
  static func read(_ file: String) -> String? {
    let path = file == "-" ? "/dev/stdin" : file
    func refuse(_ why: String) -> String? {
      let line = Catalog.text(
        file == "-" ? "cli.answers.refused.stdin" : "cli.answers.refused.file",
        ["why": TerminalSafe.escape(why)])
      try? FileIO.writeAll(2, "proclab: \(line)\n")
      return nil
    }
    let bytes: [UInt8]
    do { bytes = try FileIO.readBounded(path, limit: maximumSize) } catch {
      return refuse(error.description)
    }
    guard let text = AnswersFile.decode(bytes) else {
      return refuse(
        file == "-"
          ? Catalog.text("cli.answers.notText.stdin")
          : Catalog.text("cli.answers.notText.file", ["file": file]))
    }
    return text
  }

  /// - Returns: the exit status: ``graded`` when the file could be read (whatever the score;
  ///   its problems are listed), ``unreadable`` when it could not.
  func grade(file: String) throws -> Int32 {
    guard let text = Self.read(file) else { return Self.unreadable }
    let resolved = AnswersFile(text: text).resolved(
      against: items.map { .init(lesson: $0.lessonID, question: $0.question.id) })
    let signals = try ChildHost.prepare(routing: [SIGINT, SIGHUP, SIGTERM])
    let host = DemoHost(style: .plain(width: 100), signals: signals, forwardTerminalInput: false)
    let results = items.map { item in
      grade(item, given: resolved.answers[item.key], host: host)
    }
    let out = Sheet(
      score: results.filter(\.correct).count, total: results.count, results: results,
      problems: resolved.problems.map(\.description))
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try FileIO.writeAll(1, String(decoding: try encoder.encode(out), as: UTF8.self) + "\n")
    } else {
      for problem in out.problems {
        let line = Catalog.text("cli.answers.problem", ["problem": problem])
        try FileIO.writeAll(2, "proclab: \(line)\n")
      }
      for r in results {
        try FileIO.writeAll(1, "\(r.lesson)/\(r.question)\t\(r.status)\t\(r.answer ?? "")\n")
      }
      try FileIO.writeAll(1, "score: \(out.score)/\(out.total)\n")
    }
    return Self.graded
  }

  /// One question's result for the answer `given` (raw, as written in the file).
  func grade(_ item: QuizItem, given: String?, host: DemoHost) -> Result {
    let q = item.question
    var r = Result(
      lesson: item.lessonID, question: q.id, kind: q.kind.rawValue, answer: nil, correct: false,
      status: "unanswered", expected: q.answerText, measured: nil, feedback: nil)
    guard let given else { return r }
    // The answers are echoed in the results: their control characters are made visible.
    r.answer = TerminalSafe.escape(given)
    guard q.kind == .predict else {
      do {
        let g = try Grader.grade(q, answer: given)
        r.correct = g.isCorrect
        r.status = g.isCorrect ? "correct" : "incorrect"
        r.feedback = g.feedback
      } catch {
        r.status = "unreadable: \(TerminalSafe.escape(error.message))"
      }
      return r
    }
    do {
      let prediction = try Grader.readPrediction(q, answer: given)
      guard let inv = q.demo, let def = DemoCatalog.listed(inv.demo),
        let params = try? def.validate(inv.arguments)
      else {
        r.status = "ungraded: the question's demo cannot run"
        return r
      }
      let outcome = host.run(def, params) { _ in }
      guard let report = outcome.report else {
        r.status = "ungraded: the demo did not finish (\(outcome.failure ?? "no report"))"
        return r
      }
      let g = Grader.grade(
        q, prediction: prediction, given: given, report: report,
        declarations: def.declaration.metrics)
      r.correct = g.isCorrect
      r.status = g.verdict == .undetermined ? "ungraded" : g.isCorrect ? "correct" : "incorrect"
      r.measured = g.comparison.map { TerminalSafe.escape($0) }
      r.feedback = g.feedback
    } catch {
      r.status = "unreadable: \(TerminalSafe.escape(error.message))"
    }
    return r
  }
}
