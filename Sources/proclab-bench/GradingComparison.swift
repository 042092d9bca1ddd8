import BenchKit
import DemoContract
import OSKit
import ProcLabTestSupport

/// The class the grading row grades: generated once per bench run (the first time it is
/// needed), into the bench's scratch directory.
final class GeneratedClass {
  let directory: String
  let students: Int
  let seed: UInt64
  private(set) var ready = false
  /// Lessons and demo runs counted when it was made, for the note.
  private(set) var summary = ""

  init(directory: String, students: Int, seed: UInt64) {
    self.directory = directory
    self.students = students
    self.seed = seed
  }

  /// Writes the class unless it is there already: the shipped lessons, one live run of each
  /// prediction's demo, `students` result files (ClassFixture, the tests' generator).
  func make(proclab: String, lessons: String = "lessons") throws {
    guard !ready else { return }
    summary = try Self.write(
      into: directory, students: students, seed: seed, proclab: proclab, lessons: lessons)
    ready = true
  }

  /// Generates and writes a class; returns one line saying what was made.
  @discardableResult
  static func write(
    into directory: String, students: Int, seed: UInt64, proclab: String, lessons: String
  ) throws -> String {
    let files = try ClassFixture.lessons(in: lessons)
    let demos = ClassFixture.predictionDemos(files)
    let reports = try ClassFixture.liveReports(demos, proclab: proclab)
    let submissions = ClassFixture.make(
      lessons: files, reports: reports, students: students, seed: seed)
    try ClassFixture.write(submissions, to: directory)
    let changed = submissions.filter(\.variant.isDetectable).count
    let questions = files.reduce(0) { $0 + $1.lesson.questions.count }
    return "\(submissions.count) result files (\(changed) changed by hand), \(files.count) "
      + "lessons, \(questions) questions each, predictions from \(demos.count) live demo runs"
  }
}

extension Comparison {
  /// `proclab grade DIR --json` on a generated class of 120 for all 14 lessons: wall time and
  /// the grader's peak memory (ru_maxrss, through bench/reference/peak_rss.c), against < 10 s and < 200 MB. No reference:
  /// the targets are absolute. Until `grade` is in the build, the row says so instead.
  static func grading(_ settings: BenchSettings) -> Comparison {
    let generated = GeneratedClass(
      directory: BenchSession.scratch + "/class", students: 120, seed: 2026)
    return Comparison(
      id: "grading", title: "grading a class of 120",
      specs: [
        MetricSpec(
          id: "grade.wall", label: "grade 120 students, 14 lessons", unit: .seconds,
          proclabKey: "wall_seconds", referenceKey: nil, referenceName: nil,
          target: .valueAtMost(10)),
        MetricSpec(
          id: "grade.rss", label: "grade's peak memory (RSS)", unit: .bytes,
          proclabKey: "peak_rss_bytes", referenceKey: nil, referenceName: nil,
          target: .valueAtMost(200_000_000)),
      ],
      problem: { tools in
        tools.hasGrade ? tools.referenceProblem("peak_rss") : "grade: not in this build"
      },
      proclab: { tools in
        try generated.make(proclab: tools.proclab)
        // Through bench/reference/peak_rss.c, which forks, so the figure is grade's alone.
        let output = try CommandRunner.run(
          [tools.reference("peak_rss"), tools.proclab, "grade", generated.directory, "--json"],
          timeout: 300)
        // Flagged students may make the status 1; anything else, or no class, is a failure.
        guard output.status == .exited(0) || output.status == .exited(1) else {
          throw CommandFailure("proclab grade \(output.status): \(output.lastErrorLine)")
        }
        let report = try BenchReport.decodeDemoReport(output.stdout)
        guard case .array(let students)? = report["students"], students.count == generated.students
        else {
          throw CommandFailure("proclab grade --json did not list \(generated.students) students")
        }
        let figures = FigureParsing.keyValueLines(output.stderr)
        guard let wall = figures["wall_seconds"], let peak = figures["peak_rss_bytes"] else {
          throw CommandFailure("peak_rss printed no figures")
        }
        return ["wall_seconds": wall, "peak_rss_bytes": peak]
      },
      reference: nil,
      notes: { runs in
        [
          "grade.wall": [
            "proclab grade DIR --json, wall time of the whole command; median of "
              + "\(runs.proclab.count) runs after \(settings.warmUps) warm-up, range min–max",
            "the class: \(generated.summary) (proclab-bench make-class)",
          ],
          "grade.rss": [
            "ru_maxrss of the grade process (wait4 in bench/reference/peak_rss.c, which forks)"
          ],
        ]
      })
  }
}
