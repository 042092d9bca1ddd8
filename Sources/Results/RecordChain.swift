public import DemoContract
import FoundationEssentials
public import Localization

/// What one link of the chain holds: a quiz question, an exercise check, or a kind a newer
/// ProcLab wrote that this one does not know (kept as it was read, so the chain still links).
public enum ChainEntry: Sendable, Equatable {
  case question(QuestionRecord)
  case exercise(ExerciseRecord)
  case unknown(kind: String, record: JSONValue)

  /// The kind as written in the file: `question` (also when no kind is written, as in
  /// schema 1), `exercise`, or the unknown kind's name.
  public var kind: String {
    switch self {
    case .question: "question"
    case .exercise: "exercise"
    case .unknown(let kind, _): kind
    }
  }

  /// The lesson the entry belongs to (nil for an unknown kind).
  public var lesson: String? {
    switch self {
    case .question(let q): q.lesson
    case .exercise(let e): e.lesson
    case .unknown: nil
    }
  }

  /// When it was recorded, seconds since 1970 (nil for an unknown kind).
  public var recordedAt: Double? {
    switch self {
    case .question(let q): q.answeredAt
    case .exercise(let e): e.checkedAt
    case .unknown: nil
    }
  }
}

/// A record with its place in the chain: each one's hash covers the previous one's hash, its
/// sequence number and the record itself, so an edited, reordered or deleted record breaks
/// every link after it. It makes edits detectable, nothing more: whoever holds the file can
/// rebuild the whole chain (docs/grading.md says so plainly). A question's link is written as
/// schema 1 wrote it (no `kind`); any other kind names itself in `kind`, and its hash covers
/// the kind too.
public struct ChainedRecord: Sendable, Codable, Equatable {
  public var sequence: Int
  public var previous: String
  public var hash: String
  public var entry: ChainEntry

  /// The hash before the first record: 64 zeros.
  public static let origin = String(repeating: "0", count: 64)

  /// The question, when this link holds one. Setting it replaces the entry (tests edit
  /// records as a student with a text editor would).
  public var record: QuestionRecord? {
    get { if case .question(let q) = entry { q } else { nil } }
    set { if let newValue { entry = .question(newValue) } }
  }

  /// The exercise check, when this link holds one.
  public var exercise: ExerciseRecord? {
    get { if case .exercise(let e) = entry { e } else { nil } }
    set { if let newValue { entry = .exercise(newValue) } }
  }

  /// `record` linked after `previous` (nil: the first record).
  public init(_ record: QuestionRecord, after previous: ChainedRecord?) {
    self.init(.question(record), after: previous)
  }

  /// `exercise` linked after `previous` (nil: the first record).
  public init(_ exercise: ExerciseRecord, after previous: ChainedRecord?) {
    self.init(.exercise(exercise), after: previous)
  }

  /// `entry` linked after `previous` (nil: the first record).
  public init(_ entry: ChainEntry, after previous: ChainedRecord?) {
    // Hashed as it will read back: a figure JSON cannot hold (NaN, infinity) is written as
    // null, so the record is taken through its own encoding first.
    self.entry = Self.normalized(entry)
    sequence = (previous?.sequence ?? -1) + 1
    self.previous = previous?.hash ?? ChainedRecord.origin
    hash = ChainedRecord.hash(previous: self.previous, sequence: sequence, entry: self.entry)
  }

  static func normalized(_ entry: ChainEntry) -> ChainEntry {
    let decoder = JSONDecoder()
    switch entry {
    case .question(let q):
      return .question(
        (try? decoder.decode(QuestionRecord.self, from: Data(canonicalJSON(q)))) ?? q)
    case .exercise(let e):
      return .exercise(
        (try? decoder.decode(ExerciseRecord.self, from: Data(canonicalJSON(e)))) ?? e)
    case .unknown: return entry
    }
  }

  /// SHA-256 of `previous`, a newline, the sequence number, a newline and the record's
  /// canonical JSON (keys sorted, no spaces, slashes not escaped): a question's link, as
  /// schema 1 hashed it.
  public static func hash(previous: String, sequence: Int, record: QuestionRecord) -> String {
    SHA256.hex(Array("\(previous)\n\(sequence)\n".utf8) + canonicalJSON(record))
  }

