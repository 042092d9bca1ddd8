import Localization

// Reading an exercise block's C variant (docs/exercises.md, "C"): `c-files`, `c-build`,
// `c-run` (all three, or none) and at least one `c-hint`. The build is argv words like `run:`,
// names its output with `-o`, and `c-run` starts that output as `./name`.
extension LessonFileParser {
  /// The block's C variant, `nil` when it has none or (with problems reported) an error.
  mutating func cVariant(_ fields: ExerciseFields, id: String, fenceAt: SourceLocation)
    -> ExerciseCVariant?
  {
    let keys = ["c-files", "c-build", "c-run"]
    let given = keys.filter { fields.single[$0] != nil }
    guard !given.isEmpty || !fields.cHints.isEmpty else { return nil }
    let errorsBefore = errorCount
    for key in keys where fields.single[key]?.value.isEmpty ?? true {
      error(
        fenceAt,
        LintPhrase(
          fields.single[key] == nil ? "lint.exercise.cNoKey" : "lint.exercise.cNoValue",
          ["id": id, "key": key]))
    }
    if fields.cHints.isEmpty {
      error(
        fenceAt, LintPhrase("lint.exercise.cNoHint", ["id": id]))
    }
    guard errorCount == errorsBefore, let filesField = fields.single["c-files"],
      let buildField = fields.single["c-build"], let runField = fields.single["c-run"]
    else { return nil }
    let files = exerciseFiles(filesField.line, filesField.value)
    let build = cBuild(buildField.line, buildField.value, files: files)
    let run = cRun(runField.line, runField.value, output: build.output)
    guard errorCount == errorsBefore else { return nil }
    return ExerciseCVariant(
      files: files, build: build.words, run: run, hints: fields.cHints,
      filesLocation: location(filesField.line, filesField.value.startIndex),
      buildLocation: location(buildField.line, buildField.value.startIndex),
      runLocation: location(runField.line, runField.value.startIndex))
  }

  /// `c-build: cc -Wall -O2 -o prog prog.c`: argv words, no shell; the compiler a name found
  /// in PATH; `-o <name>` names the program made, which is not one of the files.
  mutating func cBuild(_ line: SourceLine, _ value: Substring, files: [String])
    -> (words: [String], output: String?)
  {
    let words = Scanning.words(value)
    if let bad = shellWord(words) {
      error(
        line, bad.at,
        LintPhrase("lint.exercise.cBuildShell", ["bad": String(bad.character)]))
      return ([], nil)
    }
    guard let compiler = words.first, !compiler.contains("/") else {
      error(
        line, value.startIndex,
        LintPhrase("lint.exercise.cBuildPath"))
      return ([], nil)
    }
    guard let o = words.firstIndex(where: { $0 == "-o" }), o + 1 < words.count else {
      error(
        line, value.startIndex,
        LintPhrase("lint.exercise.cBuildOutput"))
      return ([], nil)
    }
    let output = words[o + 1]
    let ok =
      !output.hasPrefix(".") && !output.hasPrefix("-")
      && output.utf8.allSatisfy { Scanning.isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    if !ok || files.contains(String(output)) {
      error(
        line, output.startIndex,
        LintPhrase("lint.exercise.cBuildName", ["output": String(output)]))
      return ([], nil)
    }
    return (words.map(String.init), String(output))
  }

  /// `c-run: ./prog`: argv words, no shell; the program is the one `c-build:` makes.
  mutating func cRun(_ line: SourceLine, _ value: Substring, output: String?) -> [String] {
    let words = Scanning.words(value)
    if let bad = shellWord(words) {
      error(
        line, bad.at,
        LintPhrase("lint.exercise.cRunShell", ["bad": String(bad.character)]))
      return []
    }
    guard let output else { return [] }  // c-build said what was wrong
    guard words.first == "./" + output else {
      error(
        line, words.first?.startIndex ?? value.startIndex,
        LintPhrase("lint.exercise.cRunProgram", ["output": String(output)]))
      return []
    }
    return words.map(String.init)
  }

  /// The first shell character in `words`, and where it is.
  func shellWord(_ words: [Substring]) -> (character: Character, at: String.Index)? {
    for word in words {
      if let i = word.firstIndex(where: { Self.shellCharacters.contains($0) }) {
        return (word[i], i)
      }
    }
    return nil
  }
}
