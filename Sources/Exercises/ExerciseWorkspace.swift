import Glibc
public import Lessons
import OSKit

/// The student's copy of an exercise: `$XDG_DATA_HOME/proclab/exercises/<id>/`
/// (`~/.local/share/proclab/exercises/<id>/` without `XDG_DATA_HOME`), where the student edits
/// the starter files and `check` runs them (docs/exercises.md, "Files"). A C variant's files
/// go in its own subfolder, `<id>/c/`, so the two languages' files and the built program never
/// meet.
public struct ExerciseWorkspace: Sendable, Hashable {
  /// The workspace directory (absolute).
  public let directory: String

  /// The workspace of exercise `id` under `root` (`…/proclab/exercises`).
  public init(root: String, id: String) {
    directory = root + "/" + id
  }

  /// `$XDG_DATA_HOME/proclab/exercises`, else `$HOME/.local/share/proclab/exercises`; nil,
  /// with the reason, when neither is an absolute path.
  public static func root() -> Result<String, Refusal> {
    if let xdg = ProcessEnvironment.value("XDG_DATA_HOME"), xdg.hasPrefix("/") {
      return .success(xdg + "/proclab/exercises")
    }
    if let home = ProcessEnvironment.value("HOME"), home.hasPrefix("/") {
      return .success(home + "/.local/share/proclab/exercises")
    }
    return .failure(
      Refusal(
        message: "there is no place for exercise files: set XDG_DATA_HOME or HOME to an "
          + "absolute path"))
  }

  /// The folder of the variant in `language`: the workspace, or its `c/` subfolder.
  public func directory(for language: ExerciseLanguage) -> String {
    language == .c ? directory + "/c" : directory
  }

  /// Why a workspace cannot be used: one line.
  public struct Refusal: Error, Sendable, Hashable {
    public var message: String
  }

  /// What `prepare` did with one starter file.
  public enum FileOutcome: Sendable, Hashable {
    /// It was not there: the starter was copied.
    case copied
    /// It was there, as the starter has it: left as is.
    case unchanged
    /// It was there and differs from the starter (the student's edits): kept, never
    /// overwritten.
    case kept
  }

  /// Creates the workspace (mode 0700) and copies each starter file that is not there yet; a
  /// file already there is never overwritten.
  /// - Parameters:
  ///   - exercise: the exercise.
  ///   - lessonFile: the file of the lesson that holds it (its files are found beside it).
  ///   - korean: whether to take a file from `starter.ko/` when it is there.
  ///   - language: which variant's starter (the C one goes in `c/`).
  /// - Returns: each file with what was done.
  /// - Throws: `Refusal` when the directory cannot be made, a starter file is missing, or a
  ///   file cannot be written.
  public func prepare(
    _ exercise: Exercise, lessonFile: String, korean: Bool, language: ExerciseLanguage = .python
  ) throws(Refusal) -> [(name: String, outcome: FileOutcome)] {
    let folder = directory(for: language)
    guard Self.makeDirectories(folder) else {
      throw Refusal(message: "cannot create \(folder) (\(Self.reason(errno)))")
    }
    var done: [(String, FileOutcome)] = []
    for name in exercise.files(in: language) {
      func contents(_ kind: ExerciseFiles.Kind) -> [UInt8]? {
        ExerciseFiles.contents(
          kind, exercise: exercise.id, lesson: lessonFile, name: name, language: language)
      }
      guard let starter = (korean ? contents(.koreanStarter) : nil) ?? contents(.starter) else {
        throw Refusal(
          message: "the lesson has no starter file \(name) for exercise '\(exercise.id)' ("
            + ExerciseFiles.directory(
              .starter, exercise: exercise.id, lesson: lessonFile, language: language) + ")")
      }
      let path = folder + "/" + name
      if access(path, F_OK) == 0 {
        let present = FileIO.readFile(path, limit: 1 << 20)
        done.append((name, present == starter ? .unchanged : .kept))
        continue
      }
      do throws(SystemError) {
        try FileIO.writeAtomically(directory: folder, name: name, bytes: starter, mode: 0o644)
      } catch {
        throw Refusal(message: "cannot write \(path): \(error)")
      }
      done.append((name, .copied))
    }
    return done
  }

  /// The exercise's files that are not in the workspace.
  public func missingFiles(of exercise: Exercise, language: ExerciseLanguage = .python)
    -> [String]
  {
    exercise.files(in: language).filter { access(directory(for: language) + "/" + $0, F_OK) != 0 }
  }

  /// Creates `path` and its parents (mode 0700); whether it is a directory now.
  static func makeDirectories(_ path: String) -> Bool {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
    }
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }
}
