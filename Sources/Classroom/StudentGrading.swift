import DemoContract
import Lessons
import Localization
import Quiz
import Render
import Results

// One result file re-graded: the chain verified, each lesson's hash compared, every counted
// record re-graded from its answer (a prediction from its recorded report), the record that
// counts chosen per question, and the report checks of ReportPlausibility.swift.
extension ClassGrader {
  /// A record as the teacher's grader sees it.
  struct Regraded {
    var verdict: GradeVerdict
    var feedback: String?
    var measured: MeasuredValue?
    var reason: String?
  }

  func student(file: String, result: ResultFile, lessons graded: [TeacherLesson]) -> StudentResult {
    let submitted = Set(result.lessons)
    let counted = result.records.filter { $0.entry.lesson.map(submitted.contains) ?? false }
    var byID: [String: TeacherLesson] = [:]
    for l in lessons { byID[l.id] = l }
    var flags = fileFlags(result, counted: counted, lessons: byID)
    flags += timeOrderFlags(result)
    // Every counted record re-graded; the last graded one per question counts.
    var chosen: [String: (record: QuestionRecord, grade: Regraded)] = [:]
    for r in counted {
      guard let record = r.record, let lesson = byID[record.lesson],
        let q = question(record, in: lesson)
      else { continue }
      let grade = regrade(record, q)
      // Under another version of the lesson a different verdict is expected (its key may have
      // changed): the lesson-version flag says so once.
      let current = lesson.version(sha256: record.lessonSHA256) != nil
      if current, grade.verdict.rawValue != record.verdict.rawValue {
        flags.append(
          Flag(
            code: .verdictChanged,
            CatalogLine(
              q.kind == .predict ? "grade.flag.verdictChanged.run" : "grade.flag.verdictChanged",
              [
                "at": "\(lesson.id)/\(q.id)", "sequence": "\(r.sequence)",
                "recorded": record.verdict.rawValue, "regraded": grade.verdict.rawValue,
                "answer": Self.safe(record.answer),
              ]),
            lesson: lesson.id, question: q.id))
      }
      flags += plausibilityFlags(r, record, question: q, result: result)
      let key = lesson.id + "/" + q.id
      if grade.verdict.isGraded || !(chosen[key]?.grade.verdict.isGraded ?? false) {
        chosen[key] = (record, grade)
      }
    }
    let (exercises, exerciseFlags) = exerciseGrades(result, lessons: byID)
    flags += exerciseFlags
    var questions: [QuestionGrade] = []
    for lesson in graded {
      for q in lesson.primary.lesson.questions {
        let points = q.points
        guard submitted.contains(lesson.id), let pick = chosen[lesson.id + "/" + q.id] else {
          questions.append(
            QuestionGrade(
              lesson: lesson.id, question: q.id, verdict: .notAnswered, tries: 0, hintsShown: 0,
              seconds: 0, answer: "", points: points, earned: 0))
          continue
        }
        let (record, grade) = pick
        questions.append(
          QuestionGrade(
            lesson: lesson.id, question: q.id, verdict: grade.verdict, tries: record.tries,
            hintsShown: record.hintsShown, seconds: record.seconds,
            answer: Self.safe(record.answer), points: points,
            earned: grade.verdict == .rightFirstTry ? points : 0, feedback: grade.feedback,
            measured: grade.measured, reason: grade.reason))
      }
    }
    let gradedQuestions = questions.filter(\.verdict.isGraded)
    return StudentResult(
      file: file, name: result.student.name, studentID: result.student.id, host: result.host,
      environment: result.environment, submitted: result.submitted,
      score: gradedQuestions.reduce(0) { $0 + $1.earned },
      total: gradedQuestions.reduce(0) { $0 + $1.points }, questions: questions,
      exercises: exercises, flags: flags)
  }

