import Localization

// The class report's exercises section (docs/grading.md, "The HTML report"): per exercise,
// how many of the students who checked it passed, on their first check or later, and the
// check the class failed most often. Exercises carry no points; the score sections do not
// count them.
extension ClassReportHTML {
  static func exerciseSection(_ report: ClassReport, into html: inout HTMLText) {
    html.raw("<section id=\"exercises\">\n")
    html.element("h2", Catalog.text("grade.html.exercises"))
    guard !report.exercises.isEmpty else {
      html.element("p", Catalog.text("grade.html.noExercises"), class: "note")
      html.raw("</section>\n")
      return
    }
    html.element("p", Catalog.text("grade.html.exercises.note"), class: "note")
    html.raw("<div class=\"scroll\"><table class=\"bars exercises\">\n<thead><tr>")
    html.raw(
      heading(Catalog.text("grade.html.col.exercise"))
        + heading(Catalog.text("grade.html.col.checkedBy"))
    )
    let passedFirst = Catalog.text("grade.html.col.passedFirst")
    let passedLater = Catalog.text("grade.html.col.passedLater")
    let notPassedLabel = Catalog.text("grade.html.col.notPassed")
    let checks = Catalog.text("grade.html.col.checks")
    for label in [passedFirst, passedLater, notPassedLabel, checks] {
      html.raw("<th scope=\"col\" class=\"num\">\(HTMLText.escape(label))</th>")
    }
    html.raw(
      heading(Catalog.text("grade.html.col.failedMost")) + "</tr></thead>\n<tbody>\n"
    )
    for e in report.exercises {
      let later = e.passed - e.passedFirstTry
      let notPassed = e.attempted - e.passed
      html.raw("<tr data-exercise=\"\(HTMLText.escape(e.exercise))\"><th scope=\"row\">")
      html.raw("<span class=\"answer\">")
      html.text(e.exercise)
      html.raw("</span> ")
      html.element("span", (e.shownTitle ?? e.title) + " (" + e.lesson + ")", class: "ask")
      html.raw("</th><td>")
      if e.attempted > 0 {
        html.raw("<div class=\"bar\" role=\"img\" aria-label=\"")
        html.text(
          Catalog.text(
            "grade.html.exercise.bar",
            ["first": "\(e.passedFirstTry)", "later": "\(later)", "notPassed": "\(notPassed)"]))
        html.raw("\">")
        for (count, verdict) in [
          (e.passedFirstTry, "right-first-try"), (later, "right-on-retry"), (notPassed, "wrong"),
        ] where count > 0 {
          let width = Double(count) / Double(e.attempted) * 100
          html.raw("<span class=\"v-\(verdict)\" style=\"width:\(width)%\"></span>")
        }
        html.raw("</div>")
      }
      html.text(
        e.attempted == 0
          ? Catalog.text("grade.html.exercise.noOne")
          : Catalog.text(
            "grade.html.exercise.passed",
            ["passed": "\(e.passed)", "attempted": "\(e.attempted)"]))
      html.raw("</td>")
      for (label, value) in [
        (passedFirst, e.passedFirstTry), (passedLater, later),
        (notPassedLabel, notPassed), (checks, e.attempts),
      ] {
        html.raw("<td class=\"num count\" data-label=\"\(HTMLText.escape(label))\">\(value)</td>")
      }
      html.raw("<td class=\"answers\">")
      if let worst = e.mostFailed {
        html.element("span", worst.condition, class: "answer")
        html.raw(" ")
        html.text(
          Catalog.text(
            "grade.html.exercise.failedMost",
            [
              "meaning": worst.shownMeaning ?? worst.meaning, "failed": "\(worst.failedAttempts)",
              "checks": "\(e.attempts)",
            ]))
      } else {
        html.text(e.attempted == 0 ? "—" : Catalog.text("grade.html.exercise.noneFailed"))
      }
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody>\n</table></div>\n</section>\n")
  }
}
