public import DemoContract
import FoundationEssentials

/// `bench/results/latest.json`: every metric with its samples, medians, ratios and verdict.
public struct BenchReport: Sendable, Encodable {
  /// One metric's record.
  public struct Record: Sendable, Encodable {
    var id: String
    var label: String
    var unit: String
    var reference: String?
    var ratioForm: String
    var target: TargetRecord?
    var verdict: String
    var reason: String?
    var pairs: Int
    var proclabMedian: Double?
    var referenceMedian: Double?
    var ratio: Double?
    var ratioMin: Double?
    var ratioMax: Double?
    var proclabSamples: [Double]
    var referenceSamples: [Double]
    var pairRatios: [Double]
    var notes: [String]

    enum CodingKeys: String, CodingKey {
      case id, label, unit, reference, target, verdict, reason, pairs, ratio, notes
      case ratioForm = "ratio_form"
      case proclabMedian = "proclab_median"
      case referenceMedian = "reference_median"
      case ratioMin = "ratio_min"
      case ratioMax = "ratio_max"
      case proclabSamples = "proclab_samples"
      case referenceSamples = "reference_samples"
      case pairRatios = "pair_ratios"
    }
  }

  /// A target as JSON: `{"kind": "ratio_at_most", "value": 1.3}`.
  struct TargetRecord: Sendable, Encodable {
    var kind: String
    var value: Double
  }

  /// When the bench ran (UTC, ISO 8601).
  public var date: String
  /// The machine line and the other environment lines.
  public var machine: [String]
  /// Whether this was the short run (`make bench QUICK=1`).
  public var quick: Bool
  /// Alternated pairs per comparison.
  public var pairs: Int
  public var summary: String
  public var results: [Record]

  /// Makes the report.
  public init(
    date: String, machine: [String], quick: Bool, pairs: Int, results: [MetricResult]
  ) {
    self.date = date
    self.machine = machine
    self.quick = quick
    self.pairs = pairs
    self.summary = ResultTable.summary(results)
    self.results = results.map(Self.record)
  }

  static func record(_ result: MetricResult) -> Record {
    let spec = result.spec
    let target: TargetRecord? =
      switch spec.target {
      case .none: nil
      case .ratioAtMost(let value): TargetRecord(kind: "ratio_at_most", value: value)
      case .ratioAtLeast(let value): TargetRecord(kind: "ratio_at_least", value: value)
      case .valueAtMost(let value): TargetRecord(kind: "value_at_most", value: value)
      }
    return Record(
      id: spec.id, label: spec.label, unit: spec.unit.rawValue, reference: spec.referenceName,
      ratioForm: spec.ratio.rawValue, target: target, verdict: result.verdict.word,
      reason: result.verdict.reason, pairs: result.pairs, proclabMedian: result.proclabMedian,
      referenceMedian: result.referenceMedian, ratio: result.ratio,
      ratioMin: result.ratioRange?.lowerBound, ratioMax: result.ratioRange?.upperBound,
      proclabSamples: result.proclab, referenceSamples: result.reference,
      pairRatios: result.pairRatios, notes: result.notes)
  }

  /// The report as pretty-printed JSON with sorted keys.
  public func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// Decodes a demo's `--json` report.
  public static func decodeDemoReport(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }
}
