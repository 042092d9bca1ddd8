import Glibc
import Lessons
import OSKit
import Testing
import Trace

@testable import Exercises

/// Whether a C compiler (`cc`) is in PATH (the C variants build with it).
let ccFound: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/cc", X_OK) == 0 }
}()

/// A directory holding copies of an exercise's C files (from c/starter, c/starter.ko or
/// c/solution; a Korean starter file that is not there is the English one).
func cCopyOf(_ exercise: Exercise, lesson: Lesson, _ kind: ExerciseFiles.Kind) throws
  -> LessonDirectory
{
  let dir = LessonDirectory()
  for name in exercise.files(in: .c) {
    func contents(_ kind: ExerciseFiles.Kind) -> [UInt8]? {
      ExerciseFiles.contents(
        kind, exercise: exercise.id, lesson: lesson.file, name: name, language: .c)
    }
    let bytes = contents(kind) ?? (kind == .koreanStarter ? contents(.starter) : nil)
    dir.write(name, String(decoding: try #require(bytes), as: UTF8.self))
  }
  return dir
}

/// `check` of a C variant: built with `c-build:` in the C folder, then `c-run:` traced with the
/// same checks; a compile error is a failed check with the compiler's first lines; a compiler
/// not installed is one line naming what to install.
@Suite("C exercise check runs", .serialized, .enabled(if: ccFound, "cc is not in PATH"))
struct CExerciseRunTests {
  static func exercise(build: [String] = ["cc", "-o", "p", "p.c"], checks: [String]) throws
    -> Exercise
  {
    let at = SourceLocation(file: "x", line: 1)
    var exercise = Exercise(
      id: "t", title: "T", files: ["p.py"], run: ["python3", "p.py"],
      checks: try checks.map {
        ExerciseCheck(
          condition: try ExerciseCondition.parse($0), conditionText: $0, meaning: $0, location: at)
      }, hints: ["h"], task: "t", location: at)
    exercise.c = ExerciseCVariant(
      files: ["p.c"], build: build, run: ["./p"], hints: ["c"], filesLocation: at)
    return exercise
  }

  static let forkOnce = """
    #include <stdio.h>
    #include <sys/wait.h>
    #include <unistd.h>
    int main(void) {
      pid_t pid = fork();
      if (pid == 0) { printf("child %d of %d\\n", getpid(), getppid()); return 0; }
      waitpid(pid, NULL, 0);
      printf("parent reaped %d\\n", pid);
      return 0;
    }
    """

  @Test("the C program is built, then traced with the checks: two processes, its output")
  func buildsThenTraces() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("p.c", Self.forkOnce)
    let exercise = try Self.exercise(checks: [
      "processes == 2", "stdout matches \"^parent reaped \\d+$\"", "exit_status == 0",
    ])
    let run = ExerciseCheckRun.run(exercise, in: dir.path, signals: testSignals, language: .c)
    #expect(run.language == .c)
    #expect(run.buildFailure == nil)
    #expect(run.passed, "\(ShippedExerciseTests.describe(run))")
    #expect(access(dir.path + "/p", X_OK) == 0)
    let python = ExerciseCheckRun.run(exercise, in: dir.path, signals: testSignals)
    #expect(python.language == .python)
    #expect(python.startFailure?.contains("p.py is not in") == true)
  }

  @Test("a compile error fails, with the compiler's first lines; nothing is traced")
  func compileError() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("p.c", "int main(void) { return undeclared_name; }\n")
    let run = ExerciseCheckRun.run(
      try Self.exercise(checks: ["processes == 1"]), in: dir.path, signals: testSignals,
      language: .c)
    #expect(run.startFailure == nil)
    #expect(run.attempts.isEmpty)
    #expect(!run.passed)
    guard case .failed(let error) = run.buildFailure else {
      Issue.record("no compile error: \(String(describing: run.buildFailure))")
      return
    }
    #expect(error.status == .exited(1))
    #expect(error.lines.contains { $0.contains("undeclared_name") }, "\(error.lines)")
    #expect(error.lines.count <= CBuild.shownLines)
  }

  @Test("a stale program from an earlier build is never run after a failed build")
  func staleProgram() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("p.c", Self.forkOnce)
    let exercise = try Self.exercise(checks: ["processes == 2"])
    #expect(
      ExerciseCheckRun.run(exercise, in: dir.path, signals: testSignals, language: .c).passed)
    dir.write("p.c", "this is not C\n")
    let broken = ExerciseCheckRun.run(exercise, in: dir.path, signals: testSignals, language: .c)
    #expect(!broken.passed)
    #expect(broken.attempts.isEmpty)
    #expect(access(dir.path + "/p", F_OK) != 0)
  }

  @Test("a compiler that is not installed is one line naming what to install")
  func noCompiler() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("p.c", Self.forkOnce)
    let run = ExerciseCheckRun.run(
      try Self.exercise(
        build: ["proclab-no-such-cc", "-o", "p", "p.c"], checks: ["processes == 2"]),
      in: dir.path, signals: testSignals, language: .c)
    #expect(run.buildFailure == .notInstalled(compiler: "proclab-no-such-cc"))
    #expect(
      run.startFailure
        == "proclab-no-such-cc is not installed: install a C compiler (apt install gcc)")
    #expect(run.attempts.isEmpty)
    #expect(!run.passed)
  }

  @Test("the C starter goes in the workspace's c/ folder; in Korean from c/starter.ko")
  func workspace() throws {
    let lessons = LessonDirectory()
    defer { lessons.remove() }
    lessons.write("05-x.md", "")
    lessons.write("exercises/t/starter/p.py", "# python\n")
    lessons.write("exercises/t/c/starter/p.c", "/* starter */\n")
    lessons.write("exercises/t/c/starter.ko/p.c", "/* 시작 */\n")
    let home = LessonDirectory()
    defer { home.remove() }
    let workspace = ExerciseWorkspace(root: home.path, id: "t")
    #expect(workspace.directory(for: .c) == home.path + "/t/c")
    let exercise = try Self.exercise(checks: ["processes == 1"])
    let done = try workspace.prepare(
      exercise, lessonFile: lessons.path + "/05-x.md", korean: false, language: .c)
    #expect(done.map(\.name) == ["p.c"])
    #expect(FileIO.readText(home.path + "/t/c/p.c") == "/* starter */\n")
    #expect(access(home.path + "/t/p.py", F_OK) != 0)
    #expect(workspace.missingFiles(of: exercise, language: .c).isEmpty)
    #expect(workspace.missingFiles(of: exercise) == ["p.py"])
    let korean = ExerciseWorkspace(root: home.path + "/ko", id: "t")
    _ = try korean.prepare(
      exercise, lessonFile: lessons.path + "/ko/05-x.md", korean: true, language: .c)
    #expect(FileIO.readText(home.path + "/ko/t/c/p.c") == "/* 시작 */\n")
  }
}

