public import DemoContract
import FoundationEssentials

/// What `proclab submit` writes: one student's quiz record with who, where and when, for the
/// teacher's `proclab grade`. docs/grading.md describes it; docs/result.schema.json is its
/// JSON Schema, checked against real output by the tests.
public struct ResultFile: Sendable, Codable, Equatable {
  /// Raised when a field's meaning changes. 2 added exercise checks to `records` (a line with
  /// `"kind": "exercise"`); a schema 1 file holds only questions, written exactly as schema 2
  /// writes them, so it is read as it is (docs/grading.md, "Schema versions").
  public static let currentSchema = 2
  /// The schema versions this ProcLab reads and grades without a flag.
  public static let readableSchemas: ClosedRange<Int> = 1...2

  public var schema: Int
  public var proclabVersion: String
  public var student: StudentIdentity
  public var host: String
  /// The machine `submit` ran on; each prediction's report carries the machine it ran on too.
  public var environment: MachineEnvironment
  /// Seconds since 1970: the first question shown, the last verdict, the file written.
  public var started: Double
  public var ended: Double
  public var submitted: Double
  /// The lessons asked for (every lesson with a record, a question or an exercise check, when
  /// none was named).
  public var lessons: [String]
  /// Each lesson file as played: its SHA-256 when its questions were answered.
  public var lessonFiles: [LessonFile]
  /// The whole chain, so that it verifies; `lessons` says which lessons count.
  public var records: [ChainedRecord]

  public struct LessonFile: Sendable, Codable, Equatable {
    public var lesson: String
    public var sha256: String
    public init(lesson: String, sha256: String) {
      self.lesson = lesson
      self.sha256 = sha256
    }
  }

  /// The result of `records` for `lessons` (empty: every lesson recorded).
  public init(
    proclabVersion: String, student: StudentIdentity, host: String,
    environment: MachineEnvironment, submitted: Double, lessons: [String],
    records: [ChainedRecord]
  ) {
    schema = ResultFile.currentSchema
    self.proclabVersion = proclabVersion
    self.student = student
    self.host = host
    self.environment = environment
    self.submitted = submitted
    var seen: [String] = []
    for lesson in records.compactMap(\.entry.lesson) where !seen.contains(lesson) {
      seen.append(lesson)
    }
    let chosen = lessons.isEmpty ? seen : lessons
    self.lessons = chosen
    let counted = records.map(\.entry).filter { $0.lesson.map(chosen.contains) ?? false }
    var files: [LessonFile] = []
    var starts: [Double] = []
    for entry in counted {
      let file: LessonFile
      switch entry {
      case .question(let q):
        file = LessonFile(lesson: q.lesson, sha256: q.lessonSHA256)
        starts.append(q.answeredAt - q.seconds)
      case .exercise(let e):
        file = LessonFile(lesson: e.lesson, sha256: e.lessonSHA256)
        starts.append(e.checkedAt)
      case .unknown: continue
      }
      if !files.contains(file) { files.append(file) }
    }
    lessonFiles = files
    started = starts.min() ?? submitted
    ended = counted.compactMap(\.recordedAt).max() ?? submitted
    self.records = records
  }

  /// The file's bytes: pretty-printed JSON, keys sorted, ending in a newline.
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return ((try? encoder.encode(self)).map(Array.init) ?? []) + [10]
  }
}
