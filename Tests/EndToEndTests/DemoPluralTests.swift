import Testing

/// Counts in the demos' notes and headings: English says "1 child", "1 task", "1 worker" (not
/// "1 children"); Korean has one form ("자식 1개").
@Suite(.serialized) struct DemoPluralTests {
  /// A demo run with a count of 1, what English must say, what it must not, and Korean's form.
  static let runs: [(arguments: [String], english: String, notEnglish: String, korean: String)] = [
    (
      ["signals", "show=sigchld", "children=1"], "A parent forks 1 child that exits at once",
      "1 children", "자식 1개"
    ),
    (
      ["pool", "mode=apply", "tasks=1", "workers=1", "duration=0.01", "python=off"],
      "apply versus apply_async: 1 task of", "1 tasks", "작업 1개"
    ),
    (["pool", "mode=overhead", "workers=1", "python=off"], "1 worker", "1 workers", "작업자 1개"),
    (["primes", "runs=1", "workers=1", "python=off"], "(1 worker)", "1 workers", "작업자 1개"),
  ]

  @Test("a count of 1 in English is singular, in Korean the one form", arguments: runs)
  func singular(_ run: (arguments: [String], english: String, notEnglish: String, korean: String))
    throws
  {
    let state = TempState()
    defer { state.cleanUp() }
    let en = try runPiped(["--lang", "en", "run"] + run.arguments, input: "", state: state)
    #expect(en.status == .exited(0), "\(run.arguments): \(en.stderr)")
    let english = KoreanDemoTests.collapsed(en.stdout)
    #expect(english.contains(run.english), "\(run.arguments): \(english)")
    #expect(!english.contains(run.notEnglish), "\(run.arguments): \(english)")
    let ko = try runPiped(["--lang", "ko", "run"] + run.arguments, input: "", state: state)
    #expect(ko.status == .exited(0), "\(run.arguments): \(ko.stderr)")
    #expect(KoreanDemoTests.collapsed(ko.stdout).contains(run.korean), "\(ko.stdout)")
  }
}
