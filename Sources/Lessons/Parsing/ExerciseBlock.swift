import Localization

// Reading one ```exercise block into an Exercise (docs/exercises.md): `key: value` lines, then
// `task:` and the Markdown after it. Every problem is one line at its file:line:col; a block
// with an error is left out of the lesson, so `exercise` never offers a broken one.
extension LessonFileParser {
  static let exerciseKeys = [
    "id", "title", "files", "run", "runs", "timeout", "check", "hint", "c-files", "c-build",
    "c-run", "c-hint", "task",
  ]
  /// Characters a `run:` word may not hold: `run:` is argv, never a shell command line.
  static let shellCharacters: Set<Character> = ["|", ";", "&", "<", ">", "`", "$", "\"", "'"]
  static let maximumExerciseFiles = 8

  /// The lines of an exercise block before and after `task:`, sorted by key.
  struct ExerciseFields {
    var single: [String: (line: SourceLine, value: Substring)] = [:]
    var checks: [ExerciseCheck] = []
    var hints: [String] = []
    var cHints: [String] = []
    var task: [Substring] = []
  }

  /// Reads the block's `key: value` lines up to `task:`, then the task's lines; reports
  /// unknown and doubled keys.
  mutating func exerciseFields(_ content: Range<Int>, indent: Int) -> ExerciseFields {
    var fields = ExerciseFields()
    var taskSeen = false
    for k in content {
      let line = lines[k].with(Scanning.removingIndent(lines[k].text, indent))
      if taskSeen {
        fields.task.append(line.text)
        continue
      }
      let text = line.text
      if Scanning.isBlank(text) { continue }
      let trimmed = text.trimmingWhitespace()
      if trimmed.hasPrefix("#") { continue }
      guard let colon = trimmed.firstIndex(of: ":") else {
        error(
          line, trimmed.startIndex,
          LintPhrase(
            "lint.exercise.keyValue", ["keys": Self.exerciseKeys.joined(separator: ", ")]))
        continue
      }
      let key = String(trimmed[..<colon].trimmingWhitespace())
      let value = trimmed[trimmed.index(after: colon)...].trimmingWhitespace()
      let valueAt = value.isEmpty ? trimmed.index(after: colon) : value.startIndex
      switch key {
      case "check":
        if let check = exerciseCheck(line, value, at: valueAt) { fields.checks.append(check) }
      case "hint", "c-hint":
        if value.isEmpty {
          error(line, valueAt, LintPhrase("lint.exercise.emptyHint", ["key": String(key)]))
        } else if key == "hint" {
          fields.hints.append(String(value))
        } else {
          fields.cHints.append(String(value))
        }
      case "task":
        taskSeen = true
        if !value.isEmpty { fields.task.append(value) }
      case "id", "title", "files", "run", "runs", "timeout", "c-files", "c-build", "c-run":
        if let first = fields.single[key] {
          error(
            line, trimmed.startIndex,
            LintPhrase(
              "lint.exercise.keyTwice", ["key": String(key), "line": String(first.line.number)]))
        } else {
          fields.single[key] = (line, value)
        }
      default:
        error(
          line, trimmed.startIndex,
          LintPhrase(
            "lint.exercise.unknownKey",
            Suggestions.nearest(String(key), Self.exerciseKeys).withNear(["key": String(key)])))
      }
    }
    return fields
  }

  /// Reads one exercise block; `nil` (with problems reported) when it has an error.
  mutating func exercise(fence: SourceLine, content: Range<Int>, indent: Int) -> Exercise? {
    let errorsBefore = errorCount
    let fields = exerciseFields(content, indent: indent)
    let single = fields.single
    let checks = fields.checks
    let hints = fields.hints
    var task = fields.task
    let fenceAt = location(fence, fence.text.startIndex)
    func required(_ key: String) -> (line: SourceLine, value: Substring)? {
      guard let field = single[key], !field.value.isEmpty else {
        error(
          fenceAt,
          LintPhrase(
            single[key] == nil ? "lint.exercise.noKey" : "lint.exercise.noValue", ["key": key]))
        return nil
      }
      return field
    }
    let idField = required("id")
    let titleField = required("title")
    let filesField = required("files")
    let runField = required("run")
    let id = idField.map { String($0.value) } ?? ""
    if let idField, !Self.isExerciseID(idField.value) {
      error(
        idField.line, idField.value.startIndex,
        LintPhrase("lint.exercise.badID", ["id": String(idField.value)]))
    }
    let files = filesField.map { exerciseFiles($0.line, $0.value) } ?? []
    let run = runField.map { exerciseRun($0.line, $0.value, files: files) } ?? []
    let runs = exerciseNumber(single["runs"], key: "runs", range: 1...20, default: 1)
    let timeout = exerciseNumber(single["timeout"], key: "timeout", range: 1...60, default: 10)
    if checks.isEmpty, errorCount == errorsBefore {
      error(fenceAt, LintPhrase("lint.exercise.noCheck", ["id": id]))
    }
    if hints.isEmpty {
      error(fenceAt, LintPhrase("lint.exercise.noHint", ["id": id]))
    }
    while let last = task.last, Scanning.isBlank(last) { task.removeLast() }
    while let first = task.first, Scanning.isBlank(first) { task.removeFirst() }
    if task.isEmpty {
      error(fenceAt, LintPhrase("lint.exercise.noTask", ["id": id]))
    }
    let c = cVariant(fields, id: id, fenceAt: fenceAt)
    guard errorCount == errorsBefore, let idField, let titleField, let filesField, let runField
    else { return nil }
    var exercise = Exercise(
      id: id, title: String(titleField.value), files: files, run: run, runs: runs,
      timeout: timeout, checks: checks, hints: hints,
      task: task.joined(separator: "\n"),
      location: location(idField.line, idField.value.startIndex),
      filesLocation: location(filesField.line, filesField.value.startIndex),
      runLocation: location(runField.line, runField.value.startIndex))
    exercise.c = c
    return exercise
  }

