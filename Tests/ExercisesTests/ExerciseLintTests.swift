import DemoContract
import Glibc
import Lessons
import Testing
import Trace

/// A temporary lesson directory, removed by `remove`.
struct LessonDirectory {
  let path: String

  init() {
    var template = Array("/tmp/proclab-exercise-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    path = made.map { String(cString: $0) } ?? "/tmp/proclab-exercise-fallback"
  }

  func write(_ relative: String, _ text: String) {
    let full = path + "/" + relative
    var dir = ""
    for part in full.split(separator: "/").dropLast() {
      dir += "/" + part
      mkdir(dir, 0o700)
    }
    let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
  }

  func remove() { _ = system("rm -rf '\(path)'") }
}

/// `proclab lint` on exercise blocks: files beside the lesson, trace metrics, ids across lessons,
/// and parity with the Korean translation.
@Suite("Exercise lint")
struct ExerciseLintTests {
  static let linter = LessonLinter(demos: [], traceMetrics: TraceReport.metrics)

  static func lessonText(id: String = "x", exercise: String = "reap-three", extra: String = "")
    -> String
  {
    """
    ---
    id: \(id)
    title: X
    ---

    ## Reaping {#reaping}

    ```exercise
    id: \(exercise)
    title: Fork three children
    files: reap_three.py
    run: python3 reap_three.py
    check: processes == 4 :: four processes
    \(extra)hint: fork
    task:
    Do it.
    ```
    """
  }

  @Test("the files must be under exercises/<id>/starter and solution, beside the lesson")
  func filesBesideTheLesson() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("01-x.md", Self.lessonText())
    let missing = Self.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      missing.contains {
        $0.contains(
          "01-x.md:11:8: exercise 'reap-three': no file 'reap_three.py' in \(dir.path)/exercises/reap-three/starter"
        )
      }, "\(missing)")
    #expect(missing.contains { $0.contains("exercises/reap-three/solution") }, "\(missing)")
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
    #expect(Self.linter.lint(paths: [dir.path]).isEmpty)
  }

  @Test("a check may read only the trace's declared metrics, compared with their own types")
  func traceMetrics() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write(
      "01-x.md",
      Self.lessonText(
        extra: "check: zombie == 0 :: none\ncheck: killed_by > 3 :: text compared with a number\n"))
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
    let problems = Self.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      problems.contains {
        $0.contains(
          "01-x.md:14:8: exercise 'reap-three': check reads 'zombie', which the trace does not "
            + "report; did you mean 'zombies'?")
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.contains("01-x.md:15:8: exercise 'reap-three':") && $0.contains("killed_by")
      }, "\(problems)")
  }

  @Test("an exercise id used in two lessons is an error")
  func duplicateAcrossLessons() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("01-x.md", Self.lessonText(id: "x"))
    dir.write("02-y.md", Self.lessonText(id: "y"))
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
    let problems = Self.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      problems.contains {
        $0.contains(
          "02-y.md:9:5: duplicate exercise id 'reap-three' (also in \(dir.path)/01-x.md:9)")
      }, "\(problems)")
  }

  @Test("the Korean lesson keeps the id, files, run, runs, timeout and check conditions")
  func parity() {
    let dir = LessonDirectory()
    defer { dir.remove() }
    dir.write("01-x.md", Self.lessonText())
    dir.write("exercises/reap-three/starter/reap_three.py", "pass\n")
    dir.write("exercises/reap-three/solution/reap_three.py", "pass\n")
    let korean = Self.lessonText()
      .replacing("title: Fork three children", with: "title: 자식 셋")
      .replacing(":: four processes", with: ":: 프로세스 넷")
    dir.write("ko/01-x.md", korean)
    #expect(Self.linter.lint(paths: [dir.path]).isEmpty, "\(Self.linter.lint(paths: [dir.path]))")
    dir.write("ko/01-x.md", korean.replacing("processes == 4", with: "processes == 3"))
    let changed = Self.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      changed.contains {
        $0.contains(
          "ko/01-x.md:9:5: exercise 'reap-three': check conditions 'processes == 3' here differs from 'processes == 4'"
        )
      }, "\(changed)")
    dir.write(
      "ko/01-x.md",
      korean.replacing("run: python3 reap_three.py", with: "run: python3 -u reap_three.py"))
    #expect(
      Self.linter.lint(paths: [dir.path]).map(\.description).contains {
        $0.contains("run 'python3 -u reap_three.py' here differs from 'python3 reap_three.py'")
      })
    dir.write("ko/01-x.md", korean.replacing("id: reap-three", with: "id: reap-3"))
    let renamed = Self.linter.lint(paths: [dir.path]).map(\.description)
    #expect(
      renamed.contains { $0.contains("exercise 'reap-3' is exercise 1 of step 'reaping' here") },
      "\(renamed)")
  }
}
