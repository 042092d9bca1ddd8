import Demos
import Glibc
import Testing

@testable import Lessons

@Suite("The tutorial manifest (python/sources.json) and its lint")
struct TutorialManifestTests {
  static let lesson = """
    ---
    id: gil
    title: The GIL
    ---

    ## The tutorial {#the-tutorial}

    Text.

    ## CPython's rows {#cpython-rows}

    More text.
    """

  /// A lesson directory with one lesson, `python/sources.json` holding `manifest`, and the
  /// program `gil-tutorial/countdown.py` with its Korean copy (unless `koreanCopy` is false).
  func directory(manifest: String, koreanCopy: Bool = true) -> TempDirectory {
    let dir = TempDirectory("manifest")
    dir.write("04-gil.md", Self.lesson)
    let python = dir.subdirectory("python")
    dir.write("sources.json", manifest, in: python)
    let programs = dir.subdirectory("python/gil-tutorial")
    dir.write("countdown.py", "print('hi')  # say hi\n", in: programs)
    if koreanCopy {
      _ = dir.subdirectory("python/ko")
      let korean = dir.subdirectory("python/ko/gil-tutorial")
      dir.write("countdown.py", "print('hi')  # 인사\n", in: korean)
    }
    return dir
  }

  static func manifest(
    lessons: String = #"["gil"]"#, demos: String = #"["cpu-scaling"]"#,
    file: String = "gil-tutorial/countdown.py", demo: String = "cpu-scaling runs=1",
    lesson: String = "gil", step: String = "cpython-rows", verdict: String = "holds"
  ) -> String {
    """
    {
      "tutorials": [
        {
          "name": "gil-tutorial",
          "title": "Python socket programming #4",
          "gloss": "part 4", "gloss_ko": "4편",
          "topics": ["the GIL"], "topics_ko": ["GIL"],
          "lessons": \(lessons),
          "demos": \(demos),
          "examples": [
            {"file": "\(file)", "about": "a countdown", "about_ko": "거꾸로 세기", "demo": "\(demo)"}
          ],
          "claims": [
            {"claim": "Two threads took twice as long.", "claim_ko": "두 배 걸렸다.", "lesson": "\(lesson)",
             "step": "\(step)", "verdict": "\(verdict)"}
          ]
        }
      ]
    }
    """
  }

  @Test func aGoodManifestIsClean() throws {
    let dir = directory(manifest: Self.manifest())
    defer { dir.remove() }
    #expect(LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path]).isEmpty)
    let manifest = try TutorialManifest.load(file: TutorialManifest.file(in: dir.path))
    let example = try #require(manifest.tutorial("gil-tutorial")?.examples.first)
    #expect(manifest.path(of: example) == dir.path + "/python/gil-tutorial/countdown.py")
    #expect(manifest.tutorial("nope") == nil)
  }

  @Test func unknownStepLessonDemoAndVerdictAreErrors() {
    let cases: [(String, String)] = [
      (Self.manifest(step: "cpython-row"), "claim names step 'cpython-row', which lesson 'gil'"),
      (Self.manifest(lesson: "gill"), "claim names unknown lesson 'gill'; did you mean 'gil'?"),
      (Self.manifest(lessons: #"["gli"]"#), "unknown lesson 'gli'"),
      (Self.manifest(demos: #"["cpu-scalin"]"#), "unknown demo 'cpu-scalin'"),
      (Self.manifest(demo: "cpu-scaling runs=99"), "runs=99"),
      (Self.manifest(verdict: "true"), "verdict 'true' is not one of"),
    ]
    for (text, message) in cases {
      let dir = directory(manifest: text)
      defer { dir.remove() }
      let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
      #expect(
        problems.contains { $0.isError && $0.message.contains(message) },
        "expected '\(message)' in \(problems)")
      #expect(problems.allSatisfy { $0.location.file.hasSuffix("python/sources.json") })
    }
  }

  @Test func theStepSuggestionAndTheLinePointAtTheClaim() throws {
    let dir = directory(manifest: Self.manifest(step: "cpython-row"))
    defer { dir.remove() }
    let problem = try #require(
      LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path]).first)
    #expect(problem.message.hasSuffix("did you mean 'cpython-rows'?"))
    #expect(problem.location.line == 14)
  }

  @Test func aMissingProgramIsAWarning() {
    let dir = directory(manifest: Self.manifest(file: "gil-tutorial/missing.py"))
    defer { dir.remove() }
    let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
    // The program is missing, and so is its Korean copy: two warnings.
    #expect(problems.count == 2, "\(problems)")
    #expect(problems.allSatisfy { !$0.isError })
    #expect(problems.contains { $0.message.contains("program gil-tutorial/missing.py not found") })
  }

  @Test func aMissingKoreanTextIsAnErrorAndAMissingKoreanCopyAWarning() {
    let cases: [(String, String, String)] = [
      (#", "gloss_ko": "4편""#, "", "tutorial 'gil-tutorial' has no gloss_ko"),
      (#", "topics_ko": ["GIL"]"#, "", "has 1 topics and no topics_ko"),
      (#"["GIL"]"#, #"["GIL", "더"]"#, "has 1 topics and 2 topics_ko"),
      (#", "about_ko": "거꾸로 세기""#, "", "example gil-tutorial/countdown.py has no about_ko"),
      (#", "claim_ko": "두 배 걸렸다.""#, "", "claim has no claim_ko"),
      (#""verdict": "holds""#, #""verdict": "holds", "note": "in CPython""#, "no note_ko"),
      (#""verdict": "holds""#, #""verdict": "holds", "note_ko": "CPython에서""#, "but no note"),
    ]
    for (from, to, message) in cases {
      let text = Self.manifest().replacing(from, with: to)
      let dir = directory(manifest: text)
      defer { dir.remove() }
      let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
      #expect(
        problems.contains { $0.isError && $0.message.contains(message) },
        "expected '\(message)' in \(problems)")
    }
    let dir = directory(manifest: Self.manifest(), koreanCopy: false)
    defer { dir.remove() }
    let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
    #expect(problems.count == 1 && problems.allSatisfy { !$0.isError }, "\(problems)")
    #expect(problems.first?.message.contains("no Korean copy ko/gil-tutorial/countdown.py") == true)
  }

  @Test func aBrokenManifestIsOneError() {
    let dir = directory(manifest: "{ not json")
    defer { dir.remove() }
    let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [dir.path])
    #expect(problems.count == 1)
    #expect(problems.first?.isError == true)
    #expect(problems.first?.message.contains("not a tutorial manifest") == true)
  }

  @Test func theFirstDirectoryWithAManifestWins() throws {
    let dir = directory(manifest: Self.manifest())
    defer { dir.remove() }
    let empty = TempDirectory("no-manifest")
    defer { empty.remove() }
    #expect(TutorialManifest.find(in: [empty.path]) == nil)
    let found = try #require(TutorialManifest.find(in: [empty.path, dir.path]))
    #expect(try found.get().directory == dir.path + "/python")
  }
}
