import Glibc
import OSKit
import ProcLabTestSupport
import Render
import Testing

/// `proclab lint` and a lesson file that does not parse, in Korean: every finding the English
/// lint prints, at the same `file:line:col`, said in Korean (no run of English words of
/// ProcLab's own, `KoreanDemoTests.englishRun`), and the English lines as they always were.
@Suite(.serialized)
struct KoreanLintTests {
  /// A directory of broken lessons: each file breaks a different rule, and `ko/` breaks the
  /// parity of a translation. Written for each test under its state directory.
  static let files: [(name: String, text: String)] = [
    (
      "01-one.md",
      """
      ---
      id: one
      title: One
      requires: [procesess, one-a]
      colour: red
      ---

      ## Start {#start}

      Text.

      ```demo
      forkk
      ```

      ```demo
      run fork
      ```

      ```demo
      ```

      ## Again {#start}

      More text.

      ## Bad {#no good}

      Text.

      """
    ),
    ("02-open.md", "---\nid: open\ntitle: Open\n\n## Start\n\nText.\n"),
    ("03-self.md", "---\nid: self\ntitle: Self\nrequires: [self]\n---\n\n## Start\n\nText.\n"),
    ("04-dup.md", "---\nid: one\ntitle: One again\n---\n\n## Start\n\nText.\n"),
    ("05-bare.md", "---\nid: bare\norder: lots\n---\n\nNo heading here.\n"),
    ("06-digits.md", "---\nid: 123\ntitle: Digits\n---\n\n## Start\n\nText.\n"),
    ("07-nofront.md", "# Just a heading\n\nText.\n"),
    (
      "08-quiz.md",
      """
      ---
      id: quizzy
      title: Quizzy
      ---

      ## Start

      Text.

      ```quiz
      id: q1
      kind: choise
      ask: What?
      ```

      ```quiz
      id: q2
      kind: choice
      ask: Which?
      choices:
        a) one
      answer: c
      ```

      ```quiz
      id: q3
      kind: number
      ask: How many?
      answer: 4 s
      retries: 99
      ```

      ```quiz
      id: q4
      kind: predict
      ask: What will happen?
      ```

      ```exercise
      id: Bad_Exercise
      title: Bad
      files: a.py, a.py
      run: python3 a.py | sort
      runs: 500
      check: zombies == 0
      colour: red
      task:
      Do it.
      ```

      """
    ),
    (
      "ko/03-self.md",
      "---\nid: self\ntitle: 자기\nrequires: [self]\norder: 4\n---\n\n## 시작 {#other}\n\n글.\n"
    ),
    ("ko/09-alone.md", "---\nid: alone\ntitle: 혼자\n---\n\n## 시작\n\n글.\n"),
  ]

  /// Writes `files` under `state`'s directory; returns the lesson directory.
  static func writeLessons(_ state: TempState) throws -> String {
    let dir = state.path + "/broken"
    mkdir(dir, 0o700)
    mkdir(dir + "/ko", 0o700)
    for (name, text) in files {
      let fd = open(dir + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      try FileIO.writeAll(fd, text)
      close(fd)
    }
    return dir
  }

  /// `file:line:col` of a lint line, and the rest after `: `.
  static func split(_ line: Substring) -> (location: String, rest: String)? {
    var colons = 0
    for i in line.indices where line[i] == ":" {
      colons += 1
      let after = line[line.index(after: i)...]
      if colons >= 3, after.hasPrefix(" "),
        line[..<i].split(separator: ":").suffix(2).allSatisfy({ Int($0) != nil })
      {
        return (String(line[..<i]), String(after.dropFirst()))
      }
    }
    return nil
  }

  /// `text` without its single-quoted parts: the lesson's own words (ids, demo names, keys).
  static func unquoted(_ text: String) -> String {
    var out = ""
    var quoted = false
    for c in text {
      if c == "'" { quoted.toggle() } else if !quoted { out.append(c) }
    }
    return out
  }

  /// The lesson format's own words, which a finding lists as code (`known: id, title, …`).
  static let formatWords: Set<String> = [
    "id", "title", "summary", "requires", "order", "choice", "multi", "truefalse", "number",
    "text", "predict",
  ]

  /// `text` as `KoreanDemoTests.englishRun` should read it: without its quoted parts, and
  /// with the lesson format's words set apart.
  static func ownText(_ text: String) -> String {
    unquoted(text).split(separator: " ", omittingEmptySubsequences: false).map { word in
      formatWords.contains(word.filter { $0 != "," && $0 != ")" && $0 != ":" }) ? "·" : String(word)
    }.joined(separator: " ")
  }

  /// `runPiped` with `LANG=ko_KR.UTF-8` in place of the test's `LANG=C.UTF-8`.
  static func runWithKoreanLocale(
    _ arguments: [String], input: String, state: TempState
  ) throws -> (stdout: String, stderr: String, status: OSKit.ExitStatus) {
    let base = state.environment.filter { !$0.hasPrefix("LANG=") }
    return try runPipedEnvironment(
      base + ["LANG=ko_KR.UTF-8"], input: input, arguments: arguments)
  }

  /// Whether `text` has a Hangul syllable.
  static func hasHangul(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
  }

  @Test("lint of broken lessons in Korean: the same findings at the same places, in Korean")
  func koreanLint() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.writeLessons(state)
    let english = try runPiped(["lint", dir], input: "", state: state)
    let korean = try runPiped(["--lang", "ko", "lint", dir], input: "", state: state)
    #expect(english.status == .exited(1), "\(english.stdout)\(english.stderr)")
    #expect(korean.status == .exited(1), "\(korean.stdout)\(korean.stderr)")
    let englishLines = english.stdout.split(separator: "\n")
    let koreanLines = korean.stdout.split(separator: "\n")
    #expect(englishLines.count >= 18, "\(english.stdout)")
    #expect(koreanLines.count == englishLines.count, "\(korean.stdout)")
    for (e, k) in zip(englishLines, koreanLines) {
      let en = try #require(Self.split(e), "no file:line:col in \(e)")
      let ko = try #require(Self.split(k), "no file:line:col in \(k)")
      #expect(ko.location == en.location, "\(k) is not at the place of \(e)")
      #expect(Self.hasHangul(ko.rest), "not Korean: \(k)")
      let run = KoreanDemoTests.englishRun(in: Self.ownText(ko.rest))
      #expect(run == nil, "English '\(run ?? "")' in \(k)")
    }
    // Every file of the fixture is named, in both languages.
    for (name, _) in Self.files where name != "04-dup.md" {
      #expect(korean.stdout.contains(dir + "/" + name + ":"), "\(name) not named")
    }
  }

