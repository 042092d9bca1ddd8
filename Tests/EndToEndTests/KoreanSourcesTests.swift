import Demos
import Lessons
import OSKit
import Render
import Testing

/// The shipped lessons in Korean, as `proclab --lang ko` loads them.
let shippedKoreanLibrary: LessonLibrary = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return LessonLibrary.load(
    directories: [parts.joined(separator: "/") + "/lessons"], demos: DemoCatalog.declarations,
    language: .ko)
}()

/// `sources` and `source <name>` in Korean: ProcLab's own sentences, the tutorials' glosses,
/// topics, examples and claims in Korean, each tutorial under its own title, the programs'
/// Korean copies listed and named in the line that runs them.
@Suite("The tutorials' pages in Korean", .serialized)
struct KoreanSourcesTests {
  /// `proclab --lang ko <arguments>` at 80 columns.
  func korean(_ arguments: [String], input: String = "") throws -> (
    stdout: String, stderr: String, status: OSKit.ExitStatus
  ) {
    let state = TempState()
    defer { state.cleanUp() }
    return try runPipedEnvironment(
      state.environment + ["COLUMNS=80"], input: input, arguments: ["--lang", "ko"] + arguments)
  }

  /// The lines that are ProcLab's own: not a program's listing (`  12 │ …`), with the demos'
  /// names (identifiers, the same in every language) taken out.
  static func ownLines(_ page: String) -> [String] {
    let names = Set(DemoCatalog.names)
    return plainText(Array(page.utf8)).split(separator: "\n").map(String.init).filter {
      !isListing($0)
    }.map { line in
      line.split(separator: " ").filter {
        !names.contains($0.trimmingCharacters(in: ",.:;")) && !$0.hasPrefix("python=")
      }.joined(separator: " ")
    }
  }

  /// Whether `line` is a line of a program's listing: `  12 | …`, `  12 |` or `     | …`.
  static func isListing(_ line: some StringProtocol) -> Bool {
    let trimmed = line.drop { $0 == " " }
    let rest = trimmed.drop { $0.isNumber }
    if rest.count < trimmed.count {
      return [" | ", " │ "].contains { rest.hasPrefix($0) } || rest == " |" || rest == " │"
    }
    return trimmed.count < line.count && (trimmed.hasPrefix("| ") || trimmed.hasPrefix("│ "))
  }

