import Localization

/// The class report as one self-contained HTML page (`proclab grade --html FILE`): inline CSS
/// and inline SVG, no script, no network, no external font. Every string a student supplied
/// (names, ids, hosts, answers, file names) and every string of a lesson is escaped for HTML.
/// The sections are drawn in ClassReportHTMLQuestions.swift (per-question bars, common wrong
/// answers), ClassReportHTMLCharts.swift (score histogram, predictions' measured values) and
/// ClassReportHTMLStudents.swift (flagged students, unreadable files).
public enum ClassReportHTML {
  /// The page for `report`: UTF-8, readable at 1280 px, on a phone and on paper.
  public static func page(_ report: ClassReport) -> String {
    let index = GradeIndex(report)
    var html = HTMLText()
    html.raw(
      "<!DOCTYPE html>\n<html lang=\"\(Catalog.language.rawValue)\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    html.element("title", Catalog.text("grade.html.title", ["count": "\(report.students.count)"]))
    html.raw("\n<style>\n\(style)</style>\n</head>\n<body>\n")
    header(report, index, into: &html)
    html.raw("<main>\n")
    questionSections(report, index, into: &html)
    scoreSection(report, into: &html)
    predictionSection(report, index, into: &html)
    exerciseSection(report, into: &html)
    flaggedSection(report, into: &html)
    studentsSection(report, into: &html)
    unreadableSection(report, into: &html)
    html.raw("</main>\n</body>\n</html>\n")
    return html.text
  }

  /// The header: class size, when and by which ProcLab it was graded, the headline figures.
  static func header(_ report: ClassReport, _ index: GradeIndex, into html: inout HTMLText) {
    let questions = report.lessons.reduce(0) { $0 + $1.questions.count }
    let flagged = report.students.filter { !$0.flags.isEmpty }.count
    let scores = report.students.compactMap(\.scorePercent).sorted()
    html.raw("<header>\n")
    html.element("h1", Catalog.text("grade.html.h1"))
    html.raw("<p class=\"meta\">")
    html.text(
      Catalog.text(
        "grade.html.meta",
        [
          "students": Catalog.plural("grade.html.students", count: report.students.count),
          "lessons": Catalog.plural("grade.html.lessons", count: report.lessons.count),
          "questions": Catalog.plural("grade.html.questions", count: questions),
          "time": UTCTime.text(report.gradedAt), "version": report.proclabVersion,
        ]))
    html.raw("</p>\n<dl class=\"cards\">\n")
    card(Catalog.text("grade.html.card.students"), "\(report.students.count)", into: &html)
    card(
      Catalog.text("grade.html.card.median"),
      median(scores).map(Percent.text) ?? "—",
      into: &html)
    card(Catalog.text("grade.html.card.flagged"), "\(flagged)", warn: flagged > 0, into: &html)
    card(
      Catalog.text("grade.html.card.unreadable"), "\(report.unreadable.count)",
      warn: !report.unreadable.isEmpty,
      into: &html)
    html.raw("</dl>\n<nav aria-label=\"sections\"><ul>\n")
    for (id, name) in [
      ("questions", Catalog.text("grade.html.questions")),
      ("scores", Catalog.text("grade.html.scores")),
      ("predictions", Catalog.text("grade.html.predictions")),
      ("exercises", Catalog.text("grade.html.exercises")),
      ("flagged", Catalog.text("grade.html.flaggedStudents")),
      ("students", Catalog.text("grade.html.allStudents")),
      ("unreadable", Catalog.text("grade.html.unreadableFiles")),
    ] {
      html.raw("<li><a href=\"#\(id)\">\(HTMLText.escape(name))</a></li>")
    }
    html.raw("\n</ul></nav>\n</header>\n")
  }

  /// A column's heading, `text` escaped (`num`: a column of numbers, aligned right).
  static func heading(_ text: String, num: Bool = false) -> String {
    "<th scope=\"col\"\(num ? " class=\"num\"" : "")>" + HTMLText.escape(text) + "</th>"
  }

  static func card(_ label: String, _ value: String, warn: Bool = false, into html: inout HTMLText)
  {
    html.raw("<div class=\"card\(warn ? " warn" : "")\"><dt>")
    html.text(label)
    html.raw("</dt><dd>")
    html.text(value)
    html.raw("</dd></div>\n")
  }

