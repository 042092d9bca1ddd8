public import DemoContract
import Dispatch
import FoundationEssentials
import Glibc
public import Lessons
public import Localization
import OSKit
import Render
public import Results
import Synchronization

/// A lesson as the teacher has it: the file results are graded against, and every other file
/// of the same lesson a result may have been played from (a Korean `lessons/ko/<file>.md`
/// shares the English file's ids and answer keys). A recorded hash that matches any version is
/// current, and its answers are graded against that version's questions.
public struct TeacherLesson: Sendable {
  public struct Version: Sendable {
    public var sha256: String
    public var lesson: Lesson
    public init(sha256: String, lesson: Lesson) {
      self.sha256 = sha256
      self.lesson = lesson
    }
  }

  /// The first is the one the class table's columns are drawn from.
  public var primary: Version
  public var others: [Version]
  /// The version in the reader's language, whose title and asks the table and the page show
  /// (nil: the primary's). JSON and CSV always carry the primary's, in every language.
  public var shown: Version?

  public init(primary: Version, others: [Version] = [], shown: Version? = nil) {
    self.primary = primary
    self.others = others
    self.shown = shown
  }

  public var id: String { primary.lesson.id }
  var versions: [Version] { [primary] + others }

  /// The version played from a file with this hash, or nil when none is the teacher's.
  func version(sha256: String) -> Version? { versions.first { $0.sha256 == sha256 } }
}

/// Re-grades a class's result files (what `proclab submit` writes, docs/grading.md) with the
/// teacher's lessons into one `ClassReport`. Pure but for reading the files (through OSKit):
/// predictions are graded from each student's recorded report, never re-run.
public struct ClassGrader: Sendable {
  /// The largest result file read: a full quiz record (32 MiB) pretty-printed, with room.
  public static let maximumFileSize = 64 << 20

  let lessons: [TeacherLesson]
  let demos: [String: DemoDeclaration]
  let proclabVersion: String
  /// The trace report's metric declarations, which exercises' checks read.
  let exerciseMetrics: [MetricDeclaration]

  /// - Parameters:
  ///   - lessons: the teacher's lessons, in the teacher's order.
  ///   - demos: the demos' declarations (their metrics: labels, units, bounds).
  ///   - exerciseMetrics: the trace's metric declarations (`TraceReport.metrics`).
  ///   - proclabVersion: the grader's version, written in the report.
  public init(
    lessons: [TeacherLesson], demos: [DemoDeclaration],
    exerciseMetrics: [MetricDeclaration] = [], proclabVersion: String
  ) {
    self.lessons = lessons
    self.exerciseMetrics = exerciseMetrics
    var byName: [String: DemoDeclaration] = [:]
    for d in demos { byName[d.name] = d }
    self.demos = byName
    self.proclabVersion = proclabVersion
  }

