import DemoContract
import Exercises
import Glibc
import Lessons
import Localization
import OSKit
import Quiz
import Render

/// The exercise a session is doing: the last `exercise <id>` (or `check <id>`), and how many of
/// its hints were shown.
struct CurrentExercise {
  var id: String
  var hintsShown = 0
  /// The variant being done: `exercise <id> c` makes it C.
  var language: ExerciseLanguage = .python
}

/// An exercise with the lesson it is written in.
struct FoundExercise {
  var exercise: Exercise
  var lesson: Lesson
}

extension LessonLibrary {
  /// Every exercise of the loaded lessons, in learning-path order.
  var allExercises: [FoundExercise] {
    lessons.flatMap { lesson in lesson.exercises.map { FoundExercise(exercise: $0, lesson: lesson) }
    }
  }

  /// The exercise with this id, and its lesson.
  func exercise(_ id: String) -> FoundExercise? { allExercises.first { $0.exercise.id == id } }
}

// `exercise`, `check`, `watch` and `hint` at the prompt (docs/exercises.md, "Commands").
extension Session {
  /// `exercise` (the open lesson's, or every lesson's), `exercise all`, `exercise <id>`,
  /// `exercise <id> c` (its C variant) or `exercise <id> python`.
  func exerciseCommand(_ args: [String]) {
    guard args.count <= 2, args.count < 2 || args[0] != "all" else {
      refuse(Catalog.text("repl.exercise.usage"))
      return
    }
    guard let word = args.first, word != "all" else {
      listExercises(all: args.first == "all")
      return
    }
    guard let found = findExercise(word) else { return }
    guard let language = exerciseLanguage(args.dropFirst().first, of: found) else { return }
    startExercise(found, language: language)
  }

  /// The language named by `word` after an exercise id (none: the current one's for this
  /// exercise, else Python), or nil with one line saying what is allowed.
  func exerciseLanguage(_ word: String?, of found: FoundExercise) -> ExerciseLanguage? {
    guard let word else {
      return currentExercise?.id == found.exercise.id
        ? currentExercise?.language ?? .python
        : .python
    }
    let names = found.exercise.languages.map(\.rawValue).joined(separator: ", ")
    guard let language = ExerciseLanguage(word: word) else {
      refuse(
        Catalog.text(
          "repl.exercise.language.unknown",
          ["word": TerminalSafe.escape(word), "id": found.exercise.id, "languages": names]))
      return nil
    }
    guard found.exercise.languages.contains(language) else {
      refuse(Catalog.text("repl.exercise.language.noC", ["id": found.exercise.id]))
      return nil
    }
    return language
  }

  /// The exercise named by `word`, or one line saying there is none (with the nearest id).
  func findExercise(_ word: String) -> FoundExercise? {
    if let found = library.exercise(word) { return found }
    let ids = library.allExercises.map(\.exercise.id)
    if let guess = Suggest.nearest(word, in: ids) {
      refuse(Catalog.text("repl.exercise.unknown.guess", ["id": word, "guess": guess]))
    } else {
      refuse(Catalog.text("repl.exercise.unknown", ["id": word]))
    }
    return nil
  }

  func listExercises(all: Bool) {
    let everything = library.allExercises
    var shown = everything
    var title = Catalog.text("repl.exercise.list.allTitle")
    if !all, let lesson {
      shown = everything.filter { $0.lesson.id == lesson.id }
      title = Catalog.text("repl.exercise.list.title", ["lesson": lesson.title])
      if shown.isEmpty {
        tell(Catalog.text("repl.exercise.list.none", ["lesson": lesson.id]))
        return
      }
    }
    guard !shown.isEmpty else {
      tell(Catalog.text("repl.exercise.list.empty"))
      return
    }
    let done = style.unicode ? "✓" : "ok"
    var table = Table(
      title: title,
      columns: [
        .init(Catalog.text("repl.exercise.list.id"), whole: true),
        .init(name: Catalog.text("repl.exercise.list.exerciseTitle"), align: .left),
        .init(name: Catalog.text("repl.exercise.list.lesson"), align: .left),
        .init(name: Catalog.text("repl.exercise.list.languages"), align: .left),
        .init(name: Catalog.text("repl.exercise.list.done"), align: .left),
      ], rows: [], footer: [])
    for f in shown {
      // The languages it was passed in, when progress names them (older files do not).
      let passedIn = (store.progress.exercises?[f.exercise.id]?.languages ?? []).compactMap {
        ExerciseLanguage(rawValue: $0)?.displayName
      }
      let mark =
        store.progress.hasPassed(exercise: f.exercise.id)
        ? ([done] + passedIn).joined(separator: " ") : ""
      table.append([
        f.exercise.id, f.exercise.title, f.lesson.id,
        f.exercise.languages.map(\.displayName).joined(separator: ", "), mark,
      ])
    }
    say(table.render(style))
    tell(Catalog.text("repl.exercise.list.how"))
  }

