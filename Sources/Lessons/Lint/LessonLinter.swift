public import DemoContract
import Glibc
import Localization

/// Checks lesson files: everything the parser finds, plus demos and their parameters against
/// the demo catalog, and ids and `requires` across files.
public struct LessonLinter: Sendable {
  /// The demos a lesson may name.
  public var demos: [DemoDeclaration]
  /// Lesson ids that exist outside the files being checked (the built-in lessons, when a
  /// teacher checks only their own), so that `requires` may name them.
  public var knownLessonIDs: Set<String>
  /// Lessons outside the files being checked (the built-in ones), by id: their files. A
  /// checked lesson with one of these ids overrides it, which is a note; `requires` may name
  /// them.
  public var otherLessons: [String: String]
  /// The metrics the trace report declares, which exercise checks may read (the app passes
  /// `TraceReport.metrics`); `nil` leaves the metric names of exercise checks unchecked.
  public var traceMetrics: [MetricDeclaration]?

  /// Creates a linter.
  /// - Parameters:
  ///   - demos: the demos a lesson may name (the app passes the built-in catalog's
  ///     declarations; this module never sees the demos' code).
  ///   - knownLessonIDs: lesson ids that exist outside the files being checked.
  ///   - otherLessons: lessons outside the files being checked, by id: their files.
  ///   - traceMetrics: the trace report's metric declarations, for exercise checks.
  public init(
    demos: [DemoDeclaration], knownLessonIDs: Set<String> = [],
    otherLessons: [String: String] = [:], traceMetrics: [MetricDeclaration]? = nil
  ) {
    self.traceMetrics = traceMetrics
    self.demos = demos
    self.knownLessonIDs = knownLessonIDs
    self.otherLessons = otherLessons
  }

