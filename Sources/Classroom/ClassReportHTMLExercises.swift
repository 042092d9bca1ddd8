// The class report's exercises section (docs/grading.md, "The HTML report"): per exercise,
// how many of the students who checked it passed, on their first check or later, and the
// check the class failed most often. Exercises carry no points; the score sections do not
// count them.
extension ClassReportHTML {
  static func exerciseSection(_ report: ClassReport, into html: inout HTMLText) {
    html.raw("<section id=\"exercises\">\n")
    html.element("h2", "Exercises")
    guard !report.exercises.isEmpty else {
      html.element("p", "The lessons graded have no exercises.", class: "note")
      html.raw("</section>\n")
      return
    }
    html.element(
      "p",
      "Each exercise's checks as the students ran them with check, from their result files. "
        + "Exercises earn no points: the scores above are the quizzes' alone.", class: "note")
    html.raw("<div class=\"scroll\"><table class=\"bars exercises\">\n<thead><tr>")
    html.raw("<th scope=\"col\">exercise</th><th scope=\"col\">students who checked it</th>")
    for label in ["passed first check", "passed later", "not passed", "checks"] {
      html.raw("<th scope=\"col\" class=\"num\">\(label)</th>")
    }
    html.raw("<th scope=\"col\">check failed most often</th></tr></thead>\n<tbody>\n")
    for e in report.exercises {
      let later = e.passed - e.passedFirstTry
      let notPassed = e.attempted - e.passed
      html.raw("<tr data-exercise=\"\(HTMLText.escape(e.exercise))\"><th scope=\"row\">")
      html.raw("<span class=\"answer\">")
      html.text(e.exercise)
      html.raw("</span> ")
      html.element("span", e.title + " (" + e.lesson + ")", class: "ask")
      html.raw("</th><td>")
      if e.attempted > 0 {
        html.raw("<div class=\"bar\" role=\"img\" aria-label=\"")
        html.text(
          "\(e.passedFirstTry) passed on the first check, \(later) later, \(notPassed) not passed")
        html.raw("\">")
        for (count, verdict) in [
          (e.passedFirstTry, "right-first-try"), (later, "right-on-retry"), (notPassed, "wrong"),
        ] where count > 0 {
          let width = Double(count) / Double(e.attempted) * 100
          html.raw("<span class=\"v-\(verdict)\" style=\"width:\(width)%\"></span>")
        }
        html.raw("</div>")
      }
      html.text(e.attempted == 0 ? "checked by no one" : "\(e.passed) of \(e.attempted) passed")
      html.raw("</td>")
      for (label, value) in [
        ("passed first check", e.passedFirstTry), ("passed later", later),
        ("not passed", notPassed), ("checks", e.attempts),
      ] {
        html.raw("<td class=\"num count\" data-label=\"\(label)\">\(value)</td>")
      }
      html.raw("<td class=\"answers\">")
      if let worst = e.mostFailed {
        html.element("span", worst.condition, class: "answer")
        html.raw(" ")
        html.text("\(worst.meaning): failed on \(worst.failedAttempts) of \(e.attempts) checks")
      } else {
        html.text(e.attempted == 0 ? "—" : "none failed")
      }
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody>\n</table></div>\n</section>\n")
  }
}
