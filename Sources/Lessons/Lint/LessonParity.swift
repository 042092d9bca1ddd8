import Localization

/// The parity contract between a lesson and its translation (`ko/<file>` beside `<file>`):
/// the same lesson id, `order` and `requires`; the same steps (by `{#id}`) in the same order;
/// the same demo blocks and exercises in each step, in order; the same questions with the
/// same key fields.
/// Progress, review and results are keyed by lesson, step and question ids, so only a
/// translation that keeps them lets a student switch language mid-lesson.
public enum LessonParity {
  /// Every difference between `english` and its translation, one error each, at the place in
  /// the translation where it shows (its front matter for what the translation lacks).
  public static func check(english: Lesson, translation: Lesson) -> [LessonProblem] {
    var found = ParityFindings(english: english, translation: translation)
    found.frontMatter()
    found.steps()
    found.questions()
    return found.problems.sorted()
  }
}

/// The differences found so far between a lesson and its translation.
struct ParityFindings {
  let english: Lesson
  let translation: Lesson
  var problems: [LessonProblem] = []

  /// `file:line` of something in the English lesson, for the message.
  func there(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

  mutating func add(
    _ at: SourceLocation, _ key: String, _ values: [String: String],
    phrases: [String: LintPhrase] = [:]
  ) {
    problems.append(LessonProblem(at, key: key, values, phrases: phrases))
  }

  mutating func frontMatter() {
    let at = translation.location
    if english.id != translation.id {
      add(
        at, "lint.parity.lessonID",
        ["id": translation.id, "english": english.id, "file": english.file])
    }
    if english.order != translation.order {
      add(
        at, "lint.parity.order", ["file": english.file],
        phrases: [
          "mine": .orNone(translation.order.map(String.init)),
          "theirs": .orNone(english.order.map(String.init)),
        ])
    }
    if english.requires != translation.requires {
      add(
        at, "lint.parity.requires",
        [
          "mine": translation.requires.joined(separator: ", "),
          "theirs": english.requires.joined(separator: ", "), "file": english.file,
        ])
    }
  }

  mutating func steps() {
    let englishIDs = english.steps.map(\.id)
    let translatedIDs = Set(translation.steps.map(\.id))
    for step in english.steps where !translatedIDs.contains(step.id) {
      add(
        translation.location, "lint.parity.stepMissing",
        ["id": step.id, "at": there(step.location)])
    }
    let englishSet = Set(englishIDs)
    for step in translation.steps where !englishSet.contains(step.id) {
      add(step.location, "lint.parity.stepExtra", ["id": step.id, "file": english.file])
    }
    // The steps both have, in the order each has them.
    let common = translation.steps.filter { englishSet.contains($0.id) }
    let englishOrder = englishIDs.filter { translatedIDs.contains($0) }
    for (position, step) in common.enumerated() where englishOrder[position] != step.id {
      add(
        step.location, "lint.parity.stepOrder",
        ["id": step.id, "file": english.file, "other": englishOrder[position]])
      break
    }
    for step in common {
      if let original = english.step(id: step.id) {
        demos(original, step)
        exercises(original, step)
      }
    }
  }

  /// The exercise blocks of one step: the same ids in the same order, each with the same
  /// files, run, runs, timeout and check conditions, and as many hints; and the same C
  /// variant (c-files, c-build, c-run, as many c-hints) or none in both.
  mutating func exercises(_ original: Step, _ step: Step) {
    let mine = step.exercises
    let theirs = original.exercises
    for (i, exercise) in mine.enumerated() {
      guard i < theirs.count, theirs[i].id == exercise.id else {
        var values = ["id": exercise.id, "n": String(i + 1), "step": step.id, "file": english.file]
        values["other"] = i < theirs.count ? theirs[i].id : nil
        add(
          exercise.location,
          i < theirs.count ? "lint.parity.exercisePlace" : "lint.parity.exercisePlaceNone", values)
        continue
      }
      let e = theirs[i]
      // A field named as the lesson format writes it, or by a phrase; nil values are `none`.
      func field(_ name: LintPhrase, _ a: String?, _ b: String?) {
        guard a != b else { return }
        add(
          exercise.location, "lint.parity.exerciseField",
          ["id": exercise.id, "file": there(e.location)],
          phrases: ["field": name, "mine": .orNone(b), "theirs": .orNone(a)])
      }
      func word(_ name: String) -> LintPhrase { .verbatim(name) }
      field(word("files"), e.files.joined(separator: ", "), exercise.files.joined(separator: ", "))
      field(word("run"), e.commandLine, exercise.commandLine)
      field(word("runs"), String(e.runs), String(exercise.runs))
      field(word("timeout"), String(e.timeout), String(exercise.timeout))
      field(
        LintPhrase("lint.field.checkConditions"),
        e.checks.map(\.conditionText).joined(separator: " | "),
        exercise.checks.map(\.conditionText).joined(separator: " | "))
      field(LintPhrase("lint.field.hints"), String(e.hints.count), String(exercise.hints.count))
      field(
        LintPhrase("lint.field.cVariant"), e.c == nil ? nil : "c", exercise.c == nil ? nil : "c")
      if let ec = e.c, let c = exercise.c {
        field(word("c-files"), ec.files.joined(separator: ", "), c.files.joined(separator: ", "))
        field(word("c-build"), ec.buildLine, c.buildLine)
        field(word("c-run"), ec.run.joined(separator: " "), c.run.joined(separator: " "))
        field(LintPhrase("lint.field.cHints"), String(ec.hints.count), String(c.hints.count))
      }
    }
    for exercise in theirs.dropFirst(mine.count) {
      add(
        step.location, "lint.parity.exerciseMissing",
        ["step": step.id, "id": exercise.id, "at": there(exercise.location)])
    }
  }

  /// The demo blocks of one step, compared in order.
  mutating func demos(_ original: Step, _ step: Step) {
    let mine = step.demos
    let theirs = original.demos
    for (i, demo) in mine.enumerated() {
      guard i < theirs.count else {
        add(
          demo.location, "lint.parity.demoExtra",
          ["demo": demo.commandLine, "step": step.id, "file": english.file])
        continue
      }
      if demo.demo != theirs[i].demo || demo.arguments != theirs[i].arguments {
        add(
          demo.location, "lint.parity.demoPlace",
          [
            "n": String(i + 1), "step": step.id, "demo": demo.commandLine,
            "at": there(theirs[i].location), "other": theirs[i].commandLine,
          ])
      }
    }
    for demo in theirs.dropFirst(mine.count) {
      add(
        step.location, "lint.parity.demoMissing",
        ["step": step.id, "demo": demo.commandLine, "at": there(demo.location)])
    }
  }

  mutating func questions() {
    let translated = Set(translation.questions.map(\.id))
    for q in english.questions where !translated.contains(q.id) {
      add(
        translation.location, "lint.parity.questionMissing",
        ["id": q.id, "at": there(q.location)])
    }
    for q in translation.questions {
      guard let original = english.question(id: q.id) else {
        add(q.location, "lint.parity.questionExtra", ["id": q.id, "file": english.file])
        continue
      }
      compare(original, q)
    }
  }

  /// The key fields of one question: one error per field that differs.
  mutating func compare(_ e: Question, _ t: Question) {
    var differs: [(LintPhrase, String?, String?)] = []
    func field(_ name: LintPhrase, _ a: String?, _ b: String?) {
      if a != b { differs.append((name, b, a)) }
    }
    func word(_ name: String) -> LintPhrase { .verbatim(name) }
    field(word("kind"), e.kind.rawValue, t.kind.rawValue)
    field(word("step"), e.stepID, t.stepID)
    field(word("demo"), e.demo?.commandLine, t.demo?.commandLine)
    field(word("check"), e.checkText, t.checkText)
    field(word("unit"), e.unit, t.unit)
    field(word("retries"), e.retries.map(String.init), t.retries.map(String.init))
    field(word("points"), String(e.points), String(t.points))
    field(LintPhrase("lint.field.choices"), String(e.choices.count), String(t.choices.count))
    field(LintPhrase("lint.field.items"), String(e.items.count), String(t.items.count))
    switch (e.answer, t.answer) {
    case (.text(let accepted, let pattern), .text?):
      for answer in accepted where !t.isCorrect(.text(answer)) {
        add(t.location, "lint.parity.englishAnswer", ["id": t.id, "answer": answer])
      }
      if accepted.isEmpty, pattern != nil, case .text(_, nil)? = t.answer {
        add(t.location, "lint.parity.noPattern", ["id": t.id, "at": there(e.location)])
      }
    default:
      if e.answer != t.answer { field(word("answer"), Self.keyText(e), Self.keyText(t)) }
    }
    for (name, mine, theirs) in differs {
      add(
        t.location, "lint.parity.questionField", ["id": t.id, "at": there(e.location)],
        phrases: ["field": name, "mine": .orNone(mine), "theirs": .orNone(theirs)])
    }
  }
}

extension ParityFindings {
  /// A question's answer key as written, without the choices' words (which are translated):
  /// `b`, `a, c`, `true`, `4 s ± 5%`, `c, b, d, a`.
  static func keyText(_ q: Question) -> String? {
    if case .choices(let picks)? = q.answer {
      return picks.map { Choice.label(at: $0) }.joined(separator: ", ")
    }
    return q.answer == nil ? nil : q.answerText
  }
}

extension LessonLinter {
  /// When `directory` is itself a translation directory (`…/ko`, checked on its own), its
  /// `lessons` against the English lessons of the same file names in the directory above.
  func lintAsTranslations(_ lessons: [Lesson], in directory: String) -> [LessonProblem] {
    let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    guard LessonFiles.baseName(trimmed) == "ko", !lessons.isEmpty else { return [] }
    let parent = trimmed.contains("/") ? String(trimmed[..<trimmed.lastIndex(of: "/")!]) : "."
    var problems: [LessonProblem] = []
    for lesson in lessons {
      let name = LessonFiles.baseName(lesson.file)
      let file = (parent.isEmpty ? "" : parent + "/") + name
      guard let bytes = try? LessonFiles.read(file),
        let original = LessonParser.parseForLint(bytes: bytes, file: file).lesson
      else {
        problems.append(
          LessonProblem(
            lesson.location, key: "lint.parity.noEnglish",
            ["name": name, "directory": parent.isEmpty ? "/" : parent]))
        continue
      }
      problems += LessonParity.check(english: original, translation: lesson)
    }
    return problems
  }

