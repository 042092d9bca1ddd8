import DemoContract
import Exercises
import Lessons
import Localization
import OSKit
import Quiz
import Render
import Results

// An exercise's `check` in the classroom record and in progress (docs/grading.md, "Exercise
// records"; docs/progress.md): `runCheck` calls `recordExerciseCheck` once the screen is shown.
extension Session {
  /// Records a check that made every run: a chained record in the quiz record (what `submit`
  /// hands in), and the attempt in progress. A check Ctrl-C stopped, or that could not start
  /// the program, is not an attempt and is not recorded.
  func recordExerciseCheck(_ found: FoundExercise, _ result: ExerciseCheckRun) {
    let now = QuizRecorder.now()
    let sha = LessonLibrary.fileBytes(found.lesson).map { SHA256.hex($0) } ?? ""
    guard
      let record = ExerciseRecording.record(
        result, lesson: found.lesson.id, lessonSHA256: sha, at: now)
    else { return }
    let (_, problem) = QuizRecordLog(directory: stateDirectory).append(exercise: record)
    if let problem {
      refuse(Catalog.text("repl.exercise.notRecorded", ["why": TerminalSafe.escape(problem)]))
    }
    store.update { $0.recordExerciseCheck(found.exercise.id, passed: result.passed) }.map(refuse)
  }
}

/// An `ExerciseCheckRun` as the record keeps it: exactly what `check` showed, and the metric
/// values behind it.
enum ExerciseRecording {
  /// The record of `result` (attempt 1 until the log numbers it), nil when it is not an
  /// attempt (stopped by Ctrl-C, the program not started, no run made).
  static func record(
    _ result: ExerciseCheckRun, lesson: String, lessonSHA256: String, at time: Double
  ) -> ExerciseRecord? {
    guard result.startFailure == nil, !result.interrupted, let first = result.attempts.first
    else { return nil }
    let exercise = result.exercise
    let checks = exercise.checks.enumerated().map { i, check -> ExerciseCheckResult in
      let (held, shown) = result.tally(check: i)
      var metrics: [String: [JSONValue]] = [:]
      if case .metrics(let rule) = check.condition {
        for path in rule.metricPaths {
          metrics[path] = result.attempts.map {
            JSONValue.object($0.report.metrics).path(path) ?? .null
          }
        }
      }
      let verdict = shown.flatMap { $0.verdicts.indices.contains(i) ? $0.verdicts[i] : nil }
      var lines = verdict?.figures ?? []
      if let output = verdict?.output { lines.append(ExerciseScreen.text(output)) }
      var undetermined: String?
      if case .undetermined(let why)? = verdict?.state { undetermined = why }
      return ExerciseCheckResult(
        condition: check.conditionText, meaning: check.meaning, held: held, metrics: metrics,
        shown: lines, undetermined: undetermined)
    }
    return ExerciseRecord(
      exercise: exercise.id, lesson: lesson, lessonSHA256: lessonSHA256,
      command: exercise.commandLine, runs: exercise.runs, runsMade: result.attempts.count,
      attempt: 1, passed: result.passed, checkedAt: time, checks: checks,
      runResults: result.attempts.map {
        ExerciseRunResult(
          passed: $0.passed, method: $0.trace.method.rawValue, stopped: $0.trace.stop?.code)
      }, environment: first.report.environment)
  }
}
