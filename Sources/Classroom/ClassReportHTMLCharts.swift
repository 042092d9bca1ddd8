import Localization

/// The class report's charts, inline SVG with a `<title>` and `<desc>` each and the count
/// written above every column: the score histogram, and per prediction the distribution of
/// the values the class's own runs measured (a histogram for numbers, counts for texts).
extension ClassReportHTML {
  /// One column of a chart: what it is called under the axis, in its tooltip, and its height.
  struct Column: Equatable {
    var label: String
    var detail: String
    var count: Int
  }

  static func scoreSection(_ report: ClassReport, into html: inout HTMLText) {
    html.raw("<section id=\"scores\">\n")
    html.element("h2", Catalog.text("grade.html.scores"))
    let scored = report.students.compactMap(\.scorePercent)
    let columns = scoreColumns(scored)
    html.raw("<figure>\n")
    columnChart(
      id: "score-histogram", title: Catalog.text("grade.html.histogram"),
      description: Catalog.text("grade.html.histogram.description"),
      columns: columns, axis: Catalog.text("grade.html.axis.score"), into: &html)
    html.raw("<figcaption>")
    let left = report.students.count - scored.count
    let leftOut =
      left > 0
      ? Catalog.text("grade.html.histogram.left", ["count": "\(left)"])
      : Catalog.text("grade.html.histogram.end")
    html.text(
      Catalog.plural("grade.html.histogram.caption", count: scored.count, ["left": leftOut]))
    html.raw("</figcaption>\n</figure>\n</section>\n")
  }

  /// Scores in steps of 10%: 0–9%, 10–19%, …, 90–99%, and 100% on its own.
  static func scoreColumns(_ scores: [Double]) -> [Column] {
    var counts = [Int](repeating: 0, count: 11)
    for score in scores where score.isFinite {
      counts[min(10, max(0, Int((score * 100 + 1e-9).rounded(.down)) / 10))] += 1
    }
    return counts.enumerated().map { bin, n in
      let label = bin == 10 ? "100%" : "\(bin * 10)–\(bin * 10 + 9)%"
      return Column(
        label: label, detail: Catalog.plural("grade.html.scored", count: n, ["label": label]),
        count: n)
    }
  }

  static func predictionSection(
    _ report: ClassReport, _ index: GradeIndex, into html: inout HTMLText
  ) {
    html.raw("<section id=\"predictions\">\n")
    html.element("h2", Catalog.text("grade.html.predictions.heading"))
    html.element("p", Catalog.text("grade.html.predictions.note"), class: "note")
    var any = false
    html.raw("<div class=\"predictions\">\n")
    for lesson in report.lessons {
      for question in lesson.questions {
        guard let metric = question.metric else { continue }
        any = true
        predictionFigure(
          lesson.lesson, question, metric, index.grades(lesson.lesson, question.question),
          into: &html)
      }
    }
    html.raw("</div>\n")
    if !any { html.element("p", Catalog.text("grade.html.noPredictions"), class: "note") }
    html.raw("</section>\n")
  }

  static func predictionFigure(
    _ lesson: String, _ question: QuestionColumn, _ metric: MetricColumn, _ grades: [QuestionGrade],
    into html: inout HTMLText
  ) {
    let numbers = grades.compactMap { $0.measured?.number }.filter(\.isFinite).sorted()
    let texts = grades.compactMap { $0.measured?.number == nil ? $0.measured?.text : nil }
    html.raw("<figure class=\"prediction\">\n<h3>")
    html.text("\(lesson) / \(question.question)")
    html.raw("</h3>\n<p class=\"ask\">")
    html.text(shortened(question.shownAsk ?? question.ask, to: 160))
    html.raw("</p>\n")
    let unit =
      metric.unit.isEmpty ? "" : Catalog.text("grade.html.metric.unit", ["unit": metric.unit])
    let nature = Catalog.text(metric.fact ? "grade.html.metric.fact" : "grade.html.metric.varies")
    // The declared label is English in the JSON; the page says it in the reader's language.
    let label = MetricLabels.text(metric.label)
    let what = Catalog.text(
      "grade.html.metric.what",
      [
        "label": label, "demo": metric.demo, "path": metric.path, "unit": unit,
        "nature": nature,
      ])
    if !numbers.isEmpty {
      columnChart(
        id: "measured-\(idFragment(lesson))-\(idFragment(question.question))",
        title: Catalog.text("grade.html.metric.title", ["label": label]),
        description: Catalog.text("grade.html.metric.description", ["path": metric.path]),
        columns: numberColumns(numbers, unit: metric.unit), axis: label, into: &html)
      html.raw("<figcaption>")
      html.text(
        Catalog.plural(
          "grade.html.metric.runs", count: numbers.count,
          [
            "what": what, "median": PageNumber.with(median(numbers) ?? 0, unit: metric.unit),
            "low": PageNumber.with(numbers[0], unit: metric.unit),
            "high": PageNumber.with(numbers[numbers.count - 1], unit: metric.unit),
          ]))
      html.raw("</figcaption>\n")
    } else if !texts.isEmpty {
      textTable(texts, into: &html)
      html.raw("<figcaption>")
      html.text(Catalog.plural("grade.html.metric.textRuns", count: texts.count, ["what": what]))
      html.raw("</figcaption>\n")
    } else {
      html.raw("<figcaption>")
      html.text(Catalog.text("grade.html.metric.none", ["what": what]))
      html.raw("</figcaption>\n")
    }
    html.raw("</figure>\n")
  }

