import DemoContract
import Glibc
import Lessons
import OSKit
import Quiz
import Results

/// Records each question of an interactive quiz as it is answered (`QuizRecordLog`, chained by
/// hash): QuizFlow tells it when a question is shown, what a prediction's live run sent, and
/// how the question ended. docs/grading.md describes what is kept.
final class QuizRecorder {
  private var shownAt = 0.0
  private var run: RecordedRun?
  /// Each lesson file's SHA-256, read once per quiz.
  private var lessonHashes: [String: String] = [:]

  /// A question is on the screen: its time starts, and no run belongs to it yet.
  func questionShown() {
    shownAt = QuizRecorder.now()
    run = nil
  }

  /// A prediction's demo is about to start.
  func runStarting(_ demo: String) {
    let now = QuizRecorder.now()
    run = RecordedRun(demo: demo, runnerPID: 0, started: now, ended: now, events: [], report: nil)
  }

  /// An event of the run arrived.
  func observe(_ event: DemoEvent) {
    let stamp = EventStamp(event, at: QuizRecorder.now())
    run?.events.append(stamp)
    if case .started(_, let pid) = event { run?.runnerPID = pid }
  }

  /// The run ended, with its report or without one.
  func runEnded(_ report: DemoReport?) {
    run?.ended = QuizRecorder.now()
    run?.report = report
  }

  /// Appends how the question ended to the quiz record; a line when it could not be saved.
  func record(_ outcome: QuestionOutcome, session: Session) {
    let now = QuizRecorder.now()
    let record = QuestionRecord(
      lesson: outcome.lesson, question: outcome.question, kind: outcome.kind,
      lessonSHA256: lessonHash(outcome.lesson, session.library), answer: outcome.answer,
      tries: outcome.tries, hintsShown: outcome.hintsShown, seconds: max(0, now - shownAt),
      answeredAt: now, verdict: QuizRecorder.verdict(outcome.result),
      reason: { if case .notGraded(let r) = outcome.result { r } else { nil } }(),
      measured: outcome.measured, run: run)
    if let problem = QuizRecordLog(directory: session.stateDirectory).append(record) {
      session.refuse(problem)
    }
  }

  static func verdict(_ result: QuestionResult) -> QuestionRecord.Verdict {
    switch result {
    case .rightFirstTry: .rightFirstTry
    case .rightOnRetry: .rightOnRetry
    case .wrong: .wrong
    case .skipped: .skipped
    case .notGraded: .notGraded
    case .notCounted: .notCounted
    }
  }

  private func lessonHash(_ id: String, _ library: LessonLibrary) -> String {
    if let known = lessonHashes[id] { return known }
    let bytes = library.lesson(id).flatMap(LessonLibrary.fileBytes)
    let hash = bytes.map { SHA256.hex($0) } ?? ""
    lessonHashes[id] = hash
    return hash
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