  /// `exercise <id> [c]`: the starter files of that variant copied (never over the student's;
  /// C's in the workspace's `c/` folder), the path, the task.
  func startExercise(_ found: FoundExercise, language: ExerciseLanguage = .python) {
    let exercise = found.exercise
    let workspace: ExerciseWorkspace
    switch ExerciseWorkspace.root() {
    case .success(let root): workspace = ExerciseWorkspace(root: root, id: exercise.id)
    case .failure(let refusal):
      refuse(Catalog.text("repl.exercise.refused", ["id": exercise.id, "why": refusal.message]))
      return
    }
    let files: [(name: String, outcome: ExerciseWorkspace.FileOutcome)]
    do throws(ExerciseWorkspace.Refusal) {
      files = try workspace.prepare(
        exercise, lessonFile: found.lesson.file, korean: Catalog.language == .ko,
        language: language)
    } catch {
      refuse(
        Catalog.text(
          "repl.exercise.refused", ["id": exercise.id, "why": TerminalSafe.escape(error.message)]))
      return
    }
    if currentExercise?.id != exercise.id || currentExercise?.language != language {
      currentExercise = CurrentExercise(id: exercise.id, language: language)
    }
    let renderer = MarkdownRenderer(style: style, shouldStop: StepPlayer.signalled)
    var out = [style.bold("\(exercise.id): \(exercise.title)"), ""]
    out.append(renderer.render(exercise.task))
    out.append("")
    out.append(
      Catalog.text(
        "repl.exercise.workspace",
        ["path": TerminalSafe.escape(workspace.directory(for: language))]))
    for (name, outcome) in files {
      let key =
        switch outcome {
        case .copied: "repl.exercise.copied"
        case .kept: "repl.exercise.kept"
        case .unchanged: "repl.exercise.unchanged"
        }
      out.append("  " + Catalog.text(key, ["name": name]))
    }
    if language == .c, let c = exercise.c {
      out.append(
        wrapped(
          Catalog.text(
            "repl.exercise.c.how",
            [
              "files": c.files.joined(separator: ", "),
              "build": TerminalSafe.escape(c.buildLine),
              "run": TerminalSafe.escape(c.run.joined(separator: " ")),
            ])))
    } else if exercise.c != nil {
      out.append(wrapped(Catalog.text("repl.exercise.c.also", ["id": exercise.id])))
    }
    say(out.joined(separator: "\n"))
    tell(Catalog.text("repl.exercise.next"))
  }

  /// The exercise `check`/`watch` name (`[id] [c|python]`): their argument, else the current
  /// one; the language given, else the current exercise's, else Python.
  func exerciseToCheck(_ args: [String]) -> FoundExercise? {
    var args = args
    // `check c`: the current exercise, in C (a word that is no exercise id but a language).
    if args.count == 1, library.exercise(args[0]) == nil, ExerciseLanguage(word: args[0]) != nil,
      let current = currentExercise?.id
    {
      args.insert(current, at: 0)
    }
    guard args.count <= 2 else {
      refuse(Catalog.text("repl.check.usage"))
      return nil
    }
    guard let id = args.first ?? currentExercise?.id else {
      refuse(Catalog.text("repl.exercise.noCurrent"))
      return nil
    }
    guard let found = findExercise(id) else { return nil }
    guard let language = exerciseLanguage(args.dropFirst().first, of: found) else { return nil }
    if currentExercise?.id != found.exercise.id || currentExercise?.language != language {
      currentExercise = CurrentExercise(id: found.exercise.id, language: language)
    }
    return found
  }

