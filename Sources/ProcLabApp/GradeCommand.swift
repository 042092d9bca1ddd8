import ArgumentParser
import Classroom
import Demos
import Glibc
import Lessons
import Localization
import OSKit
import Render
import Results
import Trace

/// `proclab grade FILES…`: the teacher's side. Re-grades a class's result files with the
/// teacher's lessons (docs/grading.md) into a class table, `--csv`, `--json` and `--html`, and
/// with `--min-score` says in its exit status whether everyone reached it.
struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade your class's result files (from proclab submit) with your lessons.",
    discussion: """
      Exit status: 0 graded (everyone at --min-score, if given); 1 a student below \
      --min-score; 2 no file could be read as a result file; 64 a usage error.
      """)

  @Argument(help: "Result files, or directories of them (every *.json in name order).")
  var files: [String]

  @OptionGroup var lessons: LessonOptions

  @Option(
    help: ArgumentHelp(
      "Write one row per student as CSV to FILE (- for standard output).", valueName: "FILE"))
  var csv: String?

  @ArgumentParser.Flag(
    help: "Print the class report as JSON (docs/grade.schema.json) instead of the table.")
  var json = false

  @Option(
    name: .customLong("min-score"),
    help: ArgumentHelp(
      "Exit 1 when a student scored below N points, or N% of their total.", valueName: "N"))
  var minScore: String?

  @Option(
    help: ArgumentHelp("Write the class report as one self-contained HTML page.", valueName: "FILE")
  )
  var html: String?

  /// When no file could be read as a result file.
  static let nothingRead: Int32 = 2

  /// The exit status of a usage error (as ArgumentParser's own), after one line saying what.
  static let usage: Int32 = 64

  func validate() throws {
    func refuse(_ message: String) throws -> Never {
      Console.warn(message)
      throw ExitCode(Self.usage)
    }
    if let minScore, MinimumScore(minScore) == nil {
      try refuse(Catalog.text("grade.usage.minScore", ["value": TerminalSafe.escape(minScore)]))
    }
    if json, csv == "-" {
      try refuse(Catalog.text("grade.usage.jsonAndCSV"))
    }
  }

  func run() throws {
    let (paths, missing) = ClassGrader.files(files)
    let grader = ClassGrader(
      lessons: Self.teacherLessons(lessons.library()), demos: DemoCatalog.declarations,
      exerciseMetrics: TraceReport.metrics, proclabVersion: ProcLabMain.version)
    // What grading writes into the report itself (why an answer is not one, in `reason`) is
    // the JSON's, in English in every language; the flags' sentences are carried as data and
    // said in the reader's language only when drawn.
    let language = Catalog.language
    Catalog.language = .en
    var report = grader.grade(files: paths, gradedAt: SubmitCommand.now())
    Catalog.language = language
    report.unreadable = missing + report.unreadable
    // Standard output holds one thing: the JSON, the CSV (--csv -) or the table.
    if json {
      try FileIO.writeAll(1, report.json())
    } else if csv == "-" {
      try FileIO.writeAll(1, report.csv())
    } else {
      try FileIO.writeAll(1, report.text(TerminalStyle.detect(fileDescriptor: 1)))
    }
    if let csv, csv != "-" { try Self.write(report.csv(), to: csv) }
    if let html { try Self.write(ClassReportHTML.page(report), to: html) }
    if report.students.isEmpty {
      Console.warn(
        files.count == 1 && paths.isEmpty && missing.isEmpty
          ? Catalog.text("grade.noFiles", ["directory": TerminalSafe.escape(files[0])])
          : Catalog.text("grade.nothingRead"))
      throw ExitCode(Self.nothingRead)
    }
    if let minScore, let minimum = MinimumScore(minScore) {
      let below = report.students.filter { !minimum.isMet(by: $0) }
      if !below.isEmpty {
        Console.warn(
          Catalog.text(
            "grade.below",
            [
              "below": "\(below.count)", "students": "\(report.students.count)",
              "minimum": TerminalSafe.escape(minScore),
              "ids": below.map { TerminalSafe.escape($0.studentID) }.joined(separator: ", "),
            ]))
        throw ExitCode(1)
      }
    }
  }

  /// Writes `text` to `path` atomically (readable by others: it is for the teacher to share),
  /// or says in one line why not and exits 1.
  static func write(_ text: String, to path: String) throws {
    let (directory, name) = SubmitCommand.split(path)
    do {
      try FileIO.writeAtomically(
        directory: directory, name: name, bytes: Array(text.utf8), mode: 0o644)
    } catch {
      Console.warn(
        Catalog.text(
          "grade.cannotWrite", ["path": TerminalSafe.escape(path), "error": "\(error)"]))
      throw ExitCode(1)
    }
  }

  /// The teacher's lessons with the SHA-256 of each file, and beside each the other language's
  /// file of the same lesson when there is one: `ko/<file name>` next to an English lesson, or
  /// `../<file name>` for a Korean one (when Korean lessons are the ones loaded). A result
  /// played from either is current.
  static func teacherLessons(_ library: LessonLibrary) -> [TeacherLesson] {
    var loaded: [String: [String: Lesson]] = [:]
    func lesson(in directory: String, named name: String) -> Lesson? {
      if loaded[directory] == nil {
        var byFile: [String: Lesson] = [:]
        for l in LessonLibrary.load(directories: [directory], demos: DemoCatalog.declarations)
          .lessons
        {
          byFile[SubmitCommand.split(l.file).1] = l
        }
        loaded[directory] = byFile
      }
      return loaded[directory]?[name]
    }
    return library.lessons.map { primary in
      let (directory, name) = SubmitCommand.split(primary.file)
      var other = directory + "/ko"
      if directory.hasSuffix("/ko") { other = SubmitCommand.split(directory).0 }
      let others = [lesson(in: other, named: name)].compactMap { $0 }
        .filter { $0.id == primary.id && $0.file != primary.file }
        .map { TeacherLesson.Version(sha256: lessonHash($0.file), lesson: $0) }
      let loaded = TeacherLesson.Version(sha256: lessonHash(primary.file), lesson: primary)
      // The English file is the primary whenever there is one, so JSON and CSV are the same
      // bytes in every language; the Korean one is what a Korean reader's table shows.
      if directory.hasSuffix("/ko"), let english = others.first {
        return TeacherLesson(primary: english, others: [loaded], shown: loaded)
      }
      return TeacherLesson(primary: loaded, others: others)
    }
  }

  /// A lesson file's SHA-256, read as QuizRecorder reads it when it records an answer.
  static func lessonHash(_ file: String) -> String {
    let bytes = try? FileIO.readRegular(file, limit: 16 << 20, owner: .anyone, followLinks: true)
    return bytes.map { SHA256.hex($0) } ?? ""
  }
}
