public import DemoContract

/// One `check` of an exercise as the student ran it, recorded when its verdict was shown:
/// each check's condition, on how many runs it held and the trace metrics it judged, whether
/// the exercise passed, which attempt it was, and the machine it ran on. docs/grading.md
/// ("Exercise records") describes every field. Only a check whose every run was made is
/// recorded: one stopped by Ctrl-C or that could not start its program is not an attempt.
public struct ExerciseRecord: Sendable, Codable, Equatable {
  /// The exercise id (unique across lessons) and the lesson it is written in.
  public var exercise: String
  public var lesson: String
  /// SHA-256 of the lesson file the exercise was read from ("" if it could not be read).
  public var lessonSHA256: String
  /// The `run:` line as the exercise declares it.
  public var command: String
  /// The runs the exercise declares (`runs:`), and the runs made.
  public var runs: Int
  public var runsMade: Int
  /// 1 for the first check of this exercise in the chain, then 2, 3, …
  public var attempt: Int
  /// Whether this is the first check of the exercise (attempt 1).
  public var firstTry: Bool
  /// Whether every check held on every run and every run ended by itself.
  public var passed: Bool
  /// Seconds since 1970 when the verdict was shown.
  public var checkedAt: Double
  /// Every check, in the exercise's order.
  public var checks: [ExerciseCheckResult]
  /// Each run in order: whether it passed, how it was traced, why ProcLab stopped it.
  public var runResults: [ExerciseRunResult]
  /// The machine the runs were made on.
  public var environment: MachineEnvironment

  public init(
    exercise: String, lesson: String, lessonSHA256: String, command: String, runs: Int,
    runsMade: Int, attempt: Int, passed: Bool, checkedAt: Double,
    checks: [ExerciseCheckResult], runResults: [ExerciseRunResult],
    environment: MachineEnvironment
  ) {
    self.exercise = exercise
    self.lesson = lesson
    self.lessonSHA256 = lessonSHA256
    self.command = command
    self.runs = runs
    self.runsMade = runsMade
    self.attempt = attempt
    firstTry = attempt == 1
    self.passed = passed
    self.checkedAt = checkedAt
    self.checks = checks
    self.runResults = runResults
    self.environment = environment
  }

  /// Whether the record's own figures say it passed: every check held on every run, all the
  /// declared runs made, each ended by itself. The grader reads this, never `passed`.
  public var passedByItsChecks: Bool {
    runsMade == runs && runResults.count == runsMade
      && runResults.allSatisfy { $0.stopped == nil }
      && checks.allSatisfy { $0.held == runsMade }
  }
}

/// One check of an exercise over the runs of one `check`.
public struct ExerciseCheckResult: Sendable, Codable, Equatable {
  /// The condition as the lesson writes it (`processes == 4`), and its `::` text.
  public var condition: String
  public var meaning: String
  /// On how many of the runs made it held.
  public var held: Int
  /// The declared trace metrics the condition read, by name: one value per run, in order.
  public var metrics: [String: [JSONValue]]
  /// What `check` showed under it, for the run it showed (the first where it did not hold,
  /// else the last): the figures as `label: value`, what an output test saw.
  public var shown: [String]
  /// Why it could not be decided on that run, when it could not.
  public var undetermined: String?

  public init(
    condition: String, meaning: String, held: Int, metrics: [String: [JSONValue]],
    shown: [String], undetermined: String? = nil
  ) {
    self.condition = condition
    self.meaning = meaning
    self.held = held
    self.metrics = metrics
    self.shown = shown
    self.undetermined = undetermined
  }
}

/// One traced run of a `check`.
public struct ExerciseRunResult: Sendable, Codable, Equatable {
  public var passed: Bool
  /// `ptrace` or `polling`.
  public var method: String
  /// `timeout`, `process_limit` or `interrupted` when ProcLab stopped the run.
  public var stopped: String?

  public init(passed: Bool, method: String, stopped: String? = nil) {
    self.passed = passed
    self.method = method
    self.stopped = stopped
  }
}