  @Test("sources: Korean headings and glosses, each tutorial by its own title, at 80 columns")
  func listInKorean() throws {
    let manifest = try #require(shippedManifest)
    let r = try korean(["sources"])
    #expect(r.status == .exited(0), "\(r.stderr)")
    let flat = KoreanDemoTests.collapsed(r.stdout)
    #expect(flat.contains("레슨이 따라가는 튜토리얼"), "\(r.stdout)")
    #expect(flat.contains("오늘 배운 것(TIL) 11편"), "no Korean gloss: \(r.stdout)")
    #expect(flat.contains("글쓴이: SeunghoChoe, 2021-02-27"), "\(r.stdout)")
    #expect(flat.contains("source <이름>"), "\(r.stdout)")
    for t in manifest.tutorials {
      #expect(flat.contains(t.title), "sources in Korean does not show “\(t.title)”")
    }
    for line in r.stdout.split(separator: "\n") {
      #expect(DisplayWidth.of(plainText(Array(line.utf8))) <= 80, "over 80 columns: \(line)")
    }
    for line in Self.ownLines(r.stdout) {
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "English in Korean: \(line)")
    }
  }

  @Test("source <name> in Korean: every page's own lines are Korean, the Korean copy listed")
  func pagesInKorean() throws {
    let manifest = try #require(shippedManifest)
    for t in manifest.tutorials {
      let r = try korean(["source", t.name])
      #expect(r.status == .exited(0), "\(t.name): \(r.stderr)")
      let flat = KoreanDemoTests.collapsed(r.stdout)
      #expect(flat.contains(t.title), "\(t.name): no title")
      #expect(flat.contains("다루는 내용"), "\(t.name): \(r.stdout)")
      for example in t.examples {
        // The listing is the Korean copy, and the line that runs it names that copy.
        #expect(
          flat.contains("python/ko/\(example.file)"), "\(t.name): ko/\(example.file) not named")
      }
      #expect(
        flat.components("판정: ") == t.claims.count, "\(t.name): a claim without its verdict")
      for claim in t.claims {
        let lesson = try #require(shippedKoreanLibrary.lesson(id: claim.lesson))
        let step = try #require(lesson.stepIndex(id: claim.step))
        #expect(flat.contains("open \(claim.lesson) \(claim.step)"), "\(t.name)")
        // Piped, the page is drawn without Unicode punctuation (“” become ").
        let title = TerminalStyle(unicode: false, color: false, width: 80).asciiFallback(
          "“\(lesson.steps[step].title)”")
        #expect(flat.contains(title), "\(t.name): no Korean step title \(title)")
      }
      for line in r.stdout.split(separator: "\n") {
        #expect(DisplayWidth.of(plainText(Array(line.utf8))) <= 80, "\(t.name): \(line)")
      }
      for line in Self.ownLines(r.stdout) {
        #expect(KoreanDemoTests.englishRun(in: line) == nil, "\(t.name) in Korean: \(line)")
      }
    }
  }

  @Test("the Korean listing is the copy with Korean comments; English stays English")
  func listingLanguage() throws {
    let r = try korean(["source", "gil-tutorial"])
    let listing = plainText(Array(r.stdout.utf8)).split(separator: "\n").filter {
      Self.isListing($0)
    }
    #expect(
      listing.contains { $0.contains("# ") && $0.unicodeScalars.contains { $0.value >= 0xAC00 } },
      "no Korean comment in the listing")
    let state = TempState()
    defer { state.cleanUp() }
    let english = try runPipedEnvironment(
      state.environment + ["COLUMNS=80"], input: "",
      arguments: ["--lang", "en", "source", "gil-tutorial"])
    #expect(english.status == .exited(0))
    #expect(!english.stdout.contains("/ko/"), "the English page shows a Korean copy")
    #expect(!english.stdout.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
  }

  @Test(
    "in Korean a demo runs the program's Korean copy and names it; in English the original",
    .enabled(if: pythonOnPath(), "python3 is not on PATH"))
  func demoRunsTheKoreanCopy() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let korean = try runPipedEnvironment(
      state.environment + ["COLUMNS=100"], input: "",
      arguments: ["--lang", "ko", "run", "ids", "python=on"])
    #expect(korean.status == .exited(0), "\(korean.stderr)")
    let flat = KoreanDemoTests.collapsed(korean.stdout)
    #expect(flat.contains("lessons/python/ko/process-tutorial/ids.py"), "\(korean.stdout)")
    let english = try runPipedEnvironment(
      state.environment + ["COLUMNS=100"], input: "",
      arguments: ["--lang", "en", "run", "ids", "python=on"])
    #expect(english.status == .exited(0), "\(english.stderr)")
    let plain = KoreanDemoTests.collapsed(english.stdout)
    #expect(plain.contains("lessons/python/process-tutorial/ids.py"), "\(english.stdout)")
    #expect(!plain.contains("/ko/"), "\(english.stdout)")
  }

  @Test("a copied binary carries the Korean copies: source lists them, a demo runs them")
  func copiedBinaryCarriesKoreanCopies() throws {
    let copy = try CopiedBinaryTests.Copy()
    defer { copy.state.cleanUp() }
    let page = try copy.run(["--lang", "ko", "source", "gil-tutorial"])
    #expect(page.status == .exited(0), "\(page.stderrText)")
    let listing = plainText(Array(page.stdoutText.utf8)).split(separator: "\n").filter {
      Self.isListing($0)
    }
    #expect(
      listing.contains { $0.contains("# ") && $0.unicodeScalars.contains { $0.value >= 0xAC00 } },
      "the carried page shows no Korean comment: \(page.stdoutText)")
    #expect(KoreanDemoTests.collapsed(page.stdoutText).contains("파일로 저장한 뒤 python3 countdown.py"))
    guard pythonOnPath() else { return }
    let demo = try copy.run(["--lang", "ko", "run", "ids", "python=on"])
    #expect(demo.status == .exited(0), "\(demo.stderrText)")
    #expect(
      KoreanDemoTests.collapsed(demo.stdoutText).contains(
        "lessons/python/ko/process-tutorial/ids.py"),
      "\(demo.stdoutText)")
  }

  @Test("a tutorial name that does not exist: one Korean line, the nearest name suggested")
  func unknownNameInKorean() throws {
    let shell = try korean(["source", "gil-tutorail"])
    #expect(shell.status == .exited(2))
    #expect(shell.stderr.contains("'gil-tutorial'"), "\(shell.stderr)")
    #expect(shell.stderr.contains("튜토리얼"), "\(shell.stderr)")
    #expect(KoreanDemoTests.englishRun(in: shell.stderr) == nil, "\(shell.stderr)")
    let repl = try korean([], input: "source gil-tutorail\nquit\n")
    let line = try #require(
      plainText(Array((repl.stdout + repl.stderr).utf8)).split(separator: "\n").first {
        $0.contains("gil-tutorail")
      }, "\(repl.stdout)")
    #expect(line.contains("'gil-tutorial'") && line.contains("튜토리얼"), "\(line)")
    #expect(KoreanDemoTests.englishRun(in: String(line)) == nil, "\(line)")
  }
}

extension String {
  /// How many times `piece` occurs.
  fileprivate func components(_ piece: String) -> Int {
    var count = 0
    var rest = self[...]
    while let range = rest.firstRange(of: piece) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    let set = Set(characters)
    var s = self[...]
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
