import FoundationEssentials
import Glibc
public import Localization
import OSKit

/// The chained record of every quiz question answered and every exercise check made at the
/// prompt: `quiz-record.jsonl` in the state directory, one `ChainedRecord` a line. Each answer re-reads the file under an
/// exclusive `flock` (`quiz-record.lock`, so two REPLs extend one chain instead of forking it)
/// and writes it whole with `FileIO.writeAtomically`, like progress: a kill or a full disk
/// leaves the old file, never a torn last line. Rewriting is linear in the file, which is
/// bounded (`maximumSize`); appending would be cheaper but could leave half a record.
public struct QuizRecordLog: Sendable {
  public static let fileName = "quiz-record.jsonl"
  /// The most the file may hold: about a thousand predictions with their reports. When full,
  /// answers are no longer recorded, and each one says so in one line.
  public static let maximumSize = 32 << 20

  /// The state directory; nil keeps nothing (no usable state directory).
  public let directory: String?

  public init(directory: String?) { self.directory = directory }

  public var path: String { (directory ?? "(memory)") + "/" + QuizRecordLog.fileName }
  var lockPath: String { (directory ?? "") + "/quiz-record.lock" }

  /// Every record in the file, in order.
  /// - Throws: `RecordLogProblem` for a file that cannot be read or has a line that is not a record.
  public func load() throws(RecordLogProblem) -> [ChainedRecord] {
    guard let directory else { return [] }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readRegular(
        directory + "/" + QuizRecordLog.fileName, limit: QuizRecordLog.maximumSize)
    } catch {
      if error.isMissing { return [] }
      throw RecordLogProblem(error.line)
    }
    var records: [ChainedRecord] = []
    let decoder = JSONDecoder()
    for (n, line) in bytes.split(separator: 10).enumerated() where !line.isEmpty {
      guard let record = try? decoder.decode(ChainedRecord.self, from: Data(line)) else {
        throw RecordLogProblem(
          CatalogLine("results.record.badLine", ["path": path, "line": "\(n + 1)"]))
      }
      records.append(record)
    }
    return records
  }

  /// Links `record` after the last one in the file and saves the file atomically.
  /// - Returns: nil when saved (or when there is no state directory), or one line saying why not.
  @discardableResult
  public func append(_ record: QuestionRecord) -> String? {
    link { _ in .question(record) }.map {
      CatalogLine("results.record.answerNotRecorded", lines: ["why": $0]).text()
    }
  }

  /// Links an exercise check after the last record, as attempt 1 + the checks of the same
  /// exercise already in the file (counted under the lock, so two REPLs cannot both record
  /// attempt 2).
  /// - Returns: the record as linked (its `attempt` and `firstTry` set), and nil when saved or
  ///   why it was not (without a prefix: the caller says "check not recorded" in its language).
  public func append(exercise record: ExerciseRecord) -> (record: ExerciseRecord, problem: String?)
  {
    var linked = record
    let problem = link { lines in
      let marker = Array(#""kind":"exercise""#.utf8)
      let decoder = JSONDecoder()
      let earlier = lines.filter {
        $0.firstRange(of: marker) != nil
          && (try? decoder.decode(ChainedRecord.self, from: Data($0)))?.exercise?.exercise
            == record.exercise
      }.count
      linked.attempt = earlier + 1
      linked.firstTry = earlier == 0
      return .exercise(linked)
    }
    return (linked, problem?.text())
  }

  /// Links the entry `make` builds from the file's lines (oldest first) after the last one,
  /// under the lock, and saves the file atomically. Returns nil when saved, else why not.
  func link(_ make: ([ArraySlice<UInt8>]) -> ChainEntry) -> CatalogLine? {
    guard let directory, access(directory, W_OK) == 0 else { return nil }
    return FileIO.withExclusiveLock(lockPath) { () -> CatalogLine? in
      // What a writer killed mid-save left behind (its pid is dead).
      FileIO.removeStaleTemporaries(in: directory, for: QuizRecordLog.fileName)
      let path = directory + "/" + QuizRecordLog.fileName
      var bytes: [UInt8]
      do throws(FileRefusal) {
        bytes = try FileIO.readRegular(path, limit: QuizRecordLog.maximumSize)
      } catch {
        guard error.isMissing else { return error.line }
        bytes = []
      }
      let lines = bytes.split(separator: 10)
      let last = lines.last.flatMap {
        try? JSONDecoder().decode(ChainedRecord.self, from: Data($0))
      }
      if !bytes.isEmpty && last == nil {
        return CatalogLine("results.record.lastLine", ["path": path])
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      guard let line = try? encoder.encode(ChainedRecord(make(lines), after: last)) else {
        return CatalogLine("results.record.notEncoded")
      }
      if bytes.count + line.count + 1 > QuizRecordLog.maximumSize {
        return CatalogLine(
          "results.record.full", ["path": path, "size": "\(QuizRecordLog.maximumSize >> 20)"])
      }
      if let end = bytes.last, end != 10 { bytes.append(10) }
      do {
        try FileIO.writeAtomically(
          directory: directory, name: QuizRecordLog.fileName, bytes: bytes + Array(line) + [10])
        return nil
      } catch {
        return CatalogLine("results.record.cannotWrite", ["path": path, "error": "\(error)"])
      }
    }
  }
}

/// Why the quiz record could not be read: one line.
public struct RecordLogProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// The sentence in the process's language.
  public var message: String
  public init(_ message: String) { self.message = message }
  public init(_ line: CatalogLine) { message = line.text() }
  public var description: String { message }
}
