public import DemoContract
import FoundationEssentials
public import Localization

/// What `proclab grade` makes of a class's result files: the one document the class table,
/// `--csv`, `--json` and `--html` all read (docs/grading.md, "The grader's JSON";
/// docs/grade.schema.json is its JSON Schema). Pure data: building it is `ClassGrader`'s,
/// drawing it the renderers'.
public struct ClassReport: Sendable, Codable, Equatable {
  /// Raised when a field's meaning changes. 2 added exercises (`exercises`, and each
  /// student's exercise figures).
  public static let currentSchema = 2

  public var schema: Int
  /// The version of ProcLab that graded.
  public var proclabVersion: String
  /// When it was graded, seconds since 1970.
  public var gradedAt: Double
  /// The questions graded, lesson by lesson, in the teacher's lesson order: the columns.
  public var lessons: [LessonColumns]
  /// One row per result file read, in the order given (directories in name order).
  public var students: [StudentResult]
  /// Files that could not be read as a result file at all: not a row, one line each.
  public var unreadable: [FileProblem]
  /// Every exercise of the graded lessons, in lesson order, across the class.
  public var exercises: [ExerciseColumn]

  public init(
    proclabVersion: String, gradedAt: Double, lessons: [LessonColumns],
    students: [StudentResult], unreadable: [FileProblem], exercises: [ExerciseColumn] = []
  ) {
    schema = Self.currentSchema
    self.proclabVersion = proclabVersion
    self.gradedAt = gradedAt
    self.lessons = lessons
    self.students = students
    self.unreadable = unreadable
    self.exercises = exercises
  }
}

/// A lesson as the teacher has it: the version results are graded against.
public struct LessonColumns: Sendable, Codable, Equatable {
  public var lesson: String
  public var title: String
  /// SHA-256 of the teacher's lesson file; a result played from another version is flagged.
  public var sha256: String
  public var questions: [QuestionColumn]
  /// The title in the reader's language, for the screen (not in JSON).
  public var shownTitle: String? = nil

  enum CodingKeys: String, CodingKey {
    case lesson, title, sha256, questions
  }

  public init(lesson: String, title: String, sha256: String, questions: [QuestionColumn]) {
    self.lesson = lesson
    self.title = title
    self.sha256 = sha256
    self.questions = questions
  }
}

/// One question: a column of the class table.
public struct QuestionColumn: Sendable, Codable, Equatable {
  public var question: String
  /// `choice`, `multi`, `order`, `truefalse`, `number`, `text` or `predict`.
  public var kind: String
  public var ask: String
  /// `points:` in the lesson file (default 1).
  public var points: Int
  /// For a prediction: the metric its rule reads, as the demo declares it.
  public var metric: MetricColumn?
  /// The ask in the reader's language, for the screen (not in JSON).
  public var shownAsk: String? = nil

  enum CodingKeys: String, CodingKey {
    case question, kind, ask, points, metric
  }

  public init(question: String, kind: String, ask: String, points: Int, metric: MetricColumn?) {
    self.question = question
    self.kind = kind
    self.ask = ask
    self.points = points
    self.metric = metric
  }
}

/// The declared metric a prediction reads: what the class's measured values are values of.
public struct MetricColumn: Sendable, Codable, Equatable {
  public var demo: String
  /// The metric's path in the report, as the rule names it (`none.final`).
  public var path: String
  public var label: String
  /// The unit as the declaration gives it ("" for a count).
  public var unit: String
  /// Whether it is a fact (the same on every run on one machine) rather than a measurement.
  public var fact: Bool

  public init(demo: String, path: String, label: String, unit: String, fact: Bool) {
    self.demo = demo
    self.path = path
    self.label = label
    self.unit = unit
    self.fact = fact
  }
}

/// One student's result file, re-graded.
public struct StudentResult: Sendable, Codable, Equatable {
  /// The file as named on the command line (or found in a directory).
  public var file: String
  public var name: String
  public var studentID: String
  public var host: String
  /// The machine `submit` ran on.
  public var environment: MachineEnvironment
  public var submitted: Double
  /// Points of questions right on the first try, as re-graded (not as the student's file says).
  public var score: Int
  /// Points of the graded questions.
  public var total: Int
  /// Every question of every lesson graded, in column order; one the student never answered
  /// is `notAnswered`.
  public var questions: [QuestionGrade]
  /// What the checks found: edits, another lesson version, an implausible report, …
  public var flags: [Flag]
  /// Each exercise of the graded lessons the student checked, in lesson order. Exercises earn
  /// no points: `score` and `total` are the quizzes' alone (docs/grading.md).
  public var exercises: [ExerciseGrade]
  /// Exercises checked at least once; passed; passed on their first check; checks recorded.
  public var exercisesAttempted: Int
  public var exercisesPassed: Int
  public var exercisesPassedFirstTry: Int
  public var exerciseAttempts: Int

  public init(
    file: String, name: String, studentID: String, host: String,
    environment: MachineEnvironment, submitted: Double, score: Int, total: Int,
    questions: [QuestionGrade], exercises: [ExerciseGrade] = [], flags: [Flag]
  ) {
    self.exercises = exercises
    exercisesAttempted = exercises.count
    exercisesPassed = exercises.count { $0.passedOnAttempt != nil }
    exercisesPassedFirstTry = exercises.count { $0.passedOnAttempt == 1 }
    exerciseAttempts = exercises.reduce(0) { $0 + $1.attempts }
    self.file = file
    self.name = name
    self.studentID = studentID
    self.host = host
    self.environment = environment
    self.submitted = submitted
    self.score = score
    self.total = total
    self.questions = questions
    self.flags = flags
  }
}

