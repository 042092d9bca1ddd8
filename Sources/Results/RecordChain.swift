import FoundationEssentials

/// A record with its place in the chain: each one's hash covers the previous one's hash, its
/// sequence number and the record itself, so an edited, reordered or deleted record breaks
/// every link after it. It makes edits detectable, nothing more: whoever holds the file can
/// rebuild the whole chain (docs/grading.md says so plainly).
public struct ChainedRecord: Sendable, Codable, Equatable {
  public var sequence: Int
  public var previous: String
  public var hash: String
  public var record: QuestionRecord

  /// The hash before the first record: 64 zeros.
  public static let origin = String(repeating: "0", count: 64)

  /// `record` linked after `previous` (nil: the first record).
  public init(_ record: QuestionRecord, after previous: ChainedRecord?) {
    // Hashed as it will read back: a figure JSON cannot hold (NaN, infinity) is written as
    // null, so the record is taken through its own encoding first.
    let normal = try? JSONDecoder().decode(
      QuestionRecord.self, from: Data(ChainedRecord.canonicalJSON(record)))
    self.record = normal ?? record
    sequence = (previous?.sequence ?? -1) + 1
    self.previous = previous?.hash ?? ChainedRecord.origin
    hash = ChainedRecord.hash(previous: self.previous, sequence: sequence, record: self.record)
  }

  /// SHA-256 of `previous`, a newline, the sequence number, a newline and the record's
  /// canonical JSON (keys sorted, no spaces, slashes not escaped).
  public static func hash(previous: String, sequence: Int, record: QuestionRecord) -> String {
    SHA256.hex(Array("\(previous)\n\(sequence)\n".utf8) + canonicalJSON(record))
  }

  /// The bytes the hash covers: the encoding is a function of the value, so a record read back
  /// from a file hashes to what it hashed to when written.
  public static func canonicalJSON(_ record: QuestionRecord) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(record)).map(Array.init) ?? []
  }
}

/// What is wrong with a chain, at which record.
public enum ChainProblem: Sendable, Equatable, CustomStringConvertible {
  /// The record's content does not match its hash: it was edited.
  case edited(sequence: Int)
  /// The record does not follow the one before it: one was deleted, inserted or moved.
  case broken(at: Int, expectedSequence: Int)

  public var description: String {
    switch self {
    case .edited(let s): "record \(s) was changed after it was recorded (its hash does not match)"
    case .broken(let at, let expected):
      "record \(at) does not follow record \(expected - 1): a record was deleted, added or moved"
    }
  }
}

public enum RecordChain {
  /// The first problem of `records`, or nil when every record follows the one before and
  /// matches its hash. A chain cut short at its end cannot be told from a shorter one.
  public static func verify(_ records: [ChainedRecord]) -> ChainProblem? {
    var previous = ChainedRecord.origin
    for (index, r) in records.enumerated() {
      guard r.sequence == index, r.previous == previous else {
        return .broken(at: r.sequence, expectedSequence: index)
      }
      guard
        ChainedRecord.hash(previous: r.previous, sequence: r.sequence, record: r.record) == r.hash
      else { return .edited(sequence: r.sequence) }
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
}
