public import DemoContract
import FoundationEssentials
import Glibc
public import Lessons
import OSKit
import Results

extension ClassFixture {
  /// How a generated file differs from what `submit` wrote: honest, or changed in one of the
  /// ways docs/grading.md says the grader detects.
  public enum Variant: String, Sendable, CaseIterable {
    case honest
    /// Written with Windows line endings: must still read, and is not an edit.
    case crlf
    /// A wrong answer's verdict made right, and the whole chain re-computed after it (only the
    /// teacher's re-grade of the answer can tell).
    case verdictChanged = "verdict-changed"
    /// An answer changed in place, the chain left alone: its hash no longer matches.
    case answerEdited = "answer-edited"
    /// A record deleted from the middle of the chain.
    case recordDeleted = "record-deleted"
    /// A prediction's report given a figure its metric cannot have (a negative count or time),
    /// the chain re-computed.
    case impossibleFigure = "impossible-figure"
    /// A record's time moved before the one answered ahead of it, the chain re-computed.
    case timeMovedBack = "time-moved-back"
    /// One lesson played from another version of its file (another SHA-256).
    case olderLesson = "older-lesson"

    /// Student `n`'s variant: 6 of each change in a class of 120, the rest honest.
    public static func of(_ n: Int) -> Variant {
      switch n % 20 {
      case 3: .crlf
      case 5: .verdictChanged
      case 8: .answerEdited
      case 11: .recordDeleted
      case 13: .impossibleFigure
      case 16: .timeMovedBack
      case 18: .olderLesson
      default: .honest
      }
    }

    /// Whether a grader is to flag this file.
    public var isDetectable: Bool { self != .honest && self != .crlf }

    func apply(to honest: ResultFile, _ random: inout ClassFixture.Seeded)
      -> ClassFixture.Submission
    {
      var file = honest
      var records = honest.records.compactMap(\.record)
      let plain = records.indices.filter { records[$0].kind != "predict" }
      func rechained() -> [ChainedRecord] {
        records.reduce(into: []) { chain, record in chain = RecordChain.appending(record, to: chain)
        }
      }
      switch self {
      case .honest, .crlf, .olderLesson:
        break
      case .verdictChanged:
        let wrong = plain.filter { records[$0].verdict == .wrong }
        let i = wrong.isEmpty ? plain[0] : wrong[random.below(wrong.count)]
        if records[i].answer.isEmpty { records[i].answer = "z" }
        records[i].verdict = .rightFirstTry
        file.records = rechained()
      case .answerEdited:
        let right = plain.filter {
          records[$0].verdict == .wrong || records[$0].verdict == .rightFirstTry
        }
        let i = right.isEmpty ? plain[0] : right[random.below(right.count)]
        file.records[i].record?.answer = records[i].answer == "a" ? "b" : "a"
      case .recordDeleted:
        file.records.remove(at: 1 + random.below(max(1, file.records.count - 2)))
      case .impossibleFigure:
        if let i = records.indices.first(where: {
          records[$0].run?.report.map(Self.hasNumber) == true
        }) {
          let changed = records[i].run?.report.map(Self.impossible)
          records[i].run?.report = changed
        }
        file.records = rechained()
      case .timeMovedBack:
        let i = 2 + random.below(max(1, records.count - 3))
        records[i].answeredAt = records[i - 1].answeredAt - 600
        file.records = rechained()
      }
      file = ResultFile(
        proclabVersion: file.proclabVersion, student: file.student, host: file.host,
        environment: file.environment, submitted: file.submitted, lessons: file.lessons,
        records: file.records)
      var bytes = file.encoded()
      if self == .crlf {
        bytes = bytes.flatMap { $0 == 10 ? [13, 10] : [$0] }
      }
      return ClassFixture.Submission(
        fileName: "proclab-result-\(file.student.id).json", variant: self, result: file,
        bytes: bytes)
    }

    static func hasNumber(_ report: DemoReport) -> Bool {
      report.metrics.values.contains { if case .number(let x) = $0 { x > 0 } else { false } }
    }