  /// The language `check`/`watch` run: the current exercise's when it is this one.
  func checkLanguage(_ found: FoundExercise) -> ExerciseLanguage {
    currentExercise?.id == found.exercise.id ? currentExercise?.language ?? .python : .python
  }

  /// `check [id] [c|python]`.
  func checkExercise(_ args: [String]) {
    guard let found = exerciseToCheck(args) else { return }
    _ = runCheck(found, language: checkLanguage(found))
    discardTypeahead()
  }

  /// Runs one check of `found` in its workspace, shows it, and records a pass. Returns the run
  /// (nil when there is no workspace).
  @discardableResult
  func runCheck(_ found: FoundExercise, language: ExerciseLanguage = .python) -> ExerciseCheckRun? {
    guard case .success(let root) = ExerciseWorkspace.root() else {
      if case .failure(let refusal) = ExerciseWorkspace.root() {
        refuse(
          Catalog.text("repl.exercise.refused", ["id": found.exercise.id, "why": refusal.message]))
      }
      return nil
    }
    let workspace = ExerciseWorkspace(root: root, id: found.exercise.id)
    let poll = getenv("PROCLAB_TRACE_POLL").map { String(cString: $0) == "1" } ?? false
    say(
      ExerciseScreen.heading(found.exercise, language: language, style: style).joined(
        separator: "\n"))
    let result = ExerciseCheckRun.run(
      found.exercise, in: workspace.directory(for: language), signals: signals,
      forcePolling: poll, language: language)
    say(ExerciseScreen(result: result, lesson: found.lesson, style: style).outcome())
    if result.passed {
      let now = ProgressStore.now()
      store.update {
        $0.recordExercisePassed(found.exercise.id, at: now, language: result.language.rawValue)
      }.map(refuse)
    }
    recordExerciseCheck(found, result)  // ExerciseRecording.swift: the classroom record
    return result
  }

  /// `watch [id]`: a check now, then one after every save, until Ctrl-C.
  func watchExercise(_ args: [String]) {
    guard let found = exerciseToCheck(args) else { return }
    let language = checkLanguage(found)
    guard case .success(let root) = ExerciseWorkspace.root() else {
      _ = runCheck(found, language: language)  // says why there is no workspace
      return
    }
    let directory = ExerciseWorkspace(root: root, id: found.exercise.id).directory(for: language)
    guard access(directory, F_OK) == 0 else {
      _ = runCheck(found, language: language)  // says which files are missing, how to get them
      return
    }
    let watcher: WorkspaceWatcher
    do throws(SystemError) {
      let built = language == .c ? found.exercise.c?.output : nil
      watcher = try WorkspaceWatcher(directory: directory, ignoring: Set([built].compactMap { $0 }))
    } catch {
      refuse(
        Catalog.text(
          "repl.watch.cannot", ["path": TerminalSafe.escape(directory), "why": error.description]))
      return
    }
    tell(Catalog.text("repl.watch.start", ["path": TerminalSafe.escape(directory)]))
    var last = runCheck(found, language: language)
    while last?.interrupted != true {
      guard watcher.wait(signals: signals) == .saved else { break }
      tell(Catalog.text("repl.watch.saved", ["id": found.exercise.id]))
      last = runCheck(found, language: language)
    }
    tell(Catalog.text("repl.watch.stopped", ["id": found.exercise.id]))
    discardTypeahead()
  }

  /// `hint` at the prompt: the current exercise's next hint.
  func exerciseHint() {
    guard let current = currentExercise, let found = library.exercise(current.id) else {
      refuse(Catalog.text("repl.exercise.noHintContext"))
      return
    }
    let hints = found.exercise.hints(in: current.language)
    guard current.hintsShown < hints.count else {
      refuse(
        Catalog.text("repl.exercise.noMoreHints", ["id": current.id, "count": String(hints.count)]))
      return
    }
    let n = current.hintsShown
    currentExercise?.hintsShown = n + 1
    let head = Catalog.text(
      "repl.exercise.hint", ["n": String(n + 1), "count": String(hints.count)])
    say(
      wrapped(
        style.color(head, .cyan) + " " + MarkdownRenderer(style: style).renderInline(hints[n]),
        indent: 2))
  }
}
