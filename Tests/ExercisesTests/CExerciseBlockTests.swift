import Lessons
import Testing
import Trace

/// The C variant of an exercise block (docs/exercises.md, "C"): `c-files`, `c-build`, `c-run`
/// and `c-hint`, parsed beside the Python variant; each problem one line; lint finds the C
/// files under `c/starter` and `c/solution`; the Korean lesson carries the same C keys.
@Suite("C exercise blocks")
struct CExerciseBlockTests {
  static let block = ExerciseBlockTests.block.replacing(
    "task:\n",
    with: """
      c-files: reap_three.c
      c-build: cc -Wall -O2 -o reap_three reap_three.c
      c-run: ./reap_three
      c-hint: `fork()` returns 0 in the child: the child must leave with `_exit(0)`.
      task:

      """)

  @Test("the C keys become the exercise's C variant; Python stays as it was")
  func parsesTheVariant() throws {
    let (lesson, problems) = ExerciseBlockTests.lesson(Self.block)
    #expect(problems.isEmpty, "\(problems)")
    let exercise = try #require(lesson?.exercise(id: "reap-three"))
    let c = try #require(exercise.c)
    #expect(c.files == ["reap_three.c"])
    #expect(c.build == ["cc", "-Wall", "-O2", "-o", "reap_three", "reap_three.c"])
    #expect(c.output == "reap_three")
    #expect(c.run == ["./reap_three"])
    #expect(c.hints.count == 1)
    #expect(exercise.languages == [.python, .c])
    #expect(exercise.files(in: .c) == ["reap_three.c"])
    #expect(exercise.files(in: .python) == ["reap_three.py"])
    #expect(exercise.hints(in: .c) == c.hints)
    #expect(exercise.hints(in: .python).count == 2)
    #expect(exercise.commandLine(in: .c) == "./reap_three")
    let (plain, _) = ExerciseBlockTests.lesson(ExerciseBlockTests.block)
    #expect(plain?.exercises.first?.c == nil)
    #expect(plain?.exercises.first?.languages == [.python])
  }

  static let broken: [(String, String, String)] = [
    (
      "c-run: ./reap_three\n", "",
      "exercise 'reap-three' has a C variant but no 'c-run:': a C variant needs c-files, c-build, "
        + "c-run and a c-hint"
    ),
    (
      "c-hint: `fork()` returns 0 in the child: the child must leave with `_exit(0)`.\n", "",
      "exercise 'reap-three' has a C variant but no 'c-hint:' line"
    ),
    (
      "c-build: cc -Wall -O2 -o reap_three reap_three.c", "c-build: cc reap_three.c && ./a.out",
      "x.md:23:26: '&' in 'c-build:': it is argv words split at spaces, run without a shell"
    ),
    (
      "c-build: cc -Wall -O2 -o reap_three reap_three.c", "c-build: cc -Wall reap_three.c",
      "x.md:23:10: 'c-build:' must name the program it makes with '-o <name>'"
    ),
    (
      "c-build: cc -Wall -O2 -o reap_three reap_three.c", "c-build: /usr/bin/cc -o p reap_three.c",
      "x.md:23:10: 'c-build:' starts with the compiler's name, found in PATH (cc), not a path"
    ),
    (
      "-o reap_three reap_three.c", "-o reap_three.c reap_three.c",
      "x.md:23:26: '-o reap_three.c': the program made is a plain file name"
    ),
    (
      "c-run: ./reap_three", "c-run: ./a.out",
      "x.md:24:8: 'c-run:' starts the program 'c-build:' makes: write './reap_three'"
    ),
    (
      "c-files: reap_three.c", "c-files: src/reap_three.c",
      "x.md:22:10: 'src/reap_three.c' is not a file name"
    ),
    (
      "c-files: reap_three.c", "c-file: reap_three.c",
      "unknown key 'c-file' in an exercise block; did you mean 'c-files'?"
    ),
  ]

  @Test("every problem with a C key is one line at file:line:col, and the block is left out")
  func brokenVariants() {
    for (old, new, expected) in Self.broken {
      let text = Self.block.replacing(old, with: new)
      #expect(text != Self.block, "\(old) is not in the block")
      let (lesson, problems) = ExerciseBlockTests.lesson(text)
      let lines = problems.map(\.description)
      #expect(lines.contains { $0.contains(expected) }, "\(new): expected \(expected) in \(lines)")
      #expect(lesson?.exercises.isEmpty == true, "\(new): the broken block was kept")
    }
  }

  static func lessonText(korean: Bool = false) -> String {
    ExerciseLintTests.lessonText().replacing(
      "task:\n",
      with: """
        c-files: reap_three.c
        c-build: cc -o reap_three reap_three.c
        c-run: ./reap_three
        c-hint: \(korean ? "포크" : "fork")
        task:

        """)
  }

  static func writeFiles(_ dir: LessonDirectory) {
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
  }

  @Test("the C files must be under exercises/<id>/c/starter and c/solution")
  func cFilesBesideTheLesson() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("01-x.md", Self.lessonText())
    Self.writeFiles(dir)
    let missing = ExerciseLintTests.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      missing.contains {
        $0.contains(
          "01-x.md:15:10: exercise 'reap-three': no file 'reap_three.c' in \(dir.path)/exercises/reap-three/c/starter"
        )
      }, "\(missing)")
    #expect(missing.contains { $0.contains("exercises/reap-three/c/solution") }, "\(missing)")
    dir.write("exercises/reap-three/c/starter/reap_three.c", "int main(void) { return 1; }\n")
    dir.write("exercises/reap-three/c/solution/reap_three.c", "int main(void) { return 0; }\n")
    #expect(ExerciseLintTests.linter.lint(paths: [dir.path]).isEmpty)
  }

  @Test("the Korean lesson carries the same C variant: files, build, run, number of hints")
  func parity() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("01-x.md", Self.lessonText())
    Self.writeFiles(dir)
    dir.write("exercises/reap-three/c/starter/reap_three.c", "int main(void) { return 1; }\n")
    dir.write("exercises/reap-three/c/solution/reap_three.c", "int main(void) { return 0; }\n")
    let korean = Self.lessonText(korean: true)
      .replacing("title: Fork three children", with: "title: 자식 셋")
    dir.write("ko/01-x.md", korean)
    let same = ExerciseLintTests.linter.lint(paths: [dir.path])
    #expect(same.isEmpty, "\(same)")
    dir.write("ko/01-x.md", korean.replacing("c-build: cc -o", with: "c-build: cc -O2 -o"))
    #expect(
      ExerciseLintTests.linter.lint(paths: [dir.path]).map(\.description).contains {
        $0.contains(
          "c-build 'cc -O2 -o reap_three reap_three.c' here differs from 'cc -o reap_three reap_three.c'"
        )
      })
    dir.write(
      "ko/01-x.md",
      ExerciseLintTests.lessonText().replacing("title: Fork three children", with: "title: 자식 셋"))
    let dropped = ExerciseLintTests.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      dropped.contains { $0.contains("exercise 'reap-three': C variant 'none' here differs from") },
      "\(dropped)")
  }
}
