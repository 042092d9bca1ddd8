import DemoContract
import FoundationEssentials
import Glibc
import Lessons
import OSKit
import ProcLabTestSupport
import Results
import Testing

/// The binary copied on its own to a folder, far from its lessons folder and its source tree
/// (`PROCLAB_SOURCE_TREE` names one that does not exist), as a student handed one file runs
/// it: every lesson plays from the copy the executable carries, `source` shows the programs,
/// a demo runs its Python program, and the record hashes the same bytes as the file on disk.
@Suite("A copied binary, end to end", .serialized)
struct CopiedBinaryTests {
  /// A private state, home and temporary folder, and the binary copied into `<state>/x/`.
  struct Copy {
    let state = TempState()
    var binary: String { state.path + "/x/proclab" }
    var temporary: String { state.path + "/tmp" }

    init() throws {
      for dir in ["/x", "/home", "/tmp"] { mkdir(state.path + dir, 0o700) }
      let copied = system("cp '\(TestBinary.proclab)' '\(state.path)/x/proclab'")
      try #require(copied == 0, "could not copy \(TestBinary.proclab)")
    }

    var environment: [String] {
      state.environment.filter { !$0.hasPrefix("HOME=") && !$0.hasPrefix("TMPDIR=") } + [
        "HOME=\(state.path)/home", "TMPDIR=\(temporary)",
        "PROCLAB_SOURCE_TREE=\(state.path)/no-tree",
      ]
    }

    func run(_ arguments: [String], input: String = "", timeout: Double = 60) throws
      -> CapturedRun
    {
      try CapturedRun.run(
        ["proclab"] + arguments, executable: binary, environment: environment,
        input: .text(input), timeout: timeout)
    }

    /// What is left in the private temporary folder.
    var leftInTemporary: [String] { FileIO.entries(in: temporary) ?? ["(unreadable)"] }
  }

  /// The lessons in this tree's lessons/ folder.
  static let folder = LessonLibrary.load(
    directories: [TestBinary.sourceRoot + "/lessons"], demos: [])

  @Test("lessons, open and source work from the carried lessons, as from the folder")
  func playsFromCarriedLessons() throws {
    let copy = try Copy()
    defer { copy.state.cleanUp() }
    let listed = try copy.run(["lessons"])
    #expect(listed.status == .exited(0), "\(listed.stderrText)")
    let fromFolder = try runPiped(["lessons"], input: "", state: copy.state)
    #expect(!Self.folder.lessons.isEmpty)
    #expect(listed.stdoutText == fromFolder.stdout)
    for lesson in Self.folder.lessons {
      #expect(listed.stdoutText.contains(lesson.id), "\(lesson.id) not listed")
    }
    let first = try #require(Self.folder.lesson(number: 1))
    let played = try copy.run([], input: "open 1\nsource gil-tutorial\n", timeout: 90)
    let out = plainText(played.stdout)
    #expect(played.status == .exited(0), "\(played.stderrText)")
    #expect(out.contains(first.title), "\(out.prefix(600))")
    #expect(out.contains(try #require(first.steps.first).title))
    #expect(!out.contains("no lessons found"))
    // The program listed from the carried copy, and how to run it without a file to name.
    let countdown = FileIO.readText(
      TestBinary.sourceRoot + "/lessons/python/gil-tutorial/countdown.py")
    let firstCodeLine = try #require(
      countdown?.split(separator: "\n").first { $0.hasPrefix("def ") })
    #expect(out.contains(firstCodeLine), "\(out.suffix(1200))")
    #expect(out.contains("Run it: python3 countdown.py, with the program above saved as"))
    #expect(!out.contains("is not installed beside the lessons"))
    #expect(!out.contains(TestBinary.sourceRoot))
    #expect(copy.leftInTemporary == [])
  }

  @Test("lint with no folder checks the carried lessons, and finds them clean")
  func lintsCarriedLessons() throws {
    let copy = try Copy()
    defer { copy.state.cleanUp() }
    let r = try copy.run(["lint"])
    #expect(r.status == .exited(0), "\(r.stdoutText)\(r.stderrText)")
    #expect(!r.stdoutText.contains("error"), "\(r.stdoutText)")
  }

  @Test(
    "a demo runs the lessons' Python program from the carried copy and leaves no file",
    .enabled(if: pythonOnPath(), "python3 is not on PATH"))
  func pythonFromCarriedCopy() throws {
    let copy = try Copy()
    defer { copy.state.cleanUp() }
    let r = try copy.run(["run", "pipe", "--json"], timeout: 60)
    #expect(r.status == .exited(0), "\(r.stderrText)")
    let text = r.stdoutText
    let report = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    #expect(report["metrics"]?["python_available"] == .bool(true), "\(text.prefix(800))")
    guard case .object(let python)? = report["metrics"]?["python"] else {
      Issue.record("no CPython metrics: \(text.prefix(800))")
      return
    }
    #expect(!python.isEmpty)
    #expect(!text.contains("were not found"))
    #expect(!text.contains("failed ("), "\(text)")
    #expect(copy.leftInTemporary == [])
  }

  @Test("an answer recorded from a carried lesson hashes the same bytes as its file")
  func recordHashesCarriedBytes() throws {
    let copy = try Copy()
    defer { copy.state.cleanUp() }
    _ = try copy.run([], input: "quiz processes\nb\nquit\n", timeout: 60)
    let path = copy.state.path + "/result.json"
    let me = try copy.run(["whoami", "set", "Kim Minji", "--id", "2026123"])
    #expect(me.status == .exited(0), "\(me.stderrText)")
    let r = try copy.run(["submit", "-o", path])
    #expect(r.status == .exited(0), "\(r.stdoutText)\(r.stderrText)")
    let result = try JSONDecoder().decode(
      ResultFile.self, from: Data(try FileIO.readRegular(path, limit: 1 << 24)))
    let file = try #require(Self.folder.lesson(id: "processes")).file
    let onDisk = try FileIO.readRegular(file, limit: 1 << 20, owner: .anyone)
    #expect(result.lessonFiles.map(\.sha256) == [SHA256.hex(onDisk)])
  }
}