  /// Inline CSS: system fonts only (with the usual Korean ones named), a single column that
  /// narrows on a phone, tables that scroll sideways rather than squeeze, print in black on white.
  static let style = """
    :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --band: #f6f8fa;
      --right: #1a7f37; --retry: #4ac26b; --wrong: #cf222e; --skipped: #8250df;
      --unanswered: #afb8c1; --ungraded: #9a6700; --uncounted: #57606a; --bar: #0969da; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.45;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR",
        "Apple SD Gothic Neo", "Malgun Gothic", NanumGothic, sans-serif; }
    header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 24px; border-bottom: 1px solid var(--line); }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 22px; margin: 32px 0 8px; border-bottom: 2px solid var(--fg); padding-bottom: 4px; }
    h3 { font-size: 17px; margin: 20px 0 6px; }
    .meta, .note { color: var(--muted); margin: 4px 0 12px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px;
      background: var(--band); }
    .card dt { color: var(--muted); font-size: 13px; }
    .card dd { margin: 0; font-size: 24px; font-weight: 600; }
    .card.warn { border-color: var(--wrong); }
    .card.warn dd { color: var(--wrong); }
    nav ul { list-style: none; padding: 0; margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    a { color: #0550ae; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
    th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
    thead th { background: var(--band); font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .bar { display: flex; height: 20px; width: 100%; min-width: 160px; border: 1px solid var(--fg);
      border-radius: 3px; overflow: hidden; }
    .bar span { display: block; height: 100%; }
    .v-right-first-try { background: var(--right); }
    .v-right-on-retry { background: var(--retry); }
    .v-wrong { background: var(--wrong);
      background-image: repeating-linear-gradient(45deg, transparent 0 4px, rgba(255,255,255,.35) 4px 6px); }
    .v-skipped { background: var(--skipped); }
    .v-not-answered { background: var(--unanswered); }
    .v-not-graded { background: var(--ungraded); }
    .v-not-counted { background: var(--uncounted); }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0; list-style: none; font-size: 13px; }
    .legend i { display: inline-block; width: 14px; height: 14px; border: 1px solid var(--fg);
      vertical-align: -2px; margin-right: 5px; }
    .ask { color: var(--muted); font-size: 13px; font-weight: normal; }
    table.bars th[scope="row"] { width: 34%; }
    table.bars td.answers { width: 24%; }
    .kind { font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; color: var(--muted); }
    .count { white-space: nowrap; }
    .count strong { font-weight: 600; }
    .wrong-list { margin: 4px 0 0; padding-left: 18px; }
    .answer { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace;
      background: var(--band); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px;
      overflow-wrap: anywhere; }
    .feedback { color: var(--muted); }
    figure { margin: 8px 0 16px; }
    figcaption { font-size: 13px; color: var(--muted); }
    svg { max-width: 100%; height: auto; }
    svg text { font: 12px system-ui, "Noto Sans", sans-serif; fill: var(--fg); }
    svg .axis { stroke: var(--fg); stroke-width: 1; }
    svg .col { fill: var(--bar); }
    .flag { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px;
      border: 1px solid var(--wrong); color: var(--wrong); border-radius: 3px; padding: 0 4px; white-space: nowrap; }
    .flags { margin: 0; padding-left: 0; list-style: none; }
    .flags li { margin: 2px 0; }
    .predictions { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 0 24px; }
    section.lesson, .prediction { break-inside: avoid; }
    @media (max-width: 700px) {
      header, main { padding: 0 12px; }
      h1 { font-size: 22px; }
      .predictions { grid-template-columns: 1fr; }
      .card { min-width: 40%; }
      td, th { padding: 4px 5px; }
      /* Each question a card: its name, the bar, then every count with its label. */
      table.bars thead { display: none; }
      table.bars, table.bars tbody, table.bars tr { display: block; width: 100%; }
      table.bars tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
      table.bars th[scope="row"], table.bars td.answers { display: block; width: auto; border: 0; }
      table.bars td.count { display: inline-block; border: 0; padding: 1px 10px 1px 0; text-align: left; }
      table.bars td.count::before { content: attr(data-label) ": "; color: var(--muted); }
    }
    @media print {
      body { font-size: 11pt; }
      nav { display: none; }
      header, main { max-width: none; padding: 0; }
      .scroll { overflow: visible; }
      h2 { break-after: avoid; }
      tr, figure, .prediction { break-inside: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}

/// The median of sorted `values`, nil when there are none.
func median(_ sorted: [Double]) -> Double? {
  guard !sorted.isEmpty else { return nil }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension StudentResult {
  /// The score as a fraction of the total (nil when nothing counted).
  var scorePercent: Double? { total > 0 ? Double(score) / Double(total) : nil }
}

/// Every student's grades by question, looked up once: `(lesson, question)` → grades.
struct GradeIndex {
  private var grades: [String: [QuestionGrade]] = [:]

  init(_ report: ClassReport) {
    for student in report.students {
      for grade in student.questions {
        grades[Self.key(grade.lesson, grade.question), default: []].append(grade)
      }
    }
  }

  static func key(_ lesson: String, _ question: String) -> String { lesson + "\u{0}" + question }

  /// The class's grades of one question, in student order.
  func grades(_ lesson: String, _ question: String) -> [QuestionGrade] {
    grades[Self.key(lesson, question)] ?? []
  }
}

/// HTML being written: `text` escapes, `raw` is for ProcLab's own markup only.
struct HTMLText {
  private(set) var text = ""

  mutating func raw(_ markup: String) { text += markup }

  /// Appends `string` as text: `&`, `<`, `>`, `"` and `'` become entities, control characters
  /// (which HTML does not allow) become U+FFFD, so nothing a student typed is ever markup.
  mutating func text(_ string: String) { text += HTMLText.escape(string) }

  /// `<tag>text</tag>`.
  mutating func element(_ tag: String, _ string: String, class name: String? = nil) {
    text +=
      "<\(tag)\(name.map { " class=\"\($0)\"" } ?? "")>" + HTMLText.escape(string) + "</\(tag)>"
  }

  static func escape(_ string: String) -> String {
    var out = ""
    out.reserveCapacity(string.utf8.count)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

/// A time as the page prints it: `2026-12-01 15:23 UTC`, computed without a locale.
enum UTCTime {
  static func text(_ secondsSince1970: Double) -> String {
    guard secondsSince1970.isFinite else { return "at an unknown time" }
    let seconds = Int(secondsSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let inDay = seconds - days * 86_400
    // Howard Hinnant's days-from-civil, inverted.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(inDay / 3600)):\(two(inDay % 3600 / 60)) UTC"
  }
}

/// A share as a whole percentage: `0.426` → `43%`.
enum Percent {
  static func text(_ fraction: Double) -> String {
    guard fraction.isFinite else { return "—" }
    return "\(Int((fraction * 100).rounded()))%"
  }

  static func of(_ count: Int, _ total: Int) -> String {
    total > 0 ? text(Double(count) / Double(total)) : "—"
  }
}
