import DemoContract
import Demos
import Localization
import Render
import Testing
import Trace

/// Every metric a demo or the trace declares has a Korean label (Messages+Metrics.swift), and
/// every listed demo a Korean summary (Messages+DemoSummaries.swift),
/// with the same `<name>` parts, and the Korean table holds nothing no declaration uses: a
/// label added or changed in English fails here until it is translated.
@Suite struct MetricLabelTests {
  /// Every declaration: the listed demos', the test-only ones', the trace's.
  static var declarations: [(owner: String, metric: MetricDeclaration)] {
    (DemoCatalog.all + DemoCatalog.testOnly).flatMap { demo in
      demo.declaration.metrics.map { (demo.name, $0) }
    } + TraceReport.metrics.map { (TraceReport.name, $0) }
  }

  /// The `<name>` parts of a label.
  static func parts(_ label: String) -> [String] {
    var found: [String] = []
    var rest = label[...]
    while let open = rest.firstIndex(of: "<"),
      let close = rest[open...].firstIndex(of: ">")
    {
      found.append(String(rest[open...close]))
      rest = rest[rest.index(after: close)...]
    }
    return found.sorted()
  }

  @Test func everyDeclaredMetricHasAKoreanLabel() {
    #expect(Self.declarations.count > 400, "the declarations were not found")
    for (owner, metric) in Self.declarations {
      #expect(
        MetricLabels.isTranslated(metric.label),
        "\(owner): \(metric.path) '\(metric.label)' has no Korean label in Messages+Metrics.swift")
    }
  }

  @Test func koreanLabelsKeepTheVariableParts() {
    for (english, korean) in MetricLabels.korean {
      #expect(Self.parts(english) == Self.parts(korean), "'\(english)' → '\(korean)'")
      #expect(
        korean.contains { $0.unicodeScalars.contains { $0.value >= 0xAC00 } } || english == korean,
        "'\(english)': the Korean label '\(korean)' has no Hangul")
    }
  }

  @Test func everyKoreanLabelIsDeclared() {
    var used: Set<String> = []
    for (_, metric) in Self.declarations {
      used.insert(metric.label)
      if metric.label.hasPrefix("CPython: ") { used.insert(String(metric.label.dropFirst(9))) }
    }
    for english in MetricLabels.korean.keys.sorted() {
      #expect(
        used.contains(english), "'\(english)' is in Messages+Metrics.swift but no metric has it")
    }
  }

  @Test func everyListedDemoHasAKoreanSummary() {
    for demo in DemoCatalog.all {
      #expect(
        DemoSummaries.korean[demo.summary] != nil,
        "\(demo.name): '\(demo.summary)' has no Korean in Messages+DemoSummaries.swift")
      #expect(DemoSummaries.text(demo.summary, in: .en) == demo.summary)
    }
    let declared = Set(DemoCatalog.all.map(\.summary))
    for english in DemoSummaries.korean.keys.sorted() {
      #expect(
        declared.contains(english),
        "'\(english)' is in Messages+DemoSummaries.swift but no demo has it")
    }
  }

  @Test func screenLabelsFillTheVariablePartsInEitherLanguage() throws {
    let spawn = try #require(DemoCatalog.named("spawn"))
    let d = try #require(spawn.declaration.metric("fork.median_seconds"))
    #expect(d.screenLabel(for: "fork.median_seconds", in: .en) == "median time of one fork")
    #expect(d.screenLabel(for: "fork.median_seconds", in: .ko) == "fork 한 번의 시간 중앙값")
    let python = try #require(
      spawn.declaration.metrics.first { $0.label.hasPrefix("CPython: ") })
    let korean = python.screenLabel(for: python.path, in: .ko)
    #expect(korean.hasPrefix("CPython: ") && korean != python.label, "\(korean)")
  }
}
