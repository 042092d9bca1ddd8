import DemoContract
import Demos
import Glibc
import Testing

@testable import Lessons

/// `check:` rules against what their demos declare (the built-in catalog's declarations).
@Suite struct CheckRuleLintTests {
  let linter = LessonLinter(demos: DemoCatalog.declarations)

  func problems(_ quiz: String) throws -> [String] {
    let (l, parsed) = lesson(quizLesson(quiz), file: "q.md")
    #expect(parsed.isEmpty, "\(lines(parsed))")
    return lines(linter.lint(lesson: try #require(l)))
  }

  @Test func anUndeclaredMetricIsNamedWithASuggestion() throws {
    #expect(
      try problems(
        "id: status\nkind: predict\nask: Status?\ndemo: zombie\ncheck: equals metric exit_code")
        == [
          "q.md:11:1: question 'status': check rule reads metric 'exit_code', which 'zombie' does not report; did you mean 'exit_status'?"
        ])
    #expect(
      try problems(
        "id: lost\nkind: predict\nask: Below?\ndemo: shm-race\ncheck: metric final < 2000000")
        == [
          "q.md:11:1: question 'lost': check rule reads metric 'final', which 'shm-race' does not report; did you mean 'none.final'?"
        ])
  }

  @Test func choicesOfANumericRuleMustBeNumbers() throws {
    let quiz = { (a: String, b: String) in
      "id: w\nkind: predict\nask: How long?\ndemo: pool\nunit: s\n"
        + "choices:\na) \(a)\nb) \(b)\ncheck: within ± 0.5 of metric startup_seconds"
    }
    #expect(try problems(quiz("1 s", "1500 ms")).isEmpty)
    #expect(
      try problems(quiz("about one second", "2 s"))
        == [
          "q.md:11:1: question 'w': choice a) 'about one second' is not a number in 's', which a within rule compares; write each choice as a number (4, 4 s)"
        ])
  }

  @Test func patternsAcceptTheirVariants() throws {
    #expect(
      try problems(
        "id: lost\nkind: predict\nask: Below?\ndemo: shm-race\ncheck: metric none.final < 2000000"
      ).isEmpty)
    #expect(
      try problems(
        "id: bw\nkind: predict\nask: Faster?\ndemo: pipe\n"
          + "check: metric bandwidth.65536.bytes_per_second > metric bandwidth.64.bytes_per_second"
      ).isEmpty)
    #expect(
      try problems(
        "id: lost\nkind: predict\nask: Below?\ndemo: shm-race\ncheck: metric spinlock.final < 2"
      ).count == 1)
  }

  @Test func aTextMetricIsNotComparedWithANumber() throws {
    #expect(
      try problems(
        "id: z\nkind: predict\nask: State?\ndemo: zombie\ncheck: metric state_before_reap > 3")
        == [
          "q.md:11:1: question 'z': check rule compares metric 'state_before_reap' (text) with < or >, which need numbers"
        ])
    #expect(
      try problems(
        "id: z\nkind: predict\nask: Reaped?\ndemo: zombie\ncheck: metric reaped == 1")
        == [
          "q.md:11:1: question 'z': check rule compares metric 'reaped' (boolean) with a number"
        ])
    #expect(
      try problems(
        "id: j\nkind: predict\nask: How?\ndemo: spawn\ncheck: within ±1 of metric join_status")
        == [
          "q.md:11:1: question 'j': check rule compares metric 'join_status' (text) with a number answer"
        ])
  }

  @Test func theAnswersUnitMustBeTheMetrics() throws {
    #expect(
      try problems(
        "id: t\nkind: predict\nask: How long?\nunit: ms\ndemo: pool\n"
          + "check: within ×1.25 of metric total_seconds")
        == [
          "q.md:11:1: question 't': the answer is in 'ms' but metric 'total_seconds' is in seconds: the rule would compare the two numbers as they are"
        ])
    #expect(
      try problems(
        "id: t\nkind: predict\nask: How big?\nunit: KiB\ndemo: pool\n"
          + "check: within ×1.25 of metric total_seconds")
        == [
          "q.md:11:1: question 't': the answer is in 'KiB' but metric 'total_seconds' is in seconds"
        ])
    #expect(
      try problems(
        "id: t\nkind: predict\nask: How long?\nunit: s\ndemo: pool\n"
          + "check: within ×1.25 of metric total_seconds"
      ).isEmpty)
    #expect(
      try problems(
        "id: e\nkind: predict\nask: Efficiency?\nunit: %\ndemo: primes\n"
          + "check: within ± 0.1 of metric process_pool.efficiency"
      ).count == 1)
  }

  /// The parser's problems (as `proclab lint` prints them) for one quiz block.
  func parseProblems(_ quiz: String) -> [String] {
    let (_, parsed) = lesson(quizLesson(quiz), file: "q.md")
    return lines(parsed)
  }

  @Test func theOldPercentFormIsRefusedNamingTheNewOnes() {
    let found = parseProblems(
      "id: w\nkind: predict\nask: How many?\nunit: durations\ndemo: pool\n"
        + "check: within 25% of metric task_durations")
    #expect(found.count == 1)
    #expect(found.first?.contains("'within 25%' is not symmetric") == true, "\(found)")
    #expect(found.first?.contains("'within ± 0.5 of …'") == true)
    #expect(found.first?.contains("'within ×1.25 of …'") == true)
  }

  @Test func theNewFormsLintClean() throws {
    for rule in [
      "within ×1.25 of metric task_durations", "within ± 0.5 durations of metric task_durations",
      "within ± 0.5 of metric task_durations", "within x1.3 of metric task_durations",
    ] {
      #expect(
        try problems(
          "id: w\nkind: predict\nask: How many?\nunit: durations\ndemo: pool\ncheck: " + rule
        ).isEmpty, "\(rule)")
    }
  }

  @Test func aToleranceInAnotherUnitIsConvertedOrRefused() throws {
    let (l, parsed) = lesson(
      quizLesson(
        "id: t\nkind: predict\nask: How long?\nunit: s\ndemo: pool\n"
          + "check: within ± 100 ms of metric total_seconds"), file: "q.md")
    #expect(parsed.isEmpty, "\(lines(parsed))")
    let rule = try #require(l?.question(id: "t")?.check)
    #expect(rule == .within(.plusMinus(0.1, unit: "s"), of: .metric("total_seconds")))
    let refused = parseProblems(
      "id: t\nkind: predict\nask: How long?\nunit: s\ndemo: pool\n"
        + "check: within ± 2 KiB of metric total_seconds")
    #expect(refused.count == 1)
    #expect(
      refused.first?.contains("the tolerance is in 'KiB', but the answer's unit is 's'") == true,
      "\(refused)")
    let unitless = parseProblems(
      "id: t\nkind: predict\nask: How many?\ndemo: pool\n"
        + "check: within ± 1 durations of metric task_durations")
    #expect(unitless.first?.contains("the question has no 'unit:'") == true, "\(unitless)")
  }

  @Test func theShippedLessonsKeepTheContract() throws {
    let library = LessonLibrary.load(
      directories: [ShippedLessons.directory], demos: DemoCatalog.declarations)
    let found = library.lessons.flatMap { lesson in
      lesson.questions.flatMap { linter.lintCheckRule(of: $0) }
    }
    #expect(found.isEmpty, "\(lines(found))")
    #expect(library.lessons.flatMap(\.questions).contains { $0.check != nil })
  }
}

