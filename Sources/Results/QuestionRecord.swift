public import DemoContract
import FoundationEssentials

/// One quiz question as the student answered it at the prompt, recorded as it happened:
/// the answer as typed, tries, hints, time, the verdict and, for a prediction, the student's
/// own live run that graded it. docs/grading.md describes every field.
public struct QuestionRecord: Sendable, Codable, Equatable {
  public var lesson: String
  public var question: String
  public var kind: String
  /// The SHA-256 of the lesson file the question was read from, as played.
  public var lessonSHA256: String
  /// The last answer as typed ("" when skipped).
  public var answer: String
  public var tries: Int
  public var hintsShown: Int
  /// Seconds from the question being shown to its verdict.
  public var seconds: Double
  /// Seconds since 1970 when the verdict was given.
  public var answeredAt: Double
  /// One of `Verdict`'s raw values.
  public var verdict: Verdict
  /// Why the question was not graded, when it was not.
  public var reason: String?
  /// The measured figures the verdict compared a prediction with.
  public var measured: String?
  /// For a prediction: the live run that graded it.
  public var run: RecordedRun?

  public init(
    lesson: String, question: String, kind: String, lessonSHA256: String, answer: String,
    tries: Int, hintsShown: Int, seconds: Double, answeredAt: Double, verdict: Verdict,
    reason: String? = nil, measured: String? = nil, run: RecordedRun? = nil
  ) {
    self.lesson = lesson
    self.question = question
    self.kind = kind
    self.lessonSHA256 = lessonSHA256
    self.answer = answer
    self.tries = tries
    self.hintsShown = hintsShown
    self.seconds = seconds
    self.answeredAt = answeredAt
    self.verdict = verdict
    self.reason = reason
    self.measured = measured
    self.run = run
  }

  /// How a question ended: the closed set docs/progress.md defines.
  public enum Verdict: String, Sendable, Codable, Equatable, CaseIterable {
    case rightFirstTry = "right-first-try"
    case rightOnRetry = "right-on-retry"
    case wrong
    case skipped
    case notGraded = "not-graded"
    case notCounted = "not-counted"
  }
}

/// A prediction's live demo run: the runner's pid, when it started and ended (seconds since
/// 1970), the event log as it arrived, and the final report (absent when there was none).
public struct RecordedRun: Sendable, Codable, Equatable {
  public var demo: String
  public var runnerPID: Int32
  public var started: Double
  public var ended: Double
  public var events: [EventStamp]
  public var report: DemoReport?

  public init(
    demo: String, runnerPID: Int32, started: Double, ended: Double, events: [EventStamp],
    report: DemoReport?
  ) {
    self.demo = demo
    self.runnerPID = runnerPID
    self.started = started
    self.ended = ended
    self.events = events
    self.report = report
  }
}

/// One event of a run: when it arrived (seconds since 1970), its type, and the pid it names.
public struct EventStamp: Sendable, Codable, Equatable {
  public var at: Double
  public var type: String
  public var pid: Int32?

  public init(at: Double, type: String, pid: Int32? = nil) {
    self.at = at
    self.type = type
    self.pid = pid
  }

  /// `event` stamped with the time it arrived.
  public init(_ event: DemoEvent, at: Double) {
    self.at = at
    switch event {
    case .started(_, let pid):
      type = "started"
      self.pid = pid
    case .heading: type = "heading"
    case .note: type = "note"
    case .figure: type = "figure"
    case .table: type = "table"
    case .progress: type = "progress"
    case .report: type = "report"
    case .failed: type = "failed"
    }
  }
}
