public import DemoContract
public import Localization

extension MetricDeclaration {
  /// The label of the concrete path `concrete` as a reader of `language` sees it: the declared
  /// (English) label's translation from the metrics' catalog (`MetricLabels`), with the path's
  /// variable parts filled in as `label(for:)` fills them. Verdicts, `check` and the trace's
  /// table read labels through this; the declaration, the JSON and the docs keep the English.
  ///
  /// - Parameters:
  ///   - concrete: A path this declaration covers (`fork.mean_seconds`).
  ///   - language: The reader's language; the process's own when not given.
  /// - Returns: The label, e.g. "mean time of one fork" or "fork 한 번의 평균 시간".
  public func screenLabel(for concrete: String, in language: Language? = nil) -> String {
    let template = MetricLabels.text(label, in: language)
    guard let bound = match(concrete), !bound.isEmpty else { return template }
    var out = template
    for (name, value) in bound {
      let target = "<\(name)>"
      var filled = ""
      var rest = Substring(out)
      while let range = rest.firstRange(of: target) {
        filled += rest[..<range.lowerBound] + value
        rest = rest[range.upperBound...]
      }
      out = filled + rest
    }
    return out
  }
}
