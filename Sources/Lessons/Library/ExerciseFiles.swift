/// Where an exercise's files are, beside the lesson that holds it (docs/exercises.md, "Files"):
/// `exercises/<id>/starter/`, `starter.ko/` and `solution/` in the lesson's directory, or in
/// the directory above for a translation in `ko/`. Carried lessons (`<built-in>/…`) carry
/// their exercises the same way. A C variant's files are under `exercises/<id>/c/` in the same
/// three kinds.
public enum ExerciseFiles {
  /// Which copy of the files.
  public enum Kind: String, Sendable {
    /// What the student starts from.
    case starter
    /// The starter with Korean comments (optional; used in Korean when a file is there).
    case koreanStarter = "starter.ko"
    /// The reference solution: never copied to the workspace.
    case solution
  }

  /// The `exercises` directory for a lesson file.
  public static func root(forLesson file: String) -> String {
    var directory = parent(file)
    if LessonFiles.baseName(directory) == "ko" { directory = parent(directory) }
    return directory + "/exercises"
  }

  /// The directory of one kind of an exercise's files (of its C variant: under `c/`).
  public static func directory(
    _ kind: Kind, exercise id: String, lesson file: String, language: ExerciseLanguage = .python
  ) -> String {
    root(forLesson: file) + "/" + id + (language == .c ? "/c/" : "/") + kind.rawValue
  }

  /// The contents of one of an exercise's files, or `nil` when it is not there.
  public static func contents(
    _ kind: Kind, exercise id: String, lesson file: String, name: String,
    language: ExerciseLanguage = .python
  ) -> [UInt8]? {
    try? LessonFiles.read(
      directory(kind, exercise: id, lesson: file, language: language) + "/" + name)
  }

  /// Whether the file exists.
  public static func exists(
    _ kind: Kind, exercise id: String, lesson file: String, name: String,
    language: ExerciseLanguage = .python
  ) -> Bool {
    LessonFiles.exists(
      directory(kind, exercise: id, lesson: file, language: language) + "/" + name)
  }

  /// The directory part of a path (`.` for a bare name).
  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
