import Testing

@testable import Lessons

/// The parity lint: a translation (`ko/<file>`) keeps every id and key of its English lesson.
@Suite("Lesson parity")
struct ParityTests {
  static let english = """
    ---
    id: processes
    title: Processes
    requires: [intro]
    order: 1
    ---

    ## Run it {#run-it}

    Text.

    ```demo
    ids
    ```

    ```demo
    shm-race processes=2 sync=none
    ```

    ## Check {#check}

    More.

    ```quiz
    id: pick
    kind: choice
    step: run-it
    ask: Which?
    choices:
      a) One
      b) Two
    answer: b
    ```

    ```quiz
    id: howlong
    kind: number
    step: check
    ask: How long?
    unit: s
    answer: 4 ± 10%
    retries: 2
    ```

    ```quiz
    id: name
    kind: text
    step: check
    ask: Name?
    answer: ppid
    accept: parent pid
    ```

    ```quiz
    id: same
    kind: predict
    step: check
    ask: Same?
    demo: ids
    check: metric ppid == metric parent.pid
    ```

    """

  /// The Korean lesson: the English one with its words translated, everything else kept.
  static let korean =
    english
    .replacing("title: Processes", with: "title: 프로세스")
    .replacing("## Run it {#run-it}", with: "## 실행하기 {#run-it}")
    .replacing("## Check {#check}", with: "## 확인 {#check}")
    .replacing("a) One", with: "a) 하나")
    .replacing("b) Two", with: "b) 둘")
    .replacing("accept: parent pid", with: "accept: parent pid\naccept: 부모 pid")

  /// The problems of `korean` against the English lesson, as lines.
  static func problems(_ korean: String) throws -> [String] {
    let (e, eProblems) = LessonParser.parse(text: english, file: "en.md")
    let (k, kProblems) = LessonParser.parse(text: korean, file: "ko/en.md")
    #expect(eProblems.isEmpty, "\(eProblems)")
    #expect(kProblems.filter(\.isError).isEmpty, "\(kProblems)")
    return LessonParity.check(english: try #require(e), translation: try #require(k))
      .map(\.description)
  }

  @Test func aFaithfulTranslationHasNoProblems() throws {
    #expect(try Self.problems(Self.korean) == [])
  }

  @Test func frontMatterKeys() throws {
    let changed = Self.korean.replacing("order: 1", with: "order: 2")
      .replacing("requires: [intro]", with: "requires: []")
    #expect(
      try Self.problems(changed) == [
        "ko/en.md:2:5: order 2 differs from 1 in en.md",
        "ko/en.md:2:5: requires [] differs from [intro] in en.md",
      ])
  }

