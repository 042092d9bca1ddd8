import Classroom
import DemoContract
import Testing

/// The `--html` page checked without a browser: its structure, its sections, its figures
/// against the report's, and its escaping.
@Suite struct ClassReportHTMLTests {
  let report = SampleReport.make()

  func tree(_ report: ClassReport) throws -> HTMLNode {
    try HTMLTree.parse(ClassReportHTML.page(report))
  }

  @Test func pageIsWellFormedWithEverySection() throws {
    let root = try tree(report)
    let html = try #require(root.elements("html").first)
    #expect(html.attributes["lang"] == "en")
    #expect(root.elements("meta").contains { $0.attributes["charset"] == "utf-8" })
    #expect(root.elements("meta").contains { $0.attributes["name"] == "viewport" })
    let title = try #require(root.elements("title").first)
    #expect(title.allText == "ProcLab class report: 40 students")
    for id in ["questions", "scores", "predictions", "flagged", "students", "unreadable"] {
      let section = try #require(root.element(id: id), "no section \(id)")
      #expect(section.name == "section")
      #expect(!section.elements("h2").isEmpty)
    }
    let header = try #require(root.elements("header").first).allText
    #expect(header.contains("40 students"))
    #expect(header.contains("2025-12-01 15:00 UTC"))
    #expect(header.contains("ProcLab 0.17.0"))
    // Every table has column headers; every chart has a title and a description.
    for table in root.elements("table") {
      #expect(!table.elements("th").isEmpty)
    }
    let charts = root.elements("svg")
    #expect(charts.count == 1 + 3)  // the score histogram and the three number predictions
    for svg in charts {
      #expect(svg.attributes["role"] == "img")
      let title = svg.children.first { $0.name == "title" }?.allText ?? ""
      #expect(!title.isEmpty)
      #expect(svg.children.contains { $0.name == "desc" })
    }
  }

  @Test func theWellFormednessCheckCatchesBrokenNesting() {
    #expect(throws: HTMLError.self) { try HTMLTree.parse("<div><span></div></span>") }
    #expect(throws: HTMLError.self) { try HTMLTree.parse("<p>a & b</p>") }
    #expect(throws: HTMLError.self) { try HTMLTree.parse("<div>") }
  }

  @Test func barCountsAreTheReportsCounts() throws {
    let root = try tree(report)
    let rows = root.elements("tr").filter { $0.attributes["data-question"] != nil }
    #expect(rows.count == report.lessons.reduce(0) { $0 + $1.questions.count })
    for row in rows {
      let lesson = try #require(row.attributes["data-lesson"])
      let question = try #require(row.attributes["data-question"])
      let grades = report.students.flatMap(\.questions).filter {
        $0.lesson == lesson && $0.question == question
      }
      #expect(grades.count == report.students.count)
      for verdict in GradeVerdict.allCases {
        let expected = grades.filter { $0.verdict == verdict }.count
        let cells = row.elements("td").filter { $0.attributes["data-verdict"] == verdict.rawValue }
        #expect(cells.count == 1, "\(question): one cell for \(verdict)")
        #expect(cells.first?.attributes["data-count"] == "\(expected)", "\(question) \(verdict)")
        let segment = row.elements("span").first {
          $0.attributes["data-verdict"] == verdict.rawValue
        }
        #expect(segment?.attributes["data-count"] == (expected == 0 ? nil : "\(expected)"))
        if expected > 0 {
          #expect(cells.first?.allText.hasPrefix("\(expected) (") == true)
          #expect(segment?.attributes["title"]?.hasPrefix("\(expected) ") == true)
        }
      }
    }
  }

  @Test func scoreHistogramCountsEveryStudentOnce() throws {
    let root = try tree(report)
    let svg = try #require(root.element(id: "scores")?.elements("svg").first)
    let columns = svg.elements("g")
    #expect(columns.count == 11)
    let counts = columns.compactMap { $0.attributes["data-count"].flatMap { Int($0) } }
    #expect(counts.reduce(0, +) == report.students.filter { $0.total > 0 }.count)
    // Each student in the column of their score.
    for student in report.students where student.total > 0 {
      let percent = student.score * 100 / student.total
      let label = percent == 100 ? "100%" : "\(percent / 10 * 10)–\(percent / 10 * 10 + 9)%"
      #expect(columns.contains { $0.attributes["data-label"] == label })
    }
    let expected100 = report.students.filter { $0.total > 0 && $0.score == $0.total }.count
    #expect(columns.last?.attributes["data-count"] == "\(expected100)")
  }

