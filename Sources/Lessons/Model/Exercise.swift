/// An exercise of a lesson: a program the student writes in the step it practises, run under
/// the tracer by the student's own `check` and graded against what it did (docs/exercises.md).
public struct Exercise: Sendable, Hashable {
  /// Lower-case letters, digits and `-`; unique across every lesson (progress and the
  /// workspace are named by it).
  public var id: String
  /// One line.
  public var title: String
  /// The starter files' names (the same names in `solution/`).
  public var files: [String]
  /// The command `check` runs in the workspace, as argv words (no shell).
  public var run: [String]
  /// How many times `check` runs it (1–20); every check must hold on every run.
  public var runs: Int
  /// Seconds per run (1–60).
  public var timeout: Int
  /// The checks, in file order.
  public var checks: [ExerciseCheck]
  /// The hints, Markdown, one line each.
  public var hints: [String]
  /// The task, Markdown.
  public var task: String
  /// The id of the step the block stands in.
  public var stepID: String
  /// Where `id:` is written.
  public var location: SourceLocation
  /// Where `files:` and `run:` are written (for lint's messages about them).
  public var filesLocation: SourceLocation
  public var runLocation: SourceLocation
  /// The C variant (`c-files`, `c-build`, `c-run`, `c-hint`), where the lesson is about
  /// system calls; `nil` for a Python-only exercise.
  public var c: ExerciseCVariant?

  /// Creates an exercise; the lesson parser is the usual way to get one.
  public init(
    id: String, title: String, files: [String], run: [String], runs: Int = 1, timeout: Int = 10,
    checks: [ExerciseCheck], hints: [String], task: String, stepID: String = "",
    location: SourceLocation, filesLocation: SourceLocation? = nil,
    runLocation: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.files = files
    self.run = run
    self.runs = runs
    self.timeout = timeout
    self.checks = checks
    self.hints = hints
    self.task = task
    self.stepID = stepID
    self.location = location
    self.filesLocation = filesLocation ?? location
    self.runLocation = runLocation ?? location
  }

  /// The `run:` line as written back (words joined by one space).
  public var commandLine: String { run.joined(separator: " ") }

  /// The languages the exercise can be done in: Python, and C when it has a C variant.
  public var languages: [ExerciseLanguage] { c == nil ? [.python] : [.python, .c] }

  /// The files of the variant in `language` (Python's when there is no C variant).
  public func files(in language: ExerciseLanguage) -> [String] {
    language == .c ? c?.files ?? files : files
  }

  /// The command `check` traces for the variant in `language`.
  public func run(in language: ExerciseLanguage) -> [String] {
    language == .c ? c?.run ?? run : run
  }

  /// The hints of the variant in `language`.
  public func hints(in language: ExerciseLanguage) -> [String] {
    language == .c ? c?.hints ?? hints : hints
  }

  /// The traced command of the variant in `language`, as written back.
  public func commandLine(in language: ExerciseLanguage) -> String {
    run(in: language).joined(separator: " ")
  }
}

/// A language an exercise is done in (docs/exercises.md, "C").
public enum ExerciseLanguage: String, Sendable, Hashable, CaseIterable, Codable {
  case python
  case c

  /// The name shown to the student.
  public var displayName: String { self == .c ? "C" : "Python" }

  /// The language a word typed after `exercise <id>` names (`c`, `python`, `py`), any case.
  public init?(word: String) {
    switch word.lowercased() {
    case "c": self = .c
    case "python", "py", "python3": self = .python
    default: return nil
    }
  }
}

/// The C variant of an exercise: its own files, built by `build` (argv words, no shell) before
/// each check, then `run` traced; the same checks as the Python variant.
public struct ExerciseCVariant: Sendable, Hashable {
  /// The C starter files' names (the same names in `c/solution/`).
  public var files: [String]
  /// The compiler command, as argv words (`cc -Wall -O2 -o reap_three reap_three.c`).
  public var build: [String]
  /// The program built, as argv words (`./reap_three`).
  public var run: [String]
  /// Hints for the C variant, Markdown, one line each.
  public var hints: [String]
  /// Where `c-files:`, `c-build:` and `c-run:` are written.
  public var filesLocation: SourceLocation
  public var buildLocation: SourceLocation
  public var runLocation: SourceLocation

  /// Creates a C variant; the lesson parser is the usual way to get one.
  public init(
    files: [String], build: [String], run: [String], hints: [String],
    filesLocation: SourceLocation, buildLocation: SourceLocation? = nil,
    runLocation: SourceLocation? = nil
  ) {
    self.files = files
    self.build = build
    self.run = run
    self.hints = hints
    self.filesLocation = filesLocation
    self.buildLocation = buildLocation ?? filesLocation
    self.runLocation = runLocation ?? filesLocation
  }

  /// The `c-build:` line as written back.
  public var buildLine: String { build.joined(separator: " ") }

  /// The file the build makes: the word after `-o`.
  public var output: String? {
    guard let o = build.firstIndex(of: "-o"), o + 1 < build.count else { return nil }
    return build[o + 1]
  }
}

/// One `check:` line of an exercise: a condition and what it means to the student.
public struct ExerciseCheck: Sendable, Hashable {
  /// What is tested.
  public var condition: ExerciseCondition
  /// The condition as written (trimmed): parity compares it, lint quotes it.
  public var conditionText: String
  /// The text after `::`, shown beside ✓ or ✗.
  public var meaning: String
  /// Where the condition is written.
  public var location: SourceLocation

  /// Creates a check.
  public init(
    condition: ExerciseCondition, conditionText: String, meaning: String,
    location: SourceLocation
  ) {
    self.condition = condition
    self.conditionText = conditionText
    self.meaning = meaning
    self.location = location
  }
}

/// What a check tests: a condition over the trace report's metrics, or the program's output.
public enum ExerciseCondition: Sendable, Hashable {
  /// Comparisons over declared trace metrics joined by and/or (a `.condition` rule without
  /// `answer`).
  case metrics(CheckRule)
  /// `stdout …` or `stderr …`.
  case output(OutputStreamName, OutputTest)
}

/// A standard stream of the traced program.
public enum OutputStreamName: String, Sendable, Hashable {
  case stdout, stderr
}

/// A test over one output stream, line by line.
public enum OutputTest: Sendable, Hashable {
  /// Some line matches the pattern somewhere (`^`/`$` anchor it to the line).
  case matches(String)
  /// Some line contains the text exactly.
  case contains(String)
  /// The number of lines compares so with the count.
  case lines(ComparisonOperator, Int)
}

extension Step {
  /// The exercises written in this step, in order.
  public var exercises: [Exercise] {
    blocks.compactMap { if case .exercise(let e) = $0 { e } else { nil } }
  }
}

extension Lesson {
  /// Every exercise of the lesson, in file order.
  public var exercises: [Exercise] { steps.flatMap(\.exercises) }

  /// The exercise with this id.
  public func exercise(id: String) -> Exercise? { exercises.first { $0.id == id } }
}
