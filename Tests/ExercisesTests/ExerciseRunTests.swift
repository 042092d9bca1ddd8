import Exercises
import Glibc
import Lessons
import OSKit
import Testing
import Trace

/// Whether python3 is in PATH (every shipped exercise runs it).
let python3Found: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/python3", X_OK) == 0 }
}()

/// The source tree's `lessons/`.
let shippedLessons: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/ExercisesTests/ExerciseRunTests.swift
  return parts.joined(separator: "/") + "/lessons"
}()

/// The signal pipe of this test process, set up once (ChildHost: a subreaper, as ProcLab is,
/// so orphans of the traced programs are adopted and reaped here).
let testSignals: SignalPipe = {
  // swift-format-ignore: NeverForceUnwrap
  try! ChildHost.prepare(routing: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
}()

/// A directory holding copies of an exercise's files (from starter/, starter.ko/ or
/// solution/), removed by `remove`.
func copyOf(_ exercise: Exercise, lesson: Lesson, _ kind: ExerciseFiles.Kind) throws
  -> LessonDirectory
{
  let dir = LessonDirectory()
  for name in exercise.files {
    let bytes =
      ExerciseFiles.contents(kind, exercise: exercise.id, lesson: lesson.file, name: name)
      ?? (kind == .koreanStarter
        ? ExerciseFiles.contents(.starter, exercise: exercise.id, lesson: lesson.file, name: name)
        : nil)
    dir.write(name, String(decoding: try #require(bytes), as: UTF8.self))
  }
  return dir
}

/// Every exercise of the shipped lessons, English and Korean: its starter fails at least one
/// check and its solution passes them all, through the call `check` makes.
@Suite("Shipped exercises", .serialized, .enabled(if: python3Found, "python3 is not in PATH"))
struct ShippedExerciseTests {
  static func exercises(_ language: LessonLanguage) -> [(Exercise, Lesson)] {
    let library = LessonLibrary.load(directories: [shippedLessons], demos: [], language: language)
    return library.lessons.flatMap { lesson in lesson.exercises.map { ($0, lesson) } }
  }

  @Test("the shipped lessons have exercises, the same in English and Korean")
  func found() {
    let english = Self.exercises(.en).map(\.0.id)
    #expect(english.count >= 3)
    #expect(Self.exercises(.ko).map(\.0.id) == english)
  }

  @Test("each starter fails a check and each solution passes every one")
  func startersFailSolutionsPass() throws {
    for (exercise, lesson) in Self.exercises(.en) {
      let solution = try copyOf(exercise, lesson: lesson, .solution)
      defer { solution.remove() }
      let passed = ExerciseCheckRun.run(exercise, in: solution.path, signals: testSignals)
      #expect(passed.startFailure == nil, "\(exercise.id): \(passed.startFailure ?? "")")
      #expect(passed.passed, "\(exercise.id): the solution fails: \(Self.describe(passed))")
      for kind in [ExerciseFiles.Kind.starter, .koreanStarter] {
        let starter = try copyOf(exercise, lesson: lesson, kind)
        defer { starter.remove() }
        let failed = ExerciseCheckRun.run(exercise, in: starter.path, signals: testSignals)
        #expect(failed.startFailure == nil, "\(exercise.id): \(failed.startFailure ?? "")")
        #expect(!failed.passed, "\(exercise.id) (\(kind.rawValue)): the starter passes")
      }
    }
  }

  static func describe(_ run: ExerciseCheckRun) -> String {
    run.attempts.enumerated().map { n, attempt in
      let checks = zip(run.exercise.checks, attempt.verdicts).map { check, verdict in
        "\(verdict.held ? "ok" : "FAILED") \(check.conditionText) \(verdict.figures) \(String(describing: verdict.output))"
      }
      let out = String(decoding: attempt.trace.stdout, as: UTF8.self)
      return "run \(n + 1) (stop \(String(describing: attempt.trace.stop))): "
        + checks.joined(separator: "; ") + " stdout: \(out)"
    }.joined(separator: "\n")
  }
}

/// The workspace: starter files copied, a student's edits never overwritten.
@Suite("Exercise workspace", .serialized)
struct ExerciseWorkspaceTests {
  static func exercise(files: [String] = ["a.py", "b.py"]) -> Exercise {
    Exercise(
      id: "demo-ex", title: "T", files: files, run: ["python3", "a.py"], checks: [],
      hints: ["h"], task: "t", location: SourceLocation(file: "x", line: 1))
  }

  @Test("copies what is missing, keeps an edited file, leaves an unchanged one; Korean starter")
  func prepare() throws {
    let lessons = LessonDirectory()
    defer { lessons.remove() }
    lessons.write("05-x.md", "")
    lessons.write("exercises/demo-ex/starter/a.py", "# starter a\n")
    lessons.write("exercises/demo-ex/starter/b.py", "# starter b\n")
    lessons.write("exercises/demo-ex/starter.ko/a.py", "# 시작 a\n")
    let home = LessonDirectory()
    defer { home.remove() }
    let workspace = ExerciseWorkspace(root: home.path + "/proclab/exercises", id: "demo-ex")
    let first = try workspace.prepare(
      Self.exercise(), lessonFile: lessons.path + "/05-x.md", korean: false)
    #expect(first.map(\.outcome) == [.copied, .copied])
    #expect(FileIO.readText(workspace.directory + "/a.py") == "# starter a\n")
    var st = stat()
    stat(workspace.directory, &st)
    #expect(st.st_mode & 0o777 == 0o700)

    home.write("proclab/exercises/demo-ex/a.py", "print('my own work')\n")
    let second = try workspace.prepare(
      Self.exercise(), lessonFile: lessons.path + "/05-x.md", korean: false)
    #expect(second.map(\.outcome) == [.kept, .unchanged])
    #expect(FileIO.readText(workspace.directory + "/a.py") == "print('my own work')\n")

    let korean = ExerciseWorkspace(root: home.path + "/ko", id: "demo-ex")
    _ = try korean.prepare(Self.exercise(), lessonFile: lessons.path + "/ko/05-x.md", korean: true)
    #expect(FileIO.readText(korean.directory + "/a.py") == "# 시작 a\n")
    #expect(FileIO.readText(korean.directory + "/b.py") == "# starter b\n")
  }

  @Test("a starter file the lesson lacks is one line naming it")
  func missingStarter() {
    let lessons = LessonDirectory()
    defer { lessons.remove() }
    let home = LessonDirectory()
    defer { home.remove() }
    let workspace = ExerciseWorkspace(root: home.path, id: "demo-ex")
    #expect {
      try workspace.prepare(Self.exercise(), lessonFile: lessons.path + "/05-x.md", korean: false)
    } throws: { error in
      (error as? ExerciseWorkspace.Refusal)?.message.contains("no starter file a.py") == true
    }
  }
}

/// `check` itself: a file missing from the workspace, a run past its timeout.
@Suite("Exercise check runs", .serialized, .enabled(if: python3Found, "python3 is not in PATH"))
struct ExerciseCheckRunTests {
  static func exercise(_ program: String, timeout: Int = 10, runs: Int = 1, checks: [String])
    throws -> Exercise
  {
    Exercise(
      id: "t", title: "T", files: ["p.py"], run: ["python3", "p.py"], runs: runs,
      timeout: timeout,
      checks: try checks.map {
        ExerciseCheck(
          condition: try ExerciseCondition.parse($0), conditionText: $0, meaning: $0,
          location: SourceLocation(file: "x", line: 1))
      }, hints: ["h"], task: "t", location: SourceLocation(file: "x", line: 1))
  }

  @Test("a file missing from the workspace is one line, and nothing runs")
  func missingFile() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    let run = ExerciseCheckRun.run(
      try Self.exercise("", checks: ["processes == 1"]), in: dir.path, signals: testSignals)
    #expect(run.attempts.isEmpty)
    #expect(run.startFailure?.contains("p.py is not in \(dir.path)") == true)
    #expect(!run.passed)
  }

  @Test("the program runs in the workspace, every run counted; a timeout fails the check")
  func runsInWorkspace() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("p.py", "import os\nprint(os.getcwd())\n")
    let ok = ExerciseCheckRun.run(
      try Self.exercise(
        "", runs: 2, checks: ["stdout contains \"\(dir.path)\"", "processes == 1"]),
      in: dir.path, signals: testSignals)
    #expect(ok.passed, "\(ShippedExerciseTests.describe(ok))")
    #expect(ok.attempts.count == 2)
    dir.write("p.py", "import time\ntime.sleep(30)\n")
    let slow = ExerciseCheckRun.run(
      try Self.exercise("", timeout: 1, checks: ["processes == 1"]), in: dir.path,
      signals: testSignals)
    #expect(slow.attempts.first?.trace.stop == .timeout(seconds: 1))
    #expect(!slow.passed)
  }
}
