public import DemoContract
import Glibc
public import Lessons
import Measure
public import OSKit
public import Trace

/// One `check` of an exercise: its `run:` run `runs` times in the workspace under the tracer,
/// each check evaluated on each run (docs/exercises.md, "Checks"). `check` and `watch` at the
/// prompt, `proclab check` and the tests that prove every starter fails and every solution
/// passes all go through `ExerciseCheckRun.run`.
public struct ExerciseCheckRun: Sendable {
  /// One traced run and what each check found on it.
  public struct Attempt: Sendable {
    /// What the tracer saw.
    public var trace: TraceRun
    /// The report under the demo contract (metrics, tree, table, timeline).
    public var report: DemoReport
    /// One verdict per check, in the exercise's order.
    public var verdicts: [ExerciseVerdict]

    /// Whether every check held and the run ended by itself.
    public var passed: Bool { trace.stop == nil && verdicts.allSatisfy(\.held) }
  }

  /// The exercise checked.
  public var exercise: Exercise
  /// The variant checked: Python, or C (built first).
  public var language: ExerciseLanguage = .python
  /// Why the C variant's build gave no program (then nothing ran): a compile error is one
  /// failed check, "it compiles"; a compiler not installed makes `startFailure` too.
  public var buildFailure: CBuild.Failure?
  /// The runs made, in order (fewer than `runs` when one could not start or Ctrl-C stopped
  /// them).
  public var attempts: [Attempt]
  /// Why the program could not be run at all (a file missing from the workspace, `python3`
  /// not in PATH): one line.
  public var startFailure: String?
  /// The exercise's files missing from the workspace (then `startFailure` says so in English,
  /// and nothing ran); a screen says it in its reader's language.
  public var missingFiles: [String] = []

  /// Whether Ctrl-C stopped a run, or the C variant's compile (then nothing ran).
  public var interrupted: Bool {
    buildFailure == .interrupted || attempts.contains { $0.trace.stop == .interrupted }
  }

  /// Whether every check held on every one of `runs` runs.
  public var passed: Bool {
    startFailure == nil && buildFailure == nil && attempts.count == exercise.runs
      && attempts.allSatisfy(\.passed)
  }

  /// For check `index`: on how many runs it held, and the run to show it by (the first where
  /// it did not hold, else the last).
  public func tally(check index: Int) -> (held: Int, shown: Attempt?) {
    let held = attempts.filter { $0.verdicts.indices.contains(index) && $0.verdicts[index].held }
    let failing = attempts.first {
      !($0.verdicts.indices.contains(index) && $0.verdicts[index].held)
    }
    return (held.count, failing ?? attempts.last)
  }

  /// The first run that did not pass, if any.
  public var firstFailure: Attempt? { attempts.first { !$0.passed } }

  /// Runs the exercise's program in `workspace`.
  /// - Parameters:
  ///   - exercise: the exercise.
  ///   - directory: the directory that holds the program's files (the workspace, or a
  ///     solution's copy in a test); it is the program's working directory.
  ///   - signals: the self-pipe Ctrl-C is counted on (`ChildHost.prepare`; ProcLab must be a
  ///     child subreaper).
  ///   - forcePolling: trace by /proc polling even where ptrace is allowed.
  ///   - language: the variant to run; for C, `directory` holds the C files and `c-build:` is
  ///     run there first (a compile error is `buildFailure`, and nothing is traced).
  public static func run(
    _ exercise: Exercise, in directory: String, signals: SignalPipe, forcePolling: Bool = false,
    language: ExerciseLanguage = .python
  ) -> ExerciseCheckRun {
    var result = ExerciseCheckRun(exercise: exercise, attempts: [], startFailure: nil)
    let language = exercise.c == nil ? .python : language
    result.language = language
    let missing = exercise.files(in: language).filter { access(directory + "/" + $0, F_OK) != 0 }
    if !missing.isEmpty {
      result.missingFiles = missing
      result.startFailure =
        "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not in "
        + "\(directory): type 'exercise \(exercise.id)\(language == .c ? " c" : "")' to copy "
        + "the starter"
      return result
    }
    if language == .c, let variant = exercise.c,
      let failure = CBuild.build(variant, in: directory, signals: signals)
    {
      result.buildFailure = failure
      switch failure {
      case .notInstalled(let compiler):
        result.startFailure = "\(compiler) is not installed: install a C compiler (apt install gcc)"
      case .cannotStart(let why): result.startFailure = why
      case .failed, .interrupted: break
      }
      return result
    }
    let limits = TraceLimits(timeout: Double(exercise.timeout), maxProcesses: 64)
    let tracer = Tracer(limits: limits, forcePolling: forcePolling)
    let environment = MachineEnvironment.current()
    let argv = Interpreter.resolved(exercise.run(in: language))
    for _ in 0..<exercise.runs {
      guard let trace = inDirectory(directory, { tracer.run(argv, signals: signals) })
      else {
        result.startFailure = "cannot enter \(directory) (\(String(cString: strerror(errno))))"
        return result
      }
      if let failure = trace.startFailure {
        result.startFailure = failure
        return result
      }
      let report = TraceReport.report(trace, environment: environment)
      let stdout = String(decoding: trace.stdout, as: UTF8.self)
      let stderr = String(decoding: trace.stderr, as: UTF8.self)
      let verdicts = exercise.checks.map {
        $0.evaluate(
          metrics: report.metrics, stdout: stdout, stderr: stderr,
          declarations: TraceReport.metrics)
      }
      result.attempts.append(Attempt(trace: trace, report: report, verdicts: verdicts))
      if trace.stop == .interrupted { break }
    }
    return result
  }

  /// Runs `body` with `directory` as the working directory, and goes back to the one before.
  /// The traced program is forked by `body` and inherits it; ProcLab's own threads never use
  /// relative paths while a check runs (the REPL waits for it), so the change is not seen.
  static func inDirectory<T>(_ directory: String, _ body: () -> T) -> T? {
    let previous = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard chdir(directory) == 0 else {
      if previous >= 0 { close(previous) }
      return nil
    }
    defer {
      if previous >= 0 {
        _ = fchdir(previous)
        close(previous)
      }
    }
    return body()
  }
}
