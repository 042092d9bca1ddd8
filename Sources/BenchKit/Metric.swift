import DemoContract

/// What a figure measures, so it is printed in the right unit.
public enum MetricUnit: String, Sendable, Codable {
  /// A time: lower is better.
  case seconds
  /// A rate: higher is better.
  case bytesPerSecond = "bytes_per_second"
  /// A size: lower is better.
  case bytes
}

/// How a pair's ratio is formed.
public enum RatioForm: String, Sendable, Codable {
  /// ProcLab ÷ reference: 1.10 means ProcLab took 10% longer (or moved 10% more per second).
  case proclabOverReference = "proclab/reference"
  /// Reference ÷ ProcLab: 80 means ProcLab was 80 times faster than the reference.
  case referenceOverProclab = "reference/proclab"
}

/// The performance target a metric is held to.
public enum Target: Sendable, Equatable {
  /// The median ratio must not be above this.
  case ratioAtMost(Double)
  /// The median ratio must not be below this.
  case ratioAtLeast(Double)
  /// ProcLab's own median must not be above this (in the metric's unit); any reference is
  /// shown for scale only.
  case valueAtMost(Double)
  /// No target: the figures are reported for information.
  case none
}

/// Whether a metric met its target.
public enum Verdict: Sendable, Equatable {
  case met
  case notMet
  /// Measured, but the metric has no target.
  case reported
  /// Not measured on this machine, with the reason (no perf, no numpy, demo not available).
  /// Never counts as met.
  case skipped(String)

  /// The word for tables and JSON: "met", "not met", "reported", "skipped".
  public var word: String {
    switch self {
    case .met: "met"
    case .notMet: "not met"
    case .reported: "reported"
    case .skipped: "skipped"
    }
  }

  /// The reason a metric was skipped, or nil.
  public var reason: String? {
    if case .skipped(let reason) = self { return reason }
    return nil
  }
}

/// One compared figure: where ProcLab's and the reference's numbers come from, and the target.
public struct MetricSpec: Sendable, Equatable {
  /// A stable id for JSON: `spawn.fork`, `pipe.round_trip`.
  public var id: String
  /// What the row says: "fork + _exit + waitpid".
  public var label: String
  public var unit: MetricUnit
  /// The key of ProcLab's figure (a demo metric path or a figure the bench measured).
  public var proclabKey: String
  /// The key of the reference's figure, or nil when nothing is compared (idle memory).
  public var referenceKey: String?
  /// A short name for the reference: "C", "perf", "CPython".
  public var referenceName: String?
  public var ratio: RatioForm
  public var target: Target

  /// Creates a metric.
  public init(
    id: String, label: String, unit: MetricUnit, proclabKey: String, referenceKey: String?,
    referenceName: String?, ratio: RatioForm = .proclabOverReference, target: Target
  ) {
    self.id = id
    self.label = label
    self.unit = unit
    self.proclabKey = proclabKey
    self.referenceKey = referenceKey
    self.referenceName = referenceName
    self.ratio = ratio
    self.target = target
  }
}

/// A metric's outcome: medians, the ratio with its range over the pairs, and the verdict.
public struct MetricResult: Sendable, Equatable {
  public var spec: MetricSpec
  /// ProcLab's samples, one per pair.
  public var proclab: [Double]
  /// The reference's samples, one per pair (empty when there is no reference).
  public var reference: [Double]
  /// The ratio of each pair, formed as `spec.ratio` says.
  public var pairRatios: [Double]
  public var verdict: Verdict
  /// Extra lines for the table's footer and the JSON (how a figure was taken).
  public var notes: [String]

  /// Creates a result from its parts (``evaluate(_:runs:)`` is the usual way).
  public init(
    spec: MetricSpec, proclab: [Double] = [], reference: [Double] = [],
    pairRatios: [Double] = [], verdict: Verdict, notes: [String] = []
  ) {
    self.spec = spec
    self.proclab = proclab
    self.reference = reference
    self.pairRatios = pairRatios
    self.verdict = verdict
    self.notes = notes
  }