  /// Checks lesson files and directories.
  /// - Parameter paths: files, or directories whose `*.md` files (but `README.md`) are read.
  /// - Returns: every problem, sorted by file, line and column.
  public func lint(paths: [String]) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    var lessons: [Lesson] = []
    var manifests: [String] = []
    var translated: [(directory: String, lessons: Range<Int>)] = []
    for path in paths {
      let files: [String]
      let first = lessons.count
      if LessonFiles.isDirectory(path) {
        let manifest = TutorialManifest.file(in: path)
        if LessonFiles.exists(manifest) { manifests.append(manifest) }
        do throws(LessonFiles.Failure) {
          files = try LessonFiles.lessonFiles(in: path)
        } catch {
          problems.append(
            LessonProblem(
              SourceLocation(file: path, line: 1), key: "lint.cannotReadDirectory",
              ["reason": error.reason]))
          continue
        }
      } else {
        files = [path]
      }
      for file in files {
        let bytes: [UInt8]
        do throws(LessonFiles.Failure) {
          bytes = try LessonFiles.read(file)
        } catch {
          problems.append(
            LessonProblem(
              SourceLocation(file: file, line: 1), key: "lint.cannotRead", ["reason": error.reason])
          )
          continue
        }
        let parsed = LessonParser.parseForLint(bytes: bytes, file: file)
        problems += parsed.problems
        // A lesson whose front matter failed is checked on its own: it is never loaded, so
        // its id takes no part in the checks across files.
        if let lesson = parsed.lesson {
          if parsed.complete { lessons.append(lesson) } else { problems += lint(lesson: lesson) }
        }
      }
      if LessonFiles.isDirectory(path) { translated.append((path, first..<lessons.count)) }
    }
    problems += lint(lessons: lessons)
    // Each directory's translations (`ko/`) against its lessons (LessonParity.swift).
    for (directory, range) in translated {
      problems += lintTranslations(of: directory, english: Array(lessons[range]))
      problems += lintAsTranslations(Array(lessons[range]), in: directory)
    }
    for file in manifests { problems += lintManifest(file, lessons: lessons) }
    return Self.sortedUnique(problems)
  }

  /// Checks a tutorial manifest (`python/sources.json`) against the lessons read beside it.
  func lintManifest(_ file: String, lessons: [Lesson]) -> [LessonProblem] {
    do throws(TutorialManifest.Failure) {
      let manifest = try TutorialManifest.load(file: file)
      let text = (try? LessonFiles.read(file)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      return manifest.lint(lessons: lessons, demos: demos, text: text, file: file)
    } catch {
      return [LessonProblem(SourceLocation(file: file, line: 1), error.reason)]
    }
  }

  /// Checks parsed lessons against the demo catalog and against each other: unknown demos and
  /// parameters, text patterns that do not compile, duplicate lesson ids, `requires` naming
  /// an unknown lesson, and `requires` cycles. Problems the parser found are not repeated.
  /// - Returns: the problems, sorted.
  public func lint(lessons: [Lesson]) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    var firstByID: [String: Lesson] = [:]
    for lesson in lessons {
      problems += lint(lesson: lesson)
      if let first = firstByID[lesson.id] {
        problems.append(
          LessonProblem(
            lesson.location, key: "lint.duplicateLesson",
            ["id": lesson.id, "file": first.file, "line": String(first.location.line)]))
      } else {
        firstByID[lesson.id] = lesson
      }
    }
    for (id, lesson) in firstByID {
      // The same file, or a copy of it byte for byte, overrides nothing.
      if let other = otherLessons[id],
        LessonFiles.canonical(other) != LessonFiles.canonical(lesson.file),
        !LessonFiles.sameContents(other, lesson.file)
      {
        problems.append(
          LessonProblem(
            lesson.location, key: "lint.overrides", ["id": id, "file": other], severity: .info))
      }
    }
    let known = knownLessonIDs.union(otherLessons.keys).union(firstByID.keys)
    var suggestions = Suggestions.Batch(known.sorted())
    for lesson in lessons {
      for requirement in lesson.requirements where !known.contains(requirement.id) {
        problems.append(
          LessonProblem(
            requirement.location, key: "lint.requiresUnknown",
            suggestions.nearest(requirement.id).withNear(["id": requirement.id])))
      }
    }
    problems += Self.cycleProblems(lessons)
    problems += Self.duplicateExercises(lessons)
    return Self.sortedUnique(problems)
  }

  /// One problem per cycle of `requires` among `lessons`, at the requirement that closes it.
  static func cycleProblems(_ lessons: [Lesson]) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    for cycle in LearningPath.cycles(lessons) {
      guard let first = cycle.first, lessons.indices.contains(first) else { continue }
      let ids = cycle.map { lessons[$0].id }
      let next = ids.count > 1 ? ids[1] : ids[0]
      let at =
        lessons[first].requirements.first { $0.id == next }?.location ?? lessons[first].location
      let phrase =
        ids.count == 1
        ? LintPhrase("lint.requiresItself", ["id": ids[0]])
        : LintPhrase(
          "lint.requiresCycle", ["cycle": (ids + [ids[0]]).joined(separator: " → ")])
      problems.append(LessonProblem(at, phrase))
    }
    return problems
  }

  /// Checks one lesson against the demo catalog: every demo block and every predict's
  /// `demo:`, and every text question's `pattern:`.
  public func lint(lesson: Lesson) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    for step in lesson.steps {
      for invocation in step.demos { problems += lint(invocation) }
    }
    for question in lesson.questions { problems += lint(question: question) }
    problems += lintExercises(of: lesson)
    return problems.sorted()
  }

  /// Checks one question against the demo catalog: its `demo:` and its parameters, the
  /// metrics its check rule reads, and its `pattern:`.
  public func lint(question: Question) -> [LessonProblem] {
    // The parameters too, for a demo that exists (an unknown one is in `leaveOutErrors`).
    let parameters =
      question.demo.map { demo in demos.contains { $0.name == demo.demo } ? lint(demo) : [] }
      ?? []
    return parameters + leaveOutErrors(question)
  }

  /// The lesson without the questions lint finds an error in (docs/lesson-format.md: "A
  /// question with an error is left out of the lesson"), each kept in `leftOut` with its
  /// first error, so that the quiz can say in one line what it left out and why.
  public func leavingOutBrokenQuestions(_ lesson: Lesson) -> Lesson {
    var out = lesson
    out.questions = []
    for question in lesson.questions {
      if let error = leaveOutErrors(question).sorted().first(where: \.isError) {
        out.leftOut.append(LeftOutQuestion(id: question.id, problem: error))
      } else {
        out.questions.append(question)
      }
    }
    return out
  }

  /// The errors that leave a question out of the quiz: an unknown `demo:`, a check rule that
  /// reads a metric its demo does not declare (or compares it wrongly), a `pattern:` that does
  /// not compile. A bad parameter value is not one: lint reports it, and the question is asked
  /// and not graded when its demo refuses to run (docs/progress.md, "Not graded").
  func leaveOutErrors(_ question: Question) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    if let demo = question.demo {
      problems +=
        demos.contains { $0.name == demo.demo } ? lintCheckRule(of: question) : lint(demo)
    }
    if case .text(_, let pattern?)? = question.answer, let why = TextPattern.problem(pattern) {
      problems.append(
        LessonProblem(
          question.location, key: "lint.patternBroken", ["id": question.id, "why": why]))
    }
    return problems
  }

  /// Checks the lesson directories ProcLab loads, in their order of precedence, the way it
  /// loads them: a directory that is a copy of an earlier one (the same real path, or the
  /// same lesson files byte for byte: the installed share directory and the build tree) is
  /// checked once, with one note saying which one is used; a lesson id found again in a later
  /// directory is an override (a note on the lesson that wins), never a duplicate; `requires`
  /// may name the lessons of every directory.
  public func lint(directories: [String]) -> [LessonProblem] {
    let (kept, copies) = LessonFiles.distinct(directories)
    var problems = copies.map {
      LessonProblem(
        SourceLocation(file: $0.directory, line: 1), key: "lint.sameFiles",
        ["original": $0.original], severity: .info)
    }
    let loaded = kept.map { LessonLibrary.load(directories: [$0], demos: demos).lessons }
    for (i, directory) in kept.enumerated() {
      var linter = self
      for lesson in loaded[..<i].joined() { linter.knownLessonIDs.insert(lesson.id) }
      for lesson in loaded[(i + 1)...].joined() where linter.otherLessons[lesson.id] == nil {
        linter.otherLessons[lesson.id] = lesson.file
      }
      problems += linter.lint(paths: [directory])
    }
    return Self.sortedUnique(problems)
  }

  /// Checks one demo invocation: the demo exists, and each `name=value` word is a parameter
  /// of it with a value in range.
  public func lint(_ invocation: DemoInvocation) -> [LessonProblem] {
    guard let definition = demos.first(where: { $0.name == invocation.demo }) else {
      let names = demos.map(\.name)
      let demo = invocation.demo
      let phrase: LintPhrase
      if demo == "run", let next = invocation.arguments.first {
        phrase = LintPhrase("lint.unknownDemoRun", ["demo": demo, "next": next])
      } else if let near = Suggestions.nearest(demo, names) {
        phrase = LintPhrase("lint.unknownDemo", ["demo": demo, "near": near])
      } else {
        phrase = LintPhrase(
          "lint.unknownDemoList", ["demo": demo, "names": names.joined(separator: ", ")])
      }
      return [LessonProblem(invocation.location, phrase)]
    }
    var problems: [LessonProblem] = []
    var seen: Set<Substring> = []
    for (word, location) in zip(invocation.arguments, invocation.argumentLocations) {
      do throws(ParameterError) {
        _ = try definition.parameters.parse(word, demo: definition.name)
      } catch {
        problems.append(LessonProblem(location, parameter: error))
        continue
      }
      let name = word.prefix { $0 != "=" }
      if !seen.insert(name).inserted {
        problems.append(
          LessonProblem(
            location, key: "lint.parameterTwice", ["name": String(name)], severity: .warning))
      }
    }
    return problems
  }

  /// Checks every `predict` question of a lesson against a real run of its demo: each metric
  /// the check rule reads must be in the report.
  ///
  /// - Parameters:
  ///   - lesson: the lesson.
  ///   - metrics: the metrics of a report from running the invocation (`DemoReport.metrics`),
  ///     or `nil` when the demo could not be run (reported as a problem).
  /// - Returns: the problems, sorted.
  public static func lintPredictions(
    in lesson: Lesson, metrics: (DemoInvocation) -> [String: JSONValue]?
  ) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    for question in lesson.questions where question.kind == .predict {
      guard let demo = question.demo, let rule = question.check else { continue }
      guard let measured = metrics(demo) else {
        problems.append(
          LessonProblem(demo.location, key: "lint.noReport", ["demo": demo.commandLine]))
        continue
      }
      let root = JSONValue.object(measured)
      for path in rule.metricPaths where root.path(path) == nil {
        let known = CheckMetricNames.paths(in: root)
        problems.append(
          LessonProblem(
            question.location, key: "lint.predictMetric",
            Suggestions.nearest(path, known).withNear([
              "id": question.id, "path": path, "demo": demo.demo,
            ])))
      }
    }
    return problems.sorted()
  }

  static func sortedUnique(_ problems: [LessonProblem]) -> [LessonProblem] {
    var seen: Set<LessonProblem> = []
    return problems.sorted().filter { seen.insert($0).inserted }
  }
}

/// The dotted paths of every value in a metrics object (`parent.pid`), for suggestions.
enum CheckMetricNames {
  static func paths(in value: JSONValue, prefix: String = "", depth: Int = 0) -> [String] {
    guard depth < 8, case .object(let fields) = value else { return [] }
    var out: [String] = []
    for (key, child) in fields.sorted(by: { $0.key < $1.key }) {
      let path = prefix.isEmpty ? key : prefix + "." + key
      out.append(path)
      out += paths(in: child, prefix: path, depth: depth + 1)
    }
    return out
  }
}
