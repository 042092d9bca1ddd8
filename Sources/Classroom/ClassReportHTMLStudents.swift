import Localization

/// The class report's students: those flagged, each flag's message, and the files that could
/// not be read at all.
extension ClassReportHTML {
  static func flaggedSection(_ report: ClassReport, into html: inout HTMLText) {
    let flagged = report.students.filter { !$0.flags.isEmpty }
    html.raw("<section id=\"flagged\">\n")
    html.element("h2", Catalog.text("grade.html.flaggedStudents"))
    guard !flagged.isEmpty else {
      html.element("p", Catalog.text("grade.html.noFlagged"), class: "note")
      html.raw("</section>\n")
      return
    }
    var codes: [Flag.Code: Int] = [:]
    for student in flagged {
      for code in Set(student.flags.map(\.code)) { codes[code, default: 0] += 1 }
    }
    html.raw("<p class=\"note\">")
    let counted = Flag.Code.allCases.compactMap { code in
      codes[code].map { "\($0) \(code.rawValue)" }
    }
    html.text(
      Catalog.text(
        "grade.html.flaggedNote",
        [
          "flagged": "\(flagged.count)", "students": "\(report.students.count)",
          "codes": counted.joined(separator: ", "),
        ]))
    html.raw("</p>\n<div class=\"scroll\"><table class=\"flagged\">\n<thead><tr>")
    html.raw(
      heading(Catalog.text("grade.html.col.student")) + heading(Catalog.text("grade.html.col.id"))
        + heading(Catalog.text("grade.html.col.host"))
    )
    html.raw(
      heading(Catalog.text("grade.html.col.score"), num: true)
        + heading(Catalog.text("grade.html.col.found"))
    )
    html.raw("</tr></thead>\n<tbody>\n")
    for student in flagged {
      html.raw("<tr data-flags=\"\(student.flags.count)\"><th scope=\"row\">")
      html.text(student.name)
      html.raw("<div class=\"ask\">")
      html.text(student.file)
      html.raw("</div></th><td>")
      html.text(student.studentID)
      html.raw("</td><td>")
      html.text(student.host)
      html.raw("</td><td class=\"num\">")
      html.text("\(student.score)/\(student.total)")
      html.raw("</td><td><ul class=\"flags\">")
      for flag in student.flags {
        html.raw("<li><span class=\"flag\">")
        html.text(flag.code.rawValue)
        html.raw("</span> ")
        if let lesson = flag.lesson {
          html.text(lesson + (flag.question.map { "/" + $0 } ?? "") + ": ")
        }
        html.text(flag.text())
        html.raw("</li>")
      }
      html.raw("</ul></td></tr>\n")
    }
    html.raw("</tbody>\n</table></div>\n</section>\n")
  }

  /// Every student: who, where, the machine's CPUs, the score and how many flags.
  static func studentsSection(_ report: ClassReport, into html: inout HTMLText) {
    html.raw("<section id=\"students\">\n")
    html.element("h2", Catalog.text("grade.html.allStudents"))
    guard !report.students.isEmpty else {
      html.element("p", Catalog.text("grade.html.noResults"), class: "note")
      html.raw("</section>\n")
      return
    }
    html.raw("<div class=\"scroll\"><table class=\"students\">\n<thead><tr>")
    html.raw(
      heading(Catalog.text("grade.html.col.student")) + heading(Catalog.text("grade.html.col.id"))
        + heading(Catalog.text("grade.html.col.host"))
    )
    html.raw(
      heading(Catalog.text("grade.html.col.cpus"), num: true)
        + heading(Catalog.text("grade.html.col.score"), num: true)
    )
    html.raw(
      heading(Catalog.text("grade.html.col.share"), num: true)
    )
    let withExercises = !report.exercises.isEmpty
    if withExercises {
      html.raw(
        heading(Catalog.text("grade.html.col.exercisesPassed"), num: true)
      )
    }
    html.raw(
      heading(Catalog.text("grade.html.col.flags"), num: true)
    )
    html.raw("</tr></thead>\n<tbody>\n")
    for student in report.students {
      html.raw("<tr data-student=\"\(HTMLText.escape(student.studentID))\"><th scope=\"row\">")
      html.text(student.name)
      html.raw("</th><td>")
      html.text(student.studentID)
      html.raw("</td><td>")
      html.text(student.host)
      html.raw("</td><td class=\"num\">\(student.environment.cpusOnline)</td><td class=\"num\">")
      html.text("\(student.score)/\(student.total)")
      html.raw("</td><td class=\"num\">")
      html.text(student.scorePercent.map(Percent.text) ?? "—")
      if withExercises {
        html.raw("</td><td class=\"num\">")
        html.text(
          Catalog.text(
            "grade.html.exercisesOf",
            [
              "passed": "\(student.exercisesPassed)",
              "attempted": "\(student.exercisesAttempted)",
            ]))
      }
      html.raw("</td><td class=\"num\">")
      html.raw(student.flags.isEmpty ? "0" : "<span class=\"flag\">\(student.flags.count)</span>")
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody>\n</table></div>\n</section>\n")
  }

  static func unreadableSection(_ report: ClassReport, into html: inout HTMLText) {
    html.raw("<section id=\"unreadable\">\n")
    html.element("h2", Catalog.text("grade.html.unreadableFiles"))
    guard !report.unreadable.isEmpty else {
      html.element("p", Catalog.text("grade.html.allRead"), class: "note")
      html.raw("</section>\n")
      return
    }
    html.raw("<div class=\"scroll\"><table class=\"unreadable\">\n<thead><tr>")
    html.raw(
      heading(Catalog.text("grade.html.col.file")) + heading(Catalog.text("grade.html.col.why"))
        + "</tr></thead>\n<tbody>\n"
    )
    for problem in report.unreadable {
      html.raw("<tr><th scope=\"row\"><span class=\"answer\">")
      html.text(problem.file)
      html.raw("</span></th><td>")
      html.text(problem.text())
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody>\n</table></div>\n</section>\n")
  }
}