  /// A metric that was not measured, with the reason.
  public static func skipped(_ spec: MetricSpec, _ reason: String) -> MetricResult {
    MetricResult(spec: spec, verdict: .skipped(reason))
  }

  /// ProcLab's median, or nil.
  public var proclabMedian: Double? { BenchMath.median(proclab) }
  /// The reference's median, or nil.
  public var referenceMedian: Double? { BenchMath.median(reference) }
  /// The median of the pairs' ratios: the headline ratio.
  public var ratio: Double? { BenchMath.median(pairRatios) }
  /// The smallest and largest ratio over the pairs.
  public var ratioRange: ClosedRange<Double>? { BenchMath.range(pairRatios) }
  /// The number of pairs the result was made from.
  public var pairs: Int { Swift.max(proclab.count, reference.count) }

  /// Compares a metric's samples and decides its verdict.
  ///
  /// Each pair gives one ratio (ProcLab ÷ reference, or the inverse for "× faster" metrics);
  /// the headline ratio is the median of those, so a slow spell of the machine that hits one
  /// pair moves the headline little and shows in the range. Fewer than
  /// ``Pairing/minimumPairs`` pairs, a missing figure or a sample that is not a positive
  /// number make the metric skipped, never met.
  ///
  /// - Parameters:
  ///   - spec: The metric.
  ///   - runs: The alternated runs holding its figures.
  /// - Returns: The result with its verdict.
  public static func evaluate(_ spec: MetricSpec, runs: PairedRuns) -> MetricResult {
    let proclab: [Double]
    let reference: [Double]
    if let referenceKey = spec.referenceKey {
      if runs.proclab.allSatisfy({ $0[spec.proclabKey] == nil }) {
        return .skipped(spec, "ProcLab reported no \(spec.proclabKey)")
      }
      if runs.reference.allSatisfy({ $0[referenceKey] == nil }) {
        return .skipped(spec, "\(spec.referenceName ?? "the reference") reported no figure")
      }
      (proclab, reference) = runs.samples(proclab: spec.proclabKey, reference: referenceKey)
    } else {
      proclab = runs.samples(proclab: spec.proclabKey)
      reference = []
      if proclab.isEmpty { return .skipped(spec, "ProcLab reported no \(spec.proclabKey)") }
    }
    let count = Swift.max(proclab.count, reference.count)
    guard count >= Pairing.minimumPairs else {
      return .skipped(
        spec,
        "only \(count) complete pair\(count == 1 ? "" : "s"), fewer than "
          + "\(Pairing.minimumPairs)")
    }
    guard BenchMath.allPositive(proclab), BenchMath.allPositive(reference) else {
      return .skipped(spec, "a sample was zero, negative or not a number")
    }
    let ratios: [Double] =
      reference.isEmpty
      ? []
      : zip(proclab, reference).map { a, b in
        spec.ratio == .proclabOverReference ? a / b : b / a
      }
    var result = MetricResult(
      spec: spec, proclab: proclab, reference: reference, pairRatios: ratios, verdict: .reported)
    result.verdict = verdict(for: spec.target, ratio: result.ratio, value: result.proclabMedian)
    return result
  }

  /// The verdict for a target given the headline ratio and ProcLab's median.
  ///
  /// A ratio target without a ratio (no reference) is skipped, never met.
  public static func verdict(for target: Target, ratio: Double?, value: Double?) -> Verdict {
    switch target {
    case .none:
      return .reported
    case .ratioAtMost(let limit):
      guard let ratio else { return .skipped("no reference to compare with") }
      return ratio <= limit ? .met : .notMet
    case .ratioAtLeast(let limit):
      guard let ratio else { return .skipped("no reference to compare with") }
      return ratio >= limit ? .met : .notMet
    case .valueAtMost(let limit):
      guard let value else { return .skipped("no figure") }
      return value <= limit ? .met : .notMet
    }
  }
}
