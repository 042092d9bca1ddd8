import Localization

/// The class report's questions: per lesson a table with one stacked bar per question (every
/// verdict, counted and as a share, in words beside the colours), and the most common wrong
/// answers with the misconception feedback they hit.
extension ClassReportHTML {
  /// The verdicts in the order the bars stack them.
  static let verdictOrder: [GradeVerdict] = [
    .rightFirstTry, .rightOnRetry, .wrong, .skipped, .notAnswered, .notGraded, .notCounted,
  ]

  /// What the page calls each verdict.
  static func label(_ verdict: GradeVerdict) -> String {
    switch verdict {
    case .rightFirstTry: Catalog.text("grade.html.verdict.rightFirstTry")
    case .rightOnRetry: Catalog.text("grade.html.verdict.rightOnRetry")
    case .wrong: Catalog.text("grade.html.verdict.wrong")
    case .skipped: Catalog.text("grade.html.verdict.skipped")
    case .notAnswered: Catalog.text("grade.html.verdict.notAnswered")
    case .notGraded: Catalog.text("grade.html.verdict.notGraded")
    case .notCounted: Catalog.text("grade.html.verdict.notCounted")
    }
  }

  static func questionSections(
    _ report: ClassReport, _ index: GradeIndex, into html: inout HTMLText
  ) {
    html.raw("<section id=\"questions\">\n")
    html.element("h2", Catalog.text("grade.html.questions"))
    html.raw("<ul class=\"legend\" aria-label=\"verdicts\">")
    for verdict in verdictOrder {
      html.raw("<li><i class=\"v-\(verdict.rawValue)\"></i>")
      html.text(label(verdict))
      html.raw("</li>")
    }
    html.raw("</ul>\n")
    if report.lessons.isEmpty {
      html.element("p", Catalog.text("grade.html.noLessons"), class: "note")
    }
    for lesson in report.lessons {
      lessonSection(lesson, index, students: report.students.count, into: &html)
    }
    html.raw("</section>\n")
  }

  static func lessonSection(
    _ lesson: LessonColumns, _ index: GradeIndex, students: Int, into html: inout HTMLText
  ) {
    html.raw("<section class=\"lesson\">\n<h3>")
    html.text(lesson.lesson)
    html.raw(" · ")
    html.text(lesson.shownTitle ?? lesson.title)
    html.raw("</h3>\n<div class=\"scroll\"><table class=\"bars\">\n<thead><tr>")
    html.raw(
      heading(Catalog.text("grade.html.col.question"))
        + heading(Catalog.text("grade.html.col.answers"))
    )
    for verdict in verdictOrder {
      html.raw("<th scope=\"col\" class=\"num\">")
      html.text(label(verdict))
      html.raw("</th>")
    }
    html.raw("</tr></thead>\n<tbody>\n")
    for question in lesson.questions {
      questionRow(
        lesson.lesson, question, index.grades(lesson.lesson, question.question), into: &html)
    }
    html.raw("</tbody>\n</table></div>\n")
    commonWrongAnswers(lesson, index, into: &html)
    html.raw("</section>\n")
  }

  /// One question's row: its id, kind and ask, the stacked bar, then each verdict's count.
  static func questionRow(
    _ lesson: String, _ question: QuestionColumn, _ grades: [QuestionGrade],
    into html: inout HTMLText
  ) {
    var counts: [GradeVerdict: Int] = [:]
    for grade in grades { counts[grade.verdict, default: 0] += 1 }
    let total = grades.count
    let spoken = verdictOrder.compactMap { verdict -> String? in
      let n = counts[verdict] ?? 0
      return n == 0 ? nil : "\(n) \(label(verdict)) (\(Percent.of(n, total)))"
    }
    html.raw(
      "<tr data-lesson=\"\(HTMLText.escape(lesson))\" data-question=\"\(HTMLText.escape(question.question))\">"
    )
    html.raw("<th scope=\"row\">")
    html.text(question.question)
    html.raw(" <span class=\"kind\">")
    html.text(question.kind)
    html.raw("</span>")
    if question.points != 1 {
      html.raw(" <span class=\"kind\">")
      html.text("\(question.points) points")
      html.raw("</span>")
    }
    html.raw("<div class=\"ask\">")
    html.text(shortened(question.shownAsk ?? question.ask, to: 140))
    html.raw("</div></th>\n<td class=\"answers\"><div class=\"bar\" role=\"img\" aria-label=\"")
    html.text(
      spoken.isEmpty ? Catalog.text("grade.html.noStudents") : spoken.joined(separator: ", "))
    html.raw("\">")
    for verdict in verdictOrder {
      let n = counts[verdict] ?? 0
      guard n > 0, total > 0 else { continue }
      let width = Double(n) * 100 / Double(total)
      html.raw(
        "<span class=\"v-\(verdict.rawValue)\" style=\"width:\(PageNumber.fixed(width, 3))%\" "
          + "data-verdict=\"\(verdict.rawValue)\" data-count=\"\(n)\" title=\"")
      html.text("\(n) \(label(verdict)) (\(Percent.of(n, total)))")
      html.raw("\"></span>")
    }
    html.raw("</div></td>\n")
    for verdict in verdictOrder {
      let n = counts[verdict] ?? 0
      html.raw(
        "<td class=\"num count\" data-verdict=\"\(verdict.rawValue)\" data-count=\"\(n)\" "
          + "data-label=\"\(HTMLText.escape(label(verdict)))\">")
      html.raw(n == 0 ? "0" : "<strong>\(n)</strong> (\(Percent.of(n, total)))")
      html.raw("</td>")
    }
    html.raw("</tr>\n")
  }

