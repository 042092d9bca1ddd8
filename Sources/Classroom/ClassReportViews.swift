import DemoContract
import FoundationEssentials
import Localization
public import Render

// The class report as the terminal, a spreadsheet and a program read it (the HTML page is
// ClassReportHTML's). Student-supplied text reaches the terminal only through TerminalSafe;
// the CSV and JSON carry it as it is (quoted), for programs.
extension ClassReport {
  /// The class table (student, id, score/total, %, exercises passed/checked when the lessons
  /// have exercises, flags), then the exercises across the class, each flagged student's flags
  /// and the files that could not be read.
  public func text(_ style: TerminalStyle) -> String {
    let safe: (String) -> String = { TerminalSafe.escape($0) }
    // Every line but the table's is wrapped to the width, continuation lines indented.
    func wrapped(_ line: String) -> String {
      DisplayWidth.wrap(line, width: style.width, hangingIndent: 2).joined(separator: "\n")
    }
    let lessonList = lessons.map(\.lesson).joined(separator: ", ")
    let lessonsGraded =
      lessons.isEmpty ? "" : Catalog.text("grade.graded.lessons", ["lessons": lessonList])
    var out: [String] = [
      wrapped(
        Catalog.plural(
          "grade.graded", count: students.count,
          ["lessons": lessonsGraded, "version": safe(proclabVersion)]))
    ]
    let withExercises = !exercises.isEmpty
    if !students.isEmpty {
      var columns: [Table.Column] = [
        .init(Catalog.text("grade.column.student")), .init(Catalog.text("grade.column.id")),
        .init(Catalog.text("grade.column.score"), align: .right), .init("%", align: .right),
      ]
      if withExercises {
        columns.append(.init(Catalog.text("grade.column.exercises"), align: .right))
      }
      columns.append(.init(Catalog.text("grade.column.flags"), align: .right))
      let table = Table(
        columns: columns,
        rows: students.map { s in
          [safe(s.name), safe(s.studentID), "\(s.score)/\(s.total)", s.percentText]
            + (withExercises ? ["\(s.exercisesPassed)/\(s.exercisesAttempted)"] : [])
            + [s.flags.isEmpty ? "—" : "\(s.flags.count)"]
        })
      out.append(table.render(style))
      if withExercises {
        out.append(wrapped(Catalog.text("grade.scoreNote")))
      }
    }
    if withExercises {
      out.append(Catalog.text("grade.exercises"))
      for e in exercises {
        let summary =
          e.attempted == 0
          ? Catalog.text("grade.exercise.noOne")
          : Catalog.plural(
            "grade.exercise.passed", count: e.attempts,
            [
              "passed": "\(e.passed)", "attempted": "\(e.attempted)",
              "first": "\(e.passedFirstTry)",
            ])
        var line = Catalog.text(
          "grade.exercise.line",
          ["exercise": e.exercise, "lesson": e.lesson, "summary": summary])
        if let worst = e.mostFailed {
          line = Catalog.text(
            "grade.exercise.failedMost",
            ["line": line, "condition": worst.condition, "count": "\(worst.failedAttempts)"])
        }
        out.append(wrapped(line))
      }
    }
    let flagged = students.filter { !$0.flags.isEmpty }
    if !flagged.isEmpty {
      out.append(Catalog.text("grade.flagged"))
      for s in flagged {
        out.append(wrapped("  \(safe(s.name)) (\(safe(s.studentID))), \(safe(s.file)):"))
        for f in s.flags { out.append(wrapped("    \(f.code.rawValue): \(safe(f.text()))")) }
      }
    }
    if !unreadable.isEmpty {
      out.append(Catalog.text("grade.unreadable"))
      for p in unreadable { out.append(wrapped("  \(safe(p.file)): \(safe(p.text()))")) }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// One row per student: name, id, file, per question its verdict and tries (`lesson/q`,
  /// `lesson/q:tries`), per exercise whether it was passed and on which check
  /// (`exercise:<id>`, `exercise:<id>:attempts`, `exercise:<id>:passedOn`), score, total and
  /// the flags' messages joined by `; `. RFC 4180: CRLF
  /// line ends, fields with a comma, quote or line break quoted, quotes doubled. A field a
  /// spreadsheet would take for a formula (OWASP's CSV injection: starting with `=`, `+`, `-`,
  /// `@`, a tab or a carriage return) starts with `'` instead, which a spreadsheet shows as text.
  public func csv() -> String {
    let keys = lessons.flatMap { l in l.questions.map { "\(l.lesson)/\($0.question)" } }
    var header = ["name", "id", "file"]
    for k in keys { header += [k, k + ":tries"] }
    for e in exercises {
      let k = "exercise:" + e.exercise
      header += [k, k + ":attempts", k + ":passedOn"]
    }
    header += ["score", "total", "flags"]
    var rows = [header]
    for s in students {
      var byKey: [String: QuestionGrade] = [:]
      for q in s.questions { byKey["\(q.lesson)/\(q.question)"] = q }
      var row = [s.name, s.studentID, s.file]
      for k in keys {
        let q = byKey[k]
        row += [q?.verdict.rawValue ?? GradeVerdict.notAnswered.rawValue, "\(q?.tries ?? 0)"]
      }
      for e in exercises {
        let g = s.exercises.first { $0.exercise == e.exercise }
        let status =
          g == nil ? "not-checked" : (g?.passedOnAttempt == nil ? "not-passed" : "passed")
        row += [status, "\(g?.attempts ?? 0)", g?.passedOnAttempt.map { "\($0)" } ?? ""]
      }
      row += [
        "\(s.score)", "\(s.total)",
        s.flags.map { "\($0.code.rawValue): \($0.message)" }.joined(separator: "; "),
      ]
      rows.append(row)
    }
    return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  static func csvField(_ raw: String) -> String {
    let formula: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    let field = raw.unicodeScalars.first.map(formula.contains) == true ? "'" + raw : raw
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// The report as JSON: keys sorted, pretty-printed, a newline at the end.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
  }
}

extension StudentResult {
  /// The score as a percentage of the total, rounded down ("—" when nothing was graded).
  public var percentText: String { total == 0 ? "—" : "\(score * 100 / total)%" }
}

/// `--min-score`: a number of points, or a percentage of each student's total.
public enum MinimumScore: Sendable, Equatable {
  case points(Int)
  case percent(Int)

  /// `60` or `60%`; nil for anything else.
  public init?(_ text: String) {
    if text.hasSuffix("%") {
      guard let n = Int(text.dropLast()), (0...100).contains(n) else { return nil }
      self = .percent(n)
    } else {
      guard let n = Int(text), n >= 0 else { return nil }
      self = .points(n)
    }
  }

  /// Whether `student` scored at least this.
  public func isMet(by student: StudentResult) -> Bool {
    switch self {
    case .points(let n): student.score >= n
    case .percent(let p): student.score * 100 >= p * student.total
    }
  }
}
