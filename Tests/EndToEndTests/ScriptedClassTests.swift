import Classroom
import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// Issue 17's scripted class: ClassFixture's generated submissions for all 14 shipped lessons
/// (some CRLF, some changed by hand each way docs/grading.md says is detected, some played from
/// an older lesson file), graded by the real `proclab grade` into CSV, JSON and HTML at once.
/// `make test` grades 20 students (one of each change) to keep a debug run short;
/// `SCRIPTED_CLASS=120 swift test --filter ScriptedClass` grades the full class, and `make bench`
/// times 120 in a release build.
@Suite("a scripted class graded by proclab grade", .serialized)
struct ScriptedClassTests {
  static var size: Int {
    ProcessEnvironment.value("SCRIPTED_CLASS").flatMap { Int($0) }.map { max(20, $0) } ?? 20
  }

  /// The code a grader must raise for each change, nil for a file that is not to be flagged.
  static func expected(_ variant: ClassFixture.Variant) -> Flag.Code? {
    switch variant {
    case .honest, .crlf: nil
    case .verdictChanged: .verdictChanged
    case .answerEdited, .recordDeleted: .chainBroken
    case .impossibleFigure: .implausibleReport
    case .timeMovedBack: .timeOrder
    case .olderLesson: .lessonVersion
    }
  }

  @Test("every change flagged with its code, no honest file flagged; CSV, JSON and HTML agree")
  func gradeTheClass() throws {
    let state = TempState()
    defer { state.cleanUp() }
    // The shipped lessons, and a live report of each prediction's demo (run once per test
    // process, shared with ClassFixtureTests and CurriculumTests' predict rules).
    let (lessons, reports) = try ShippedPredictionReports.shared.get()
    // Every shipped lesson, however many there are: each lessons/*.md file.
    let shipped = FileIO.entries(in: TestBinary.sourceRoot + "/lessons")?.filter {
      $0.hasSuffix(".md")
    }.count
    #expect(lessons.count == shipped)
    let n = Self.size
    let students = ClassFixture.make(lessons: lessons, reports: reports, students: n, seed: 17)
    #expect(students.count == n)
    let dir = state.path + "/submissions"
    try ClassFixture.write(students, to: dir)

    let csvPath = state.path + "/grades.csv"
    let htmlPath = state.path + "/report.html"
    let r = try runPiped(
      ["grade", dir, "--json", "--csv", csvPath, "--html", htmlPath], input: "", state: state,
      timeout: 600)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let report = try JSONDecoder().decode(ClassReport.self, from: Data(r.stdout.utf8))
    #expect(report.unreadable.isEmpty, "\(report.unreadable)")
    #expect(report.students.count == n)
    #expect(report.lessons.count == shipped)

    // Each file flagged as its change says, and with nothing else; the CRLF files read.
    let byFile = Dictionary(
      uniqueKeysWithValues: report.students.map {
        (String($0.file.split(separator: "/").last!), $0)
      })
    for submission in students {
      let student = try #require(byFile[submission.fileName], "\(submission.fileName) not graded")
      let codes = Set(student.flags.map(\.code))
      if let code = Self.expected(submission.variant) {
        #expect(
          codes.contains(code),
          "\(submission.fileName) (\(submission.variant)): \(student.flags.map(\.message))")
      } else {
        #expect(
          codes.isEmpty,
          "\(submission.fileName) (\(submission.variant)): \(student.flags.map(\.message))")
      }
      if submission.variant == .olderLesson {
        #expect(codes == [.lessonVersion], "\(student.flags.map(\.message))")
      }
      if submission.variant == .crlf { #expect(student.total > 0) }
    }
    #expect(students.contains { $0.variant == .crlf })

    // The JSON against its schema.
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(r.stdout.utf8))
    let schemaText = try #require(
      FileIO.readText(ModuleGraphTests.root + "/docs/grade.schema.json", limit: 1 << 20))
    let schema = JSONSchemaCheck(
      schema: try JSONDecoder().decode(JSONValue.self, from: Data(schemaText.utf8)))
    #expect(schema.problems(value) == [])

    // The CSV: a header and one row per student, with the JSON's scores and totals.
    let rows = try parseCSV(try #require(FileIO.readText(csvPath, limit: 64 << 20)))
    #expect(rows.count == n + 1)
    let header = try #require(rows.first)
    let id = try #require(header.firstIndex(of: "id"))
    let score = try #require(header.firstIndex(of: "score"))
    let total = try #require(header.firstIndex(of: "total"))
    let questions = report.lessons.reduce(0) { $0 + $1.questions.count }
    // Each exercise of the lessons: passed or not, checks, the check it passed on.
    #expect(header.count == 3 + 2 * questions + 3 * report.exercises.count + 3)
    let json = Dictionary(uniqueKeysWithValues: report.students.map { ($0.studentID, $0) })
    for row in rows.dropFirst() {
      #expect(row.count == header.count)
      let student = try #require(json[row[id]], "CSV row \(row[id]) not in the JSON")
      #expect(row[score] == String(student.score) && row[total] == String(student.total))
    }

    // The HTML: one row per student.
    let html = try #require(FileIO.readText(htmlPath, limit: 64 << 20))
    #expect(html.contains("ProcLab class report: \(n) students"))
    #expect(html.components(separatedBy: "<tr data-student=\"").count - 1 == n)
  }
}
