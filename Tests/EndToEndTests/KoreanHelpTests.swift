import Glibc
import OSKit
import ProcLabTestSupport
import Render
import Testing

/// `proclab --help`, `proclab help` and every subcommand's `--help` in Korean: no English
/// sentence of ProcLab's own, every line within 80 columns (Hangul is two wide), and the same
/// arguments, options and subcommands as the English screen ArgumentParser prints.
@Suite(.serialized)
struct KoreanHelpTests {
  /// The subcommands the English `proclab --help` lists (with `whoami`'s own), so a new
  /// subcommand is checked without this list changing.
  static func subcommands(_ state: TempState) throws -> [[String]] {
    let r = try runPiped(["--help"], input: "", state: state)
    var names: [[String]] = []
    var inList = false
    for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("SUBCOMMANDS:") {
        inList = true
        continue
      }
      guard inList else { continue }
      if line.isEmpty { break }
      if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
        names.append([String(name)])
      }
    }
    names.append(["whoami", "show"])
    names.append(["whoami", "set"])
    return names
  }

  /// The first column of each entry under `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:` (in Korean
  /// `인자:`, `옵션:`, `하위 명령:`; `(기본)` read as `(default)`), and the usage line's words.
  static func entries(_ screen: String) -> (usage: String, labels: [String]) {
    var usage: [Substring] = []
    var labels: [String] = []
    var inSection = false
    var inUsage = false
    for text in screen.split(separator: "\n", omittingEmptySubsequences: false) {
      // A default subcommand's mark read in English, where the label column is measured.
      let line = Substring(text.replacing("(기본)", with: "(default)"))
      if line.isEmpty { inUsage = false }
      if inUsage { usage += line.split(separator: " ") }
      for heading in ["USAGE: ", "사용법: "] where line.hasPrefix(heading) {
        usage = line.dropFirst(heading.count).split(separator: " ")
        inUsage = true
      }
      if ["ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "인자:", "옵션:", "하위 명령:"].contains(line) {
        inSection = true
        continue
      }
      if line.isEmpty || !line.hasPrefix(" ") { inSection = false }
      guard inSection, line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
      // The text starts at column 26; a wider label has its line to itself.
      let fits = line.count > 26 && line.dropFirst(25).first == " "
      var label = String(fits ? line.prefix(26) : line)
      while label.last == " " { label.removeLast() }
      labels.append(label)
    }
    return (usage.joined(separator: " "), labels)
  }

  /// ProcLab's command names, which a help text lists as code (`repl, quiz, progress, …`).
  static let commandNames: Set<String> = [
    "repl", "run", "demos", "quiz", "progress", "lessons", "lint", "sources", "source",
    "whoami", "submit", "grade", "glossary", "trace", "exercise", "check", "show", "set",
  ]

  /// Lines of `screen` with an English run: a help text left untranslated. Quoted text and
  /// command names are code, set apart.
  static func englishLines(_ screen: String) -> [String] {
    screen.split(separator: "\n").compactMap { line in
      let words = KoreanLintTests.unquoted(String(line)).split(separator: " ").map { word in
        commandNames.contains(word.filter { $0.isLetter }) ? "·" : String(word)
      }
      return KoreanDemoTests.englishRun(in: words.joined(separator: " ")).map {
        "\($0): \(line)"
      }
    }
  }

  @Test("every subcommand's --help in Korean: Korean, within 80 columns, the same options")
  func everySubcommand() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let commands = try Self.subcommands(state)
    #expect(commands.count >= 18, "\(commands)")
    for words in [[]] + commands {
      let english = try runPiped(words + ["--help"], input: "", state: state)
      let korean = try runPiped(["--lang", "ko"] + words + ["--help"], input: "", state: state)
      #expect(english.status == .exited(0) && korean.status == .exited(0), "\(words)")
      #expect(KoreanLintTests.hasHangul(korean.stdout), "\(words): \(korean.stdout)")
      #expect(
        Self.englishLines(korean.stdout).isEmpty, "\(words): \(Self.englishLines(korean.stdout))")
      for line in korean.stdout.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= 80, "\(words): wider than 80: \(line)")
      }
      let e = Self.entries(english.stdout)
      let k = Self.entries(korean.stdout)
      #expect(!e.labels.isEmpty, "\(words): \(english.stdout)")
      #expect(k.labels == e.labels, "\(words): \(k.labels) vs \(e.labels)")
      #expect(k.usage == e.usage, "\(words): \(k.usage) vs \(e.usage)")
    }
  }

  @Test("a bad command line in Korean: Korean lines, the same usage and exit status")
  func usageErrors() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let cases: [(arguments: [String], korean: String)] = [
      (["lint", "--bogus"], "오류: 알 수 없는 옵션 '--bogus'"),
      (["quiz", "1", "--seed", "abc"], "오류: '--seed <seed>'에 쓸 수 없는 값입니다: 'abc'"),
      (["quiz"], "오류: 빠진 인자: '<lesson>'"),
      (["whoami", "set", "이름", "--id"], "오류: '--id <id>'에 값이 없습니다"),
    ]
    for (arguments, korean) in cases {
      let e = try runPiped(arguments, input: "", state: state)
      let k = try runPiped(["--lang", "ko"] + arguments, input: "", state: state)
      #expect(e.status == .exited(64) && k.status == e.status, "\(arguments): \(k.stderr)")
      #expect(k.stderr.hasPrefix(korean + "\n"), "\(arguments): \(k.stderr)")
      #expect(Self.englishLines(k.stderr).isEmpty, "\(Self.englishLines(k.stderr))")
      #expect(k.stderr.contains("사용법: proclab "), "\(k.stderr)")
      let lines = e.stderr.split(separator: "\n").count
      #expect(k.stderr.split(separator: "\n").count == lines, "\(k.stderr)")
    }
  }

  @Test("trace --help shows trace's help instead of tracing a program named --help")
  func traceHelp() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["trace", "--help"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.hasPrefix("OVERVIEW: Run a program"), "\(r.stdout)")
    #expect(!r.stderr.contains("cannot run"), "\(r.stderr)")
    let k = try runPiped(["--lang", "ko", "trace", "-h"], input: "", state: state)
    #expect(k.stdout.hasPrefix("개요: "), "\(k.stdout)")
  }

  @Test("help, -h and the locale: the same Korean screen; English stays English")
  func helpForms() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let byFlag = try runPiped(["--lang", "ko", "lint", "--help"], input: "", state: state)
    let byShort = try runPiped(["--lang", "ko", "lint", "-h"], input: "", state: state)
    let byHelp = try runPiped(["--lang", "ko", "help", "lint"], input: "", state: state)
    let root = try runPiped(["--lang=ko", "help"], input: "", state: state)
    #expect(byShort.stdout == byFlag.stdout && byHelp.stdout == byFlag.stdout, "\(byHelp.stdout)")
    #expect(root.stdout.contains("하위 명령:"), "\(root.stdout)")
    #expect(Self.englishLines(root.stdout).isEmpty, "\(Self.englishLines(root.stdout))")
    let english = try runPiped(["lint", "--help"], input: "", state: state)
    #expect(english.stdout.hasPrefix("OVERVIEW: Check lesson files"), "\(english.stdout)")
    #expect(!KoreanLintTests.hasHangul(english.stdout))
    let byLocale = try KoreanLintTests.runWithKoreanLocale(["--help"], input: "", state: state)
    let byOption = try runPiped(["--lang", "ko", "--help"], input: "", state: state)
    #expect(byLocale.stdout == byOption.stdout && byLocale.stdout.contains("사용법:"))
  }
}
