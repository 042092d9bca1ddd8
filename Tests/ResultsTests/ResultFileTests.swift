import DemoContract
import FoundationEssentials
import OSKit
import ProcLabTestSupport
import Results
import Testing

@Suite("The result file against docs/result.schema.json")
struct ResultFileTests {
  static var schema: JSONSchemaCheck {
    get throws {
      var parts = #filePath.split(separator: "/").map(String.init)
      parts.removeLast(3)
      let path = "/" + parts.joined(separator: "/") + "/docs/result.schema.json"
      let text = try #require(FileIO.readText(path))
      return JSONSchemaCheck(
        schema: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
    }
  }

  static let machine = MachineEnvironment(
    cpusOnline: 2, cpuModel: nil, cgroupCPUQuota: nil, affinity: [0, 1],
    loadAverage: [0.5, 0.4, 0.3],
    swiftVersion: "6.3", buildConfiguration: "debug", kernel: "Linux 6.1")

  static func result(lessons: [String] = []) throws -> ResultFile {
    let plain = QuestionRecord(
      lesson: "processes", question: "program-or-process", kind: "choice",
      lessonSHA256: SHA256.hex("a"), answer: "b", tries: 2, hintsShown: 1, seconds: 12,
      answeredAt: 1_790_000_100, verdict: .rightOnRetry)
    let report = DemoReport(
      demo: "ids", params: [:], environment: machine, metrics: ["pid": .number(4242)])
    let prediction = QuestionRecord(
      lesson: "threads", question: "child-ppid", kind: "predict", lessonSHA256: SHA256.hex("b"),
      answer: "true", tries: 1, hintsShown: 0, seconds: 5, answeredAt: 1_790_000_200,
      verdict: .rightFirstTry, measured: "child's ppid = 4242",
      run: RecordedRun(
        demo: "ids", runnerPID: 4242, started: 1_790_000_198, ended: 1_790_000_199,
        events: [EventStamp(at: 1_790_000_198.1, type: "started", pid: 4242)], report: report))
    let records = RecordChain.appending(prediction, to: RecordChain.appending(plain, to: []))
    return ResultFile(
      proclabVersion: "0.1.0", student: try StudentIdentity(name: "김민지", id: "2026123"),
      host: "lab-3", environment: machine, submitted: 1_790_000_300, lessons: lessons,
      records: records)
  }

  @Test("a result file conforms to the schema, and the schema catches what breaks it")
  func conforms() throws {
    let schema = try Self.schema
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(try Self.result().encoded()))
    #expect(schema.problems(value) == [])
    guard case .object(var top) = value else { throw ResultsFailure() }
    top["schema"] = .number(3)
    top["extra"] = .bool(true)
    top.removeValue(forKey: "student")
    let problems = schema.problems(.object(top))
    #expect(problems.contains { $0.contains("$.schema") })
    #expect(problems.contains { $0.contains("extra is not in the schema") })
    #expect(problems.contains { $0.contains("no student") })
  }

  @Test("start and end come from the lessons submitted; the whole chain is kept so it verifies")
  func lessonsAndTimes() throws {
    let all = try Self.result()
    #expect(all.lessons == ["processes", "threads"])
    #expect(all.started == 1_790_000_088)
    #expect(all.ended == 1_790_000_200)
    let one = try Self.result(lessons: ["threads"])
    #expect(one.lessons == ["threads"])
    #expect(one.lessonFiles == [.init(lesson: "threads", sha256: SHA256.hex("b"))])
    #expect(one.started == 1_790_000_195)
    #expect(one.records.count == 2)
    #expect(RecordChain.verify(one.records) == nil)
  }
}

struct ResultsFailure: Error {}
