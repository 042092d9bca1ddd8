import FoundationEssentials
import Glibc
import OSKit
import Testing

/// The figures `progress --json` exports, as docs/progress.md describes them.
struct ExportedFigures: Decodable {
  struct LessonRow: Decodable {
    var lesson: String
    var questions: Int
    var rightFirstTime: Int
    var bestCompleteQuiz: Score?
    var toReview: Int
    var quizzesLeftEarly: Int
  }
  struct Score: Decodable, Equatable {
    var score: Int
    var total: Int
  }
  struct QuestionRow: Decodable {
    var lesson: String
    var question: String
    var asked: Int
    var rightFirstTime: Bool?
    var box: Int
    var toReview: Bool
  }
  var lessons: [LessonRow]
  var questions: [QuestionRow]
}

struct ExportedProgress: Decodable {
  var figures: ExportedFigures
}

/// The cells of the table row that holds `row` as a cell of its own.
func tableCells(_ table: String, row: String) -> [String] {
  for line in table.split(separator: "\n") {
    let cells = line.split(whereSeparator: { $0 == "│" || $0 == "|" }).map {
      String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
    if cells.contains(row) { return cells }
  }
  return []
}

/// A best complete quiz as a table shows it ("—", drawn "--" without Unicode, for none).
func bestText(_ score: ExportedFigures.Score?) -> String {
  score.map { "\($0.score)/\($0.total)" } ?? "--"
}

@Suite("progress, lessons, --json and --csv agree on one history", .serialized)
struct RecordAgreementTests {
  /// A quiz completed (one question not graded), one left early, one with its prediction
  /// stopped by Ctrl-C, and a review.
  func scriptedHistory(_ state: TempState, lessons: String) throws {
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    // 1. record-a whole: pick right, tf wrong, broken not graded: 1 of 2.
    var m = s.mark
    s.type("quiz record-a\r")
    s.answer("b", after: m)
    #expect(s.expect("question 2 of 3", after: m))
    m = s.mark
    s.answer("true", after: m)
    #expect(s.expect("question 3 of 3", after: m))
    m = s.mark
    s.answer("true", after: m)
    #expect(s.expect("proclab › ", after: m))
    // 2. record-a left after one right answer: "1 of 1" must not become the best.
    m = s.mark
    s.type("quiz record-a\r")
    s.answer("b", after: m)
    #expect(s.expect("question 2 of 3", after: m))
    m = s.mark
    s.answer("quit", after: m)
    #expect(s.expect("proclab › ", after: m))
    // 3. record-b: warm right, then Ctrl-C during the prediction's demo.
    m = s.mark
    s.type("quiz record-b\r")
    s.answer("a", after: m)
    #expect(s.expect("question 2 of 2", after: m))
    m = s.mark
    s.answer("true", after: m)
    #expect(s.waitForDemo(), "the demo did not start: \(s.screen)")
    s.type("\u{03}")
    #expect(s.expect("not counted", after: m, timeout: 20))
    #expect(s.expect("proclab › ", after: m, timeout: 20))
    // 4. review: only tf is due; answered right now.
    m = s.mark
    s.type("review\r")
    #expect(s.expect("question 1 of 1", after: m))
    s.answer("false", after: m)
    #expect(s.expect("proclab › ", after: m))
    s.type("quit\r")
    _ = s.waitForExit(timeout: 10)
  }

  @Test("every screen and export shows the same figures, and the right ones")
  func figuresAgree() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try writeRecordLessons(state)
    try scriptedHistory(state, lessons: lessons)

    let json = try runPiped(["progress", "--json", "--lessons", lessons], input: "", state: state)
    #expect(json.status == .exited(0), "\(json.stderr)")
    let exported = try JSONDecoder().decode(ExportedProgress.self, from: Data(json.stdout.utf8))
      .figures
    let a = try #require(exported.lessons.first { $0.lesson == "record-a" })
    let b = try #require(exported.lessons.first { $0.lesson == "record-b" })
    // The definitions (docs/progress.md), checked against what was typed.
    #expect(a.questions == 3 && a.rightFirstTime == 1, "pick right first, tf wrong first")
    #expect(a.bestCompleteQuiz == .init(score: 1, total: 2), "not the left-early 1/1 nor review")
    #expect(a.toReview == 0 && a.quizzesLeftEarly == 1)
    #expect(b.questions == 2 && b.rightFirstTime == 1 && b.bestCompleteQuiz == nil)
    #expect(b.toReview == 0 && b.quizzesLeftEarly == 1)
    let rows = Dictionary(
      uniqueKeysWithValues: exported.questions.map { ("\($0.lesson)/\($0.question)", $0) })
    #expect(Set(rows.keys) == ["record-a/pick", "record-a/tf", "record-b/warm"])
    #expect(rows["record-a/pick"]?.box == 3 && rows["record-a/pick"]?.asked == 2)
    #expect(rows["record-a/tf"]?.box == 2 && rows["record-a/tf"]?.rightFirstTime == false)
    #expect(rows["record-b/warm"]?.box == 2 && rows["record-b/warm"]?.rightFirstTime == true)

    // --csv: one row per question, the same values.
    let csv = try runPiped(["progress", "--csv", "--lessons", lessons], input: "", state: state)
    let lines = csv.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "lesson,question,asked,right_first_time,box,to_review,last_asked")
    for row in exported.questions {
      let first = row.rightFirstTime.map { $0 ? "yes" : "no" } ?? ""
      let prefix =
        "\(row.lesson),\(row.question),\(row.asked),\(first),\(row.box),\(row.toReview ? "yes" : "no"),"
      #expect(lines.contains { $0.hasPrefix(prefix) }, "no \(prefix) in \(lines)")
    }
    #expect(lines.count == exported.questions.count + 1)

    var wide = state
    wide.extraEnvironment = ["COLUMNS=200"]
    // progress: the same per-lesson figures, under the same labels.
    let table = try runPiped(["progress", "--lessons", lessons], input: "", state: wide).stdout
    #expect(table.contains("right first time") && table.contains("best complete quiz"), "\(table)")
    for row in [a, b] {
      let cells = tableCells(table, row: row.lesson)
      #expect(
        cells.contains("\(row.rightFirstTime)/\(row.questions)")
          && cells.contains(bestText(row.bestCompleteQuiz)) && cells.contains(String(row.toReview)),
        "\(row.lesson): \(cells)")
    }

    // lessons: the same best complete quiz under the same label, and nothing else as a score.
    let listed = try runPiped(["--lessons", lessons], input: "lessons\nquit\n", state: wide).stdout
    #expect(listed.contains("best complete quiz"), "\(listed)")
    for row in [a, b] {
      let cells = tableCells(listed, row: row.lesson)
      #expect(cells.contains(bestText(row.bestCompleteQuiz)), "\(row.lesson): \(cells)")
    }
    #expect(!listed.contains("1/1"), "\(listed)")
  }
}
