import Glibc
import OSKit
import Render
import Testing

/// ProcLab in Korean from the environment or `--lang`, where the ko_KR locale is not generated
/// (this machine has only C, C.UTF-8 and POSIX; `koreanLocaleIsMissing` says which it is).
@Suite("Korean ProcLab, end to end", .serialized)
struct KoreanSessionTests {
  /// Whether the C library can load ko_KR.UTF-8 here: the tests hold either way, and the ones
  /// that prove "without the locale" say so when it exists.
  static let koreanLocaleIsMissing: Bool = {
    guard let l = newlocale(1 << LC_CTYPE, "ko_KR.UTF-8", nil) else { return true }
    freelocale(l)
    return false
  }()

  /// A quiz session: help, an unknown command, then the processes quiz with a wrong and a
  /// right answer (question 1's answer is b), then quit.
  static let script = "help\nhlep\nquiz processes\na\nb\nquit\nquit\n"

  /// Runs the script; `environment` replaces the harness's entries of the same names (its
  /// `LANG=C.UTF-8` among them: the first of two entries is the one a program reads).
  static func run(_ arguments: [String], environment: [String]) throws -> String {
    let state = TempState()
    defer { state.cleanUp() }
    let replaced = Set(environment.map { $0.prefix { $0 != "=" } })
    let base = state.environment.filter { !replaced.contains($0.prefix { $0 != "=" }) }
    let r = try runPipedEnvironment(base + environment, input: script, arguments: arguments)
    #expect(r.status == .exited(0), "status \(r.status); stderr: \(r.stderr)")
    return r.stdout
  }

  @Test("LANG=ko_KR.UTF-8 with the locale not generated: Korean help, errors and verdicts")
  func koreanFromLang() throws {
    #expect(Self.koreanLocaleIsMissing, "ko_KR.UTF-8 is generated here: this proves less")
    let out = try Self.run([], environment: ["LANG=ko_KR.UTF-8"])
    Self.expectKorean(out)
  }

  @Test("--lang ko under LANG=C.UTF-8: Korean")
  func koreanFromOption() throws {
    Self.expectKorean(try Self.run(["--lang", "ko"], environment: []))
    Self.expectKorean(try Self.run(["repl", "--lang=ko"], environment: ["LC_ALL=C.UTF-8"]))
  }

  @Test("LANG=C.UTF-8: the English as before")
  func englishFromCLocale() throws {
    let out = try Self.run([], environment: [])
    for english in [
      "Commands", "leave ProcLab", "unknown command 'hlep' — did you mean 'help'?",
      "Not quite.", "Right.", "right on the first try",
    ] {
      #expect(out.contains(english), "no \(english) in: \(out)")
    }
    #expect(!out.contains("명령"), "Korean in English mode: \(out)")
  }

  static func expectKorean(_ out: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for korean in [
      "명령", "ProcLab을 마칩니다", "도움말", "알 수 없는 명령 'hlep' — 비슷한 명령: 'help'",
      "퀴즈: ", "문제 1/", "틀렸습니다.", "정답입니다.", "문제를 한 번에 맞혔습니다", "걸린 시간: ",
    ] {
      #expect(out.contains(korean), "no \(korean) in: \(out)", sourceLocation: sourceLocation)
    }
    for english in [
      "Commands", "Not quite.", "Right.", "right on the first try", "unknown command",
    ] {
      #expect(
        !out.contains(english), "English \(english) in: \(out)", sourceLocation: sourceLocation)
    }
  }

  @Test("the quiz summary gives a true/false key as 참/거짓 in Korean, true/false in English")
  func trueFalseKeyInTheSummary() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    try writeText(
      lessons + "/tf.md",
      "---\nid: tf\ntitle: TF\n---\n\n## The step {#only}\n\nText.\n\n```quiz\nid: key\n"
        + "kind: truefalse\nask: Is it so?\nanswer: false\n```\n")
    // A wrong answer (참, then true): the summary shows the key the student missed.
    for (language, answer, key) in [("ko", "참", "거짓"), ("en", "true", "false")] {
      let r = try runPiped(
        ["--lang", language, "--lessons", lessons], input: "quiz tf\n\(answer)\nquit\n",
        state: state)
      #expect(r.status == .exited(0), "\(r.stderr)")
      let row = r.stdout.split(separator: "\n").first { $0.contains(" key ") } ?? ""
      let cells = row.split(whereSeparator: { $0 == "│" || $0 == "|" }).map {
        $0.split(separator: " ").joined(separator: " ")
      }
      #expect(cells.count >= 3 && cells[2] == key, "\(language): \(row)\n\(r.stdout)")
    }
  }

  @Test("--lang xx: one line naming ko and en, status 2")
  func badLanguage() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["lessons", "--lang", "xx"], input: "", state: state)
    #expect(r.status == .exited(2))
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(r.stderr)")
    #expect(r.stderr.contains("--lang xx") && r.stderr.contains("ko") && r.stderr.contains("en"))
    #expect(r.stdout.isEmpty)
  }

  @Test("glossary: searched in either language, no line over 80 columns")
  func glossary() throws {
    var state = TempState()
    defer { state.cleanUp() }
    state.extraEnvironment = ["COLUMNS=80"]
    let korean = try runPiped(["glossary", "세마포어"], input: "", state: state)
    #expect(korean.status == .exited(0))
    #expect(korean.stdout.contains("semaphore"))
    let english = try runPiped(["--lang", "ko", "glossary", "semaphore"], input: "", state: state)
    #expect(english.stdout.contains("세마포어") && english.stdout.contains("용어집"))
    for language in ["en", "ko"] {
      let all = try runPiped(["glossary", "--lang", language], input: "", state: state)
      #expect(all.status == .exited(0))
      let lines = all.stdout.split(separator: "\n")
      #expect(lines.count > 50, "\(all.stdout)")
      for line in lines {
        #expect(DisplayWidth.of(String(line)) <= 80, "over 80 columns: \(line)")
      }
      #expect(all.stdout.contains("교착 상태") && all.stdout.contains("deadlock"))
    }
    let none = try runPiped(["glossary", "nothing-like-this"], input: "", state: state)
    #expect(none.status == .exited(1))
    #expect(none.stderr.split(separator: "\n").count == 1)
  }

  @Test("Tab completes a Hangul alias under a pseudo-terminal, and it runs")
  func tabCompletesHangulAlias() throws {
    try withREPL(arguments: ["--lang", "ko"]) { s, _ in
      var m = s.mark
      s.type("용\t")
      #expect(s.expect("용어 ", after: m), "not completed: \(s.screen)")
      s.type("교착\r")
      #expect(s.expect("deadlock", after: m), "the glossary did not run: \(s.screen)")
      m = s.mark
      s.type("도움\t")
      #expect(s.expect("도움말 ", after: m), "not completed: \(s.screen)")
      s.type("\r")
      #expect(s.expect("명령", after: m))
      #expect(s.expect("ProcLab을 마칩니다", after: m))
    }
  }
}
