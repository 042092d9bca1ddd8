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
  /// program `gil-tutorial/countdown.py`.
  func directory(manifest: String) -> TempDirectory {
    let dir = TempDirectory("manifest")
    dir.write("04-gil.md", Self.lesson)
    let python = dir.subdirectory("python")
    dir.write("sources.json", manifest, in: python)
    let programs = dir.subdirectory("python/gil-tutorial")
    dir.write("countdown.py", "print('hi')\n", in: programs)
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
          "gloss": "part 4",
          "topics": ["the GIL"],
          "lessons": \(lessons),
          "demos": \(demos),
          "examples": [
            {"file": "\(file)", "about": "a countdown", "demo": "\(demo)"}
          ],
          "claims": [
            {"claim": "Two threads took twice as long.", "lesson": "\(lesson)",
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
    #expect(problems.count == 1)
    #expect(problems.first?.isError == false)
    #expect(problems.first?.message.contains("program gil-tutorial/missing.py not found") == true)
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
