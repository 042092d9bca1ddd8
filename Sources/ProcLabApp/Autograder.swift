import Demos
import FoundationEssentials
import Glibc
import Lessons
import OSKit
import Quiz
import Render

/// Grades a file of answers without a terminal, for a teacher's autograding: predictions run
/// their demo live, exactly as in the REPL.
struct Autograder {
  let items: [QuizItem]
  let json: Bool
  /// The largest answers file read (whole; a larger one is refused in one line).
  static let maximumSize = 16 << 20

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

  /// - Returns: the exit status: 0 when the file could be graded (whatever the score).
  func grade(file: String) throws -> Int32 {
    let text: String
    do {
      text = String(
        decoding: try FileIO.readBounded(file, limit: Autograder.maximumSize), as: UTF8.self)
    } catch {
      try? FileIO.writeAll(
        2, "proclab: cannot grade the answers file: \(TerminalSafe.escape(error.description))\n")
      return 2
    }
    // The answers are echoed in the results: their control characters are made visible.
    let sheet = AnswerSheet(text: TerminalSafe.escape(text, lineBreaks: .kept))
    let signals = try ChildHost.prepare(routing: [SIGINT, SIGHUP, SIGTERM])
    let host = DemoHost(style: .plain(width: 100), signals: signals, forwardTerminalInput: false)
    var results: [Result] = []
    for item in items {
      let q = item.question
      var r = Result(
        lesson: item.lessonID, question: q.id, kind: q.kind.rawValue, answer: nil, correct: false,
        status: "unanswered", expected: q.answerText, measured: nil, feedback: nil)
      guard let given = sheet.answer(for: item) else {
        results.append(r)
        continue
      }
      r.answer = given
      if q.kind == .predict {
        do {
          let prediction = try Grader.readPrediction(q, answer: given)
          guard let inv = q.demo, let def = DemoCatalog.listed(inv.demo),
            let params = try? def.validate(inv.arguments)
          else {
            r.status = "ungraded: the question's demo cannot run"
            results.append(r)
            continue
          }
          let outcome = host.run(def, params) { _ in }
          guard let report = outcome.report else {
            r.status = "ungraded: the demo did not finish (\(outcome.failure ?? "no report"))"
            results.append(r)
            continue
          }
          let g = Grader.grade(
            q, prediction: prediction, given: given, report: report,
            declarations: def.declaration.metrics)
          r.correct = g.isCorrect
          r.status = g.verdict == .undetermined ? "ungraded" : g.isCorrect ? "correct" : "incorrect"
          r.measured = g.comparison
          r.feedback = g.feedback
        } catch {
          r.status = "unreadable: \(error.message)"
        }
      } else {
        do {
          let g = try Grader.grade(q, answer: given)
          r.correct = g.isCorrect
          r.status = g.isCorrect ? "correct" : "incorrect"
          r.feedback = g.feedback
        } catch {
          r.status = "unreadable: \(error.message)"
        }
      }
      results.append(r)
    }
    let out = Sheet(
      score: results.filter(\.correct).count, total: results.count, results: results,
      problems: sheet.problems)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try FileIO.writeAll(1, String(decoding: try encoder.encode(out), as: UTF8.self) + "\n")
    } else {
      for r in results {
        try FileIO.writeAll(1, "\(r.lesson)/\(r.question)\t\(r.status)\t\(r.answer ?? "")\n")
      }
      try FileIO.writeAll(1, "score: \(out.score)/\(out.total)\n")
    }
    return 0
  }
}