  /// The translations beside the English lessons of `directory` (`ko/*.md`), each linted as
  /// a lesson on its own (its ids are the English ones, never duplicates) and against the
  /// English lesson of the same file name. `english` are the lessons read from `directory`.
  func lintTranslations(of directory: String, english: [Lesson]) -> [LessonProblem] {
    let sub = (directory.hasSuffix("/") ? directory : directory + "/") + "ko"
    guard LessonFiles.isDirectory(sub),
      let files = try? LessonFiles.lessonFiles(in: sub)
    else { return [] }
    var byName: [String: Lesson] = [:]
    for lesson in english { byName[LessonFiles.baseName(lesson.file)] = lesson }
    var problems: [LessonProblem] = []
    for file in files {
      guard let bytes = try? LessonFiles.read(file) else {
        problems.append(
          LessonProblem(SourceLocation(file: file, line: 1), key: "lint.cannotReadFile"))
        continue
      }
      let parsed = LessonParser.parseForLint(bytes: bytes, file: file)
      problems += parsed.problems
      guard let lesson = parsed.lesson else { continue }
      problems += lint(lesson: lesson)
      guard let original = byName[LessonFiles.baseName(file)] else {
        problems.append(
          LessonProblem(
            lesson.location, key: "lint.parity.noEnglish",
            ["name": LessonFiles.baseName(file), "directory": directory]))
        continue
      }
      problems += LessonParity.check(english: original, translation: lesson)
    }
    return problems
  }
}
