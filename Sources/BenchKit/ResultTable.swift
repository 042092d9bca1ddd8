public import DemoContract
import Render

/// The bench's result table: one row per metric.
public enum ResultTable {
  /// A figure in its unit: "1.23 ms", "2.1 GB/s", "12.5 MiB".
  public static func format(_ value: Double, _ unit: MetricUnit) -> String {
    switch unit {
    case .seconds: Units.duration(value)
    case .bytesPerSecond: Units.rate(bytesPerSecond: value)
    case .bytes: Units.bytes(Int(value.rounded()))
    }
  }

  /// The target in words: "≤ 1.3× C", "≥ 50× faster than CPython", "≤ 25.0 ms".
  public static func describe(_ spec: MetricSpec) -> String {
    let name = spec.referenceName ?? "reference"
    switch spec.target {
    case .none:
      return "—"
    case .ratioAtMost(let limit):
      return "≤ \(limitText(limit))× \(name)"
    case .ratioAtLeast(let limit):
      return spec.ratio == .referenceOverProclab
        ? "≥ \(limitText(limit))× faster"
        : "≥ \(limitText(limit))× \(name)"
    case .valueAtMost(let limit):
      // Memory targets are stated in decimal megabytes, as the issues write them.
      return spec.unit == .bytes
        ? "≤ \(Units.significant(limit / 1e6)) MB" : "≤ " + format(limit, spec.unit)
    }
  }

  /// A target's limit as the issue states it: 1.15, 1.3, 50 (up to three digits, no trailing
  /// zeros, so 1.15 is not shown as 1.2).
  static func limitText(_ limit: Double) -> String {
    var text = Units.significant(limit, digits: 3)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// The ratio with its range over the pairs: "1.12× (1.05–1.20)". A figure with no
  /// reference has no ratio: its own range over the runs instead, "1.50 s–3.00 s".
  public static func ratioText(_ result: MetricResult) -> String {
    if result.ratio == nil, result.reference.isEmpty, result.proclab.count > 1,
      let range = BenchMath.range(result.proclab)
    {
      return format(range.lowerBound, result.spec.unit) + "–"
        + format(range.upperBound, result.spec.unit)
    }
    guard let ratio = result.ratio else { return "—" }
    var text = Units.ratio(ratio)
    if let range = result.ratioRange {
      let low = Units.significant(range.lowerBound, digits: 2)
      let high = Units.significant(range.upperBound, digits: 2)
      text += " (\(low)–\(high))"
    }
    return text
  }

  /// The table of results.
  ///
  /// - Parameters:
  ///   - results: The metrics in the order to show.
  ///   - title: The line above the table.
  ///   - footer: Lines under it (the machine line first); skipped metrics' reasons and the
  ///     metrics' notes follow.
  /// - Returns: A table for Render to draw.
  public static func make(
    _ results: [MetricResult], title: String, footer: [String] = []
  ) -> Table {
    var table = Table(
      title: title,
      columns: [
        .init("metric"), .init("ProcLab", align: .right), .init("reference", align: .right),
        .init("ratio (min–max)", align: .right), .init("target"), .init("result"),
      ])
    var lines = footer
    for result in results {
      let spec = result.spec
      let reference: String =
        if let median = result.referenceMedian {
          "\(spec.referenceName ?? "") \(format(median, spec.unit))"
        } else {
          "—"
        }
      table.append([
        spec.label,
        result.proclabMedian.map { format($0, spec.unit) } ?? "—",
        reference,
        ratioText(result),
        describe(spec),
        result.verdict == .notMet ? "NOT MET" : result.verdict.word,
      ])
      if let reason = result.verdict.reason {
        lines.append("skipped — \(spec.label): \(reason)")
      }
      for note in result.notes { lines.append("\(spec.label): \(note)") }
    }
    table.footer = lines
    return table
  }

  /// One line counting the verdicts: "9 met, 1 not met, 2 reported, 1 skipped".
  public static func summary(_ results: [MetricResult]) -> String {
    let words = ["met", "not met", "reported", "skipped"]
    let counts = words.map { word in results.filter { $0.verdict.word == word }.count }
    return zip(counts, words).filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
      .joined(separator: ", ")
  }
}