  @Test("the English lint lines are the ones ProcLab has always printed")
  func englishUnchanged() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.writeLessons(state)
    let r = try runPiped(["lint", dir], input: "", state: state)
    let expected = [
      "01-one.md:4:12: requires unknown lesson 'procesess'; did you mean 'processes'?",
      "01-one.md:4:23: requires unknown lesson 'one-a'",
      "01-one.md:5:1: warning: unknown front matter key 'colour' (known: id, title, "
        + "summary, requires, order)",
      "01-one.md:13:1: unknown demo 'forkk'; did you mean 'fork'?",
      "01-one.md:17:1: unknown demo 'run'; write the demo's name without 'run': fork",
      "01-one.md:20:1: warning: empty demo block",
      "01-one.md:23:1: duplicate step id 'start' (also at line 8); give one of the "
        + "headings its own {#id}",
      "01-one.md:27:8: '{#no good}' is not a valid step id: use letters, digits, '-' and '_'",
      "02-open.md:1:1: front matter not closed: no '---' line after line 1",
      "03-self.md:4:12: lesson 'self' requires itself",
      "04-dup.md:2:5: duplicate lesson id 'one' (also in \(dir)/01-one.md:2)",
      "05-bare.md:1:1: missing 'title:' in the front matter",
      "05-bare.md:3:8: order must be a whole number from 0 to 1000000",
      "06-digits.md:2:5: a lesson id cannot be only digits: it would clash with lesson numbers",
      "07-nofront.md:1:1: missing front matter: a lesson file starts with a '---' "
        + "line, then id: and title:",
      "08-quiz.md:12:7: unknown question kind 'choise' (choice, multi, truefalse, "
        + "number, text, order, predict); did you mean 'choice'?",
      "08-quiz.md:20:1: question 'q2' needs at least two choices",
      "08-quiz.md:30:10: retries must be a whole number from 0 to 20",
      "08-quiz.md:34:1: predict question 'q4' needs a 'check:' rule",
      "08-quiz.md:34:1: predict question 'q4' needs a 'demo:' line",
      "08-quiz.md:39:1: exercise 'Bad_Exercise' has no 'hint:' line: it needs at least one",
      "08-quiz.md:40:5: 'Bad_Exercise' is not a valid exercise id: use 1 to 64 "
        + "lower-case letters, digits and '-', starting with a letter",
      "08-quiz.md:42:14: 'a.py' is listed twice in 'files:'",
      "08-quiz.md:43:19: '|' in 'run:': it is argv words split at spaces, run without "
        + "a shell; write the pipeline or redirection in the program instead",
      "08-quiz.md:44:7: runs: '500' must be a whole number from 1 to 20",
      "08-quiz.md:45:8: a check is '<condition> :: <what it means>', e.g. 'check: "
        + "zombies == 0 :: every child reaped'",
      "08-quiz.md:46:1: unknown key 'colour' in an exercise block",
      "ko/03-self.md:2:5: order 4 differs from none in \(dir)/03-self.md",
      "ko/03-self.md:2:5: step 'start' (\(dir)/03-self.md:7) is missing from the translation",
      "ko/03-self.md:8:1: step 'other' is not in \(dir)/03-self.md",
      "ko/09-alone.md:2:5: translation without an English lesson: no 09-alone.md in \(dir)",
    ]
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines == expected.map { dir + "/" + $0 }, "\(r.stdout)")
  }

  @Test("a lesson file that does not parse is skipped with one Korean line naming it")
  func brokenLessonInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.writeLessons(state)
    for byOption in [true, false] {
      func run(_ arguments: [String], _ input: String) throws -> (String, String) {
        let r =
          byOption
          ? try runPiped(["--lang", "ko"] + arguments, input: input, state: state)
          : try Self.runWithKoreanLocale(arguments, input: input, state: state)
        return (r.stdout, r.stderr)
      }
      let listed = try run(["lessons", "--lessons", dir], "")
      let repl = try run(["--lessons", dir], "open open\nquit\n")
      for output in [listed.1, repl.0 + repl.1] {
        let lines = output.split(separator: "\n").filter { $0.contains("02-open.md") }
        #expect(lines.count == 1, "\(output)")
        for line in lines {
          #expect(line.contains("1번째 줄"), "\(line)")
          #expect(Self.hasHangul(String(line)))
          let run = KoreanDemoTests.englishRun(in: Self.unquoted(String(line)))
          #expect(run == nil, "English '\(run ?? "")' in \(line)")
        }
        // A file with no front matter at all is named the same way.
        #expect(output.contains("07-nofront.md"), "\(output)")
      }
    }
  }
}
