import DemoContract
import Lessons
import Testing
import Trace

/// The ```exercise block (docs/exercises.md): parsed into the model in its step, each problem
/// one line at file:line:col, a broken block left out, the step's line where it stands.
@Suite("Exercise blocks")
struct ExerciseBlockTests {
  static let block = """
    ```exercise
    id: reap-three
    title: Fork three children and reap them all
    files: reap_three.py
    run: python3 reap_three.py
    runs: 2
    timeout: 10
    check: processes == 4 :: the parent and exactly three children
    check: zombies == 0 and longest_zombie < 0.1 :: every child reaped within 100 ms
    check: stdout matches "^reaped 3 children$" :: the parent says it reaped three
    hint: `os.fork()` returns 0 in the child: the child must leave with `os._exit(0)`.
    hint: Call `os.waitpid(pid, 0)` once for each child the parent made.
    task:
    Write a program whose parent forks three children.

    The parent prints `reaped 3 children`.
    ```
    """

  static func lesson(_ body: String, file: String = "x.md") -> (Lesson?, [LessonProblem]) {
    let text =
      "---\nid: x\ntitle: X\n---\n\n## Reaping {#reaping}\n\nSome text.\n\n" + body
      + "\n\nAfter.\n"
    return LessonParser.parse(text: text, file: file)
  }

  @Test("the block becomes an Exercise in its step, with every field")
  func parsesEveryField() throws {
    let (lesson, problems) = Self.lesson(Self.block)
    #expect(problems.isEmpty, "\(problems)")
    let exercise = try #require(lesson?.exercise(id: "reap-three"))
    #expect(exercise.title == "Fork three children and reap them all")
    #expect(exercise.files == ["reap_three.py"])
    #expect(exercise.run == ["python3", "reap_three.py"])
    #expect(exercise.runs == 2)
    #expect(exercise.timeout == 10)
    #expect(exercise.stepID == "reaping")
    #expect(
      exercise.checks.map(\.meaning) == [
        "the parent and exactly three children", "every child reaped within 100 ms",
        "the parent says it reaped three",
      ])
    #expect(exercise.checks[2].condition == .output(.stdout, .matches("^reaped 3 children$")))
    guard case .metrics(let rule) = exercise.checks[1].condition else {
      Issue.record("not a metrics condition")
      return
    }
    #expect(rule.metricPaths == ["zombies", "longest_zombie"])
    #expect(exercise.hints.count == 2)
    #expect(
      exercise.task
        == "Write a program whose parent forks three children.\n\nThe parent prints `reaped 3 children`."
    )
    #expect(exercise.location.line == 11)
  }

  @Test("runs and timeout default to 1 and 10")
  func defaults() throws {
    let block = Self.block.replacing("runs: 2\n", with: "").replacing("timeout: 10\n", with: "")
    let (lesson, problems) = Self.lesson(block)
    #expect(problems.isEmpty, "\(problems)")
    let exercise = try #require(lesson?.exercises.first)
    #expect(exercise.runs == 1)
    #expect(exercise.timeout == 10)
  }

  /// Each broken variant: what replaces what, and the one line lint must say.
  static let broken: [(String, String, String)] = [
    ("runs: 2", "runs: 21", "x.md:15:7: runs: '21' must be a whole number from 1 to 20"),
    ("timeout: 10", "timeout: 0", "x.md:16:10: timeout: '0' must be a whole number from 1 to 60"),
    ("id: reap-three", "id: Reap_Three", "x.md:11:5: 'Reap_Three' is not a valid exercise id"),
    ("run: python3 reap_three.py", "run: python3 x.py | sort", "x.md:14:19: '|' in 'run:'"),
    ("run: python3 reap_three.py", "run: /usr/bin/python3 x.py", "x.md:14:6: '/usr/bin/python3'"),
    ("files: reap_three.py", "files: ../x.py", "x.md:13:8: '../x.py' is not a file name"),
    (
      "title: Fork", "titel: Fork",
      "unknown key 'titel' in an exercise block; did you mean 'title'?"
    ),
    (
      "check: processes == 4 :: the parent and exactly three children",
      "check: processes == 4 the parent", "x.md:17:8: a check is '<condition> :: <what it means>'"
    ),
    (
      "check: processes == 4 ::", "check: within ± 1 of processes ::",
      "x.md:17:8: check 'within ± 1 of processes': an exercise check is a condition"
    ),
    (
      "check: stdout matches \"^reaped 3 children$\"", "check: stdout matches \"(a\"",
      "check 'stdout matches \"(a\"': the pattern does not compile"
    ),
    ("task:", "#task:", "exercise 'reap-three' has no task"),
    ("id: reap-three\n", "", "x.md:10:1: exercise block has no 'id:'"),
  ]

  @Test("every problem is one line at file:line:col, and the block is left out")
  func brokenBlocks() {
    for (old, new, expected) in Self.broken {
      let (lesson, problems) = Self.lesson(Self.block.replacing(old, with: new))
      let lines = problems.map(\.description)
      #expect(
        lines.contains { $0.contains(expected) }, "\(new): expected \(expected) in \(lines)")
      #expect(lesson?.exercises.isEmpty == true, "\(new): the broken block was kept")
    }
  }

  @Test("the same id twice in a lesson is an error naming the first")
  func duplicateInLesson() {
    let (lesson, problems) = Self.lesson(Self.block + "\n\n" + Self.block)
    #expect(
      problems.map(\.description).contains {
        $0.contains("duplicate exercise id 'reap-three' (also at line 11)")
      })
    #expect(lesson?.exercises.count == 1)
  }

  @Test("the step shows one line where the block stands, between its texts")
  func stepLine() throws {
    let (lesson, _) = Self.lesson(Self.block)
    let step = try #require(lesson?.steps.first)
    let layout = StepLayout(step: step)
    let markdown = layout.segments.map(\.markdown).joined(separator: "\n\n")
    #expect(
      markdown
        == "Some text.\n\n**Exercise `reap-three`**: Fork three children and reap them all — "
        + "type `exercise reap-three`\n\nAfter.")
    let custom = StepLayout(step: step) { "EX \($0.id)" }
    #expect(custom.segments.map(\.markdown).joined(separator: "|").contains("EX reap-three"))
  }
}