  @Test func aStepInOneLanguageOnly() throws {
    let renamed = Self.korean.replacing("{#check}", with: "{#checking}")
      .replacing("step: check\n", with: "step: checking\n")
    #expect(
      try Self.problems(renamed) == [
        "ko/en.md:2:5: step 'check' (en.md:20) is missing from the translation",
        "ko/en.md:20:1: step 'checking' is not in en.md",
        "ko/en.md:36:1: question 'howlong': step is 'checking' here, 'check' in en.md:36",
        "ko/en.md:46:1: question 'name': step is 'checking' here, 'check' in en.md:46",
        "ko/en.md:56:1: question 'same': step is 'checking' here, 'check' in en.md:55",
      ])
  }

  @Test func stepsOutOfOrder() throws {
    let parts = Self.korean.split(separator: "## 확인 {#check}").map(String.init)
    let body = parts[1].split(separator: "```quiz").map(String.init)
    // The check step (with no quiz blocks) moved before the run-it step.
    let swapped =
      parts[0].replacing(
        "## 실행하기 {#run-it}", with: "## 확인 {#check}\n\n더.\n\n## 실행하기 {#run-it}")
      + "```quiz" + body.dropFirst().joined(separator: "```quiz")
    #expect(
      try Self.problems(swapped) == [
        "ko/en.md:8:1: step 'check' is out of order: en.md has 'run-it' here"
      ])
  }

  @Test func demoBlocksDiffer() throws {
    let changed = Self.korean.replacing(
      "shm-race processes=2 sync=none", with: "shm-race processes=2  sync=atomic")
    #expect(
      try Self.problems(changed) == [
        "ko/en.md:17:1: demo block 2 of step 'run-it' is 'shm-race processes=2 sync=atomic'; "
          + "en.md:17 has 'shm-race processes=2 sync=none'"
      ])
    let missing = Self.korean.replacing("```demo\nids\n```\n\n", with: "")
    let lines = try Self.problems(missing)
    #expect(lines.count == 2)
    #expect(lines.contains { $0.contains("lacks the demo block 'shm-race processes=2 sync=none'") })
    let extra = Self.korean.replacing("More.", with: "더.\n\n```demo\nids\n```")
    #expect(
      try Self.problems(extra) == [
        "ko/en.md:25:1: demo block 'ids' is not in step 'check' of en.md"
      ])
  }

  @Test func aQuestionInOneLanguageOnly() throws {
    let renamed = Self.korean.replacing("id: pick", with: "id: choose")
    #expect(
      try Self.problems(renamed) == [
        "ko/en.md:2:5: question 'pick' (en.md:25) is missing from the translation",
        "ko/en.md:25:1: question 'choose' is not in en.md",
      ])
  }

  @Test func keyFieldsOfAQuestion() throws {
    let changed = Self.korean
      .replacing("answer: b", with: "answer: a")
      .replacing("  b) 둘", with: "  b) 둘\n  c) 셋")
      .replacing("step: run-it", with: "step: check")
      .replacing("answer: 4 ± 10%", with: "answer: 4 ± 20%")
      .replacing("unit: s", with: "unit: ms")
      .replacing("retries: 2", with: "retries: 3")
      .replacing("check: metric ppid ==", with: "check: metric pid ==")
      .replacing("demo: ids", with: "demo: ids  ")
    let lines = try Self.problems(changed)
    #expect(
      lines
        == [
          "ko/en.md:25:1: question 'pick': step is 'check' here, 'run-it' in en.md:25",
          "ko/en.md:25:1: question 'pick': number of choices is '3' here, '2' in en.md:25",
          "ko/en.md:25:1: question 'pick': answer is 'a' here, 'b' in en.md:25",
          "ko/en.md:37:1: question 'howlong': unit is 'ms' here, 's' in en.md:36",
          "ko/en.md:37:1: question 'howlong': retries is '3' here, '2' in en.md:36",
          "ko/en.md:37:1: question 'howlong': answer is '4 ms ± 20%' here, '4 s ± 10%' in en.md:36",
          "ko/en.md:57:1: question 'same': check is 'metric pid == metric parent.pid' here, "
            + "'metric ppid == metric parent.pid' in en.md:55",
        ].sorted())
  }

  @Test func aTextQuestionMustAcceptTheEnglishAnswers() throws {
    let changed = Self.korean.replacing(
      "answer: ppid\naccept: parent pid\naccept: 부모 pid",
      with: "answer: ppid\naccept: 부모 pid")
    #expect(
      try Self.problems(changed) == [
        "ko/en.md:46:1: question 'name' does not accept the English answer 'parent pid'"
      ])
  }

  @Test func aKindChangedIsOneLine() throws {
    let changed = Self.korean.replacing(
      "kind: choice", with: "kind: multi")
    #expect(
      try Self.problems(changed) == [
        "ko/en.md:25:1: question 'pick': kind is 'multi' here, 'choice' in en.md:25"
      ])
  }

  @Test func theLinterChecksADirectorysTranslations() throws {
    let root = TempDirectory("parity")
    defer { root.remove() }
    let dir = root.subdirectory("lessons")
    let ko = root.subdirectory("lessons/ko")
    root.write("01-processes.md", Self.english, in: dir)
    let korean = root.write(
      "01-processes.md", Self.korean.replacing("id: same", with: "id: alike"),
      in: ko)
    let stray = root.write("02-stray.md", front("stray") + "## S\n가\n", in: ko)
    let linter = LessonLinter(demos: FakeDemos.all, knownLessonIDs: ["intro"])
    let found = linter.lint(paths: [dir]).filter(\.isError).map(\.description)
    #expect(
      found == [
        "\(korean):2:5: question 'same' (\(dir)/01-processes.md:55) is missing from the translation",
        "\(korean):56:1: question 'alike' is not in \(dir)/01-processes.md",
        "\(stray):2:5: translation without an English lesson: no 02-stray.md in \(dir)",
      ])
    // The translation directory checked on its own finds the same.
    let alone = linter.lint(paths: [ko]).filter(\.isError).map(\.description)
    #expect(alone == found)
  }
}
