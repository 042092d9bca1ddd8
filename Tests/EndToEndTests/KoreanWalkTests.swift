import Lessons
import Localization
import OSKit
import Testing

/// A Korean-reading student walks every lesson: `--lang ko`, `open N`, `next` through every
/// step with the lesson's own demo blocks running live, piped. No step may fail, and no line
/// may carry an English sentence of ProcLab's own (KoreanDemoTests' detector); the lesson's
/// own text (code, commands, quoted names) is allowed wherever it is in the Korean lesson.
@Suite("Every Korean lesson, walked", .serialized)
struct KoreanWalkTests {
  /// Every run of four ASCII words in `text`, the way `KoreanDemoTests.englishRun` counts
  /// them: the lesson's own words, which the walk may print.
  static func wordRuns(in text: String) -> Set<String> {
    var runs: Set<String> = []
    var words: [String] = []
    for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" || $0 == "|" }) {
      if KoreanDemoTests.neutral(token) { continue }
      guard let word = KoreanDemoTests.word(token) else {
        words = []
        continue
      }
      words.append(word)
      if words.count >= 4 { runs.insert(words.suffix(4).joined(separator: " ")) }
    }
    return runs
  }

  /// The failure lines of a walk, in both languages (the host's own failures too).
  static let failures: [String] = {
    var texts = [
      "the demo ended without a report", "interrupted: the demo was stopped",
      "ran past its time budget", "Fatal error",
    ]
    for key in [
      "step.demoCannotRun", "demo.host.noReport", "demo.host.interrupted", "demo.host.timeBudget",
    ] {
      if let message = Catalog.messages[key] {
        texts += [message.en, message.ko].map { String($0.prefix { $0 != "{" }) }
      }
    }
    return texts
  }()

  @Test("--lang ko: every step of every lesson plays in Korean, every demo runs")
  func walk() throws {
    for l in shippedLibrary.lessons {
      let path = l.file.replacing("/lessons/", with: "/lessons/ko/", maxReplacements: 1)
      let korean = try #require(FileIO.readText(path), "\(l.id): no Korean lesson at \(path)")
      let own = Self.wordRuns(in: korean)
      let state = TempState()
      defer { state.cleanUp() }
      var env = state.environment
      env.append("COLUMNS=80")
      let input =
        "open \(l.id)\n" + String(repeating: "next\n", count: l.steps.count - 1) + "quit\n"
      let r = try runPipedEnvironment(
        env, input: input, arguments: ["--lang", "ko"], timeout: 120)
      #expect(r.status == .exited(0), "\(l.id): \(r.stderr)")
      for i in 1...l.steps.count {
        #expect(r.stdout.contains("단계 \(i)/\(l.steps.count)"), "\(l.id): step \(i) missing")
      }
      let lines = plainText(Array(r.stdout.utf8)).split(separator: "\n").map(String.init)
      for bad in Self.failures {
        #expect(!r.stdout.contains(bad), "\(l.id): '\(bad)' in the walk")
      }
      #expect(
        lines.filter { $0.hasPrefix("✗") || $0.hasPrefix("x ") }.isEmpty,
        "\(l.id): a demo failed")
      for line in lines {
        // After this prefix comes sort's own error message, in the C locale's English.
        let mine =
          line.firstRange(of: "두 번째 명령의 stderr:").map { String(line[..<$0.lowerBound]) } ?? line
        let english = Self.wordRuns(in: mine).subtracting(own)
        #expect(english.isEmpty, "\(l.id) in Korean: \(line)")
      }
    }
  }
}
