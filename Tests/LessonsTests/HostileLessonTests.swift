import Demos
import Dispatch
import Glibc
import Testing

@testable import Lessons

/// Runs `work` on another thread and says whether it finished within `seconds`: a generous
/// guard against a hang (the inputs here take exponential or quadratic time, minutes at
/// least, done the old way), not a measure of speed.
func finishes(within seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
  let done = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    work()
    done.signal()
  }
  return done.wait(timeout: .now() + seconds) == .success
}

/// A lesson with every place untrusted text reaches the screen carrying escape sequences.
let escapeLesson = """
  ---
  id: escapes
  title: Title \u{1B}[2J\u{1B}]0;pwned\u{07}
  summary: Sum \u{1B}[8mhidden
  ---

  ## Step \u{1B}[?1049h one

  Text \u{1B}]52;c;cm0gLXJmIH4K\u{07} and `code \u{1B}[8m span` and \u{9B}2J and a\u{202E}b.

  ```demo
  ids note=\u{1B}[2J
  ```

  ```quiz
  id: q
  kind: choice
  ask: Ask \u{1B}[2J?
  choices:
    a) one \u{1B}[8m
    b) two \u{1B}P1$r\u{1B}\\\\
  answer: a
  hint: hint \u{1B}[2J
  feedback b: feedback \u{1B}]0;t\u{07}
  explain: explained \u{1B}[2J
  ```

  """

@Suite("Hostile lessons (issue 13)")
struct HostileLessonTests {
  // MARK: 1. Escape injection