  /// The hash of any entry: a question's as above; another kind's also covers its kind, on a
  /// line of its own before the record (`…\n<sequence>\nexercise\n{…}`), so an exercise's
  /// bytes can never pass for a question's.
  public static func hash(previous: String, sequence: Int, entry: ChainEntry) -> String {
    switch entry {
    case .question(let q): return hash(previous: previous, sequence: sequence, record: q)
    case .exercise(let e):
      return SHA256.hex(Array("\(previous)\n\(sequence)\nexercise\n".utf8) + canonicalJSON(e))
    case .unknown(let kind, let record):
      return SHA256.hex(Array("\(previous)\n\(sequence)\n\(kind)\n".utf8) + canonicalJSON(record))
    }
  }

  /// The bytes the hash covers: the encoding is a function of the value, so a record read back
  /// from a file hashes to what it hashed to when written.
  public static func canonicalJSON<T: Encodable>(_ record: T) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(record)).map(Array.init) ?? []
  }

  enum CodingKeys: String, CodingKey {
    case sequence, previous, hash, kind, record
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    sequence = try c.decode(Int.self, forKey: .sequence)
    previous = try c.decode(String.self, forKey: .previous)
    hash = try c.decode(String.self, forKey: .hash)
    switch try c.decodeIfPresent(String.self, forKey: .kind) ?? "question" {
    case "question": entry = .question(try c.decode(QuestionRecord.self, forKey: .record))
    case "exercise": entry = .exercise(try c.decode(ExerciseRecord.self, forKey: .record))
    case let kind:
      entry = .unknown(kind: kind, record: try c.decode(JSONValue.self, forKey: .record))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(sequence, forKey: .sequence)
    try c.encode(previous, forKey: .previous)
    try c.encode(hash, forKey: .hash)
    switch entry {
    case .question(let q): try c.encode(q, forKey: .record)
    case .exercise(let e):
      try c.encode("exercise", forKey: .kind)
      try c.encode(e, forKey: .record)
    case .unknown(let kind, let record):
      try c.encode(kind, forKey: .kind)
      try c.encode(record, forKey: .record)
    }
  }
}

/// What is wrong with a chain, at which record.
public enum ChainProblem: Sendable, Equatable, CustomStringConvertible {
  /// The record's content does not match its hash: it was edited.
  case edited(sequence: Int)
  /// The record does not follow the one before it: one was deleted, inserted or moved.
  case broken(at: Int, expectedSequence: Int)

  /// The problem as a sentence of the catalog, in either language.
  public var line: CatalogLine {
    switch self {
    case .edited(let s): CatalogLine("results.chain.edited", ["sequence": "\(s)"])
    case .broken(let at, let expected):
      CatalogLine("results.chain.broken", ["at": "\(at)", "before": "\(expected - 1)"])
    }
  }

  /// The sentence in the process's language.
  public var description: String { line.text() }
}

public enum RecordChain {
  /// The first problem of `records`, or nil when every record follows the one before and
  /// matches its hash. A chain cut short at its end cannot be told from a shorter one. A
  /// record of a kind this ProcLab does not know is checked for its place in the chain only:
  /// its content cannot be re-encoded as its writer encoded it (the grader says so).
  public static func verify(_ records: [ChainedRecord]) -> ChainProblem? {
    var previous = ChainedRecord.origin
    for (index, r) in records.enumerated() {
      guard r.sequence == index, r.previous == previous else {
        return .broken(at: r.sequence, expectedSequence: index)
      }
      if case .unknown = r.entry {
      } else if ChainedRecord.hash(previous: r.previous, sequence: r.sequence, entry: r.entry)
        != r.hash
      {
        return .edited(sequence: r.sequence)
      }
      previous = r.hash
    }
    return nil
  }

  /// `records` with `record` linked after the last.
  public static func appending(_ record: QuestionRecord, to records: [ChainedRecord])
    -> [ChainedRecord]
  {
    records + [ChainedRecord(record, after: records.last)]
  }

  /// `records` with `entry` linked after the last.
  public static func appending(_ entry: ChainEntry, to records: [ChainedRecord])
    -> [ChainedRecord]
  {
    records + [ChainedRecord(entry, after: records.last)]
  }
}
