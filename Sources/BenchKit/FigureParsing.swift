public import DemoContract

/// Reading the figures programs print.
public enum FigureParsing {
  /// Figures from a reference program's output: one `key value` per line; other lines are
  /// ignored.
  ///
  /// - Parameter text: What the program printed.
  /// - Returns: Each key with its number.
  public static func keyValueLines(_ text: String) -> Figures {
    var figures: Figures = [:]
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count == 2, let value = Double(words[1]) else { continue }
      figures[String(words[0])] = value
    }
    return figures
  }

  /// The numbers at `paths` in a demo report's `metrics` object; paths it lacks are left out.
  ///
  /// - Parameters:
  ///   - report: A `proclab run <demo> --json` report.
  ///   - paths: Metric paths such as `fork.median_seconds`.
  /// - Returns: Each found path with its number.
  public static func metrics(_ report: JSONValue, _ paths: [String]) -> Figures {
    guard let metrics = report["metrics"] else { return [:] }
    var figures: Figures = [:]
    for path in paths {
      if let value = metrics.value(at: path)?.number { figures[path] = value }
    }
    return figures
  }
}