  /// Numbers as columns: one per value when they are a few whole numbers (CPUs, processes),
  /// else ten equal bins from the smallest to the largest.
  static func numberColumns(_ sorted: [Double], unit: String) -> [Column] {
    guard let low = sorted.first, let high = sorted.last else { return [] }
    func students(_ n: Int) -> String { Catalog.plural("grade.html.students", count: n) }
    var distinct: [Double] = []
    for value in sorted where distinct.last != value { distinct.append(value) }
    if distinct.count <= 16 && distinct.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }) {
      return distinct.map { value in
        let n = sorted.filter { $0 == value }.count
        let label = PageNumber.with(value, unit: unit)
        return Column(label: label, detail: "\(students(n)): \(label)", count: n)
      }
    }
    let bins = low == high ? 1 : 10
    let width = (high - low) / Double(bins)
    var counts = [Int](repeating: 0, count: bins)
    for value in sorted {
      let bin = width > 0 ? Int(((value - low) / width).rounded(.down)) : 0
      counts[min(bins - 1, max(0, bin))] += 1
    }
    return counts.enumerated().map { bin, n in
      let from = low + Double(bin) * width
      let to = bin == bins - 1 ? high : from + width
      let range = "\(PageNumber.with(from, unit: unit)) to \(PageNumber.with(to, unit: unit))"
      return Column(
        label: PageNumber.with(from, unit: unit), detail: "\(students(n)): \(range)", count: n)
    }
  }

  /// A text metric's values, most common first.
  static func textTable(_ texts: [String], into html: inout HTMLText) {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for text in texts {
      if counts[text] == nil { order.append(text) }
      counts[text, default: 0] += 1
    }
    let ranked = order.enumerated().sorted {
      let (x, y) = (counts[$0.element] ?? 0, counts[$1.element] ?? 0)
      return x != y ? x > y : $0.offset < $1.offset
    }
    html.raw("<table class=\"texts\"><thead><tr><th scope=\"col\">value measured</th>")
    html.raw(
      "<th scope=\"col\" class=\"num\">students</th><th scope=\"col\" class=\"num\">share</th></tr></thead>\n<tbody>\n"
    )
    for (_, text) in ranked.prefix(12) {
      let n = counts[text] ?? 0
      html.raw("<tr><td><span class=\"answer\">")
      html.text(shortened(text, to: 80))
      html.raw(
        "</span></td><td class=\"num\">\(n)</td><td class=\"num\">\(Percent.of(n, texts.count))</td></tr>\n"
      )
    }
    if ranked.count > 12 {
      html.raw("<tr><td colspan=\"3\" class=\"note\">")
      html.text("and \(ranked.count - 12) other values")
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody></table>\n")
  }

  /// A column chart in SVG: the count above each column, its label under it, a tooltip each.
  static func columnChart(
    id: String, title: String, description: String, columns: [Column], axis: String,
    into html: inout HTMLText
  ) {
    let (width, height) = (640.0, 230.0)
    let (left, right, top, bottom) = (44.0, 12.0, 22.0, 46.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let highest = max(1, columns.map(\.count).max() ?? 1)
    let slot = plotWidth / Double(max(1, columns.count))
    let barWidth = max(2, slot * 0.78)
    let labelChars = max(3, Int(slot / 6.6))
    html.raw(
      "<svg role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height))\" aria-labelledby=\"\(id)-t \(id)-d\">\n"
    )
    html.raw("<title id=\"\(id)-t\">")
    html.text(title)
    html.raw("</title>\n<desc id=\"\(id)-d\">")
    html.text(description + " " + columns.map { $0.detail }.joined(separator: "; ") + ".")
    html.raw("</desc>\n")
    let base = top + plotHeight
    html.raw(
      "<line class=\"axis\" x1=\"\(left)\" y1=\"\(base)\" x2=\"\(width - right)\" y2=\"\(base)\"/>\n"
    )
    html.raw("<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(base)\"/>\n")
    html.raw(
      "<text x=\"\(left - 6)\" y=\"\(base + 4)\" text-anchor=\"end\">0</text>"
        + "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(highest)</text>\n")
    html.raw(
      "<text x=\"12\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 12 \(top + plotHeight / 2))\">students</text>\n")
    for (n, column) in columns.enumerated() {
      let x = left + Double(n) * slot + (slot - barWidth) / 2
      let h = plotHeight * Double(column.count) / Double(highest)
      let centre = PageNumber.fixed(x + barWidth / 2, 1)
      html.raw(
        "<g data-label=\"\(HTMLText.escape(column.label))\" data-count=\"\(column.count)\">"
          + "<rect class=\"col\" x=\"\(PageNumber.fixed(x, 1))\" y=\"\(PageNumber.fixed(base - h, 1))\" "
          + "width=\"\(PageNumber.fixed(barWidth, 1))\" height=\"\(PageNumber.fixed(h, 1))\"><title>"
      )
      html.text(column.detail)
      html.raw("</title></rect>")
      if column.count > 0 {
        html.raw(
          "<text x=\"\(centre)\" y=\"\(PageNumber.fixed(base - h - 5, 1))\" text-anchor=\"middle\">\(column.count)</text>"
        )
      }
      html.raw("<text x=\"\(centre)\" y=\"\(base + 16)\" text-anchor=\"middle\">")
      html.text(shortened(column.label, to: labelChars))
      html.raw("</text></g>\n")
    }
    html.raw("<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">")
    html.text(shortened(axis, to: 80))
    html.raw("</text>\n</svg>\n")
  }

  /// Letters and digits of `text` for an element id; anything else becomes `-`.
  static func idFragment(_ text: String) -> String {
    String(
      text.unicodeScalars.map {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-"
      })
  }
}

/// Numbers as the page prints them, without a locale: three significant digits, and the
/// declared unit with a prefix where it has one (`1.23 ms`, `4.5 MiB`, `1.8×`).
enum PageNumber {
  /// `value` with `digits` decimals: `fixed(3.14159, 2)` is `3.14`.
  static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return value.isFinite ? "\(value)" : "—" }
    var scale = 1
    for _ in 0..<max(0, digits) { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded())
    let whole = scaled / scale
    let fraction = scaled % scale
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + "\(whole)" }
    let digitsText = String(fraction)
    return sign + "\(whole)." + String(repeating: "0", count: digits - digitsText.count)
      + digitsText
  }

  /// Three significant digits, trailing zeros dropped; whole numbers of 1000 and more grouped.
  static func significant(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    let magnitude = abs(value)
    if magnitude >= 1000 || (magnitude == magnitude.rounded() && magnitude < 1e15) {
      return grouped(Int(value.rounded()))
    }
    var digits = 2
    var bound = 1.0
    while magnitude < bound && digits < 12 {
      digits += 1
      bound /= 10
    }
    if magnitude >= 100 { digits = 0 } else if magnitude >= 10 { digits = 1 }
    var text = fixed(value, digits)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(d)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `value` in the declared `unit` (a `MetricUnit` raw value; "" for a count).
  static func with(_ value: Double, unit: String) -> String {
    let magnitude = abs(value)
    func scaled(_ steps: [(Double, String)]) -> String {
      for (size, name) in steps where magnitude >= size || size == steps.last?.0 {
        return significant(value / size) + " " + name
      }
      return significant(value)
    }
    switch unit {
    case "seconds":
      return magnitude == 0 ? "0 s" : scaled([(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")])
    case "nanoseconds":
      return magnitude == 0 ? "0 ns" : scaled([(1e6, "ms"), (1e3, "µs"), (1, "ns")])
    case "bytes":
      return scaled([(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB"), (1, "B")])
    case "KiB": return scaled([(1_048_576, "GiB"), (1024, "MiB"), (1, "KiB")])
    case "bytes/s": return scaled([(1e9, "GB/s"), (1e6, "MB/s"), (1e3, "kB/s"), (1, "B/s")])
    case "ratio": return significant(value) + "×"
    case "cpu", "pid", "id", "exit status", "exitcode":
      // Identifiers, not amounts: never grouped (uid 1000, not 1,000).
      return value == value.rounded() && magnitude < 1e15
        ? String(Int64(value)) : significant(value)
    case "", "count", "fraction", "boolean", "text", "list":
      return significant(value)
    default: return significant(value) + " " + unit
    }
  }
}
