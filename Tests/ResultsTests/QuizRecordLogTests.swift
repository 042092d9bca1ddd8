import Glibc
import OSKit
import Results
import Testing

@Suite("The quiz record in the state directory")
struct QuizRecordLogTests {
  func record(_ n: Int) -> QuestionRecord {
    QuestionRecord(
      lesson: "processes", question: "q\(n)", kind: "text", lessonSHA256: "", answer: "fork",
      tries: 1, hintsShown: 0, seconds: 1, answeredAt: 1_790_000_000 + Double(n), verdict: .wrong)
  }

  func withDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/proclab-record-XXXXXX".utf8CString)
    let dir = String(cString: try #require(mkdtemp(&template)))
    defer { _ = system("rm -rf '\(dir)'") }
    try body(dir)
  }

  @Test("answers appended one at a time read back as one chain that verifies")
  func appendAndLoad() throws {
    try withDirectory { dir in
      let log = QuizRecordLog(directory: dir)
      #expect(try log.load() == [])
      for n in 0..<3 { #expect(log.append(record(n)) == nil) }
      // A second REPL's log on the same directory continues the same chain.
      #expect(QuizRecordLog(directory: dir).append(record(3)) == nil)
      let records = try log.load()
      #expect(records.map(\.record?.question) == ["q0", "q1", "q2", "q3"])
      #expect(records.map(\.sequence) == [0, 1, 2, 3])
      #expect(RecordChain.verify(records) == nil)
    }
  }

  @Test("a line that is not a record is refused naming its line; a link is left alone")
  func refusals() throws {
    try withDirectory { dir in
      let log = QuizRecordLog(directory: dir)
      #expect(log.append(record(0)) == nil)
      let fd = open(dir + "/quiz-record.jsonl", O_WRONLY | O_APPEND)
      try FileIO.writeAll(fd, "not json\n")
      close(fd)
      #expect(throws: RecordLogProblem("\(dir)/quiz-record.jsonl: line 2 is not a quiz record")) {
        try log.load()
      }
      let refused = try #require(log.append(record(1)))
      #expect(refused.contains("is not a quiz record"))
      unlink(dir + "/quiz-record.jsonl")
      symlink("/etc/passwd", dir + "/quiz-record.jsonl")
      #expect(throws: RecordLogProblem.self) { try log.load() }
      #expect(log.append(record(2)) != nil)
      var st = stat()
      lstat(dir + "/quiz-record.jsonl", &st)
      #expect(st.st_mode & S_IFMT == S_IFLNK, "the link was replaced or written through")
    }
  }

  @Test("a killed writer's temporary file is removed by the next answer")
  func staleTemporary() throws {
    try withDirectory { dir in
      // A pid that cannot be alive: above the kernel's pid_max.
      let stale = dir + "/quiz-record.jsonl.tmp-99999999-0123456789abcdef"
      close(open(stale, O_WRONLY | O_CREAT, 0o600))
      #expect(QuizRecordLog(directory: dir).append(record(0)) == nil)
      #expect(access(stale, F_OK) != 0)
    }
  }
}
