import DemoContract
import FoundationEssentials
import Lessons
import OSKit
import ProcLabTestSupport
import Results
import Testing

/// The generated class: real lessons, real demo reports fitted to each student's
/// machine, chains exactly as the REPL records them, and the changes a grader must detect.
@Suite(.serialized) struct ClassFixtureTests {
  /// The shipped lessons and one real report per prediction's demo, made once per test
  /// process and shared with the other suites that need them (ShippedPredictionReports).
  static var inputs: Result<([ClassFixture.LessonFile], [String: DemoReport]), FixtureProblem> {
    ShippedPredictionReports.shared
  }

  static func make(students: Int, seed: UInt64 = 17) throws -> (
    [ClassFixture.LessonFile], [ClassFixture.Submission]
  ) {
    let (lessons, reports) = try inputs.get()
    return (
      lessons, ClassFixture.make(lessons: lessons, reports: reports, students: students, seed: seed)
    )
  }

  /// The class the tests read, made once: 40 students, two of each change. (All six tests
  /// pass on 120 too, in 5.5 minutes of a debug build on a loaded machine: hashing every record
  /// with its report is the slow part; `make bench` generates and grades the full 120 in a
  /// release build.)
  static let generated = Result {
    () throws -> ([ClassFixture.LessonFile], [ClassFixture.Submission]) in
    try make(students: 40)
  }

  @Test func aClassForEveryShippedLesson() throws {
    let (lessons, students) = try Self.generated.get()
    // Every shipped lesson, however many there are: each lessons/*.md file.
    let shipped = FileIO.entries(in: TestBinary.sourceRoot + "/lessons")?.filter {
      $0.hasSuffix(".md")
    }.count
    #expect(lessons.count == shipped)
    #expect(students.count == 40)
    #expect(Set(students.map(\.result.student.id)).count == 40)
    #expect(Set(students.map(\.fileName)).count == 40)
    let questions = lessons.reduce(0) { $0 + $1.lesson.questions.count }
    for submission in students where submission.variant != .recordDeleted {
      #expect(submission.result.records.count == questions)
      #expect(Set(submission.result.lessons) == Set(lessons.map(\.lesson.id)))
    }
    for variant in ClassFixture.Variant.allCases {
      #expect(students.contains { $0.variant == variant }, "no \(variant) file")
    }
    let verdicts = Set(students.flatMap { $0.result.records.compactMap(\.record?.verdict) })
    for verdict in [QuestionRecord.Verdict.rightFirstTry, .rightOnRetry, .wrong, .skipped] {
      #expect(verdicts.contains(verdict))
    }
    #expect(Set(students.map(\.result.environment.cpusOnline)) == [2, 4, 8])
    // Korean names are kept as typed.
    #expect(students.contains { $0.result.student.name == "김민지" })
  }

  @Test func theSameSeedMakesTheSameClass() throws {
    let (_, a) = try Self.make(students: 3, seed: 5)
    let (_, b) = try Self.make(students: 3, seed: 5)
    let (_, c) = try Self.make(students: 3, seed: 6)
    #expect(a.map(\.bytes) == b.map(\.bytes))
    #expect(a.map(\.bytes) != c.map(\.bytes))
  }

  @Test func chainsVerifyUnlessEditedInPlace() throws {
    let (_, students) = try Self.generated.get()
    for submission in students {
      let problem = RecordChain.verify(submission.result.records)
      switch submission.variant {
      case .answerEdited:
        guard case .edited? = problem else {
          Issue.record("\(submission.fileName): \(String(describing: problem))")
          continue
        }
      case .recordDeleted:
        guard case .broken? = problem else {
          Issue.record("\(submission.fileName): \(String(describing: problem))")
          continue
        }
      default:
        #expect(problem == nil, "\(submission.fileName) (\(submission.variant))")
      }
    }
  }

