public import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// Every lesson found in the lesson directories, in learning-path order.
public struct LessonLibrary: Sendable {
  /// A file (or directory) that was not loaded, and why.
  public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
    /// The path.
    public var file: String
    /// One line: `line 1: front matter not closed: no '---' line after line 1`.
    public var reason: String

    /// Creates an entry.
    public init(file: String, reason: String) {
      self.file = file
      self.reason = reason
    }

    /// `file: reason`, safe to print (control characters made visible, ``TerminalSafe``).
    public var description: String { TerminalSafe.escape("\(file): \(reason)") }
  }

  /// The lessons, in learning-path order; `number` is each one's 1-based position.
  public private(set) var lessons: [Lesson]
  /// Files that were not loaded, and why.
  public private(set) var skipped: [SkippedFile]
  /// Problems in the loaded lessons (as the linter finds them), and a note for each lesson
  /// overridden by one of the same id in an earlier directory.
  public private(set) var problems: [LessonProblem]
  /// The directories read, in order of precedence, without repeats.
  public private(set) var directories: [String]
  /// The language the library was loaded in.
  public private(set) var language: LessonLanguage = .en
  /// The ids of the lessons read from a translation (`ko/<file>`); empty in English.
  public private(set) var translatedIDs: Set<String> = []
  /// How many lesson files were parsed to build the library (what start-up costs).
  private(set) var parsedAtLoad = 0

  /// Whether this lesson is shown in English although the library's language is another
  /// (it has no translation): what `lessons` marks.
  public func isOnlyInEnglish(_ lesson: Lesson) -> Bool {
    language != .en && !translatedIDs.contains(lesson.id)
  }

  /// A library of already-parsed lessons, put in learning-path order.
  public init(lessons: [Lesson]) {
    self.init(ordering: lessons, skipped: [], problems: [], directories: [])
  }

  init(
    ordering lessons: [Lesson], skipped: [SkippedFile], problems: [LessonProblem],
    directories: [String]
  ) {
    let order = LearningPath.order(lessons)
    var sorted: [Lesson] = []
    sorted.reserveCapacity(lessons.count)
    for (position, i) in order.enumerated() {
      var lesson = lessons[i]
      lesson.number = position + 1
      sorted.append(lesson)
    }
    self.lessons = sorted
    self.skipped = skipped
    self.problems = problems
    self.directories = directories
  }

  /// Loads every lesson file of the given directories.
  ///
  /// Each directory's `*.md` files (but `README.md` and hidden files) are read in file-name
  /// order. A lesson id found in an earlier directory wins over the same id in a later one,
  /// so a teacher's directory given first can override a built-in lesson (a note is added to
  /// `problems`). A file that cannot be read, has no usable front matter, has no steps, or
  /// repeats an id within its directory is skipped, never stopping the others. A directory
  /// that does not exist is passed over silently; one that cannot be read is in `skipped`.
  ///
  /// In a language other than English, each directory's translations (`ko/<file>`) are read
  /// before its own files: a translated lesson takes the place of the English one with the
  /// same id in that directory, silently; a translation that cannot be loaded leaves the
  /// English lesson in its place. In English the translations are never read. The English
  /// original of a translation that loaded is not parsed at start: its front matter's id is
  /// read, and the file is parsed when its words are first needed (an answer typed in
  /// English, ``TranslationOriginals``), so a Korean start parses as many files as an
  /// English one; what such a file holds that is wrong is `proclab lint`'s to say.
  ///
  /// - Parameters:
  ///   - directories: in order of precedence: `--lessons DIR`…, `$PROCLAB_LESSONS`, the
  ///     installed share directory, the source tree's `lessons/`.
  ///   - demos: the demos lessons may name, for the problems found.
  ///   - language: the language to read lessons in (English by default).
  /// - Returns: the library.
  public static func load(
    directories: [String], demos: [DemoDeclaration], language: LessonLanguage = .en
  ) -> LessonLibrary {
    let linter = LessonLinter(demos: demos)
    var loaded: [Lesson] = []
    var skipped: [SkippedFile] = []
    var problems: [LessonProblem] = []
    var read: [String] = []
    var owner: [String: (file: String, directory: Int, translated: Bool)] = [:]
    var translatedIDs: Set<String> = []
    var loadedIndex: [String: Int] = [:]
    // The files, in order; reading, parsing and linting each is independent of the others.
    var files: [(path: String, directory: Int, translated: Bool)] = []
    // A directory reached again through another path, or a copy of an earlier one (the
    // installed share directory beside the build tree), is read once.
    for directory in LessonFiles.distinct(directories).kept {
      do throws(LessonFiles.Failure) {
        let found = try LessonFiles.lessonFiles(in: directory)
        files += translations(in: directory, language).map { ($0, read.count, true) }
        files += found.map { ($0, read.count, false) }
        read.append(directory)
      } catch {
        if error.code != ENOENT {
          skipped.append(
            SkippedFile(
              file: directory,
              reason: LintPhrase("lint.cannotReadDirectory", ["reason": error.reason]).text))
        }
      }
    }
    // Originals that may wait, by their id; every other file is parsed now.
    let waiting = originalsThatMayWait(files)
    let paths = files.map(\.path)
    let outcomes = ParallelMap.map(Array(paths.indices)) { i -> FileOutcome? in
      waiting[i] == nil ? FileOutcome.make(paths[i], linter: linter) : nil
    }
    var parsed = files.count - waiting.count
    var originals: [String: [String]] = [:]
    for (index, parsedOutcome) in outcomes.enumerated() {
      let (file, directoryIndex, translated) = files[index]
      let outcome: FileOutcome
      if let parsedOutcome {
        outcome = parsedOutcome
      } else if let id = waiting[index], let earlier = owner[id],
        earlier.directory == directoryIndex, earlier.translated
      {
        // Its translation stands in its place: its words wait until an answer needs them.
        originals[id, default: []].append(file)
        continue
      } else {
        // Its translation did not load, or another directory's lesson won: parsed now.
        outcome = FileOutcome.make(file, linter: linter)
        parsed += 1
      }
      let lesson: Lesson
      switch outcome {
      case .skipped(let reason):
        skipped.append(SkippedFile(file: file, reason: reason))
        continue
      case .lesson(let parsed, _):
        lesson = parsed
      }
      if let earlier = owner[lesson.id] {
        if earlier.directory == directoryIndex, earlier.translated, !translated {
          // The English original of a translation read in its place: its words still answer.
          if let i = loadedIndex[lesson.id] { loaded[i] = loaded[i].addingAlternates(from: lesson) }
          continue
        } else if earlier.directory == directoryIndex {
          skipped.append(
            SkippedFile(
              file: file,
              reason: LintPhrase("lint.skipped.idUsed", ["id": lesson.id, "file": earlier.file])
                .text))
          problems.append(
            LessonProblem(
              lesson.location, key: "lint.duplicateLessonIn",
              ["id": lesson.id, "file": earlier.file]))
        } else if !LessonFiles.isBuiltIn(file) {
          // A carried lesson stands in for a missing folder; a folder's copy is no news.
          problems.append(
            LessonProblem(
              lesson.location, key: "lint.overridden", ["id": lesson.id, "file": earlier.file],
              severity: .info))
        }
        continue
      }
      owner[lesson.id] = (file, directoryIndex, translated)
      loadedIndex[lesson.id] = loaded.count
      if translated { translatedIDs.insert(lesson.id) }
      if case .lesson(_, let found) = outcome { problems += found }
      loaded.append(lesson)
    }
    for (id, files) in originals {
      guard let i = loadedIndex[id] else { continue }
      loaded[i] = TranslationOriginals(id: id, files: files, linter: linter).linking(loaded[i])
    }
    // Requirements and cycles among what was loaded.
    // One pass with set lookups; suggestions for misspelt ids within a bounded budget.
    let ids = Set(loaded.map(\.id))
    var suggestions = Suggestions.Batch(ids.sorted())
    for lesson in loaded {
      for requirement in lesson.requirements where !ids.contains(requirement.id) {
        problems.append(
          LessonProblem(
            requirement.location, key: "lint.requiresUnknown",
            suggestions.nearest(requirement.id).withNear(["id": requirement.id])))
      }
    }
    problems += LessonLinter.cycleProblems(loaded)
    var library = LessonLibrary(
      ordering: loaded, skipped: skipped, problems: LessonLinter.sortedUnique(problems),
      directories: read)
    library.language = language
    library.translatedIDs = translatedIDs
    library.parsedAtLoad = parsed
    return library
  }

  /// The English files of `files` that a translation read before them in the same directory
  /// may stand in for: those whose front matter gives, plainly, the id one of that
  /// directory's translations gives (`LessonFiles.frontMatterID`), by their index.
  static func originalsThatMayWait(
    _ files: [(path: String, directory: Int, translated: Bool)]
  ) -> [Int: String] {
    guard files.contains(where: \.translated) else { return [:] }
    let ids = files.map { file in
      (try? LessonFiles.read(file.path)).flatMap(LessonFiles.frontMatterID)
    }
    var translatedIDs: [Int: Set<String>] = [:]
    for (i, file) in files.enumerated() where file.translated {
      if let id = ids[i] { translatedIDs[file.directory, default: []].insert(id) }
    }
    var waiting: [Int: String] = [:]
    for (i, file) in files.enumerated() where !file.translated {
      if let id = ids[i], translatedIDs[file.directory]?.contains(id) == true { waiting[i] = id }
    }
    return waiting
  }

  /// The lesson files of `directory`'s translations into `language` (`ko/*.md`); none for
  /// English or when there is no such subdirectory.
  static func translations(in directory: String, _ language: LessonLanguage) -> [String] {
    guard let sub = language.subdirectory else { return [] }
    let path = (directory.hasSuffix("/") ? directory : directory + "/") + sub
    guard LessonFiles.isDirectory(path) else { return [] }
    return (try? LessonFiles.lessonFiles(in: path)) ?? []
  }

  /// The bytes of a lesson's file as ProcLab reads it, from disk or from the lessons the
  /// executable carries (so its SHA-256 is the same either way); nil when it cannot be read.
  public static func fileBytes(_ lesson: Lesson) -> [UInt8]? {
    try? LessonFiles.read(lesson.file)
  }

  /// Whether a directory is the lessons the executable carries rather than a folder.
  public static func isBuiltIn(directory: String) -> Bool { LessonFiles.isBuiltIn(directory) }

  /// The lesson with this id.
  public func lesson(id: String) -> Lesson? {
    lessons.first { $0.id == id }
  }

  /// The lesson at this 1-based position in the learning path.
  public func lesson(number: Int) -> Lesson? {
    guard number >= 1, number <= lessons.count else { return nil }
    return lessons[number - 1]
  }

  /// The lesson named by what a student typed after `open`: an id (any case) or a number.
  public func lesson(_ idOrNumber: String) -> Lesson? {
    let text = String(idOrNumber.trimmingWhitespace())
    if let exact = lesson(id: text) { return exact }
    let lower = text.lowercased()
    if let match = lessons.first(where: { $0.id.lowercased() == lower }) { return match }
    if let n = Int(text) { return lesson(number: n) }
    return nil
  }

  /// The lesson ids in learning-path order (for completion).
  public var ids: [String] { lessons.map(\.id) }
}

