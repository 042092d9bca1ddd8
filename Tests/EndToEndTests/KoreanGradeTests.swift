import Classroom
import FoundationEssentials
import Glibc
import OSKit
import Render
import Testing

/// `grade` in Korean (issue 18): the teacher's table, its notes and the `--html` page speak
/// Korean through the catalog; CSV and JSON keep their English field names; English mode is
/// unchanged.
@Suite("proclab --lang ko grade: the class report in Korean", .serialized)
struct KoreanGradeTests {
  /// `text` with every flag's recorded message taken out: the messages a check writes into the
  /// report (its JSON) are not yet translated (docs/grading.md says so); everything else is.
  /// (The text is collapsed first: a message wraps over lines.)
  static func withoutFlagMessages(_ text: String, _ report: ClassReport) -> String {
    var out = KoreanDemoTests.collapsed(text)
    for s in report.students {
      for f in s.flags {
        let message = f.message.split(whereSeparator: { $0 == " " || $0 == "\n" })
          .joined(separator: " ")
        out = out.replacing(message, with: "")
      }
    }
    return out
  }

  @Test("the text report: Korean headings and columns, no English sentence of ProcLab's own")
  func textReport() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions) = try GradeTests().makeClass(state.path)
    let page = state.path + "/ko.html"
    let ko = try runPiped(
      ["--lang", "ko", "grade", submissions, "--lessons", lessons, "--html", page], input: "",
      state: state)
    #expect(ko.status == .exited(0), "\(ko.stderr)")
    let json = try runPiped(
      ["--lang", "ko", "grade", submissions, "--lessons", lessons, "--json"], input: "",
      state: state)
    let report = try JSONDecoder().decode(ClassReport.self, from: Data(json.stdout.utf8))
    // JSON keeps its English field names and its closed codes in Korean mode.
    #expect(json.stdout.contains("\"students\"") && json.stdout.contains("\"chain-broken\""))
    let text = plainText(Array(ko.stdout.utf8))
    #expect(text.contains("결과 3개를 채점했습니다"), "\(text)")
    #expect(text.contains("학생") && text.contains("점수"), "\(text)")
    #expect(text.contains("표시된 학생:"), "\(text)")
    #expect(!text.contains("Flagged:") && !text.contains("results graded"), "\(text)")
    let own = Self.withoutFlagMessages(text, report)
    #expect(KoreanDemoTests.englishRun(in: own) == nil, "in Korean: \(own)")
    #expect(
      text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(text)")

    let html = try #require(FileIO.readText(page, limit: 1 << 24))
    #expect(html.contains("<html lang=\"ko\">"))
    #expect(html.contains("<h1>학급 보고서</h1>"), "\(html.prefix(2000))")
    #expect(html.contains("<h2>표시된 학생</h2>") && html.contains("<h2>모든 학생</h2>"))
    #expect(!html.contains("Class report") && !html.contains("All students"))
    for english in [
      "Score histogram", "Predictions: what", "Most common wrong answers", ">question</th>",
      "A flag says what a check found", "Each prediction was graded",
      "values measured by the class", "their own run measured", "a fact of each machine",
      "3 students", "3 runs, median",
    ] {
      #expect(!html.contains(english), "the Korean page says '\(english)'")
    }
    #expect(html.contains("가장 흔한 오답, grade-a") && html.contains("예측: 학생들의 실행이"))
    // A student's string is still escaped in the Korean page.
    #expect(html.contains("김민지"))
  }

  @Test("--lang ko: grade's own lines on standard error are Korean, the English ones as before")
  func errorLines() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions) = try GradeTests().makeClass(state.path)
    let empty = state.path + "/empty"
    mkdir(empty, 0o700)
    func grade(_ language: String, _ args: [String]) throws -> (OSKit.ExitStatus, String) {
      let r = try runPiped(
        ["--lang", language, "grade"] + args + ["--lessons", lessons], input: "", state: state)
      return (r.status, r.stderr)
    }
    let (none, noneWhy) = try grade("ko", [empty])
    #expect(none == .exited(2))
    #expect(noneWhy.contains("에 *.json 결과 파일이 없습니다"), "\(noneWhy)")
    let (below, belowWhy) = try grade("ko", [submissions, "--min-score", "60%"])
    #expect(below == .exited(1))
    #expect(
      belowWhy.contains("학생 3명 중 2명이 --min-score 60%에 못 미칩니다: 2026124, 2026125"),
      "\(belowWhy)")
    for why in [noneWhy, belowWhy] {
      #expect(KoreanDemoTests.englishRun(in: KoreanDemoTests.collapsed(why)) == nil, "\(why)")
    }
    #expect(try grade("en", [empty]).1.contains("no *.json result files in \(empty)"))
    #expect(
      try grade("en", [submissions, "--min-score", "60%"]).1.contains(
        "2 of 3 below --min-score 60%: 2026124, 2026125"))
  }

  @Test("English mode: the same report as before, word for word")
  func englishUnchanged() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions) = try GradeTests().makeClass(state.path)
    let page = state.path + "/en.html"
    let en = try runPiped(
      ["--lang", "en", "grade", submissions, "--lessons", lessons, "--html", page], input: "",
      state: state)
    #expect(en.status == .exited(0), "\(en.stderr)")
    #expect(en.stdout.hasPrefix("3 results graded for grade-a by ProcLab "), "\(en.stdout)")
    #expect(en.stdout.contains("\nFlagged:\n"), "\(en.stdout)")
    #expect(tableCells(en.stdout, row: "student") == ["student", "id", "score", "%", "flags"])
    let html = try #require(FileIO.readText(page, limit: 1 << 24))
    #expect(html.contains("<html lang=\"en\">") && html.contains("<h1>Class report</h1>"))
    #expect(html.contains("<h2>Flagged students</h2>") && html.contains("<h2>All students</h2>"))
    #expect(html.contains("Most common wrong answers, grade-a") && html.contains("Score histogram"))
  }
}
