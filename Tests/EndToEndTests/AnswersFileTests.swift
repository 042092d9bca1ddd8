import Glibc
import OSKit
import Testing

/// `proclab quiz <lesson> --answers FILE`: the answers file as a student's editor writes it
/// (Windows line endings, a byte-order mark, standard input) and the mistakes people make in
/// it, each reported on one line while the rest is graded.
@Suite("Answers files, end to end", .serialized)
struct AnswersFileTests {
  /// Three right answers to questions of `processes` that need no live run.
  static let right = ["program-or-process: b", "cd-in-child: false", "ppid-name: ppid"]

  func write(_ text: String, in state: TempState) throws -> String {
    let path = state.path + "/answers.txt"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { close(fd) }
    try FileIO.writeAll(fd, text)
    return path
  }

  @Test(
    "CRLF, CR alone and a byte-order mark grade like plain lines",
    arguments: [("\r\n", ""), ("\r", ""), ("\n", "\u{FEFF}"), ("\r\n", "\u{FEFF}")])
  func lineEndings(separator: String, prefix: String) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = try write(
      prefix + Self.right.joined(separator: separator) + separator, in: state)
    let r = try runPiped(["quiz", "processes", "--answers", path], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("score: 3/"), "\(r.stdout)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
  }

  @Test("--answers - reads the answers from standard input")
  func standardInput() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      ["quiz", "processes", "--answers", "-"],
      input: Self.right.joined(separator: "\r\n"), state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("score: 3/"), "\(r.stdout)")
  }

  /// Each mistake in its own line of stderr, with its line number; the good lines graded.
  static let mistakes = [
    "program-or-process: b",
    "Cd-In-Child: false",
    "ppid-nmae: ppid",
    "program-or-process: a",
    "first-process 1",
    "ppid-name: ppid",
  ]

  @Test("unknown, duplicated and case-mismatched ids and lines without a colon: one line each")
  func mistakesInText() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = try write(Self.mistakes.joined(separator: "\n"), in: state)
    let r = try runPiped(["quiz", "processes", "--answers", path], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("score: 2/"), "\(r.stdout)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 4, "\(r.stderr)")
    #expect(lines.contains { $0.contains("line 2:") && $0.contains("'cd-in-child'") })
    #expect(lines.contains { $0.contains("line 3:") && $0.contains("did you mean 'ppid-name'") })
    #expect(lines.contains { $0.contains("line 4:") && $0.contains("line 1") })
    #expect(lines.contains { $0.contains("line 5:") && $0.contains("question-id: answer") })
  }

  @Test("the same mistakes are listed in --json, with the results of the rest")
  func mistakesInJSON() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let path = try write(Self.mistakes.joined(separator: "\r\n"), in: state)
    let r = try runPiped(
      ["quiz", "processes", "--answers", path, "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("\"score\" : 2"), "\(r.stdout)")
    for n in 2...5 { #expect(r.stdout.contains("\"line \(n): "), "line \(n): \(r.stdout)") }
  }

  @Test("an answers file that cannot be read exits 2 with one line saying why")
  func unreadable() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      ["quiz", "processes", "--answers", state.path + "/missing.txt"], input: "", state: state)
    #expect(r.status == .exited(2))
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("missing.txt"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}