    /// The report with its first positive top-level figure made negative: no count, time, size
    /// or rate can be.
    static func impossible(_ report: DemoReport) -> DemoReport {
      var copy = report
      if let key = report.metrics.keys.sorted().first(where: {
        if case .number(let x)? = report.metrics[$0] { x > 0 } else { false }
      }), case .number(let x)? = report.metrics[key] {
        copy.metrics[key] = .number(-x - 1)
      }
      return copy
    }
  }
}

extension ClassFixture {
  /// The shipped lessons (`lessons/*.md` under `directory`), parsed, in file-name order.
  /// - Throws: `FixtureProblem` when a lesson cannot be read or parsed.
  public static func lessons(in directory: String) throws(FixtureProblem) -> [LessonFile] {
    let names = (FileIO.entries(in: directory) ?? []).filter {
      $0.hasSuffix(".md") && $0 != "README.md"
    }
    .sorted()
    guard !names.isEmpty else { throw FixtureProblem("no lessons in \(directory)") }
    return try names.map { name throws(FixtureProblem) in
      let path = directory + "/" + name
      guard let bytes = FileIO.readFile(path, limit: 16 << 20) else {
        throw FixtureProblem("cannot read \(path)")
      }
      guard let lesson = LessonParser.parse(bytes: bytes, file: path).lesson else {
        throw FixtureProblem("\(path) is not a lesson")
      }
      return LessonFile(lesson: lesson, sha256: SHA256.hex(bytes))
    }
  }

  /// The distinct demo command lines the lessons' predictions run.
  public static func predictionDemos(_ lessons: [LessonFile]) -> [DemoInvocation] {
    var seen: [String: DemoInvocation] = [:]
    var order: [String] = []
    for file in lessons {
      for question in file.lesson.questions {
        guard let demo = question.demo, seen[demo.commandLine] == nil else { continue }
        seen[demo.commandLine] = demo
        order.append(demo.commandLine)
      }
    }
    return order.compactMap { seen[$0] }
  }

  /// Real reports: `proclab run <demo> <arguments…> --json`, once per command line, each from
  /// a run that ended with status 0.
  /// - Throws: `FixtureProblem` naming the demo that did not give a report.
  public static func liveReports(
    _ demos: [DemoInvocation], proclab: String, environment: [String]? = nil
  ) throws(FixtureProblem) -> [String: DemoReport] {
    var reports: [String: DemoReport] = [:]
    for demo in demos {
      let argv = [proclab, "run", demo.demo] + demo.arguments + ["--json"]
      let run: CapturedRun
      do {
        run = try CapturedRun.run(
          argv, environment: environment, newProcessGroup: true, timeout: 120)
      } catch {
        throw FixtureProblem("proclab run \(demo.commandLine) --json could not start: \(error)")
      }
      // A demo that ends in failure gives no report a student could have recorded, even if
      // it printed one (CurriculumTests' predict rules asked for exit status 0 too).
      guard run.status == .exited(0),
        let report = try? JSONDecoder().decode(DemoReport.self, from: Data(run.stdout))
      else {
        throw FixtureProblem(
          "proclab run \(demo.commandLine) --json gave no report (\(run.status)): "
            + String(run.stderrText.suffix(200)))
      }
      reports[demo.commandLine] = report
    }
    return reports
  }

  /// Writes each submission into `directory` (made if missing), one file each.
  /// - Throws: `FixtureProblem` naming the file that could not be written.
  public static func write(_ submissions: [Submission], to directory: String) throws(FixtureProblem)
  {
    mkdir(directory, 0o755)
    for submission in submissions {
      let path = directory + "/" + submission.fileName
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw FixtureProblem("cannot create \(path)") }
      defer { close(fd) }
      do { try FileIO.writeAll(fd, submission.bytes) } catch {
        throw FixtureProblem("cannot write \(path): \(error)")
      }
    }
  }
}

/// Why the class could not be generated: one line.
public struct FixtureProblem: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
