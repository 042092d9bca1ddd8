import FoundationEssentials
import Lessons
import Testing

/// `proclab quiz <lesson> --template` and `--key`: the file a student fills in and the key a
/// teacher grades it by, checked against each other on every shipped lesson.
@Suite("Answers templates and keys, end to end", .serialized)
struct AnswersTemplateTests {
  struct Graded: Decodable {
    struct Result: Decodable {
      var question: String
      var kind: String
      var status: String
    }
    var score: Int
    var total: Int
    var results: [Result]
    var problems: [String]
  }

  /// `template` with each empty `id:` line given the key's answer for that id.
  static func filled(_ template: String, key: String) -> String {
    var answers: [Substring: Substring] = [:]
    for line in key.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      answers[line[..<colon]] = line[line.index(after: colon)...]
    }
    return template.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard !line.hasPrefix("#"), line.hasSuffix(":"), let answer = answers[line.dropLast()]
      else { return String(line) }
      return String(line) + answer
    }.joined(separator: "\n")
  }

  @Test("the template filled in with the key grades every question but predictions right")
  func templatePlusKeyIsFullMarks() throws {
    let lessons = shippedLibrary.lessons
    #expect(lessons.count >= 14)
    for lesson in lessons {
      let state = TempState()
      defer { state.cleanUp() }
      let template = try runPiped(["quiz", lesson.id, "--template"], input: "", state: state)
      let key = try runPiped(["quiz", lesson.id, "--key"], input: "", state: state)
      #expect(template.status == .exited(0) && key.status == .exited(0), "\(lesson.id)")
      // Every question has its line in the template, and its ask as a comment above it.
      for q in lesson.questions {
        #expect(template.stdout.contains("\n\(q.id):\n"), "\(lesson.id)/\(q.id) has no line")
        let firstAsk = q.ask.split(separator: "\n").first.map(String.init) ?? ""
        #expect(template.stdout.contains(firstAsk), "\(lesson.id)/\(q.id): its ask is missing")
      }
      // As it is, the template answers nothing and has no problem.
      let empty = try runPiped(
        ["quiz", lesson.id, "--answers", "-", "--json"], input: template.stdout, state: state)
      let none = try JSONDecoder().decode(Graded.self, from: Data(empty.stdout.utf8))
      #expect(none.score == 0 && none.problems.isEmpty, "\(lesson.id): \(none.problems)")
      #expect(none.results.allSatisfy { $0.status == "unanswered" })
      // Filled in with the key: every question right, but predictions, left to a live run.
      let r = try runPiped(
        ["quiz", lesson.id, "--answers", "-", "--json"],
        input: Self.filled(template.stdout, key: key.stdout), state: state)
      #expect(r.status == .exited(0), "\(lesson.id): \(r.stderr)")
      let graded = try JSONDecoder().decode(Graded.self, from: Data(r.stdout.utf8))
      #expect(graded.problems.isEmpty, "\(lesson.id): \(graded.problems)")
      let predictions = lesson.questions.filter { $0.kind == .predict }.count
      #expect(graded.total == lesson.questions.count)
      #expect(graded.score == graded.total - predictions, "\(lesson.id): \(r.stdout)")
      for result in graded.results {
        #expect(
          result.status == (result.kind == "predict" ? "unanswered" : "correct"),
          "\(lesson.id)/\(result.question): \(result.status)")
      }
    }
  }

  @Test("the key shows the rules: the right answer, predictions' check rule, and its demo")
  func keyShowsRules() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let key = try runPiped(["quiz", "processes", "--key"], input: "", state: state)
    #expect(key.stdout.contains("\nprogram-or-process: b\n"), "\(key.stdout)")
    #expect(
      key.stdout.contains("# child-ppid (predict, 1 point): graded against a live run of ids: "))
    #expect(key.stdout.contains("\nchild-ppid:\n"))
  }

  @Test("--template and --key together, or with --answers, are refused in one line")
  func oneAtATime() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["quiz", "processes", "--template", "--key"], input: "", state: state)
    #expect(r.status != .exited(0))
    #expect(r.stderr.contains("--template, --key and --answers go one at a time"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}