/// What reading one lesson file gave: a lesson with its problems (the parser's and the
/// linter's), or the reason it was skipped.
enum FileOutcome: Sendable {
  case lesson(Lesson, [LessonProblem])
  case skipped(String)

  static func make(_ file: String, linter: LessonLinter) -> FileOutcome {
    let bytes: [UInt8]
    do throws(LessonFiles.Failure) {
      bytes = try LessonFiles.read(file)
    } catch {
      return .skipped(LintPhrase("lint.cannotRead", ["reason": error.reason]).text)
    }
    let (parsed, found) = LessonParser.parse(bytes: bytes, file: file)
    guard let lesson = parsed else {
      // In the language ProcLab speaks: the student sees this line on `lessons` and at start.
      let first = found.first { $0.isError }
      return .skipped(
        first.map {
          LintPhrase("lint.skipped.atLine", ["line": String($0.location.line), "message": $0.text])
            .text
        } ?? LintPhrase("lint.skipped.notLesson").text)
    }
    guard !lesson.steps.isEmpty else {
      return .skipped(LintPhrase("lint.skipped.noSteps").text)
    }
    return .lesson(linter.leavingOutBrokenQuestions(lesson), found + linter.lint(lesson: lesson))
  }
}

/// `transform` over `items` on up to as many threads as there are CPUs (4 at most), results
/// in order.
enum ParallelMap {
  static func map<T: Sendable, R: Sendable>(
    _ items: [T], _ transform: @escaping @Sendable (T) -> R
  ) -> [R] {
    let cpus = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let threads = min(cpus, 4, items.count)
    guard threads > 1 else { return items.map(transform) }
    let shared = Monitor((next: 0, results: [R?](repeating: nil, count: items.count)))
    let work: @Sendable () -> Void = {
      while let i = shared.withLock({ state -> Int? in
        guard state.next < items.count else { return nil }
        defer { state.next += 1 }
        return state.next
      }) {
        let result = transform(items[i])
        shared.withLock { $0.results[i] = result }
      }
    }
    // If a thread cannot be started, the others (this one at least) take its share.
    let helpers = (1..<threads).compactMap { _ in try? Thread(starting: work) }
    work()
    for helper in helpers { helper.join() }
    return shared.withLock { state in state.results.map { $0! } }
  }
}
