import DemoContract
import Demos
import Testing

@testable import Lessons

@Suite("Lesson linter", .serialized)
struct LinterTests {
  let linter = LessonLinter(demos: FakeDemos.all)

  @Test func demoAndParameterProblems() throws {
    let text =
      front("race", title: "Race") + """
        ## Run it

        ```demo
        shm-rase processes=2
        shm-race procs=2 sync=none
        shm-race processes=99 sync=none,mutex
        shm-race processes=2 processes=3
        run shm-race
        teleport
        ```

        ```quiz
        id: lost
        kind: predict
        ask: Final?
        demo: shm-race  increments=0
        check: metric final < 2000000
        ```
        """
    let (l, parsed) = lesson(text, file: "race.md")
    #expect(parsed.isEmpty, "\(lines(parsed))")
    let problems = linter.lint(lesson: try #require(l))
    #expect(
      lines(problems) == [
        "race.md:8:1: unknown demo 'shm-rase'; did you mean 'shm-race'?",
        "race.md:9:10: unknown parameter 'procs' for shm-race; it takes processes, increments, sync",
        "race.md:10:10: processes=99: must be between 1 and 8",
        "race.md:10:23: sync=none,mutex: unknown item 'mutex'; allowed: none,semaphore,atomic,local",
        "race.md:11:22: warning: parameter 'processes' is given twice",
        "race.md:12:1: unknown demo 'run'; write the demo's name without 'run': shm-race",
        "race.md:13:1: unknown demo 'teleport'; the demos are: ids, shm-race",
        "race.md:20:17: increments=0: must be between 1 and 100000000",
      ])
  }

  @Test func lintsFilesAcrossLessons() throws {
    let dir = TempDirectory("lint")
    defer { dir.remove() }
    let a = dir.write("01-a.md", front("alpha", extra: "requires: [gamma]\n") + "## A\ntext\n")
    let b = dir.write(
      "02-b.md", front("beta", extra: "requires: [alpha, alpah]\n") + "## B\ntext\n")
    let c = dir.write("03-c.md", front("gamma", extra: "requires: beta\n") + "## C\ntext\n")
    let d = dir.write("04-d.md", front("alpha") + "## D\ntext\n")
    let e = dir.write("05-e.md", front("self", extra: "requires: [self]\n") + "## E\ntext\n")
    let f = dir.write("06-f.md", "---\nid: broken\n")
    dir.write("README.md", "# not a lesson\n")
    dir.write("notes.txt", "ignored")
    let problems = linter.lint(paths: [dir.path])
    #expect(
      lines(problems) == [
        "\(a):4:12: requires cycle: alpha → gamma → beta → alpha",
        "\(b):4:19: requires unknown lesson 'alpah'; did you mean 'alpha'?",
        "\(d):2:5: duplicate lesson id 'alpha' (also in \(a):2)",
        "\(e):4:12: lesson 'self' requires itself",
        "\(f):1:1: front matter not closed: no '---' line after line 1",
      ])
    _ = c
    #expect(problems.allSatisfy { $0.isError })
  }

  @Test("a front-matter error does not hide the rest of the file's errors")
  func frontMatterErrorsHideNothing() {
    let dir = TempDirectory("front")
    defer { dir.remove() }
    let body = """

      ## Run it

      ```demo
      teleport
      ```

      ```quiz
      id: name
      kind: text
      ask: Name?
      answer: x
      pattern: (a
      ```

      """
    let missing = dir.write("01-missing.md", "# No front matter" + body)
    let noID = dir.write("02-no-id.md", "---\ntitle: No id\n---\n" + body)
    let badID = dir.write("03-bad-id.md", "---\nid: 123\ntitle: Digits\n---\n" + body)
    let problems = lines(linter.lint(paths: [dir.path]))
    for (file, first) in [(missing, 5), (noID, 8), (badID, 9)] {
      #expect(
        problems.contains { $0.hasPrefix("\(file):\(first):1: unknown demo 'teleport'") },
        "\(problems)")
      #expect(
        problems.contains { $0.hasPrefix("\(file):") && $0.contains("pattern") },
        "\(file): \(problems)")
    }
    #expect(
      problems.contains(
        "\(missing):1:1: missing front matter: a lesson file starts with a '---' line, then id: and title:"
      ))
    #expect(problems.contains("\(noID):1:1: missing 'id:' in the front matter"))
    #expect(problems.contains { $0.hasPrefix("\(badID):2:5: a lesson id cannot be only digits") })
  }

  @Test func knownLessonsOutsideTheFiles() {
    let dir = TempDirectory("known")
    defer { dir.remove() }
    dir.write("mine.md", front("mine", extra: "requires: [processes]\n") + "## A\ntext\n")
    #expect(linter.lint(paths: [dir.path]).count == 1)
    let aware = LessonLinter(demos: FakeDemos.all, knownLessonIDs: ["processes"])
    #expect(aware.lint(paths: [dir.path]).isEmpty)
  }

  @Test func missingPaths() {
    let problems = linter.lint(paths: ["/tmp/proclab-lessons-no-such-file.md"])
    #expect(
      lines(problems) == [
        "/tmp/proclab-lessons-no-such-file.md:1:1: cannot read: No such file or directory"
      ])
  }

  @Test func badPattern() throws {
    let (l, _) = lesson(quizLesson("id: q\nkind: text\nask: ?\nanswer: x\npattern: (unclosed"))
    let problems = linter.lint(lesson: try #require(l))
    #expect(problems.count == 1)
    #expect(problems.first?.message.hasPrefix("pattern of question 'q' does not compile") == true)
  }

  @Test func predictionsAgainstARealReport() throws {
    let body = "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: metric ppid == metric parent.pidd"
    let l = try #require(lesson(quizLesson(body)).0)
    let report: [String: JSONValue] = ["ppid": 1, "parent": ["pid": 1]]
    let problems = LessonLinter.lintPredictions(in: l, metrics: { _ in report })
    #expect(
      lines(problems) == [
        "test.md:11:1: check rule of question 'q' reads metric 'parent.pidd', which 'ids' does not report; did you mean 'parent.pid'?"
      ])
    let failed = LessonLinter.lintPredictions(in: l, metrics: { _ in nil })
    #expect(lines(failed) == ["test.md:14:7: demo 'ids' did not produce a report"])
  }

  @Test func problemsAreSortedAndOneLine() {
    let problems = [
      LessonProblem(SourceLocation(file: "b.md", line: 1, column: 1), "x"),
      LessonProblem(SourceLocation(file: "a.md", line: 10, column: 2), "y"),
      LessonProblem(SourceLocation(file: "a.md", line: 9, column: 30), "z", severity: .warning),
      LessonProblem(SourceLocation(file: "a.md", line: 10, column: 1), "w", severity: .info),
    ].sorted()
    #expect(
      lines(problems) == [
        "a.md:9:30: warning: z", "a.md:10:1: note: w", "a.md:10:2: y", "b.md:1:1: x",
      ])
  }
}