  /// The result files `arguments` name: a file as it is, a directory's `*.json` files (not
  /// hidden ones, not in subdirectories) in name order. A name that is neither is a problem.
  public static func files(_ arguments: [String]) -> (files: [String], problems: [FileProblem]) {
    var files: [String] = []
    var problems: [FileProblem] = []
    for argument in arguments {
      var st = stat()
      guard stat(argument, &st) == 0 else {
        problems.append(FileProblem(file: argument, FileRefusal.errnoLine(errno)))
        continue
      }
      guard (st.st_mode & S_IFMT) == S_IFDIR else {
        files.append(argument)
        continue
      }
      guard let names = FileIO.entries(in: argument) else {
        problems.append(
          FileProblem(
            file: argument,
            CatalogLine("grade.file.directory", lines: ["error": FileRefusal.errnoLine(errno)])))
        continue
      }
      let prefix = argument.hasSuffix("/") ? argument : argument + "/"
      files += names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
        prefix + $0
      }
    }
    return (files, problems)
  }

  /// Reads and grades every file: a file that is not a result file is in `unreadable`.
  /// Files are read and decoded on every CPU at once (each is independent of the others);
  /// the report keeps the order given.
  public func grade(files: [String], gradedAt: Double) -> ClassReport {
    let read = Self.concurrentMap(files) { file -> Read in
      let bytes: [UInt8]
      do throws(FileRefusal) {
        bytes = try FileIO.readRegular(
          file, limit: Self.maximumFileSize, owner: .anyone, followLinks: true)
      } catch {
        return .unreadable(FileProblem(file: file, error.reasonLine))
      }
      switch Self.decode(bytes) {
      case .success(let result): return .result(result)
      case .failure(let why): return .unreadable(FileProblem(file: file, why.line))
      }
    }
    var results: [(file: String, result: ResultFile)] = []
    var unreadable: [FileProblem] = []
    for (file, outcome) in zip(files, read) {
      switch outcome {
      case .result(let result): results.append((file, result))
      case .unreadable(let problem): unreadable.append(problem)
      }
    }
    return report(results: results, unreadable: unreadable, gradedAt: gradedAt)
  }

  /// One file as read: a result file, or why it is not one.
  enum Read: Sendable {
    case result(ResultFile)
    case unreadable(FileProblem)
  }

  /// `transform` of every element, computed on every CPU at once, in the elements' order.
  static func concurrentMap<T: Sendable, U: Sendable>(
    _ items: [T], _ transform: @Sendable (T) -> U
  ) -> [U] {
    let out = Mutex([U?](repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let value = transform(items[i])
      out.withLock { $0[i] = value }
    }
    return out.withLock { $0.map { $0! } }
  }

  /// Why some bytes are not a result file, in a line: `line` in either language, `message`
  /// its English (as JSON carries it).
  public struct NotAResult: Error, Sendable, Equatable {
    public var line: CatalogLine
    public var message: String { line.english }

    init(_ key: String, _ arguments: [String: String] = [:], lines: [String: CatalogLine] = [:]) {
      line = CatalogLine(key, arguments, lines: lines)
    }
  }

  /// `bytes` as a result file (a UTF-8 byte-order mark and any line ending are fine).
  public static func decode(_ bytes: [UInt8]) -> Result<ResultFile, NotAResult> {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let decoder = JSONDecoder()
    // The result file itself first: a second, untyped pass only to say why it is not one.
    let typed: any Error
    do {
      return .success(try decoder.decode(ResultFile.self, from: Data(body)))
    } catch {
      typed = error
    }
    guard let value = try? decoder.decode(JSONValue.self, from: Data(body)) else {
      return .failure(NotAResult("grade.file.notJSON"))
    }
    guard case .object(let members) = value else {
      return .failure(NotAResult("grade.file.notObject"))
    }
    guard case .number(let number)? = members["schema"], let schema = Int(exactly: number) else {
      return .failure(NotAResult("grade.file.noSchema"))
    }
    let why = Self.describe(typed)
    if schema != ResultFile.currentSchema {
      return .failure(
        NotAResult(
          "grade.file.otherSchema",
          ["schema": "\(schema)", "current": "\(ResultFile.currentSchema)"], lines: ["why": why]))
    }
    return .failure(NotAResult("grade.file.notResult", lines: ["why": why]))
  }

  /// A decoding error in a few words: what is missing or wrong, and where.
  static func describe(_ error: any Error) -> CatalogLine {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        .drop { $0 == "." }.description
    }
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      return CatalogLine(
        "grade.file.missing", ["path": TerminalSafe.escape(path(context.codingPath + [key]))])
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      return CatalogLine(
        "grade.file.wrongType", ["path": TerminalSafe.escape(path(context.codingPath))])
    case .dataCorrupted(let context)?:
      return context.codingPath.isEmpty
        ? CatalogLine("grade.file.notJSONAtAll")
        : CatalogLine("grade.file.invalid", ["path": TerminalSafe.escape(path(context.codingPath))])
    default:
      return CatalogLine("grade.file.unreadable")
    }
  }

  /// The class report of results already read. Columns: every teacher's lesson that some
  /// result submits, in the teacher's order.
  public func report(
    results: [(file: String, result: ResultFile)], unreadable: [FileProblem], gradedAt: Double
  ) -> ClassReport {
    let submitted = Set(results.flatMap { $0.result.lessons })
    let graded = lessons.filter { submitted.contains($0.id) }
    let columns = graded.map { column($0) }
    var students = Self.concurrentMap(results.indices.map { $0 }) { i in
      student(file: results[i].file, result: results[i].result, lessons: graded)
    }
    var files: [String: [String]] = [:]
    for s in students { files[s.studentID, default: []].append(s.file) }
    for i in students.indices {
      let same = (files[students[i].studentID] ?? []).filter { $0 != students[i].file }
      guard !same.isEmpty else { continue }
      students[i].flags.append(
        Flag(
          code: .duplicateStudent,
          CatalogLine(
            "grade.flag.duplicateStudent",
            ["id": students[i].studentID, "files": same.joined(separator: ", ")])))
    }
    return ClassReport(
      proclabVersion: proclabVersion, gradedAt: gradedAt, lessons: columns, students: students,
      unreadable: unreadable, exercises: exerciseColumns(graded, students: students))
  }

  func column(_ lesson: TeacherLesson) -> LessonColumns {
    let l = lesson.primary.lesson
    let shown = lesson.shown?.lesson
    var columns = LessonColumns(
      lesson: l.id, title: l.title, sha256: lesson.primary.sha256,
      questions: l.questions.map { q in
        var column = QuestionColumn(
          question: q.id, kind: q.kind.rawValue, ask: q.ask, points: q.points,
          metric: metricColumn(q))
        column.shownAsk = shown?.question(id: q.id)?.ask
        return column
      })
    columns.shownTitle = shown?.title
    return columns
  }

  func metricColumn(_ q: Question) -> MetricColumn? {
    guard q.kind == .predict, let demo = q.demo?.demo, let path = q.check?.metricPaths.first
    else { return nil }
    let d = demos[demo]?.metrics.declaration(for: path)
    return MetricColumn(
      demo: demo, path: path, label: d?.label(for: path) ?? path,
      unit: d.map { $0.unit == .count ? "" : $0.unit.rawValue } ?? "", fact: d?.kind == .fact)
  }
}
