import Glibc
import Render
import Testing

@testable import Lessons

/// Replays what `make fuzz` found (Tests/LessonsTests/Fuzz/) and the seed corpus (the shipped
/// lessons) through the lesson parser, the answer parser and the check-rule parser. Nothing is
/// checked but that they return: an input that once crashed a parser must never crash it again.
@Suite("Fuzz replay")
struct FuzzReplayTests {
  /// Every file under Tests/LessonsTests/Fuzz/, then every shipped lesson.
  static var inputs: [String] {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()  // FuzzReplayTests.swift
    return files(under: parts.joined(separator: "/") + "/Fuzz")
      + files(under: ShippedLessons.directory).filter { $0.hasSuffix(".md") }
  }

  /// One question of every kind, from a lesson parsed the usual way.
  static let sample = """
    ---
    id: fuzz-sample
    title: Fuzz sample
    ---

    ## Every kind {#kinds}

    ```quiz
    id: c
    kind: choice
    ask: Which call creates a process?
    choices:
      a) fork
      b) exec
      c) wait
    answer: a
    ```

    ```quiz
    id: m
    kind: multi
    ask: Which are inherited?
    choices:
      a) pid
      b) uid
      c) cwd
    answer: b, c
    feedback a: No two processes share a pid.
    ```

    ```quiz
    id: t
    kind: truefalse
    ask: A zombie still uses memory for its stack.
    answer: false
    ```

    ```quiz
    id: n
    kind: number
    ask: How long?
    answer: 4
    tolerance: ± 0.5
    unit: s
    feedback 8 s: That is twice as long.
    ```

    ```quiz
    id: x
    kind: text
    ask: What does getppid return?
    answer: parent pid
    accept: ppid
    pattern: p(arent)? ?pid
    ```

    ```quiz
    id: o
    kind: order
    ask: Put them in order.
    items:
      a) wait
      b) fork
      c) exec
    answer: b, c, a
    ```

    ```quiz
    id: p
    kind: predict
    ask: Will updates be lost?
    demo: shm-race processes=2 increments=1000 sync=none
    check: metric final < 2000
    ```

    ```quiz
    id: q
    kind: predict
    ask: How many milliseconds?
    unit: ms
    demo: shm-race processes=2
    check: within ×1.1 of metric elapsed
    ```

    """

  @Test func sampleHasEveryKind() throws {
    let (parsed, problems) = LessonParser.parse(text: Self.sample, file: "sample.md")
    let l = try #require(parsed, "\(lines(problems))")
    #expect(Set(l.questions.map(\.kind)) == Set(QuestionKind.allCases), "\(lines(problems))")
  }

  @Test func findingsAndSeedsParseWithoutCrashing() throws {
    let questions = try #require(LessonParser.parse(text: Self.sample, file: "sample.md").lesson)
      .questions
    let inputs = Self.inputs
    #expect(inputs.count >= 14, "the seed corpus (lessons/*.md) was not found")
    for path in inputs {
      let bytes = try #require(Self.read(path), "cannot read \(path)")
      let text = String(decoding: bytes, as: UTF8.self)
      // As a lesson, and its questions answered with their own answers.
      let parsed = LessonParser.parse(text: text, file: path).lesson
      for question in parsed?.questions ?? [] {
        Self.answer(question.answerText, to: question)
        Self.answer(text, to: question)
      }
      // As an answer (the answer fuzzer's first byte only picks a question) and as a rule.
      for answer in [text, String(decoding: bytes.dropFirst(), as: UTF8.self)] {
        for question in questions { Self.answer(answer, to: question) }
        _ = try? CheckRule.parse(answer)
      }
    }
  }

  /// The Markdown and pattern fuzzers' inputs (and every other one) replayed through the
  /// renderer and the pattern matcher, as their fuzzers do: a slow input is a failure too, so
  /// the whole replay must finish within a generous bound.
  @Test func findingsRenderAndMatchInBoundedTime() throws {
    let inputs = Self.inputs.map { path in
      (path, String(decoding: Self.read(path) ?? [], as: UTF8.self))
    }
    #expect(inputs.contains { $0.0.contains("/issue-13/") }, "issue 13's lessons are missing")
    let finished = finishes(within: 120) {
      for (_, text) in inputs {
        let safe = TerminalSafe.escape(text, lineBreaks: .kept)
        for style in [TerminalStyle.plain(width: 40), .fancy(width: 80)] {
          _ = MarkdownRenderer(style: style).render(safe)
        }
        // As the pattern fuzzer reads it: a pattern on the first line, then the answer.
        let newline = text.firstIndex(of: "\n") ?? text.endIndex
        let pattern = String(text[..<newline])
        let answer = newline < text.endIndex ? String(text[text.index(after: newline)...]) : ""
        _ = TextPattern.problem(pattern)
        _ = TextPattern.wholeMatch(pattern, answer)
      }
    }
    #expect(finished, "rendering or matching the fuzz inputs did not finish")
  }

  /// Reads `text` as the quiz would, and grades it.
  static func answer(_ text: String, to question: Question) {
    if question.kind == .predict {
      if let prediction = try? AnswerParser.parsePrediction(text, for: question) {
        _ = question.feedback(forPrediction: prediction)
      }
    } else if let answer = try? AnswerParser.parse(text, for: question) {
      _ = question.isCorrect(answer)
      _ = question.feedback(for: answer)
    }
  }

  /// Regular files under `directory`, recursively, sorted; none if it cannot be read.
  static func files(under directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var found: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name.hasPrefix(".") { continue }
      let path = directory + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        found += files(under: path)
      } else if (info.st_mode & S_IFMT) == S_IFREG {
        found.append(path)
      }
    }
    return found.sorted()
  }

  /// The file's bytes, or `nil` if it cannot be read.
  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { return bytes }
      bytes += chunk[0..<n]
    }
  }
}