/// Exercise conditions evaluated against a report's metrics and the program's output.
@Suite("Exercise checks")
struct ExerciseCheckTests {
  static func check(_ condition: String) throws -> ExerciseCheck {
    ExerciseCheck(
      condition: try ExerciseCondition.parse(condition), conditionText: condition, meaning: "m",
      location: SourceLocation(file: "x", line: 1))
  }

  static func verdict(
    _ condition: String, metrics: [String: JSONValue] = [:], stdout: String = "",
    stderr: String = ""
  ) throws -> ExerciseVerdict {
    try check(condition).evaluate(
      metrics: metrics, stdout: stdout, stderr: stderr, declarations: TraceReport.metrics)
  }

  @Test("a metrics condition holds or fails, naming the figures by label and unit")
  func metrics() throws {
    let good = try Self.verdict(
      "zombies == 0 and longest_zombie < 0.1",
      metrics: ["zombies": .number(0), "longest_zombie": .number(0.002)])
    #expect(good.held)
    #expect(good.figures.contains { $0.hasPrefix("zombies: 0") }, "\(good.figures)")
    #expect(good.figures.contains { $0.hasPrefix("longest zombie: 2") }, "\(good.figures)")
    let bad = try Self.verdict(
      "zombies == 0 and longest_zombie < 0.1",
      metrics: ["zombies": .number(3), "longest_zombie": .number(1.5)])
    #expect(bad.state == .failed)
    let missing = try Self.verdict("processes == 4")
    guard case .undetermined = missing.state else {
      Issue.record("a missing metric decided the check: \(missing)")
      return
    }
  }

  @Test("stdout matches: some line, anchored to the line, case ignored; the line is shown")
  func matches() throws {
    let out = "child 12 of 11\nreaped 3 children\n"
    let v = try Self.verdict("stdout matches \"^reaped \\d children$\"", stdout: out)
    #expect(v.held)
    #expect(v.output == .line(.stdout, number: 2, text: "reaped 3 children"))
    #expect(try Self.verdict("stdout matches \"^children\"", stdout: out).state == .failed)
    #expect(try Self.verdict("stdout matches \"REAPED\"", stdout: out).held)
    #expect(try Self.verdict("stdout matches \"3 child\"", stdout: out).held)
    let none = try Self.verdict("stdout matches \"^x$\"", stdout: out)
    #expect(none.output == .noLine(.stdout, lines: 2, first: "child 12 of 11"))
    #expect(try Self.verdict("stderr matches \"reaped\"", stdout: out).state == .failed)
  }

  @Test("stdout contains and lines, stderr the same; quotes escaped")
  func containsAndLines() throws {
    let out = "a \"quoted\" word\nsecond\nno newline at the end"
    #expect(try Self.verdict("stdout contains \"\\\"quoted\\\"\"", stdout: out).held)
    #expect(try Self.verdict("stdout contains \"Second\"", stdout: out).state == .failed)
    #expect(try Self.verdict("stdout lines == 3", stdout: out).held)
    #expect(try Self.verdict("stdout lines >= 4", stdout: out).state == .failed)
    #expect(try Self.verdict("stderr lines == 0", stdout: out).held)
    #expect(try Self.verdict("stderr lines == 1", stderr: "oops\n").held)
    #expect(try Self.verdict("stdout lines == 0", stdout: "").output == .lineCount(.stdout, 0))
  }

  @Test("a pattern is refused when the search it runs as is too long, not left undecided")
  func patternAtTheLengthLimit() throws {
    let long = String(repeating: "a", count: TextPattern.maximumLength - 2)
    #expect(TextPattern.problem(long) == nil)
    #expect(throws: CheckRuleError.self) {
      try ExerciseCondition.parse("stdout matches \"\(long)\"")
    }
  }

  @Test("malformed output forms are refused with what is allowed")
  func refused() {
    for bad in [
      "stdout has \"x\"", "stdout matches x", "stdout lines 3", "stdout lines == three",
      "stdout contains \"x\" and processes == 1", "stdout matches \"x", "answer > 3",
    ] {
      #expect(throws: CheckRuleError.self, "\(bad)") { try ExerciseCondition.parse(bad) }
    }
  }
}
