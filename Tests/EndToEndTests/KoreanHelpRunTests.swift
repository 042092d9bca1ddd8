import Demos
import OSKit
import Render
import Testing

/// `help run <demo>` and the demo failures a student can cause from the command line speak
/// Korean: no English sentence of ProcLab's own (KoreanDemoTests' detector) and, at 80
/// columns, no line wider than the terminal (Hangul takes two columns).
@Suite(.serialized) struct KoreanHelpRunTests {
  /// Every demo `demos` lists.
  static let demos = DemoCatalog.all.map(\.name)

  /// Whether `text` holds a Hangul syllable.
  static func hasHangul(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }
  }

  /// `line` without the `<name:a|b|c>` parts of metric paths: code, whose `|` the detector
  /// would read as a table's column separator and its choices as English words.
  static func withoutPatterns(_ line: String) -> String {
    var out = ""
    var depth = 0
    for c in line {
      if c == "<" {
        depth += 1
      } else if c == ">", depth > 0 {
        depth -= 1
      } else if depth == 0 {
        out.append(c)
      }
    }
    return out
  }

  /// What the REPL printed for `line`, typed at an 80-column prompt in `language`.
  static func prompt(_ line: String, language: String) throws -> [String] {
    var state = TempState()
    state.extraEnvironment = ["COLUMNS=80"]
    defer { state.cleanUp() }
    let r = try runPiped(["--lang", language], input: line + "\n", state: state)
    #expect(r.status == .exited(0), "\(line): \(r.stderr)")
    return plainText(Array(r.stdout.utf8)).split(separator: "\n").map(String.init)
  }

  @Test("help run <demo> in Korean: every line Korean and at most 80 columns", arguments: demos)
  func helpRunInKorean(_ demo: String) throws {
    let lines = try Self.prompt("help run \(demo)", language: "ko")
    let help = lines.drop { !$0.contains(demo + " — ") }
    #expect(help.count > 3, "help run \(demo) printed too little: \(lines)")
    for line in help {
      #expect(DisplayWidth.of(line) <= 80, "help run \(demo): \(DisplayWidth.of(line)): \(line)")
      #expect(
        KoreanDemoTests.englishRun(in: Self.withoutPatterns(line)) == nil,
        "help run \(demo) in Korean: \(line)")
    }
    let definition = try #require(DemoCatalog.named(demo))
    // Each parameter's help (from its name=default to the next parameter's, before the
    // "; " that says what it allows) is Korean.
    for p in definition.parameters {
      let start = try #require(
        help.firstIndex { $0.hasPrefix("  \(p.name)=") }, "help run \(demo): no \(p.name)")
      // Its lines: its own, then those indented further (the help under a long name=value).
      let text = help[start...].prefix { $0 == help[start] || $0.hasPrefix("   ") }
        .joined(separator: " ")
      let own = text.split(separator: "; ").dropLast().joined(separator: "; ")
      #expect(Self.hasHangul(own), "help run \(demo): \(p.name) is not Korean: \(text)")
    }
    // The units of what it reports are Korean words too: no "· seconds ·".
    let said = help.joined(separator: " ").split(separator: " ").joined(separator: " ")
    for unit in ["seconds", "nanoseconds", "bytes", "count", "ratio", "boolean", "text", "list"] {
      #expect(!said.contains("· \(unit) ·"), "help run \(demo) in Korean: \(said)")
    }
    #expect(!said.contains("· exit status ·"), "help run \(demo) in Korean: \(said)")
  }

  @Test("help run <demo> in English keeps every declared help text", arguments: demos)
  func helpRunInEnglish(_ demo: String) throws {
    let lines = try Self.prompt("help run \(demo)", language: "en")
    // Without white space: a word longer than the column is cut where it wraps.
    let said = lines.joined().filter { $0 != " " }
    let definition = try #require(DemoCatalog.named(demo))
    for p in definition.parameters {
      let help = p.help.filter { $0 != " " }
      #expect(said.contains(help), "help run \(demo) in English lost '\(p.help)': \(said)")
    }
    #expect(!Self.hasHangul(said), "help run \(demo) in English: \(said)")
  }

  @Test("demos in Korean: at most 80 columns, its headings Korean")
  func demosListInKorean() throws {
    let lines = try Self.prompt("demos", language: "ko")
    #expect(lines.count > Self.demos.count)
    for line in lines {
      #expect(DisplayWidth.of(line) <= 80, "demos: \(DisplayWidth.of(line)): \(line)")
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "demos in Korean: \(line)")
    }
  }

  /// Demo failures a student can cause from the command line, with a phrase of the English
  /// line (which must not be on the Korean screen).
  static let failures: [(arguments: [String], english: String)] = [
    // The time budget stops a zombie held for 5 s.
    (["run", "--time-budget", "0.5", "zombie", "hold=5", "python=off"], "time budget"),
    (["run", "pool", "tasks=100", "duration=5"], "would take at least"),
    (["run", "pool", "mode=apply", "tasks=100", "duration=5"], "one at a time would take"),
  ]

  @Test("a demo that fails on the student's parameters says so in Korean", arguments: failures)
  func failureInKorean(_ failure: (arguments: [String], english: String)) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let ko = try runPiped(["--lang", "ko"] + failure.arguments, input: "", state: state)
    #expect(ko.status == .exited(1), "\(failure.arguments): \(ko.stdout) \(ko.stderr)")
    let said = plainText(Array((ko.stdout + ko.stderr).utf8))
    // The closing line: `proclab: …`, or the failure event drawn as `✗ …`.
    let failed = said.split(separator: "\n").filter {
      $0.hasPrefix("proclab: ") || $0.hasPrefix("✗ ") || $0.hasPrefix("x ")
    }
    #expect(!failed.isEmpty, "\(failure.arguments): \(said)")
    for line in failed {
      #expect(Self.hasHangul(line), "\(failure.arguments): \(line)")
      #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "\(failure.arguments): \(line)")
    }
    #expect(!said.contains(failure.english), "\(failure.arguments): \(said)")
    let en = try runPiped(["--lang", "en"] + failure.arguments, input: "", state: state)
    #expect(en.status == .exited(1))
    #expect((en.stdout + en.stderr).contains(failure.english), "\(en.stdout) \(en.stderr)")
  }

  @Test("cpus=apart on one CPU says in Korean why and what to use instead")
  func apartOnOneCPU() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPipedEnvironment(
      state.environment, input: "",
      arguments: [
        "/usr/bin/taskset", "-c", "0", proclabBinary, "--lang", "ko", "run", "pipe",
        "what=latency", "rounds=10", "cpus=apart", "python=off",
      ], direct: true)
    #expect(r.status == .exited(1), "\(r.stdout) \(r.stderr)")
    let said = plainText(Array((r.stdout + r.stderr).utf8))
    let failed = said.split(separator: "\n").filter { $0.contains("cpus=apart") }
    #expect(!failed.isEmpty && failed.allSatisfy { Self.hasHangul($0) }, "\(said)")
    for line in failed {
      #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "\(line)")
    }
  }
}
