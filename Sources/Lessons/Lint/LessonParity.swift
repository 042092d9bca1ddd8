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

  mutating func add(_ at: SourceLocation, _ message: String) {
    problems.append(LessonProblem(at, message))
  }

  mutating func frontMatter() {
    let at = translation.location
    if english.id != translation.id {
      add(at, "lesson id '\(translation.id)' differs from '\(english.id)' in \(english.file)")
    }
    if english.order != translation.order {
      let e = english.order.map(String.init) ?? "none"
      let t = translation.order.map(String.init) ?? "none"
      add(at, "order \(t) differs from \(e) in \(english.file)")
    }
    if english.requires != translation.requires {
      add(
        at,
        "requires [\(translation.requires.joined(separator: ", "))] differs from "
          + "[\(english.requires.joined(separator: ", "))] in \(english.file)")
    }
  }

  mutating func steps() {
    let englishIDs = english.steps.map(\.id)
    let translatedIDs = Set(translation.steps.map(\.id))
    for step in english.steps where !translatedIDs.contains(step.id) {
      add(
        translation.location,
        "step '\(step.id)' (\(there(step.location))) is missing from the translation")
    }
    let englishSet = Set(englishIDs)
    for step in translation.steps where !englishSet.contains(step.id) {
      add(step.location, "step '\(step.id)' is not in \(english.file)")
    }
    // The steps both have, in the order each has them.
    let common = translation.steps.filter { englishSet.contains($0.id) }
    let englishOrder = englishIDs.filter { translatedIDs.contains($0) }
    for (position, step) in common.enumerated() where englishOrder[position] != step.id {
      add(
        step.location,
        "step '\(step.id)' is out of order: \(english.file) has '\(englishOrder[position])' here")
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
        let there = i < theirs.count ? "'\(theirs[i].id)'" : "no exercise"
        add(
          exercise.location,
          "exercise '\(exercise.id)' is exercise \(i + 1) of step '\(step.id)' here; "
            + "\(english.file) has \(there) there")
        continue
      }
      let e = theirs[i]
      func field(_ name: String, _ a: String, _ b: String) {
        guard a != b else { return }
        add(
          exercise.location,
          "exercise '\(exercise.id)': \(name) '\(b)' here differs from '\(a)' in "
            + there(e.location))
      }
      field("files", e.files.joined(separator: ", "), exercise.files.joined(separator: ", "))
      field("run", e.commandLine, exercise.commandLine)
      field("runs", String(e.runs), String(exercise.runs))
      field("timeout", String(e.timeout), String(exercise.timeout))
      field(
        "check conditions", e.checks.map(\.conditionText).joined(separator: " | "),
        exercise.checks.map(\.conditionText).joined(separator: " | "))
      field("number of hints", String(e.hints.count), String(exercise.hints.count))
      field("C variant", e.c == nil ? "none" : "c", exercise.c == nil ? "none" : "c")
      if let ec = e.c, let c = exercise.c {
        field("c-files", ec.files.joined(separator: ", "), c.files.joined(separator: ", "))
        field("c-build", ec.buildLine, c.buildLine)
        field("c-run", ec.run.joined(separator: " "), c.run.joined(separator: " "))
        field("number of c-hints", String(ec.hints.count), String(c.hints.count))
      }
    }
    for exercise in theirs.dropFirst(mine.count) {
      add(
        step.location,
        "step '\(step.id)' lacks the exercise '\(exercise.id)' of \(there(exercise.location))")
    }
  }

  /// The demo blocks of one step, compared in order.
  mutating func demos(_ original: Step, _ step: Step) {
    let mine = step.demos
    let theirs = original.demos
    for (i, demo) in mine.enumerated() {
      guard i < theirs.count else {
        add(
          demo.location,
          "demo block '\(demo.commandLine)' is not in step '\(step.id)' of \(english.file)")
        continue
      }
      if demo.demo != theirs[i].demo || demo.arguments != theirs[i].arguments {
        add(
          demo.location,
          "demo block \(i + 1) of step '\(step.id)' is '\(demo.commandLine)'; "
            + "\(there(theirs[i].location)) has '\(theirs[i].commandLine)'")
      }
    }
    for demo in theirs.dropFirst(mine.count) {
      add(
        step.location,
        "step '\(step.id)' lacks the demo block '\(demo.commandLine)' of \(there(demo.location))")
    }
  }

  mutating func questions() {
    let translated = Set(translation.questions.map(\.id))
    for q in english.questions where !translated.contains(q.id) {
      add(
        translation.location,
        "question '\(q.id)' (\(there(q.location))) is missing from the translation")
    }
    for q in translation.questions {
      guard let original = english.question(id: q.id) else {
        add(q.location, "question '\(q.id)' is not in \(english.file)")
        continue
      }
      compare(original, q)
    }
  }

  /// The key fields of one question: one error per field that differs.
  mutating func compare(_ e: Question, _ t: Question) {
    var differs: [(String, String, String)] = []
    func field(_ name: String, _ a: String?, _ b: String?) {
      if a != b { differs.append((name, b ?? "none", a ?? "none")) }
    }
    field("kind", e.kind.rawValue, t.kind.rawValue)
    field("step", e.stepID, t.stepID)
    field("demo", e.demo?.commandLine, t.demo?.commandLine)
    field("check", e.checkText, t.checkText)
    field("unit", e.unit, t.unit)
    field("retries", e.retries.map(String.init), t.retries.map(String.init))
    field("points", String(e.points), String(t.points))
    field("number of choices", String(e.choices.count), String(t.choices.count))
    field("number of items", String(e.items.count), String(t.items.count))
    switch (e.answer, t.answer) {
    case (.text(let accepted, let pattern), .text?):
      for answer in accepted where !t.isCorrect(.text(answer)) {
        add(t.location, "question '\(t.id)' does not accept the English answer '\(answer)'")
      }
      if accepted.isEmpty, pattern != nil, case .text(_, nil)? = t.answer {
        add(t.location, "question '\(t.id)' has no pattern; \(there(e.location)) has one")
      }
    default:
      if e.answer != t.answer { field("answer", Self.keyText(e), Self.keyText(t)) }
    }
    for (name, mine, theirs) in differs {
      add(
        t.location,
        "question '\(t.id)': \(name) is '\(mine)' here, '\(theirs)' in \(there(e.location))")
    }
  }
}

extension ParityFindings {
  /// A question's answer key as written, without the choices' words (which are translated):
  /// `b`, `a, c`, `true`, `4 s ± 5%`, `c, b, d, a`.
  static func keyText(_ q: Question) -> String {
    if case .choices(let picks)? = q.answer {
      return picks.map { Choice.label(at: $0) }.joined(separator: ", ")
    }
    return q.answer == nil ? "none" : q.answerText
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
            lesson.location,
            "translation without an English lesson: no \(name) in \(parent.isEmpty ? "/" : parent)"
          ))
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
        problems.append(LessonProblem(SourceLocation(file: file, line: 1), "cannot read"))
        continue
      }
      let parsed = LessonParser.parseForLint(bytes: bytes, file: file)
      problems += parsed.problems
      guard let lesson = parsed.lesson else { continue }
      problems += lint(lesson: lesson)
      guard let original = byName[LessonFiles.baseName(file)] else {
        problems.append(
          LessonProblem(
            lesson.location,
            "translation without an English lesson: no \(LessonFiles.baseName(file)) in "
              + directory))
        continue
      }
      problems += LessonParity.check(english: original, translation: lesson)
    }
    return problems
  }
}
