import DemoContract
import FoundationEssentials
import Results
import Testing

@Suite("The record chain")
struct RecordChainTests {
  func record(_ n: Int, answer: String = "b") -> QuestionRecord {
    QuestionRecord(
      lesson: "processes", question: "q\(n)", kind: "choice", lessonSHA256: SHA256.hex("lesson"),
      answer: answer, tries: 1, hintsShown: 0, seconds: 2.5, answeredAt: 1_790_000_000 + Double(n),
      verdict: .rightFirstTry)
  }

  func chain(_ count: Int) -> [ChainedRecord] {
    (0..<count).reduce([]) { RecordChain.appending(record($1), to: $0) }
  }

  @Test("a fresh chain verifies, also after a round trip through JSON")
  func freshChain() throws {
    let records = chain(5)
    #expect(records.count == 5)
    #expect(records[0].previous == ChainedRecord.origin)
    #expect(records[3].previous == records[2].hash)
    #expect(RecordChain.verify(records) == nil)
    let decoded = try JSONDecoder().decode(
      [ChainedRecord].self, from: JSONEncoder().encode(records))
    #expect(RecordChain.verify(decoded) == nil)
  }

  @Test("an edited answer, verdict or try count is detected at that record")
  func edited() {
    var records = chain(4)
    records[2].record?.answer = "c"
    #expect(RecordChain.verify(records) == .edited(sequence: 2))
    records = chain(4)
    records[1].record?.verdict = .wrong
    #expect(RecordChain.verify(records) == .edited(sequence: 1))
    records = chain(4)
    records[3].record?.tries = 1
    records[3].record?.seconds = 99
    #expect(RecordChain.verify(records) == .edited(sequence: 3))
  }

  @Test("an edit with its own hash recomputed still breaks the next link")
  func rehashed() {
    var records = chain(4)
    records[1].record?.answer = "c"
    records[1].hash = ChainedRecord.hash(
      previous: records[1].previous, sequence: 1, entry: records[1].entry)
    #expect(RecordChain.verify(records) == .broken(at: 2, expectedSequence: 2))
  }

  @Test("a deleted, a reordered or an inserted record is detected")
  func deletedOrReordered() {
    var records = chain(5)
    records.remove(at: 2)
    #expect(RecordChain.verify(records) == .broken(at: 3, expectedSequence: 2))
    records = chain(5)
    records.swapAt(1, 3)
    #expect(RecordChain.verify(records) == .broken(at: 3, expectedSequence: 1))
    records = chain(3)
    records.insert(ChainedRecord(record(9), after: records[0]), at: 1)
    #expect(RecordChain.verify(records) != nil)
    records = chain(3)
    records.removeFirst()
    #expect(RecordChain.verify(records) == .broken(at: 1, expectedSequence: 0))
  }

  @Test("a prediction's report, figures and all, hashes the same after a round trip")
  func reportRoundTrip() throws {
    let report = DemoReport(
      demo: "ids", params: ["n": .number(3)],
      environment: MachineEnvironment(
        cpusOnline: 2, cpuModel: "test", cgroupCPUQuota: 1.5, affinity: [0, 1],
        loadAverage: [0.1, 0.25, 0.333], swiftVersion: "6.3", buildConfiguration: "debug",
        kernel: "6.1"),
      metrics: [
        "child-uid": .number(1000), "ratio": .number(0.1 + 0.2), "lost": .number(.nan),
        "big": .number(.infinity), "who": .string("김민지/\u{7}"),
      ],
      notes: ["a note"])
    var r = record(0)
    r.kind = "predict"
    r.run = RecordedRun(
      demo: "ids", runnerPID: 4242, started: 1_790_000_000.123456, ended: 1_790_000_001.5,
      events: [EventStamp(at: 1_790_000_000.2, type: "started", pid: 4242)], report: report)
    let records = RecordChain.appending(r, to: [])
    let decoded = try JSONDecoder().decode(
      [ChainedRecord].self, from: JSONEncoder().encode(records))
    #expect(decoded == records)
    #expect(RecordChain.verify(decoded) == nil)
    // What JSON cannot hold is recorded as what the file will say: null.
    #expect(decoded[0].record?.run?.report?.metrics["lost"] == .null)
  }
}