/// The whole-lesson example of docs/lesson-format.md lints clean against the real catalog.
@Suite struct LessonFormatDocTests {
  @Test func theWholeLessonExampleLintsClean() throws {
    let doc = try #require(Self.read(ShippedLessons.directory + "/../docs/lesson-format.md"))
    let start = try #require(doc.firstRange(of: "~~~markdown\n"))
    let rest = doc[start.upperBound...]
    let end = try #require(rest.firstRange(of: "\n~~~\n"))
    let text = String(rest[..<end.lowerBound]) + "\n"
    let (l, parsed) = lesson(text, file: "lesson-format.md")
    #expect(parsed.isEmpty, "\(lines(parsed))")
    let problems = LessonLinter(demos: DemoCatalog.declarations, knownLessonIDs: ["pipes"])
      .lint(lesson: try #require(l))
    #expect(problems.isEmpty, "\(lines(problems))")
  }

  /// Every rule in the check-rule examples table parses (the table's rows start with a rule in
  /// backticks), and the old relative form appears only where the page says it is refused.
  @Test func theCheckRuleExamplesParse() throws {
    let doc = try #require(Self.read(ShippedLessons.directory + "/../docs/lesson-format.md"))
    let start = try #require(doc.firstRange(of: "## Check rules"))
    let section = doc[start.lowerBound...]
    let end =
      section.firstRange(of: "\n## How answers are read") ?? section.endIndex..<section.endIndex
    var rules: [String] = []
    for line in section[..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
      let afterTick = line.dropFirst(3)
      guard let close = afterTick.firstIndex(of: "`") else { continue }
      rules.append(String(afterTick[..<close]))
    }
    #expect(rules.count >= 6)
    for rule in rules {
      do { _ = try CheckRule.parse(rule) } catch { Issue.record("\(rule): \(error.message)") }
    }
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes += buffer[..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