  /// The flags about the file as a whole: its schema, its chain, lessons the teacher does not
  /// have, and lessons played from another version of their file.
  func fileFlags(
    _ result: ResultFile, counted: [ChainedRecord], lessons byID: [String: TeacherLesson]
  ) -> [Flag] {
    var flags: [Flag] = []
    if !ResultFile.readableSchemas.contains(result.schema) {
      flags.append(
        Flag(
          code: .unknownSchema,
          CatalogLine(
            "grade.flag.unknownSchema",
            ["schema": "\(result.schema)", "current": "\(ResultFile.currentSchema)"])))
    }
    if let problem = RecordChain.verify(result.records) {
      flags.append(
        Flag(
          code: .chainBroken,
          CatalogLine("grade.flag.chainBroken", lines: ["problem": problem.line])))
    }
    for r in result.records {
      guard case .unknown(let kind, _) = r.entry else { continue }
      flags.append(
        Flag(
          code: .unknownRecord,
          CatalogLine(
            "grade.flag.unknownRecord",
            ["sequence": "\(r.sequence)", "kind": Self.safe(kind), "version": proclabVersion])))
    }
    for lesson in result.lessons where byID[lesson] == nil {
      flags.append(
        Flag(
          code: .unknownLesson,
          CatalogLine("grade.flag.unknownLesson", ["lesson": Self.safe(lesson)]),
          lesson: lesson))
    }
    var outdated: Set<String> = []
    for r in counted {
      let played: (lesson: String, sha256: String)? =
        switch r.entry {
        case .question(let q): (q.lesson, q.lessonSHA256)
        case .exercise(let e): (e.lesson, e.lessonSHA256)
        case .unknown: nil
        }
      guard let played, let lesson = byID[played.lesson],
        lesson.version(sha256: played.sha256) == nil,
        outdated.insert(played.lesson).inserted
      else { continue }
      let sha =
        played.sha256.isEmpty
        ? CatalogLine("grade.flag.unknownHash")
        : CatalogLine("grade.flag.hash", ["hash": Self.safe(String(played.sha256.prefix(12)))])
      flags.append(
        Flag(
          code: .lessonVersion,
          CatalogLine(
            "grade.flag.lessonVersion",
            ["lesson": lesson.id, "teacher": String(lesson.primary.sha256.prefix(12))],
            lines: ["sha": sha]),
          lesson: lesson.id))
    }
    return flags
  }

  /// The question a record answers, in the version of the lesson it was played from (the
  /// teacher's primary version when the hash is not the teacher's).
  func question(_ record: QuestionRecord, in lesson: TeacherLesson) -> Question? {
    let version = lesson.version(sha256: record.lessonSHA256) ?? lesson.primary
    return version.lesson.question(id: record.question)
      ?? lesson.primary.lesson.question(id: record.question)
  }

  /// The teacher's verdict on a record: from the answer itself, or for a prediction from the
  /// student's recorded report. The recorded verdict is never read, except that a prediction
  /// whose demo the student stopped stays not counted (there is no run to grade).
  func regrade(_ record: QuestionRecord, _ q: Question) -> Regraded {
    if record.answer.isEmpty { return Regraded(verdict: .skipped) }
    guard q.kind == .predict else {
      do {
        let g = try Grader.grade(q, answer: record.answer)
        guard g.isCorrect else { return Regraded(verdict: .wrong, feedback: g.feedback) }
        return Regraded(verdict: record.tries <= 1 ? .rightFirstTry : .rightOnRetry)
      } catch {
        return Regraded(
          verdict: .wrong, reason: "not an answer to this question: \(Self.safe(error.message))")
      }
    }
    if record.verdict == .notCounted {
      return Regraded(verdict: .notCounted, reason: "the student stopped its demo")
    }
    guard let report = record.run?.report else {
      return Regraded(
        verdict: .notGraded,
        reason: Self.safe(record.reason ?? "no report of its run was recorded"))
    }
    let prediction: PredictAnswer
    do { prediction = try Grader.readPrediction(q, answer: record.answer) } catch {
      return Regraded(
        verdict: .wrong, reason: "not a prediction for this question: \(Self.safe(error.message))")
    }
    let declarations = q.demo.flatMap { demos[$0.demo] }?.metrics ?? []
    let g = Grader.grade(
      q, prediction: prediction, given: record.answer, report: report, declarations: declarations)
    let measured = q.check?.metricPaths.first.flatMap { path -> MeasuredValue? in
      switch JSONValue.object(report.metrics).path(path) {
      case .number(let n)?: MeasuredValue(number: n)
      case .string(let s)?: MeasuredValue(text: Self.safe(s))
      case .bool(let b)?: MeasuredValue(text: b ? "true" : "false")
      default: nil
      }
    }
    switch g.verdict {
    case .correct:
      // As for any question: right after a wrong try is right on retry (the record keeps the
      // last answer and how many tries it took).
      return Regraded(
        verdict: record.tries <= 1 ? .rightFirstTry : .rightOnRetry, measured: measured)
    case .incorrect: return Regraded(verdict: .wrong, feedback: g.feedback, measured: measured)
    case .undetermined:
      return Regraded(verdict: .notGraded, measured: measured, reason: g.notGradedReason)
    }
  }

  /// Student-supplied text with its control characters made visible.
  static func safe(_ text: String) -> String { TerminalSafe.escape(text) }
}
