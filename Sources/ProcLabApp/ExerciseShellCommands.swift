import ArgumentParser

/// `proclab exercise [id]`: the exercise commands of the prompt, from a shell.
struct ExerciseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercise",
    abstract: "List the exercises, or start one: its starter files are copied to your workspace.")

  @Argument(help: "An exercise id, or 'all' (default: every exercise).")
  var id: String?

  @Argument(help: "c for the exercise's C variant (default: python).")
  var language: String?

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let session = try Session.start(library: lessons.library())
    guard let id, id != "all" else {
      session.listExercises(all: true)
      return
    }
    guard let found = session.findExercise(id),
      let chosen = session.exerciseLanguage(language, of: found)
    else { throw ExitCode(2) }
    session.startExercise(found, language: chosen)
  }
}

/// `proclab check <id>`: runs the exercise in its workspace under the tracer; exits 0 when every
/// check passed, 1 when one failed, 2 when it could not be run.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run an exercise under trace and check what it really did (exit 0: all passed).")

  @Argument(help: "The exercise id.")
  var id: String

  @Argument(help: "c to build and check the exercise's C variant (default: python).")
  var language: String?

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let session = try Session.start(library: lessons.library())
    guard let found = session.findExercise(id),
      let chosen = session.exerciseLanguage(language, of: found),
      let result = session.runCheck(found, language: chosen)
    else {
      throw ExitCode(2)
    }
    if result.startFailure != nil { throw ExitCode(2) }
    if result.interrupted { throw ExitCode(130) }
    if !result.passed { throw ExitCode(1) }
  }
}