  @Test func filesReadBackIncludingCRLF() throws {
    let (_, students) = try Self.generated.get()
    let crlf = students.filter { $0.variant == .crlf }
    #expect(!crlf.isEmpty)
    for submission in students {
      let decoded = try JSONDecoder().decode(ResultFile.self, from: Data(submission.bytes))
      #expect(decoded == submission.result)
      #expect(submission.bytes.contains(13) == (submission.variant == .crlf))
    }
  }

  /// An honest student's file re-grades to what it says, machine by machine: the teacher's
  /// grader has nothing to flag.
  @Test func honestAnswersRegradeToTheirVerdicts() throws {
    let (lessons, students) = try Self.generated.get()
    var questions: [String: Question] = [:]
    var hashes: [String: String] = [:]
    for file in lessons {
      hashes[file.lesson.id] = file.sha256
      for q in file.lesson.questions { questions[file.lesson.id + "/" + q.id] = q }
    }
    for submission in students where !submission.variant.isDetectable {
      let result = submission.result
      var previous = 0.0
      for chained in result.records {
        let record = try #require(chained.record)
        #expect(record.lessonSHA256 == hashes[record.lesson])
        #expect(record.answeredAt > previous)
        previous = record.answeredAt
        let question = try #require(questions[record.lesson + "/" + record.question])
        guard record.verdict == .rightFirstTry || record.verdict == .wrong else { continue }
        let right = record.verdict == .rightFirstTry
        if let run = record.run {
          let report = try #require(run.report)
          #expect(report.environment == result.environment)
          if let cpus = report.metrics["usable_cpus"]?.double {
            #expect(Int(cpus) == result.environment.cpusOnline)
          }
          #expect(run.started < (run.events.first?.at ?? 0))
          #expect(zip(run.events, run.events.dropFirst()).allSatisfy { $0.at <= $1.at })
          #expect((run.events.last?.at ?? .infinity) <= run.ended)
          #expect(run.ended <= record.answeredAt)
          #expect(run.events.first?.pid == run.runnerPID)
          let prediction = try AnswerParser.parsePrediction(record.answer, for: question)
          let outcome = try #require(question.check).evaluate(
            answer: prediction, metrics: report.metrics, unit: question.unit)
          #expect(
            outcome.isCorrect == right, "\(record.lesson)/\(record.question): \(record.answer)")
        } else {
          let answer = try AnswerParser.parse(record.answer, for: question)
          #expect(question.isCorrect(answer) == right, "\(record.question): \(record.answer)")
        }
      }
    }
  }

  @Test func changedFilesDifferFromHonestOnesWhereTheDocsSay() throws {
    let (lessons, students) = try Self.generated.get()
    let hashes = Set(lessons.map(\.sha256))
    for submission in students {
      let records = submission.result.records.compactMap(\.record)
      switch submission.variant {
      case .olderLesson:
        #expect(submission.result.lessonFiles.contains { !hashes.contains($0.sha256) })
      case .timeMovedBack:
        #expect(zip(records, records.dropFirst()).contains { $0.answeredAt > $1.answeredAt })
      case .impossibleFigure:
        let negative = records.contains { record in
          record.run?.report?.metrics.values.contains { ($0.double ?? 0) < 0 } == true
        }
        #expect(negative)
      case .verdictChanged:
        // A verdict right whose answer the lesson grades wrong, under a chain that verifies.
        var found = false
        for record in records where record.verdict == .rightFirstTry && record.kind != "predict" {
          let question = lessons.first { $0.lesson.id == record.lesson }?.lesson.question(
            id: record.question)
          if let question, let answer = try? AnswerParser.parse(record.answer, for: question),
            !question.isCorrect(answer)
          {
            found = true
          } else if let question, (try? AnswerParser.parse(record.answer, for: question)) == nil {
            found = true
          }
        }
        #expect(found, "\(submission.fileName)")
      default:
        #expect(submission.result.lessonFiles.allSatisfy { hashes.contains($0.sha256) })
      }
    }
  }
}
