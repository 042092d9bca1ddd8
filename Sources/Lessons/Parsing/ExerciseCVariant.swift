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
        "exercise '\(id)' has a C variant but no '\(key):'"
          + (fields.single[key] == nil ? "" : " value")
          + ": a C variant needs c-files, c-build, c-run and a c-hint")
    }
    if fields.cHints.isEmpty {
      error(
        fenceAt, "exercise '\(id)' has a C variant but no 'c-hint:' line: it needs at least one")
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
        "'\(bad.character)' in 'c-build:': it is argv words split at spaces, run without a "
          + "shell, e.g. 'cc -Wall -O2 -o prog prog.c'")
      return ([], nil)
    }
    guard let compiler = words.first, !compiler.contains("/") else {
      error(
        line, value.startIndex,
        "'c-build:' starts with the compiler's name, found in PATH (cc), not a path")
      return ([], nil)
    }
    guard let o = words.firstIndex(where: { $0 == "-o" }), o + 1 < words.count else {
      error(
        line, value.startIndex,
        "'c-build:' must name the program it makes with '-o <name>', e.g. "
          + "'cc -Wall -O2 -o prog prog.c'")
      return ([], nil)
    }
    let output = words[o + 1]
    let ok =
      !output.hasPrefix(".") && !output.hasPrefix("-")
      && output.utf8.allSatisfy { Scanning.isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    if !ok || files.contains(String(output)) {
      error(
        line, output.startIndex,
        "'-o \(output)': the program made is a plain file name (letters, digits, '.', '_', "
          + "'-') and not one of 'c-files:'")
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
        "'\(bad.character)' in 'c-run:': it is argv words split at spaces, run without a shell")
      return []
    }
    guard let output else { return [] }  // c-build said what was wrong
    guard words.first == "./" + output else {
      error(
        line, words.first?.startIndex ?? value.startIndex,
        "'c-run:' starts the program 'c-build:' makes: write './\(output)'")
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