  /// Whether `id` is 1–64 lower-case ASCII letters, digits and `-`, starting with a letter.
  static func isExerciseID(_ id: some StringProtocol) -> Bool {
    let bytes = Array(id.utf8)
    guard let first = bytes.first, (97...122).contains(first), bytes.count <= 64 else {
      return false
    }
    return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
  }

  /// `check: <condition> :: <meaning>`, split at the first `::` outside a quoted text.
  mutating func exerciseCheck(
    _ line: SourceLine, _ value: Substring, at valueAt: String.Index
  ) -> ExerciseCheck? {
    var quoted = false
    var escaped = false
    var split: String.Index?
    var index = value.startIndex
    while index < value.endIndex {
      let c = value[index]
      if escaped {
        escaped = false
      } else if c == "\\", quoted {
        escaped = true
      } else if c == "\"" {
        quoted.toggle()
      } else if !quoted, c == ":", value[index...].hasPrefix("::") {
        split = index
        break
      }
      index = value.index(after: index)
    }
    guard let split else {
      error(
        line, valueAt,
        LintPhrase("lint.exercise.checkForm"))
      return nil
    }
    let condition = value[..<split].trimmingWhitespace()
    let meaning = value[value.index(split, offsetBy: 2)...].trimmingWhitespace()
    if condition.isEmpty || meaning.isEmpty {
      error(
        line, condition.isEmpty ? valueAt : split,
        LintPhrase(condition.isEmpty ? "lint.exercise.noCondition" : "lint.exercise.noMeaning"))
      return nil
    }
    do throws(CheckRuleError) {
      let parsed = try ExerciseCondition.parse(String(condition))
      return ExerciseCheck(
        condition: parsed, conditionText: String(condition), meaning: String(meaning),
        location: location(line, condition.startIndex))
    } catch {
      let at =
        condition.unicodeScalars.index(
          condition.startIndex, offsetBy: min(error.offset, condition.unicodeScalars.count),
          limitedBy: condition.endIndex) ?? condition.startIndex
      self.error(
        line, at,
        LintPhrase(
          "lint.exercise.badCheck", ["condition": String(condition), "detail": error.message]))
      return nil
    }
  }

  /// `files: a.py, b.py`: names only, each at most once.
  mutating func exerciseFiles(_ line: SourceLine, _ value: Substring) -> [String] {
    var names: [String] = []
    for part in value.split(separator: ",") {
      let name = part.trimmingWhitespace()
      let ok =
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.count <= 128
        && name.utf8.allSatisfy { Scanning.isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }
      if !ok {
        error(
          line, name.isEmpty ? part.startIndex : name.startIndex,
          LintPhrase("lint.exercise.badFile", ["name": String(name)]))
      } else if names.contains(String(name)) {
        error(line, name.startIndex, LintPhrase("lint.exercise.fileTwice", ["name": String(name)]))
      } else {
        names.append(String(name))
      }
    }
    if names.count > Self.maximumExerciseFiles {
      error(
        line, value.startIndex,
        LintPhrase(
          "lint.exercise.tooManyFiles",
          ["max": String(Self.maximumExerciseFiles), "count": String(names.count)]))
    }
    return names
  }

  /// `run: python3 x.py`: argv words, no shell; a program path must be `./<one of files>`.
  mutating func exerciseRun(_ line: SourceLine, _ value: Substring, files: [String]) -> [String] {
    let words = Scanning.words(value)
    for word in words {
      if let bad = word.first(where: { Self.shellCharacters.contains($0) }) {
        error(
          line, word.startIndex,
          LintPhrase("lint.exercise.runShell", ["bad": String(bad)]))
        return []
      }
    }
    if let program = words.first, program.contains("/") {
      let name = program.hasPrefix("./") ? program.dropFirst(2) : program
      if !program.hasPrefix("./") || !files.contains(String(name)) {
        error(
          line, program.startIndex,
          LintPhrase("lint.exercise.runProgram", ["program": String(program)]))
        return []
      }
    }
    return words.map(String.init)
  }

  /// `runs:` or `timeout:`: a whole number in `range`, or the default when the key is absent.
  mutating func exerciseNumber(
    _ field: (line: SourceLine, value: Substring)?, key: String, range: ClosedRange<Int>,
    default value: Int
  ) -> Int {
    guard let field else { return value }
    guard let n = Int(field.value), range.contains(n) else {
      error(
        field.line, field.value.startIndex,
        LintPhrase(
          "lint.exercise.number",
          [
            "key": key, "value": String(field.value), "min": String(range.lowerBound),
            "max": String(range.upperBound),
          ]))
      return value
    }
    return n
  }
}
