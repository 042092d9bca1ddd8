import Classroom
import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// A teacher's lesson for the grading tests: a 2-point choice, a true/false, and a prediction
/// of the child's uid that runs the `ids` demo live when the student answers it.
func writeGradeLesson(_ dir: String) throws {
  mkdir(dir, 0o700)
  let text = """
    ---
    id: grade-a
    title: Grade A
    ---

    ## The only step {#only}

    Three questions.

    ```quiz
    id: pick
    kind: choice
    ask: How many?
    choices:
      a) one
      b) two
      c) three
    answer: b
    points: 2
    ```

    ```quiz
    id: tf
    kind: truefalse
    ask: Is it true?
    answer: true
    ```

    ```quiz
    id: child-uid
    kind: predict
    ask: Which uid will the child report?
    demo: ids
    check: equals metric uid
    ```
    """
  try writeText(dir + "/a.md", text + "\n")
  // The Korean file of the same lesson: the same ids and keys, its words in Korean.
  mkdir(dir + "/ko", 0o700)
  try writeText(
    dir + "/ko/a.md",
    text.replacing("title: Grade A", with: "title: 채점 A")
      .replacing("How many?", with: "몇 개입니까?") + "\n")
}

func writeText(_ path: String, _ text: String) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  try FileIO.writeAll(fd, text)
  close(fd)
}

@Suite("proclab grade, end to end: real quizzes, real submit, a doctored copy", .serialized)
struct GradeTests {
  /// One student: whoami, the quiz answered on piped standard input, `submit -o file`.
  func submitted(
    name: String, id: String, answers: [String], lessons: String, to file: String
  ) throws {
    let state = TempState()
    defer { state.cleanUp() }
    #expect(
      try runPiped(["whoami", "set", name, "--id", id], input: "", state: state).status
        == .exited(0))
    let quiz = try runPiped(
      ["--lessons", lessons],
      input: "quiz grade-a\n" + answers.joined(separator: "\n") + "\nquit\n",
      state: state)
    #expect(quiz.status == .exited(0), "\(quiz.stderr)")
    let r = try runPiped(["submit", "-o", file], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
  }

  /// A class of three in `dir/submissions`: Kim all right, Lee wrong then right, and a copy
  /// of Lee's file with a verdict edited by hand.
  func makeClass(_ dir: String) throws -> (lessons: String, submissions: String) {
    let lessons = dir + "/lessons"
    try writeGradeLesson(lessons)
    let submissions = dir + "/submissions"
    mkdir(submissions, 0o700)
    let uid = "\(getuid())"
    try submitted(
      name: "김민지", id: "2026123", answers: ["b", "true", uid], lessons: lessons,
      to: submissions + "/a-kim.json")
    try submitted(
      name: "Lee Jun", id: "2026124", answers: ["a", "b", "false", "99999"], lessons: lessons,
      to: submissions + "/b-lee.json")
    let lee = try #require(FileIO.readText(submissions + "/b-lee.json", limit: 1 << 24))
    // Lee's first answer was wrong on its first try: edited to read right first time.
    let doctored = lee.replacing(
      "\"verdict\" : \"right-on-retry\"", with: "\"verdict\" : \"right-first-try\""
    )
    .replacing("\"id\" : \"2026124\"", with: "\"id\" : \"2026125\"")
    #expect(doctored != lee)
    try writeText(submissions + "/c-edited.json", doctored)
    return (lessons, submissions)
  }

