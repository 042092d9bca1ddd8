/// How much slower one timing is than the fastest of a group, with the uncertainty of that
/// ratio.
///
/// The ratio compares medians (robust to a stray slow run). Its uncertainty propagates the
/// relative standard deviations of both timings, as for any quotient of independent
/// measurements: r·√((σa/μa)² + (σb/μb)²), with σ/μ taken from each one's statistics. The
/// fastest timing itself has ratio 1 and no uncertainty.
public struct RelativeSpeed: Sendable, Equatable, Codable {
  /// What was timed.
  public let label: String
  /// This timing's median divided by the fastest median: 1 for the fastest, 2.5 for one that
  /// takes two and a half times as long.
  public let ratio: Double
  /// The standard uncertainty of ``ratio`` (one σ).
  public let uncertainty: Double
  /// Whether this is the fastest timing (the reference of the ratios).
  public let isFastest: Bool

  /// Creates a relative speed.
  public init(label: String, ratio: Double, uncertainty: Double, isFastest: Bool) {
    self.label = label
    self.ratio = ratio
    self.uncertainty = uncertainty
    self.isFastest = isFastest
  }

  /// Compares each result with the fastest one (the smallest median).
  ///
  /// - Parameter results: The timings, in any order.
  /// - Returns: One entry per result, in the same order; empty for no results.
  public static func compare(_ results: [TimingResult]) -> [RelativeSpeed] {
    compare(results.map(\.stats), labels: results.map(\.label))
  }

  /// Compares each set of statistics with the one with the smallest median.
  ///
  /// - Parameters:
  ///   - stats: The statistics of each timing.
  ///   - labels: A label for each; missing labels are empty.
  /// - Returns: One entry per element of `stats`, in the same order. When the fastest median
  ///   is 0, the others' ratios are infinite (and their uncertainty 0).
  public static func compare(_ stats: [Stats], labels: [String] = []) -> [RelativeSpeed] {
    guard let fastest = stats.indices.min(by: { stats[$0].median < stats[$1].median }) else {
      return []
    }
    let reference = stats[fastest]
    let referenceSpread = reference.relativeStandardDeviation
    return stats.indices.map { index in
      let label = index < labels.count ? labels[index] : ""
      if index == fastest {
        return RelativeSpeed(label: label, ratio: 1, uncertainty: 0, isFastest: true)
      }
      let current = stats[index]
      guard reference.median > 0 else {
        let ratio = current.median == 0 ? 1 : Double.infinity
        return RelativeSpeed(label: label, ratio: ratio, uncertainty: 0, isFastest: false)
      }
      let ratio = current.median / reference.median
      let spread = current.relativeStandardDeviation
      let uncertainty = ratio * (spread * spread + referenceSpread * referenceSpread).squareRoot()
      return RelativeSpeed(label: label, ratio: ratio, uncertainty: uncertainty, isFastest: false)
    }
  }
}

/// Each result's ratio to the fastest median and the uncertainty of that ratio; see
/// ``RelativeSpeed``.
///
/// - Parameter results: The timings, in any order.
/// - Returns: One pair per result, in the same order.
public func relativeSpeeds(_ results: [TimingResult]) -> [(ratio: Double, uncertainty: Double)] {
  RelativeSpeed.compare(results).map { ($0.ratio, $0.uncertainty) }
}