/// One question of one student, re-graded by the teacher's ProcLab.
public struct QuestionGrade: Sendable, Codable, Equatable {
  public var lesson: String
  public var question: String
  public var verdict: GradeVerdict
  public var tries: Int
  public var hintsShown: Int
  public var seconds: Double
  /// The answer as recorded (control characters already made visible).
  public var answer: String
  public var points: Int
  /// `points` when right on the first try, else 0.
  public var earned: Int
  /// The misconception feedback a wrong answer hit, when the lesson has one for it.
  public var feedback: String?
  /// For a prediction: the value its rule read in the student's recorded report.
  public var measured: MeasuredValue?
  /// Why it was not graded, when it was not.
  public var reason: String?

  public init(
    lesson: String, question: String, verdict: GradeVerdict, tries: Int, hintsShown: Int,
    seconds: Double, answer: String, points: Int, earned: Int, feedback: String? = nil,
    measured: MeasuredValue? = nil, reason: String? = nil
  ) {
    self.lesson = lesson
    self.question = question
    self.verdict = verdict
    self.tries = tries
    self.hintsShown = hintsShown
    self.seconds = seconds
    self.answer = answer
    self.points = points
    self.earned = earned
    self.feedback = feedback
    self.measured = measured
    self.reason = reason
  }
}

/// A measured figure from a student's recorded report: a number, or a text metric's text.
public struct MeasuredValue: Sendable, Codable, Equatable {
  public var number: Double?
  public var text: String?

  public init(number: Double? = nil, text: String? = nil) {
    self.number = number
    self.text = text
  }
}

/// How a question ended for the grader: a closed set (docs/grading.md). The message shown
/// beside it is separate (`Flag.message`, `QuestionGrade.reason`).
public enum GradeVerdict: String, Sendable, Codable, Equatable, CaseIterable {
  case rightFirstTry = "right-first-try"
  case rightOnRetry = "right-on-retry"
  case wrong
  case skipped
  /// Could not be graded (its recorded run has no report, its metric is missing): out of the total.
  case notGraded = "not-graded"
  /// The student stopped its demo: out of the total, as if never asked.
  case notCounted = "not-counted"
  /// No record of it in the file (or only in a lesson not submitted): counts in the total as 0.
  case notAnswered = "not-answered"

  /// Whether it counts in the total.
  public var isGraded: Bool {
    switch self {
    case .rightFirstTry, .rightOnRetry, .wrong, .skipped, .notAnswered: true
    case .notGraded, .notCounted: false
    }
  }
}

/// Something a check found in a result file. `code` is a closed set; `message` says it in an
/// English sentence, the one JSON and CSV carry whatever the teacher's language (a machine
/// contract); `line` is the same sentence as data, which the table and the page say in the
/// reader's language (`text(in:)`).
public struct Flag: Sendable, Codable, Equatable {
  public enum Code: String, Sendable, Codable, Equatable, CaseIterable {
    /// The hash chain does not verify: a record was edited, removed or reordered.
    case chainBroken = "chain-broken"
    /// A lesson was played from a file whose SHA-256 differs from the teacher's.
    case lessonVersion = "lesson-version"
    /// A lesson the teacher does not have.
    case unknownLesson = "unknown-lesson"
    /// A recorded verdict differs from the teacher's re-grade of the same answer.
    case verdictChanged = "verdict-changed"
    /// A recorded report is not consistent with itself or with the recorded machine.
    case implausibleReport = "implausible-report"
    /// Times out of order: records, runs or events.
    case timeOrder = "time-order"
    /// The same student id in more than one file.
    case duplicateStudent = "duplicate-student"
    /// A schema version this grader does not know.
    case unknownSchema = "unknown-schema"
    /// A record of a kind this grader does not know (written by a newer ProcLab).
    case unknownRecord = "unknown-record"
  }

  public var code: Code
  public var message: String
  public var lesson: String?
  public var question: String?
  /// The sentence as the check found it, for the screen; not in JSON (a flag read back from
  /// JSON says its English `message`).
  public var line: CatalogLine? = nil

  enum CodingKeys: String, CodingKey {
    case code, message, lesson, question
  }

  public init(code: Code, message: String, lesson: String? = nil, question: String? = nil) {
    self.code = code
    self.message = message
    self.lesson = lesson
    self.question = question
  }

  /// A flag whose sentence is `line`: `message` is its English.
  public init(code: Code, _ line: CatalogLine, lesson: String? = nil, question: String? = nil) {
    self.init(code: code, message: line.english, lesson: lesson, question: question)
    self.line = line
  }

  /// The sentence in `language` (the process's own when not given).
  public func text(in language: Language? = nil) -> String { line?.text(in: language) ?? message }
}

/// A file `grade` could not read as a result file: its path and why, in one line (in English
/// in JSON, as a flag's `message`; `line` for the screen in the reader's language).
public struct FileProblem: Sendable, Codable, Equatable {
  public var file: String
  public var message: String
  public var line: CatalogLine? = nil

  enum CodingKeys: String, CodingKey {
    case file, message
  }

  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  /// A problem whose sentence is `line`: `message` is its English.
  public init(file: String, _ line: CatalogLine) {
    self.init(file: file, message: line.english)
    self.line = line
  }

  /// The sentence in `language` (the process's own when not given).
  public func text(in language: Language? = nil) -> String { line?.text(in: language) ?? message }
}
