import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// Whether python3 is in PATH (reap-three runs it).
private let python3Found: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/python3", X_OK) == 0 }
}()

/// Issue 19: an exercise's `check` in the classroom record (docs/grading.md, "Exercise
/// records"). A scripted student checks reap-three twice (the starter fails, the solution
/// passes) and submits; the file is read as plain JSON, so the test says what the file holds,
/// not what ProcLab's own types make of it.
@Suite(
  "exercise checks in the result file and in grade", .serialized,
  .enabled(if: python3Found, "python3 is not in PATH"))
struct ExerciseRecordTests {
  static let exerciseDirectory: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/lessons/exercises/reap-three"
  }()

  /// A student who checked reap-three twice, failing then passing, and submitted: the state
  /// and the result file's path.
  static func studentWhoCheckedTwice(name: String, id: String) throws -> (
    state: TempState, result: String
  ) {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    let set = try runPiped(["whoami", "set", name, "--id", id], input: "", state: state)
    #expect(set.status == .exited(0), "\(set.stderr)")
    let first = try runPiped(
      [], input: "exercise reap-three\ncheck\nprogress\nreview\nquit\n", state: state)
    #expect(first.stdout.contains("checks failed."), "\(first.stdout)\n\(first.stderr)")
    #expect(first.stdout.contains("reap-three: not passed yet, 1 try\n"), "\(first.stdout)")
    #expect(
      first.stdout.contains("Exercises you checked but have not passed: reap-three"),
      "\(first.stdout)")
    let workspace = state.path + "/data/proclab/exercises/reap-three/reap_three.py"
    let solution = try #require(FileIO.readFile(exerciseDirectory + "/solution/reap_three.py"))
    let fd = open(workspace, O_WRONLY | O_TRUNC | O_CLOEXEC)
    try FileIO.writeAll(fd, solution)
    close(fd)
    let second = try runPiped([], input: "check reap-three\nprogress\nquit\n", state: state)
    #expect(second.stdout.contains("reap-three is done."), "\(second.stdout)\n\(second.stderr)")
    #expect(second.stdout.contains("reap-three: passed on try 2 of 2"), "\(second.stdout)")
    let path = state.path + "/result-\(id).json"
    let r = try runPiped(["submit", "-o", path], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stdout)\n\(r.stderr)")
    #expect(r.stdout.contains("with 2 exercise checks (reap-three)"), "\(r.stdout)")
    return (state, path)
  }

  static func json(_ path: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(FileIO.readRegular(path, limit: 1 << 26)))
  }

  static func write(_ value: JSONValue, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    defer { close(fd) }
    try FileIO.writeAll(fd, Array(encoder.encode(value)))
  }

  /// `value` checked against docs/<name>.
  static func conforms(_ value: JSONValue, to name: String) throws {
    let text = try #require(
      FileIO.readText(ModuleGraphTests.root + "/docs/" + name, limit: 1 << 20))
    let schema = JSONSchemaCheck(
      schema: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
    let problems = schema.problems(value)
    #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
  }

  /// The exercise records of a result file, in chain order.
  static func exerciseRecords(_ file: JSONValue) -> [JSONValue] {
    guard case .array(let records)? = file["records"] else { return [] }
    return records.filter { $0["kind"]?.string == "exercise" }.compactMap { $0["record"] }
  }

  @Test("two checks, failed then passed, are two chained records true to what check showed")
  func bothAttemptsRecorded() throws {
    let (state, path) = try Self.studentWhoCheckedTwice(name: "Kim Minji", id: "2026001")
    defer { state.cleanUp() }
    let file = try Self.json(path)
    #expect(file["schema"]?.double == 2)
    try Self.conforms(file, to: "result.schema.json")
    let records = Self.exerciseRecords(file)
    try #require(records.count == 2, "\(file)")
    let (failed, passed) = (records[0], records[1])
    for r in records {
      #expect(r["exercise"]?.string == "reap-three")
      #expect(r["lesson"]?.string == "zombies-and-orphans")
      #expect(r["runs"]?.double == 1)
      #expect((r["environment"]?["cpusOnline"]?.double ?? 0) >= 1, "\(r)")
      #expect((r["checkedAt"]?.double ?? 0) > 1_700_000_000)
      #expect(r["lessonSHA256"]?.string?.count == 64)
    }
    #expect(failed["attempt"]?.double == 1)
    #expect(failed["firstTry"]?.bool == true)
    #expect(failed["passed"]?.bool == false)
    #expect(passed["attempt"]?.double == 2)
    #expect(passed["firstTry"]?.bool == false)
    #expect(passed["passed"]?.bool == true)
    // Each check: its condition as written, runs held on, and the metrics it judged.
    guard case .array(let checks)? = failed["checks"], case .array(let after)? = passed["checks"]
    else {
      Issue.record("no checks: \(failed)")
      return
    }
    #expect(checks.count == 3 && after.count == 3)
    #expect(checks.first?["condition"]?.string == "processes == 4")
    #expect(checks.first?["held"]?.double == 0)
    #expect(after.allSatisfy { $0["held"]?.double == 1 })
    #expect(after.first?["metrics"]?["processes"] == .array([4]))
    // The starter forks more than three children: the figure is the one check measured.
    let starterProcesses = checks.first?["metrics"]?["processes"]?[0]?.double ?? 0
    #expect(starterProcesses > 4, "\(checks[0])")
    #expect(checks.last?["condition"]?.string == "stdout matches \"^reaped 3 children$\"")
  }

  @Test("grade counts attempts, passes and first tries; catches an edited exercise record")
  func gradeTheClass() throws {
    let (a, pathA) = try Self.studentWhoCheckedTwice(name: "Kim Minji", id: "2026001")
    defer { a.cleanUp() }
    let dir = a.path + "/class"
    mkdir(dir, 0o755)
    var honest = try Self.json(pathA)
    try Self.write(honest, to: dir + "/a.json")
    // A second student who stopped after the failing check: the chain cut after it is a
    // valid chain of its own (docs/grading.md).
    guard case .array(var records)? = honest["records"],
      let passIndex = records.lastIndex(where: { $0["kind"]?.string == "exercise" })
    else {
      Issue.record("no exercise records")
      return
    }
    var stopped = honest
    stopped.set("records", .array(Array(records[..<passIndex])))
    stopped.set("student", ["name": "Lee Jun", "id": "2026002"])
    try Self.write(stopped, to: dir + "/b.json")
    // A third who edited the failed check to say it passed.
    let failIndex = try #require(records.firstIndex { $0["kind"]?.string == "exercise" })
    var edited = records[failIndex]
    var inner = try #require(edited["record"])
    inner.set("passed", true)
    edited.set("record", inner)
    records[failIndex] = edited
    honest.set("records", .array(records))
    honest.set("student", ["name": "Park Soo", "id": "2026003"])
    try Self.write(honest, to: dir + "/c.json")

    let r = try runPiped(["grade", dir, "--json"], input: "", state: a)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let report = try JSONDecoder().decode(JSONValue.self, from: Data(r.stdout.utf8))
    try Self.conforms(report, to: "grade.schema.json")
    guard case .array(let students)? = report["students"] else {
      Issue.record("no students: \(r.stdout.prefix(2000))")
      return
    }
    let byID = Dictionary(
      students.map { ($0["studentID"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    let minji = try #require(byID["2026001"])
    #expect(minji["exercisesAttempted"]?.double == 1, "\(minji)")
    #expect(minji["exercisesPassed"]?.double == 1)
    #expect(minji["exercisesPassedFirstTry"]?.double == 0)
    #expect(minji["exerciseAttempts"]?.double == 2)
    #expect(minji["exercises"]?[0]?["passedOnAttempt"]?.double == 2)
    #expect(minji["flags"] == .array([]), "\(minji["flags"] ?? .null)")
    let jun = try #require(byID["2026002"])
    #expect(jun["exercisesAttempted"]?.double == 1)
    #expect(jun["exercisesPassed"]?.double == 0)
    #expect(jun["exerciseAttempts"]?.double == 1)
    let soo = try #require(byID["2026003"])
    guard case .array(let flags)? = soo["flags"] else {
      Issue.record("no flags for the edited file")
      return
    }
    #expect(flags.contains { $0["code"]?.string == "chain-broken" }, "\(flags)")
    // Per exercise: 2 of 3 students passed (the edited file's checks still passed on try 2),
    // and the check most often failed is the process count.
    guard case .array(let exercises)? = report["exercises"] else {
      Issue.record("no class exercises: \(report["exercises"] ?? .null)")
      return
    }
    let reap = try #require(exercises.first { $0["exercise"]?.string == "reap-three" })
    #expect(reap["attempted"]?.double == 3)
    #expect(reap["passed"]?.double == 2)
    #expect(reap["mostFailed"]?["condition"]?.string == "processes == 4", "\(reap)")
    #expect(reap["mostFailed"]?["failedAttempts"]?.double == 3)

    // The table on the terminal says the same.
    let table = try runPiped(["grade", dir], input: "", state: a)
    #expect(table.stdout.contains("reap-three"), "\(table.stdout)")
    #expect(table.stdout.contains("2 of 3 passed"), "\(table.stdout)")
    // And in Korean (issue 18): the exercises across the class, the page's exercise section.
    let page = a.path + "/class-ko.html"
    let korean = try runPiped(["--lang", "ko", "grade", dir, "--html", page], input: "", state: a)
    let ko = KoreanDemoTests.collapsed(korean.stdout)
    #expect(ko.contains("연습 문제: reap-three (") && ko.contains("): 3명 중 2명 통과"), "\(ko)")
    #expect(ko.contains("가장 많이 실패한 조건: processes == 4 (3번)"), "\(ko)")
    #expect(!ko.contains("of 3 passed") && !ko.contains("failed most:"), "\(ko)")
    #expect(!ko.contains("Exercises:"), "\(ko)")
    let html = try #require(FileIO.readText(page, limit: 1 << 24))
    #expect(html.contains("<h2>연습 문제</h2>") && html.contains("3명 중 2명 통과"))
    #expect(!html.contains("students who checked it") && !html.contains("failed on 3 of"))
  }
}

extension JSONValue {
  /// Sets `key` of an object (a test edits files as a student with a text editor would).
  fileprivate mutating func set(_ key: String, _ value: JSONValue) {
    guard case .object(var fields) = self else { return }
    fields[key] = value
    self = .object(fields)
  }

  fileprivate subscript(index: Int) -> JSONValue? {
    guard case .array(let a) = self, a.indices.contains(index) else { return nil }
    return a[index]
  }
}