  @Test func commonWrongAnswersAreRankedWithTheirFeedback() throws {
    let root = try tree(report)
    let table = try #require(
      root.elements("table").first { $0.attributes["class"] == "wrong-answers" })
    let rows = table.elements("tbody").first?.elements("tr") ?? []
    let first = try #require(rows.first)
    #expect(first.elements("th").first?.allText == "fork-returns")
    // "b" and "B " are one answer; the feedback they hit is shown.
    let wrong = report.students.flatMap(\.questions).filter {
      $0.lesson == "processes" && $0.question == "fork-returns" && $0.verdict == .wrong
    }
    var counts: [String: Int] = [:]
    for grade in wrong {
      counts[grade.answer.trimmingCharacters(), default: 0] += 1
    }
    let top = counts.values.max() ?? 0
    let shown = first.elements("td").dropFirst().first?.allText
    #expect(shown == "\(top)")
    let bCount = wrong.filter { $0.answer.lowercased().hasPrefix("b") }.count
    let bRow = rows.prefix(3).first { $0.allText.contains("the child gets 0 & the parent") }
    #expect(bRow?.elements("td").dropFirst().first?.allText == "\(bCount)")
    #expect(rows.prefix(3).count <= 3)
  }

  @Test func predictionsShowTheClassesMeasuredValues() throws {
    let root = try tree(report)
    let section = try #require(root.element(id: "predictions"))
    let cpus = try #require(
      section.elements("svg").first {
        $0.attributes["aria-labelledby"]?.contains("usable-cpus") == true
      })
    let columns = cpus.elements("g").map {
      ($0.attributes["data-label"] ?? "", Int($0.attributes["data-count"] ?? "") ?? -1)
    }
    var expected: [String: Int] = [:]
    for student in report.students {
      if let n = student.questions.first(where: { $0.question == "usable-cpus" })?.measured?.number
      {
        expected["\(Int(n))", default: 0] += 1
      }
    }
    #expect(Dictionary(uniqueKeysWithValues: columns) == expected)
    #expect(
      section.allText.contains("usable CPUs (cpu-scaling, usable_cpus; a fact of each machine)"))
    // Seconds are printed with a prefix, and a text metric is counted value by value.
    #expect(section.allText.contains("µs"))
    let texts = try #require(section.elements("table").first { $0.attributes["class"] == "texts" })
    let counted = texts.elements("tr").compactMap { row -> Int? in
      row.elements("td").dropFirst().first.flatMap { Int($0.allText) }
    }
    let measuredTexts = report.students.compactMap {
      $0.questions.first { $0.question == "placement" }?.measured?.text
    }
    #expect(counted.reduce(0, +) == measuredTexts.count)
  }

  @Test func identifiersAreNotGroupedAmountsAre() {
    let uid = QuestionColumn(
      question: "child-uid", kind: "predict", ask: "Which uid?", points: 1,
      metric: MetricColumn(
        demo: "ids", path: "uid", label: "the child's user id", unit: "id", fact: true))
    var report = SampleReport.make(students: 3)
    report.lessons[0].questions.append(uid)
    for i in report.students.indices {
      report.students[i].questions.append(
        QuestionGrade(
          lesson: "processes", question: "child-uid", verdict: .rightFirstTry, tries: 1,
          hintsShown: 0,
          seconds: 3, answer: "1000", points: 1, earned: 1,
          measured: MeasuredValue(number: 1000 + Double(i))))
    }
    let page = ClassReportHTML.page(report)
    #expect(page.contains("data-label=\"1000\""))
    #expect(!page.contains("data-label=\"1,000\""))
    // A count of lost updates is an amount: grouped.
    #expect(page.contains(","))
  }

  @Test func flaggedStudentsAreListedWithEachMessage() throws {
    let root = try tree(report)
    let section = try #require(root.element(id: "flagged"))
    let rows = section.elements("tr").filter { $0.attributes["data-flags"] != nil }
    let flagged = report.students.filter { !$0.flags.isEmpty }
    #expect(rows.count == flagged.count)
    for (row, student) in zip(rows, flagged) {
      #expect(row.elements("th").first?.allText.hasPrefix(student.name) == true)
      for flag in student.flags {
        #expect(row.allText.contains(flag.message))
        #expect(row.allText.contains(flag.code.rawValue))
      }
    }
    #expect(root.element(id: "unreadable")?.allText.contains("results/notes<1>.txt") == true)
  }

  @Test func everyStudentIsListedWithTheirScore() throws {
    let root = try tree(report)
    let rows = try #require(root.element(id: "students")).elements("tr").filter {
      $0.attributes["data-student"] != nil
    }
    #expect(rows.map { $0.attributes["data-student"] } == report.students.map(\.studentID))
    for (row, student) in zip(rows, report.students) {
      #expect(row.elements("th").first?.allText == student.name)
      #expect(row.allText.contains("\(student.score)/\(student.total)"))
    }
  }

  @Test func studentTextIsEscapedNeverMarkup() throws {
    let page = ClassReportHTML.page(report)
    #expect(!page.contains("<script"))
    #expect(!page.contains("<i>d</i>"))
    #expect(!page.contains("<b>"))
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    let root = try HTMLTree.parse(page)
    #expect(root.elements("script").isEmpty)
    #expect(root.elements("i").allSatisfy { $0.attributes["class"]?.hasPrefix("v-") == true })
    #expect(root.allText.contains(SampleReport.hostile))
    #expect(root.allText.contains("김민지"))
    #expect(root.allText.contains("lab&pc-0") || root.allText.contains("lab&pc-5"))
    // A control character is not allowed in HTML: it is replaced, never passed on.
    var odd = report
    odd.students[0].name = "Kim\u{1B}[2J Minji"
    #expect(!ClassReportHTML.page(odd).contains("\u{1B}"))
  }

  @Test func pageMakesNoNetworkReference() {
    let page = ClassReportHTML.page(report).lowercased()
    for needle in ["http:", "https:", "//", "src=", "<link", "@import", "url("] {
      #expect(!page.contains(needle), "the page contains \(needle)")
    }
  }

  @Test func anEmptyClassStillMakesAPage() throws {
    let empty = ClassReport(
      proclabVersion: "0.17.0", gradedAt: 0, lessons: [], students: [], unreadable: [])
    let root = try tree(empty)
    #expect(root.element(id: "flagged")?.allText.contains("No student's file was flagged.") == true)
    #expect(root.element(id: "scores")?.elements("g").count == 11)
  }
}

extension String {
  func trimmingCharacters() -> String {
    split(separator: " ").joined(separator: " ").lowercased()
  }
}