/// Every C variant of the shipped lessons: its starter (and Korean starter) fails a check and
/// its solution passes them all, built and traced as `check` does.
@Suite(
  "Shipped C exercises", .serialized,
  .enabled(if: ccFound, "cc is not in PATH: the C variants cannot be built"))
struct ShippedCExerciseTests {
  static func exercises(_ language: LessonLanguage) -> [(Exercise, Lesson)] {
    ShippedExerciseTests.exercises(language).filter { $0.0.c != nil }
  }

  @Test("at least four exercises have a C variant, the same ones in Korean")
  func found() {
    let english = Self.exercises(.en).map(\.0.id)
    #expect(english.count >= 4, "\(english)")
    #expect(Self.exercises(.ko).map(\.0.id) == english)
  }

  @Test("each C starter fails a check and each C solution passes every one")
  func startersFailSolutionsPass() throws {
    let exercises = Self.exercises(.en)
    #expect(!exercises.isEmpty, "no shipped exercise has a C variant")
    for (exercise, lesson) in exercises {
      let solution = try cCopyOf(exercise, lesson: lesson, .solution)
      defer { solution.remove() }
      let passed = ExerciseCheckRun.run(
        exercise, in: solution.path, signals: testSignals, language: .c)
      #expect(
        passed.buildFailure == nil, "\(exercise.id): \(String(describing: passed.buildFailure))")
      #expect(
        passed.passed,
        "\(exercise.id): the C solution fails: \(ShippedExerciseTests.describe(passed))")
      for kind in [ExerciseFiles.Kind.starter, .koreanStarter] {
        let starter = try cCopyOf(exercise, lesson: lesson, kind)
        defer { starter.remove() }
        let failed = ExerciseCheckRun.run(
          exercise, in: starter.path, signals: testSignals, language: .c)
        #expect(
          failed.buildFailure == nil,
          "\(exercise.id) (\(kind.rawValue)): the starter does not compile")
        #expect(failed.startFailure == nil, "\(exercise.id): \(failed.startFailure ?? "")")
        #expect(!failed.passed, "\(exercise.id) (c/\(kind.rawValue)): the starter passes")
      }
    }
  }
}

/// `watch` on a C variant: the program the build writes is not a save.
@Suite("Workspace watcher, ignored names")
struct WorkspaceWatcherIgnoringTests {
  @Test("a change to an ignored name is no save; a change to another file is")
  func ignoresTheBuiltProgram() throws {
    let dir = LessonDirectory()
    defer { dir.remove() }
    let watcher = try WorkspaceWatcher(directory: dir.path, ignoring: ["prog"])
    dir.write("prog", "built\n")
    let built = watcher.drainEvents()
    #expect(!built)
    dir.write("prog.c", "int main(void) { return 0; }\n")
    let saved = watcher.drainEvents()
    #expect(saved)
    let again = watcher.drainEvents()
    #expect(!again)
  }
}