  @Test("a lesson's control characters are made visible when it is read, in every field")
  func lessonTextIsMadeSafe() throws {
    let (parsed, problems) = lesson(escapeLesson)
    let l = try #require(parsed, "\(lines(problems))")
    var texts = [l.title, l.summary] + l.frontMatter.map(\.value)
    for step in l.steps {
      texts += [step.title, step.markdown] + step.demos.flatMap { [$0.demo] + $0.arguments }
    }
    for q in l.questions {
      texts +=
        [q.ask, q.explanation ?? ""] + q.hints + q.choices.map(\.text)
        + q.feedback.map(\.message)
    }
    texts += problems.map(\.description)
    #expect(texts.count > 10)
    for text in texts {
      #expect(
        !text.unicodeScalars.contains {
          $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F
            || (0x80...0x9F).contains($0.value) || $0 == "\u{202E}"
        },
        "a control character survived: \(text.debugDescription)")
    }
    #expect(l.title.contains("^[[2J^[]0;pwned^G"), "\(l.title.debugDescription)")
    #expect(l.steps[0].markdown.contains("<U+009B>2J"))
  }

  @Test("problems print file names with their control characters made visible")
  func problemDescriptionsAreSafe() {
    let problem = LessonProblem(
      SourceLocation(file: "dir/evil\u{1B}]0;x\u{07}.md", line: 3), "bad\nline")
    #expect(problem.description == "dir/evil^[]0;x^G.md:3:1: bad^Jline")
    let skipped = LessonLibrary.SkippedFile(file: "a\u{1B}[2J.md", reason: "not a lesson")
    #expect(skipped.description == "a^[[2J.md: not a lesson")
  }

  // MARK: 3. Deep nesting

  @Test("quotes nested deeper than 32 are a lint error naming the line and the limit")
  func deepNestingIsALintError() throws {
    let text =
      front() + "\n## Step\n\nIntro.\n\n" + String(repeating: ">", count: 15_000) + " deep\n"
    let (parsed, problems) = lesson(text)
    #expect(parsed != nil)
    let deep = problems.filter { $0.message.contains("nest more than 32 deep") }
    #expect(deep.count == 1, "\(lines(problems))")
    #expect(deep.first?.location.line == 10)
    #expect(deep.first?.isError == true)
  }

  @Test("lists nested 1,020 deep are a lint error at the 33rd level")
  func deepListsAreALintError() {
    let items = (0..<1_020).map { String(repeating: "  ", count: $0) + "- item" }
    let text = front() + "\n## Step\n\n" + items.joined(separator: "\n") + "\n"
    let (_, problems) = lesson(text)
    let deep = problems.filter { $0.message.contains("nest more than 32 deep") }
    #expect(deep.map(\.location.line) == [8 + 32], "\(lines(problems))")
  }

  // MARK: 5. Patterns in linear time

  @Test("(a+)+b against 30 a's answers at once (a backtracking matcher takes hours)")
  func catastrophicPatternIsLinear() {
    let answer = String(repeating: "a", count: 30)
    let results = Output()
    let finished = finishes(within: 60) {
      results.set([
        TextPattern.wholeMatch("(a+)+b", answer),
        TextPattern.wholeMatch("(a|a)*c", answer),
        TextPattern.wholeMatch("(a*)*b", answer),
        TextPattern.wholeMatch("(a+)+", answer),
      ])
    }
    #expect(finished, "the pattern match did not finish")
    #expect(results.get() == [false, false, false, true])
  }

  @Test("the work is bounded by the program's size times the answer's length")
  func workIsBounded() throws {
    for pattern in ["(a+)+b", "(x+x+)+y", "(a|aa)*b", "(.*a){12}", "((a*)*)*b"] {
      let program = try TextPattern.compile(pattern)
      for n in [10, 100, 1_000] {
        let run = TextPattern.run(program, String(repeating: "a", count: n))
        #expect(run.steps <= 2 * program.count * (n + 1), "\(pattern) on \(n)")
      }
    }
  }

  static let matches: [(String, String, Bool)] = [
    ("p(arent)? ?pid", "parent pid", true), ("p(arent)? ?pid", "ppid", true),
    ("p(arent)? ?pid", "Parent PID", true), ("p(arent)? ?pid", "pid", false),
    ("[a-c]+\\d{2,3}", "abc12", true), ("[a-c]+\\d{2,3}", "abc1234", false),
    ("[^x]*", "abc", true), ("[^x]*", "axc", false), ("a.c", "abc", true),
    ("colou?r", "color", true), ("fork|exec", "EXEC", true), ("fork|exec", "forkexec", false),
    ("\\bpid\\b.*", "pid 4", true), ("(?:ab){2}", "abab", true), ("a{2,}", "a", false),
    ("a{,2}", "a{,2}", true), ("\\.\\*", ".*", true), ("\\w+\\s\\w+", "two words", true),
    ("^x$", "x", true), ("[A-Z]", "q", true), ("a*?b", "aab", true), ("프로세스", "프로세스", true),
  ]

  @Test("the supported subset matches as regular expressions do, ignoring case", arguments: 0..<22)
  func subsetMatches(index: Int) {
    let (pattern, text, expected) = Self.matches[index]
    #expect(TextPattern.problem(pattern) == nil, "\(pattern)")
    #expect(TextPattern.wholeMatch(pattern, text) == expected, "\(pattern) on \(text)")
  }

  @Test(
    "lint refuses what cannot run in linear time, with one clear message",
    arguments: ["(a)\\1", "(?=a)a", "(?!a)b", "(?<=a)b", "a++", "\\k<x>", "(?<n>a)", "[[:alpha:]]"])
  func unsupportedConstructs(pattern: String) throws {
    let why = try #require(TextPattern.problem(pattern), "\(pattern) was accepted")
    #expect(why.contains("not supported"), "\(why)")
    let (l, _) = lesson(quizLesson("id: q\nkind: text\nask: ?\nanswer: x\npattern: \(pattern)"))
    let problems = LessonLinter(demos: FakeDemos.all).lint(lesson: try #require(l))
    #expect(problems.count == 1)
    #expect(problems.first?.message.hasPrefix("pattern of question 'q' does not compile: ") == true)
  }

  @Test(
    "malformed and oversized patterns are refused",
    arguments: [
      "(unclosed", "a)", "[abc", "*a", "a{3,1}", "a{1000}", "x\\", "\\q",
      String(repeating: "a", count: 501),
      String(repeating: "(", count: 40) + "a"
        + String(repeating: ")", count: 40), "(a{100}){100}",
    ])
  func malformedPatterns(pattern: String) {
    #expect(TextPattern.problem(pattern) != nil, "\(pattern) was accepted")
    #expect(!TextPattern.wholeMatch(pattern, "a"))
  }

  // MARK: 11. Invalid ids

  @Test(
    "lessons whose id has a NUL or an escape, or is only digits, are skipped with the lint message")
  func invalidIDsAreSkipped() throws {
    let dir = TempDirectory("ids")
    defer { dir.remove() }
    dir.write("01-good.md", front("good") + "\n## Step\n\nText.\n")
    dir.write("02-two.md", front("two") + "\n## Step\n\nText.\n")
    dir.write("03-three.md", front("three") + "\n## Step\n\nText.\n")
    dir.write("04-nul.md", front("nul\u{0}id") + "\n## Step\n\nText.\n")
    dir.write("05-esc.md", front("e\u{1B}[2Jx") + "\n## Step\n\nText.\n")
    dir.write("06-digits.md", front("3") + "\n## Step\n\nText.\n")
    let library = LessonLibrary.load(directories: [dir.path], demos: FakeDemos.all)
    #expect(library.ids == ["good", "two", "three"])
    let reasons = Dictionary(
      library.skipped.map { (LessonFiles.baseName($0.file), $0.reason) }, uniquingKeysWith: +)
    #expect(reasons["04-nul.md"]?.contains("is not a valid lesson id") == true, "\(reasons)")
    #expect(reasons["05-esc.md"]?.contains("'e^[[2Jx' is not a valid lesson id") == true)
    #expect(reasons["06-digits.md"]?.contains("cannot be only digits") == true)
    #expect(library.lesson("3")?.id == "three", "a digits-only id took over 'open 3'")
    for skipped in library.skipped {
      #expect(!skipped.description.contains("\n") && !skipped.description.contains("\u{1B}"))
    }
    // `proclab lint` reports the same lines.
    let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
    #expect(problems.filter { $0.message.contains("lesson id") }.count == 3, "\(lines(problems))")
  }

  // MARK: 19. Requirements resolved in linear time

  /// `count` lessons, each requiring an unknown id and the lesson after it (a chain the
  /// peeling of cycles used to walk once per lesson).
  static func chain(_ count: Int) -> [Lesson] {
    (0..<count).map { i in
      let here = SourceLocation(file: "l\(i).md", line: 2)
      var requirements = [LessonRequirement(id: "missing-\(i)", location: here)]
      if i + 1 < count { requirements.append(LessonRequirement(id: "l\(i + 1)", location: here)) }
      return Lesson(
        id: "l\(i)", title: "L\(i)", requirements: requirements, file: "l\(i).md",
        steps: [Step(id: "s", title: "S", blocks: [], location: here)], location: here)
    }
  }

  @Test("20,000 lessons requiring unknown ids are linted and ordered in linear time")
  func manyUnknownRequirements() {
    let lessons = Self.chain(20_000)
    let counts = Output()
    let finished = finishes(within: 60) {
      let problems = LessonLinter(demos: FakeDemos.all).lint(lessons: lessons)
      let library = LessonLibrary(lessons: lessons)
      counts.set([
        problems.count, library.lessons.count, library.lessons.first?.id == "l19999" ? 1 : 0,
      ])
    }
    #expect(finished, "linting and ordering did not finish")
    #expect(counts.get() == [20_000, 20_000, 1])
  }

  @Test("suggestions still name a misspelt requirement")
  func suggestionsSurvive() {
    let here = SourceLocation(file: "a.md", line: 2)
    let a = Lesson(
      id: "a", title: "A", requirements: [LessonRequirement(id: "procesess", location: here)],
      file: "a.md", location: here)
    let b = Lesson(id: "processes", title: "P", file: "b.md", location: here)
    let problems = LessonLinter(demos: FakeDemos.all).lint(lessons: [a, b])
    #expect(
      problems.map(\.message) == ["requires unknown lesson 'procesess'; did you mean 'processes'?"])
  }

  @Test("3,000 lesson files requiring unknown ids load within a generous bound")
  func manyFilesLoad() {
    let dir = TempDirectory("requires")
    defer { dir.remove() }
    for i in 0..<3_000 {
      dir.write(
        "l\(i).md",
        front("l\(i)", extra: "requires: [missing-\(i), l\(i + 1)]\n") + "\n## S\n\nT.\n")
    }
    let path = dir.path
    let count = Output()
    let finished = finishes(within: 120) {
      let library = LessonLibrary.load(directories: [path], demos: FakeDemos.all)
      count.set([library.lessons.count, library.problems.filter(\.isError).count])
    }
    #expect(finished)
    #expect(count.get() == [3_000, 3_001])
  }
}

/// A box for a value set on another thread (read after the semaphore says it is set).
final class Output: @unchecked Sendable {
  // @unchecked: written once by the worker before it signals, read only after the wait.
  private var value: [AnyHashable] = []
  func set(_ values: [AnyHashable]) { value = values }
  func get() -> [AnyHashable] { value }
}
