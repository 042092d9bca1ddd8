import Glibc
import Localization
import OSKit
import Render
import Testing

/// Every REPL command a student types, in Korean: under a pseudo-terminal of 80×24 with
/// `--lang ko`, and piped with `LANG=ko_KR.UTF-8`. Each screen is read for English sentences
/// of ProcLab's own (`KoreanDemoTests.englishRun`: four English words in a row) and for lines
/// wider than the terminal. What other parts of ProcLab print (`help run`'s parameters,
/// `grade`, `lint`) is not typed here; `whoami`, `quiz` and `check` before a name, a lesson
/// or an exercise is chosen are.
@Suite("Every REPL command in Korean", .serialized)
struct KoreanCommandSweepTests {
  /// An exercise of lesson 1 (`exercise <id>` copies its starter and shows its task).
  static let exercise = "child-pids"

  /// What a student types after `help` and each `help <command>`, in order.
  static let commands = [
    "whoami", "quiz", "check", "lessons", "open 1", "next", "back", "again", "read", "where",
    "step", "glossary",
    "glossary 세마포어", "glossary semaphore", "progress", "review", "demos", "sources",
    "exercise", "exercise \(exercise)", "hint", "who", "hlep", "opne 1", "lesons",
    "xyzzy", "도움", "help nothing-like-this", "open 99", "open nosuch",
  ]

  /// The glossary's English terms (its content, listed beside the Korean: `race condition`),
  /// taken out of a line before it is read for English.
  static let glossaryEnglish: [String] = Glossary.terms.flatMap { [$0.english] + $0.also }
    .sorted { $0.count > $1.count }

  /// The English runs in `output`'s lines, each with its line.
  static func english(in output: String) -> [String] {
    var found: [String] = []
    for line in plainText(Array(output.utf8)).split(separator: "\n") {
      var own = String(line)
      for term in glossaryEnglish { own = own.replacing(term, with: "·") }
      if let run = KoreanDemoTests.englishRun(in: own) { found.append("'\(run)' in: \(line)") }
    }
    return found
  }

  /// The lines of `bytes` (a carriage return starts a line too: a progress bar redrawn in
  /// place is not one long line) wider than `columns`.
  static func wide(_ bytes: [UInt8], columns: Int) -> [String] {
    let lines = plainText(bytes.map { $0 == 13 ? 10 : $0 }).split(separator: "\n")
    return lines.filter { DisplayWidth.of(String($0)) > columns }.map {
      "\(DisplayWidth.of(String($0))) columns: \($0)"
    }
  }

  /// The command names the help screen lists (each line's first word, at two spaces in).
  static func listed(in help: String) -> [String] {
    plainText(Array(help.utf8)).split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
      let word = line.dropFirst(2).prefix { $0 != " " }
      return !word.isEmpty && word.allSatisfy({ $0.isASCII && $0.isLowercase }) ? String(word) : nil
    }
  }

  /// A state directory whose exercises workspace is its own.
  static func state() -> TempState {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    return state
  }

  @Test("--lang ko under a pseudo-terminal of 80×24: every command's screen is Korean")
  func everyCommandUnderAPTY() throws {
    let state = Self.state()
    defer { state.cleanUp() }
    let s = try PTYSession(arguments: ["--lang", "ko"], state: state, rows: 24, cols: 80)
    defer { s.close() }
    #expect(s.expect("› "), "no prompt: \(s.screen)")
    var m = s.mark
    s.type("help\r")
    #expect(s.expect("help", then: "› ", after: m), "help: \(s.screen)")
    let names = Self.listed(in: plainText(Array(s.output[m...])))
    #expect(names.count >= 20 && names.contains("glossary"), "help listed: \(names)")
    var screens: [(typed: String, bytes: [UInt8])] = [("help", Array(s.output[m...]))]
    for line in names.map({ "help " + $0 }) + Self.commands {
      m = s.mark
      s.type(line + "\r")
      // The prompt again after the echoed line: the command is over.
      #expect(s.expect(line, then: "› ", after: m, timeout: 60), "\(line): \(s.screen)")
      screens.append((line, Array(s.output[m...])))
    }
    m = s.mark
    s.type("\u{04}")
    #expect(s.waitForExit() == .exited(0), "Ctrl-D: \(s.screen)")
    s.drain()
    screens.append(("Ctrl-D", Array(s.output[m...])))
    for (typed, bytes) in screens {
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(Self.english(in: text).isEmpty, "\(typed): \(Self.english(in: text))\n\(text)")
      #expect(Self.wide(bytes, columns: 80).isEmpty, "\(typed): \(Self.wide(bytes, columns: 80))")
    }
    let all = plainText(s.output)
    for korean in ["명령", "레슨", "용어", "비슷한 명령: 'whoami'", "ProcLab을 마칩니다"] {
      #expect(all.contains(korean), "no \(korean) in the session")
    }
  }

  @Test("LANG=ko_KR.UTF-8, piped: every command's output is Korean, quit ends it")
  func everyCommandPiped() throws {
    let state = Self.state()
    defer { state.cleanUp() }
    let environment = state.environment.filter { !$0.hasPrefix("LANG=") } + ["LANG=ko_KR.UTF-8"]
    let help = try runPipedEnvironment(environment, input: "help\n")
    let names = Self.listed(in: help.stdout)
    #expect(names.count >= 20, "help listed: \(names)\n\(help.stdout)")
    let typed = ["help"] + names.map { "help " + $0 } + Self.commands + ["quit"]
    let r = try runPipedEnvironment(
      environment, input: typed.joined(separator: "\n") + "\n", timeout: 120)
    #expect(r.status == .exited(0), "status \(r.status): \(r.stderr)")
    for (what, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
      #expect(Self.english(in: text).isEmpty, "\(what): \(Self.english(in: text))\n\(text)")
      #expect(Self.wide(Array(text.utf8), columns: 80).isEmpty, "\(what) too wide")
    }
    #expect(r.stdout.contains("ProcLab을 마칩니다"), "\(r.stdout)")
  }

  @Test("the same commands in English: the detector sees ProcLab's English")
  func englishIsSeen() throws {
    let state = Self.state()
    defer { state.cleanUp() }
    let r = try runPiped(
      ["--lang", "en"], input: (["help"] + Self.commands + ["quit"]).joined(separator: "\n"),
      state: state, timeout: 120)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(!Self.english(in: r.stdout).isEmpty, "\(r.stdout)")
    #expect(Self.listed(in: r.stdout).count >= 20)
  }
}
