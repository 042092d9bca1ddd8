public import DemoContract
import Localization
public import Measure
import Render

/// The table every timing demo prints: mean ± σ, median, min…max, runs × loops, relative speed
/// with its uncertainty, CPU time and context switches, and the machine underneath.
public enum TimingTable {
  public static func make(
    title: String, results: [TimingResult], environment: MachineEnvironment,
    sortByTime: Bool = true, width: Int = 200
  ) -> Table {
    // Narrow terminals get the essential columns; CPU time and switches go to the footer.
    let compact = width < 118
    let language = Catalog.language
    let duration = { (seconds: Double) in Units.duration(seconds, language: language) }
    let relative = relativeSpeeds(results)
    var order = Array(results.indices)
    if sortByTime { order.sort { results[$0].stats.median < results[$1].stats.median } }
    var rows: [[String]] = []
    for i in order {
      let r = results[i]
      let s = r.stats
      let rel = relative[i]
      rows.append([
        r.label,
        Units.plusMinus(mean: s.mean, σ: s.standardDeviation, language: language),
        duration(s.median),
        "\(duration(s.min))…\(duration(s.max))",
        "\(r.runs) × \(Units.count(r.loops))",
        rel.ratio < 1.0005
          ? Catalog.text("demo.timing.fastest")
          : "\(Units.significant(rel.ratio))× ± \(Units.significant(rel.uncertainty, digits: 2))",
        "\(duration(r.usage.userSeconds / Double(max(1, r.runs * r.loops)))) / \(duration(r.usage.systemSeconds / Double(max(1, r.runs * r.loops))))",
        "\(r.usage.voluntarySwitches)/\(r.usage.involuntarySwitches)",
      ])
    }
    var footer = [environment.summaryLine]
    if compact {
      for i in order {
        let r = results[i]
        let n = Double(max(1, r.runs * r.loops))
        footer.append(
          Catalog.text(
            "demo.timing.cpuFooter",
            [
              "label": r.label, "user": duration(r.usage.userSeconds / n),
              "sys": duration(r.usage.systemSeconds / n),
              "voluntary": String(r.usage.voluntarySwitches),
              "involuntary": String(r.usage.involuntarySwitches),
            ]))
      }
      rows = rows.map { Array($0.prefix(6)) }
    }
    // Outliers of every row in one line; each row's other warnings on lines of their own.
    for r in results {
      let outliers = TimingResult.outlierWarning(r.stats)
      for w in r.warnings where w != outliers { footer.append("\(r.label): \(w)") }
    }
    if let line = TimingResult.outlierLine(results) { footer.append(line) }
    footer += environment.warnings
    let columns: [Table.Column] = [
      .init(name: "what", align: .left), .init(name: "mean ± σ", align: .right),
      .init(name: "median", align: .right), .init(name: "min…max", align: .right),
      .init(name: "runs × loops", align: .right), .init(name: "relative", align: .right),
      .init(name: "user/sys CPU per loop", align: .right),
      .init(name: "switches vol/invol", align: .right),
    ]
    return Table(
      title: title, columns: compact ? Array(columns.prefix(6)) : columns, rows: rows,
      footer: footer)
  }

  /// The report's metrics for one result: seconds per loop as median, mean, σ, min, max.
  public static func metrics(_ r: TimingResult) -> JSONValue {
    [
      "median_seconds": JSONValue(r.stats.median), "mean_seconds": JSONValue(r.stats.mean),
      "stddev_seconds": JSONValue(r.stats.standardDeviation), "min_seconds": JSONValue(r.stats.min),
      "max_seconds": JSONValue(r.stats.max), "runs": JSONValue(r.runs), "loops": JSONValue(r.loops),
    ]
  }
}

extension Table.Column {
  /// A column by name, spelled the way demo code reads best: `.init(name: "pid", align: .right)`.
  public init(name: String, align: Alignment) {
    self.init(name, align: align)
  }
}