  /// A wrong answer as the class gave it: how many gave it and the feedback it hit.
  struct WrongAnswer {
    var answer: String
    var students: Int
    var feedback: String?
  }

  /// The most common wrong answers to a question: answers that differ only in case and spaces
  /// are one; the feedback shown is the one most of them hit.
  static func wrongAnswers(_ grades: [QuestionGrade], top: Int = 3) -> [WrongAnswer] {
    var order: [String] = []
    var groups: [String: (answer: String, count: Int, feedback: [String: Int])] = [:]
    for grade in grades where grade.verdict == .wrong {
      let key = grade.answer.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(
        separator: " "
      ).lowercased()
      if groups[key] == nil {
        order.append(key)
        groups[key] = (grade.answer, 0, [:])
      }
      groups[key]?.count += 1
      if let feedback = grade.feedback { groups[key]?.feedback[feedback, default: 0] += 1 }
    }
    let ranked = order.enumerated().sorted { a, b in
      let x = groups[a.element]?.count ?? 0
      let y = groups[b.element]?.count ?? 0
      return x != y ? x > y : a.offset < b.offset
    }
    return ranked.prefix(top).compactMap { item in
      guard let group = groups[item.element] else { return nil }
      let feedback = group.feedback.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }
      .first?.key
      return WrongAnswer(answer: group.answer, students: group.count, feedback: feedback)
    }
  }

  static func commonWrongAnswers(
    _ lesson: LessonColumns, _ index: GradeIndex, into html: inout HTMLText
  ) {
    let rows = lesson.questions.map { ($0, wrongAnswers(index.grades(lesson.lesson, $0.question))) }
      .filter { !$0.1.isEmpty }
    guard !rows.isEmpty else { return }
    html.raw("<div class=\"scroll\"><table class=\"wrong-answers\">\n<caption class=\"note\">")
    html.text(Catalog.text("grade.html.wrongAnswers", ["lesson": lesson.lesson]))
    html.raw(
      "</caption>\n<thead><tr>" + heading(Catalog.text("grade.html.col.question"))
        + heading(Catalog.text("grade.html.col.wrongAnswer"))
    )
    html.raw(
      heading(Catalog.text("grade.html.col.students"), num: true)
        + heading(Catalog.text("grade.html.col.feedback")) + "</tr></thead>\n<tbody>\n"
    )
    for (question, answers) in rows {
      for (n, wrong) in answers.enumerated() {
        html.raw("<tr>")
        if n == 0 {
          html.raw("<th scope=\"row\" rowspan=\"\(answers.count)\">")
          html.text(question.question)
          html.raw("</th>")
        }
        html.raw("<td><span class=\"answer\">")
        html.text(
          wrong.answer.isEmpty ? Catalog.text("grade.html.empty") : shortened(wrong.answer, to: 120)
        )
        html.raw("</span></td><td class=\"num\">\(wrong.students)</td><td class=\"feedback\">")
        html.text(
          wrong.feedback.map { shortened($0, to: 240) } ?? Catalog.text("grade.html.noFeedback"))
        html.raw("</td></tr>\n")
      }
    }
    html.raw("</tbody>\n</table></div>\n")
  }

  /// `text` on one line, cut at `limit` characters with an ellipsis.
  static func shortened(_ text: String, to limit: Int) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
  }
}
