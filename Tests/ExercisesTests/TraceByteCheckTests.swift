import DemoContract
import Lessons
import Testing
import Trace

/// The trace's byte counts and socket connections are declared metrics: an exercise's check
/// may name them (lint accepts them, with their units), and they are shown by their labels.
@Suite("Exercise checks over bytes and peers")
struct TraceByteCheckTests {
  static let paths = [
    "pipe_bytes_written", "pipe_bytes_read", "pipe_bytes_unread", "socket_bytes_written",
    "socket_bytes_read", "sockets_peered",
  ]

  @Test("each is declared, as a whole number of bytes or a count, measured")
  func declared() throws {
    for path in Self.paths {
      let d = try #require(TraceReport.metrics.first { $0.path == path }, "\(path)")
      #expect(d.unit == (path.hasSuffix("peered") ? .count : .bytes), "\(path)")
      #expect(d.kind == .measured, "\(path)")
    }
  }

  @Test("lint accepts a check over them, and still refuses a name the trace does not report")
  func lintAccepts() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    let checks =
      "check: pipe_bytes_written == 6 and pipe_bytes_unread == 0 :: all read\n"
      + "check: sockets_peered >= 1 and socket_bytes_read > 0 :: they talked\n"
      + "check: pipe_bytes_lost == 0 :: not a metric\n"
    dir.write("01-x.md", ExerciseLintTests.lessonText(extra: checks))
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
    let problems = ExerciseLintTests.linter.lint(paths: [dir.path]).map(\.description)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.contains("'pipe_bytes_lost'") == true, "\(problems)")
  }

  @Test("a check over them holds or fails, showing each figure by its label")
  func evaluates() throws {
    let condition = "pipe_bytes_unread == 0 and sockets_peered == 1"
    let check = ExerciseCheck(
      condition: try ExerciseCondition.parse(condition), conditionText: condition, meaning: "m",
      location: SourceLocation(file: "x", line: 1))
    let good = check.evaluate(
      metrics: ["pipe_bytes_unread": .number(0), "sockets_peered": .number(1)], stdout: "",
      stderr: "", declarations: TraceReport.metrics)
    #expect(good.held)
    #expect(good.figures.contains { $0.hasPrefix("bytes left unread in pipes: 0") }, "\(good)")
    #expect(good.figures.contains { $0.hasPrefix("socket connections inside the program: 1") })
    let bad = check.evaluate(
      metrics: ["pipe_bytes_unread": .number(300), "sockets_peered": .number(1)], stdout: "",
      stderr: "", declarations: TraceReport.metrics)
    #expect(bad.state == .failed)
    let polling = check.evaluate(
      metrics: ["pipe_bytes_unread": .null, "sockets_peered": .null], stdout: "", stderr: "",
      declarations: TraceReport.metrics)
    guard case .undetermined = polling.state else {
      Issue.record("an unmeasured figure decided the check: \(polling)")
      return
    }
  }
}
