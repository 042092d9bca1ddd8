import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Results
import Testing

/// Exercise checks in the chain (docs/grading.md, "Exercise records"): linked and hashed with
/// their kind, caught when edited, numbered per exercise by the log, and a kind this ProcLab
/// does not know kept in its place.
@Suite("Exercise records in the chain", .serialized)
struct ExerciseChainTests {
  static func exercise(_ id: String = "reap-three", passed: Bool, at time: Double)
    -> ExerciseRecord
  {
    ExerciseRecord(
      exercise: id, lesson: "zombies-and-orphans", lessonSHA256: SHA256.hex("lesson"),
      command: "python3 reap_three.py", runs: 1, runsMade: 1, attempt: 1, passed: passed,
      checkedAt: time,
      checks: [
        ExerciseCheckResult(
          condition: "processes == 4", meaning: "the parent and three children",
          held: passed ? 1 : 0, metrics: ["processes": [passed ? 4 : 8]],
          shown: ["processes: \(passed ? 4 : 8)"])
      ],
      runResults: [ExerciseRunResult(passed: passed, method: "ptrace")],
      environment: ResultFileTests.machine)
  }

  static func question(at time: Double) -> QuestionRecord {
    QuestionRecord(
      lesson: "processes", question: "q", kind: "choice", lessonSHA256: SHA256.hex("a"),
      answer: "b", tries: 1, hintsShown: 0, seconds: 3, answeredAt: time, verdict: .rightFirstTry)
  }

  static func chain() -> [ChainedRecord] {
    var records = RecordChain.appending(.question(question(at: 1_790_000_000)), to: [])
    records = RecordChain.appending(
      .exercise(exercise(passed: false, at: 1_790_000_010)), to: records)
    return RecordChain.appending(.exercise(exercise(passed: true, at: 1_790_000_020)), to: records)
  }

  @Test("a chain of questions and exercise checks verifies, also read back from JSON")
  func mixedChain() throws {
    let records = Self.chain()
    #expect(RecordChain.verify(records) == nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let bytes = try encoder.encode(records)
    let text = String(decoding: bytes, as: UTF8.self)
    // A question's link is written as schema 1 wrote it; an exercise's names its kind.
    #expect(!text.contains(#""kind":"question""#))
    #expect(text.components(separatedBy: #""kind":"exercise""#).count == 3)
    let back = try JSONDecoder().decode([ChainedRecord].self, from: bytes)
    #expect(back == records)
    #expect(RecordChain.verify(back) == nil)
    #expect(back[1].exercise?.passed == false && back[2].exercise?.passed == true)
    #expect(back[0].record?.question == "q" && back[1].record == nil)
  }

  @Test("an exercise record edited, or passed off as a question, breaks the chain")
  func tampered() {
    var edited = Self.chain()
    edited[1].exercise?.passed = true
    #expect(RecordChain.verify(edited) == .edited(sequence: 1))
    var held = Self.chain()
    held[1].exercise?.checks[0].metrics["processes"] = [4]
    #expect(RecordChain.verify(held) == .edited(sequence: 1))
    var attempt = Self.chain()
    attempt[2].exercise?.attempt = 5
    #expect(RecordChain.verify(attempt) == .edited(sequence: 2))
    var removed = Self.chain()
    removed.remove(at: 1)
    #expect(RecordChain.verify(removed) == .broken(at: 2, expectedSequence: 1))
  }

  @Test("a kind this ProcLab does not know is read, kept and linked")
  func unknownKind() throws {
    var records = Self.chain()
    let later = ChainedRecord(
      .unknown(kind: "lab-report", record: ["lesson": "processes", "text": "hello"]),
      after: records.last)
    records.append(later)
    records = RecordChain.appending(.question(Self.question(at: 1_790_000_030)), to: records)
    let bytes = try JSONEncoder().encode(records)
    let back = try JSONDecoder().decode([ChainedRecord].self, from: bytes)
    #expect(back[3].entry.kind == "lab-report")
    #expect(RecordChain.verify(back) == nil)
    // Its place is still checked: the record after it must link to its hash.
    var moved = back
    moved[3].hash = String(repeating: "a", count: 64)
    #expect(RecordChain.verify(moved) == .broken(at: 4, expectedSequence: 4))
  }

  @Test("the log numbers each exercise's checks under its lock: attempt 1, 2, …")
  func logNumbersAttempts() throws {
    var template = Array("/tmp/proclab-exrecord-XXXXXX".utf8CString)
    let dir = String(cString: try #require(mkdtemp(&template)))
    defer { _ = system("rm -rf '\(dir)'") }
    let log = QuizRecordLog(directory: dir)
    #expect(log.append(Self.question(at: 1_790_000_000)) == nil)
    let first = log.append(exercise: Self.exercise(passed: false, at: 1_790_000_010))
    #expect(first.problem == nil)
    #expect(first.record.attempt == 1 && first.record.firstTry)
    let other = log.append(exercise: Self.exercise("fork-pids", passed: true, at: 1_790_000_015))
    #expect(other.record.attempt == 1)
    let second = log.append(exercise: Self.exercise(passed: true, at: 1_790_000_020))
    #expect(second.record.attempt == 2 && !second.record.firstTry)
    let records = try log.load()
    #expect(records.count == 4)
    #expect(RecordChain.verify(records) == nil)
    #expect(records.compactMap(\.exercise).map(\.attempt) == [1, 1, 2])
  }

  @Test("a result file with exercise checks: schema 2, their lessons listed, and it conforms")
  func resultFile() throws {
    let records = Self.chain()
    let result = ResultFile(
      proclabVersion: "test", student: try StudentIdentity(name: "Kim Minji", id: "2026001"),
      host: "h", environment: ResultFileTests.machine, submitted: 1_790_000_100, lessons: [],
      records: records)
    #expect(result.schema == 2)
    #expect(result.lessons == ["processes", "zombies-and-orphans"])
    #expect(result.ended == 1_790_000_020)
    #expect(
      result.lessonFiles.map(\.lesson) == ["processes", "zombies-and-orphans"])
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(result.encoded()))
    let problems = try ResultFileTests.schema.problems(value)
    #expect(problems.isEmpty, "\(problems)")
  }
}
