import Testing

@testable import Lessons

@Suite("Lesson parser")
struct ParserTests {
  static let good = """
    ---
    id: shared-memory
    title: Shared memory and semaphores
    summary: Two processes, one counter.
    requires: [pipes, processes]
    order: 11
    ---

    # Two processes, one counter

    Processes do not share memory unless they ask for it.

    ## Lost updates {#lost-updates}

    Watch the counter:

    ```demo
    # the race, then the fixes
    shm-race processes=2 sync=none,atomic   # trailing comment
    shm-race
    ```

    ```swift
    ## not a heading: code to show
    counter += 1
    ```

    ## What is a `semaphore`?

    A counter with a wait.

    ```quiz
    id: lost
    kind: predict
    ask: Two processes each add 1,000,000 with no lock. Final value?
    demo: shm-race processes=2 increments=1000000 sync=none
    check: metric final < 2000000
    explain: Each increment is a load and a store.
    ```

    ### A sub-heading stays in the step
    More text.
    """

  @Test func frontMatterAndSteps() throws {
    let (parsed, problems) = lesson(Self.good, file: "lessons/11.md")
    #expect(problems.isEmpty, "\(lines(problems))")
    let l = try #require(parsed)
    #expect(l.id == "shared-memory")
    #expect(l.title == "Shared memory and semaphores")
    #expect(l.summary == "Two processes, one counter.")
    #expect(l.requires == ["pipes", "processes"])
    #expect(l.requirements.map(\.location.column) == [12, 19])
    #expect(l.order == 11)
    #expect(l.heading == "Two processes, one counter")
    #expect(l.location == SourceLocation(file: "lessons/11.md", line: 2, column: 5))
    #expect(
      l.steps.map(\.id) == ["two-processes-one-counter", "lost-updates", "what-is-a-semaphore"])
    #expect(
      l.steps.map(\.title) == [
        "Two processes, one counter", "Lost updates", "What is a `semaphore`?",
      ])
    #expect(l.steps.map(\.hasExplicitID) == [false, true, false])
    #expect(l.steps.map(\.location.line) == [9, 13, 28])
    #expect(l.frontMatterValue("order") == "11")
  }

  @Test func blocks() throws {
    let l = try #require(lesson(Self.good).0)
    let step = l.steps[1]
    #expect(step.demos.map(\.commandLine) == ["shm-race processes=2 sync=none,atomic", "shm-race"])
    #expect(step.demos[0].location.line == 19)
    #expect(step.demos[0].argumentLocations.map(\.column) == [10, 22])
    guard case .markdown(let first) = step.blocks[0], case .markdown(let code) = step.blocks[3]
    else {
      Issue.record("expected markdown around the demos: \(step.blocks)")
      return
    }
    #expect(first == "Watch the counter:")
    #expect(code.hasPrefix("```swift\n## not a heading"))
    #expect(code.hasSuffix("counter += 1\n```"))
    let third = l.steps[2]
    #expect(third.questionIDs == ["lost"])
    #expect(third.markdown.contains("### A sub-heading stays in the step\nMore text."))
    let q = try #require(l.question(id: "lost"))
    #expect(q.stepID == "what-is-a-semaphore")
    #expect(q.demo?.commandLine == "shm-race processes=2 increments=1000000 sync=none")
    #expect(q.check == .condition([[CheckComparison(.metric("final"), .less, .number(2_000_000))]]))
    #expect(q.predictInput == .truth)
  }

  @Test func stepIDsAreStable() throws {
    let edited = Self.good.replacing("Watch the counter:", with: "Now watch it closely:")
      .replacing("A counter with a wait.", with: "A counter, and a queue of waiters.")
    let a = try #require(lesson(Self.good).0)
    let b = try #require(lesson(edited).0)
    #expect(a.steps.map(\.id) == b.steps.map(\.id))
    #expect(a.steps.map(\.markdown) != b.steps.map(\.markdown))
  }

  @Test(arguments: [
    ("## Hello, World!", "hello-world"),
    ("## What's a PID?", "whats-a-pid"),
    ("##   spaced   out   ##", "spaced-out"),
    ("## 프로세스 ID", "프로세스-id"),
    ("## C++ & Swift_6 {#cpp}", "cpp"),
    ("## ¿¡!?", "step-1"),
    ("## fork() → exec() → wait()", "fork-exec-wait"),
  ])
  func slugs(heading: String, id: String) throws {
    let l = try #require(lesson(front() + heading + "\ntext\n").0)
    #expect(l.steps.map(\.id) == [id])
  }

  @Test func headingsThatAreNot() throws {
    let text = front() + "## Real\n#hashtag\n    ## indented code\n####### seven\n## Second ##\n"
    let l = try #require(lesson(text).0)
    #expect(l.steps.map(\.title) == ["Real", "Second"])
    #expect(l.steps[0].markdown == "#hashtag\n    ## indented code\n####### seven")
  }

  @Test func textBeforeAnyHeadingIsAnIntroStep() throws {
    let l = try #require(lesson(front() + "\nHello.\n\n## Next\nMore.\n").0)
    #expect(l.steps.map(\.id) == ["sample", "next"])
    #expect(l.steps.map(\.title) == ["Sample", "Next"])
    #expect(l.heading == nil)
  }

  @Test func titleHeadingWithoutContentIsNoStep() throws {
    let l = try #require(lesson(front() + "\n# The Title\n\n## One\nx\n").0)
    #expect(l.steps.map(\.id) == ["one"])
    #expect(l.heading == "The Title")
  }

  @Test(arguments: [
    "requires: [a, b]", "requires: a, b", "requires:\n  - a\n  - b", "requires: ['a', \"b\"]",
  ])
  func requiresForms(line: String) throws {
    let l = try #require(lesson(front(extra: line + "\n") + "## S\nx\n").0)
    #expect(l.requires == ["a", "b"])
  }

  @Test func emptyRequires() throws {
    let l = try #require(lesson(front(extra: "requires: []\n") + "## S\nx\n").0)
    #expect(l.requires.isEmpty)
  }

  @Test func crlfAndBOM() throws {
    let text = "\u{FEFF}---\r\nid: crlf\r\ntitle: Windows\r\n---\r\n## One {#one}\r\nLine.\r\n"
    let (parsed, problems) = lesson(text)
    #expect(problems.isEmpty, "\(lines(problems))")
    let l = try #require(parsed)
    #expect(l.id == "crlf")
    #expect(l.steps.first?.markdown == "Line.")
  }

  @Test func tildeFencesAndLongerFences() throws {
    let text =
      front() + "## S\n~~~~quiz\nid: q\nkind: truefalse\nask: Is ``` fine?\nanswer: yes\n~~~~\n"
      + "````demo\nids\n# ``` does not close this fence\n````\n"
    let (parsed, problems) = lesson(text)
    let l = try #require(parsed)
    #expect(l.questions.map(\.id) == ["q"])
    #expect(l.steps[0].demos.map(\.demo) == ["ids"])
    #expect(problems.isEmpty, "\(lines(problems))")
  }

  // MARK: Malformed

  @Test func emptyFile() {
    let (l, problems) = lesson("", file: "e.md")
    #expect(l == nil)
    #expect(
      lines(problems) == [
        "e.md:1:1: empty file: a lesson starts with front matter (a '---' line, id:, title:, '---')"
      ])
  }

  @Test func missingFrontMatter() {
    let (l, problems) = lesson("# Title\n\ntext\n", file: "m.md")
    #expect(l == nil)
    #expect(
      lines(problems) == [
        "m.md:1:1: missing front matter: a lesson file starts with a '---' line, then id: and title:"
      ])
  }

  @Test func unterminatedFrontMatter() {
    let (l, problems) = lesson("---\nid: x\ntitle: X\n## Step\ntext\n", file: "u.md")
    #expect(l == nil)
    #expect(lines(problems) == ["u.md:1:1: front matter not closed: no '---' line after line 1"])
  }

  @Test func unterminatedFence() throws {
    let text = front() + "## S\n\n```demo\nids\n\n## Swallowed\n"
    let (parsed, problems) = lesson(text, file: "f.md")
    let l = try #require(parsed)
    #expect(lines(problems) == ["f.md:7:1: code fence opened here is never closed"])
    #expect(l.steps.count == 1)
  }

  @Test func missingIDAndTitle() {
    let (l, problems) = lesson("---\nsummary: nothing\n---\n## S\nx\n", file: "n.md")
    #expect(l == nil)
    #expect(lines(problems).contains("n.md:1:1: missing 'id:' in the front matter"))
  }

  @Test func missingTitleStillLoads() throws {
    let (parsed, problems) = lesson("---\nid: x\n---\n# Heading\n## S\nx\n", file: "t.md")
    #expect(lines(problems) == ["t.md:1:1: missing 'title:' in the front matter"])
    #expect(parsed?.title == "Heading")
  }

  @Test func emptyLesson() throws {
    let (parsed, problems) = lesson(front() + "\n\n", file: "z.md")
    #expect(parsed?.steps.isEmpty == true)
    #expect(
      lines(problems) == ["z.md:5:1: lesson has no steps: a step begins with a '## Heading' line"])
  }

  @Test func frontMatterProblems() {
    let text =
      "---\nid: 42\ntitle: T\ntitle: Again\nrequire: x\norder: many\nrequires: [bad id!]\njunk\n---\n## S\nx\n"
    let (_, problems) = lesson(text, file: "p.md")
    #expect(
      lines(problems) == [
        "p.md:2:5: a lesson id cannot be only digits: it would clash with lesson numbers",
        "p.md:4:1: 'title' is given twice (first at line 3)",
        "p.md:5:1: warning: unknown front matter key 'require' (known: id, title, summary, requires, order); did you mean 'requires'?",
        "p.md:6:8: order must be a whole number from 0 to 1000000",
        "p.md:7:12: 'bad id!' in requires is not a lesson id",
        "p.md:8:1: expected 'key: value' in the front matter",
      ])
  }

  @Test func duplicateStepIDs() {
    let text = front() + "## Intro\na\n## Intro\nb\n## Other {#intro}\nc\n## Bad {#no spaces}\nd\n"
    let (_, problems) = lesson(text, file: "d.md")
    #expect(
      lines(problems) == [
        "d.md:7:1: duplicate step id 'intro' (also at line 5); give one of the headings its own {#id}",
        "d.md:9:1: duplicate step id 'intro' (also at line 5); give one of the headings its own {#id}",
        "d.md:11:8: '{#no spaces}' is not a valid step id: use letters, digits, '-' and '_'",
      ])
  }

  @Test(arguments: [
    "\u{0}\u{1}\u{2}binary\u{FFFD}\u{FFFF}",
    "---", "---\n", "---\n---", "---\n---\n", "---\nid:\n---\n## \n", "---\nid: x\n---\n#",
    "---\nid: x\n---\n```", "---\nid: x\n---\n```quiz\n", "---\nid: x\n---\n```quiz\nid:\n```",
    "---\nid: x\ntitle: y\n---\n## {#}\n## {#a}\n", "---\n- a\n  b\n:\n---\n",
    "---\nid: x\ntitle: t\n---\n## s\n```quiz\nid: q\nkind: number\nask: a\nanswer: 1 ± \n```\n",
    "---\nid: x\ntitle: t\n---\n## s\n```quiz\nid: q\nkind: number\nask: a\nrange: 5..3\n```\n",
    "---\nid: x\ntitle: t\n---\n## s\n```quiz\nid: q\nkind: predict\nask: a\ncheck: (\ndemo:\n```\n",
    "---\nid: x\ntitle: t\n---\n## s\n```quiz\n  indented first\na)\nchoices:\nz) last\n```\n",
    String(repeating: "#", count: 10_000), String(repeating: "```\n", count: 1000),
    String(repeating: "## a\n", count: 2000),
  ])
  func malformedInputsNeverCrash(text: String) {
    let (l, problems) = lesson(front() + text)
    let (l2, problems2) = lesson(text)
    // Whatever the input, the answer is deterministic.
    #expect(lesson(front() + text).0 == l)
    #expect(lesson(text).1 == problems2)
    _ = (problems, l2)
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix(seed: 0x5EED)
    let alphabet = Array("---\nid:title:requires[],#`~{}()abc 가힣\t\r\u{0}=:).-_%±<>".utf8)
    for round in 0..<400 {
      let length = Int(generator.next() % 600)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        let r = generator.next()
        bytes.append(
          r % 4 == 0
            ? UInt8(truncatingIfNeeded: r >> 8) : alphabet[Int((r >> 8) % UInt64(alphabet.count))])
      }
      if round % 2 == 0 { bytes = Array(front().utf8) + bytes }
      let (l, problems) = LessonParser.parse(bytes: bytes, file: "fuzz.md")
      for p in problems {
        #expect(p.location.line >= 1 && p.location.column >= 1)
      }
      if let l { #expect(!l.id.isEmpty) }
    }
  }
}

/// A small deterministic random generator for the fuzz-style tests.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