  @Test("a class graded: the table, the flagged copy, CSV parsed back, JSON against the schema")
  func gradeClass() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions) = try makeClass(state.path)
    let text = try runPiped(["grade", submissions, "--lessons", lessons], input: "", state: state)
    #expect(text.status == .exited(0), "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(text.stdout)")
    #expect(tableCells(text.stdout, row: "김민지") == ["김민지", "2026123", "4/4", "100%", "--"])
    #expect(tableCells(text.stdout, row: "2026124") == ["Lee Jun", "2026124", "0/4", "0%", "--"])
    #expect(tableCells(text.stdout, row: "2026125").prefix(3) == ["Lee Jun", "2026125", "0/4"])
    #expect(text.stdout.contains("chain-broken: the quiz record was edited"), "\(text.stdout)")
    #expect(text.stdout.contains("verdict-changed: grade-a/pick"), "\(text.stdout)")

    let csvPath = state.path + "/grades.csv"
    let csv = try runPiped(
      ["grade", submissions, "--lessons", lessons, "--csv", csvPath], input: "", state: state)
    #expect(csv.status == .exited(0))
    let csvText = try #require(FileIO.readText(csvPath))
    let piped = try runPiped(
      ["grade", submissions, "--lessons", lessons, "--csv", "-"], input: "", state: state)
    #expect(piped.stdout == csvText, "--csv - is the CSV alone on standard output")
    let rows = try parseCSV(csvText)
    #expect(
      rows.first == [
        "name", "id", "file", "grade-a/pick", "grade-a/pick:tries", "grade-a/tf",
        "grade-a/tf:tries", "grade-a/child-uid", "grade-a/child-uid:tries", "score", "total",
        "flags",
      ])
    #expect(rows.count == 4)
    #expect(rows[1].prefix(2) == ["김민지", "2026123"])
    #expect(
      rows[1][3...10] == [
        "right-first-try", "1", "right-first-try", "1", "right-first-try", "1", "4", "4",
      ])
    #expect(rows[2][3...10] == ["right-on-retry", "2", "wrong", "1", "wrong", "1", "0", "4"])
    #expect(rows[3][11].contains("chain-broken: ") && rows[3][11].contains("; verdict-changed: "))

    let json = try runPiped(
      ["grade", submissions, "--lessons", lessons, "--json"], input: "", state: state)
    #expect(json.status == .exited(0))
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.stdout.utf8))
    let schemaText = try #require(
      FileIO.readText(ModuleGraphTests.root + "/docs/grade.schema.json", limit: 1 << 20))
    let schema = JSONSchemaCheck(
      schema: try JSONDecoder().decode(JSONValue.self, from: Data(schemaText.utf8)))
    #expect(schema.problems(value) == [])
    let report = try JSONDecoder().decode(ClassReport.self, from: Data(json.stdout.utf8))
    #expect(report.students.map(\.score) == [4, 0, 0])
    #expect(report.lessons.first?.questions.map(\.points) == [2, 1, 1])
    let uid = report.students[0].questions.first { $0.question == "child-uid" }?.measured
    #expect(uid == MeasuredValue(number: Double(getuid())))
  }

  @Test("a result played from the Korean file is current; one from an older file is flagged")
  func lessonVersions() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    try writeGradeLesson(lessons)
    let submissions = state.path + "/submissions"
    mkdir(submissions, 0o700)
    try submitted(
      name: "김민지", id: "1", answers: ["b", "true", "\(getuid())"], lessons: lessons + "/ko",
      to: submissions + "/ko.json")
    let older = state.path + "/older"
    mkdir(older, 0o700)
    let english = try #require(FileIO.readText(lessons + "/a.md"))
    try writeText(older + "/a.md", english.replacing("Three questions.", with: "Questions."))
    try submitted(
      name: "Old Copy", id: "2", answers: ["b", "true", "\(getuid())"], lessons: older,
      to: submissions + "/old.json")
    let r = try runPiped(
      ["grade", submissions, "--lessons", lessons, "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let report = try JSONDecoder().decode(ClassReport.self, from: Data(r.stdout.utf8))
    #expect(report.students.map(\.score) == [4, 4])
    #expect(report.students.first { $0.studentID == "1" }?.flags == [])
    let old = report.students.first { $0.studentID == "2" }?.flags ?? []
    #expect(old.map(\.code) == [.lessonVersion], "\(old)")
    #expect(old.first?.message.contains("'grade-a'") == true)
  }

  @Test(
    "--min-score: 1 when a student is below it, 0 when none is; 2 when nothing reads; 64 for usage")
  func exitStatuses() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let (lessons, submissions) = try makeClass(state.path)
    let kim = submissions + "/a-kim.json"
    func status(_ args: [String]) throws -> (OSKit.ExitStatus, String) {
      let r = try runPiped(["grade"] + args + ["--lessons", lessons], input: "", state: state)
      return (r.status, r.stderr)
    }
    #expect(try status([submissions, "--min-score", "60%"]).0 == .exited(1))
    #expect(try status([submissions, "--min-score", "0"]).0 == .exited(0))
    #expect(try status([kim, "--min-score", "100%"]).0 == .exited(0))
    #expect(try status([kim, "--min-score", "5"]).0 == .exited(1))
    let notJSON = state.path + "/notes.json"
    try writeText(notJSON, "my notes\n")
    let (nothing, why) = try status([notJSON])
    #expect(nothing == .exited(2))
    #expect(why.contains("no result file could be read"), "\(why)")
    let unreadable = try runPiped(
      ["grade", notJSON, kim, "--lessons", lessons], input: "", state: state)
    #expect(unreadable.status == .exited(0))
    #expect(unreadable.stdout.contains("notes.json: not JSON, so not a ProcLab result file"))
    // (--html is no longer a usage error: it writes the class report page.)
    for bad in [["--min-score", "sixty"], ["--min-score", "120%"], ["--json", "--csv", "-"]] {
      let (code, message) = try status([kim] + bad)
      #expect(code == .exited(64), "\(bad)")
      #expect(message.split(separator: "\n").count == 1, "\(message)")
    }
  }
}

/// RFC 4180 records: fields split at commas outside quotes, `""` inside quotes a quote, CRLF
/// between records.
func parseCSV(_ text: String) throws -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text)[...]
  while let c = chars.popFirst() {
    if quoted {
      if c == "\"" {
        if chars.first == "\"" {
          field.append("\"")
          chars.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\r\n" || c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.append(c)
    }
  }
  #expect(!quoted, "an unclosed quote")
  if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
  return rows
}
