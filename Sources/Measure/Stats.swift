/// Summary statistics of a set of samples (usually seconds per loop of several timing runs).
///
/// All values are computed once, when the statistics are made. With no samples every value
/// is 0 (not NaN, so the statistics always encode as JSON).
///
/// Encoded as JSON, the statistics carry the samples and every derived value (for readers of
/// a report); decoding recomputes the derived values from the samples.
public struct Stats: Sendable, Equatable, Codable {
  /// The samples, in the order they were taken.
  public let samples: [Double]
  /// How many samples there are.
  public let count: Int
  /// The sum of the samples.
  public let sum: Double
  /// The arithmetic mean.
  public let mean: Double
  /// The sample standard deviation (divisor n − 1); 0 for fewer than two samples.
  public let standardDeviation: Double
  /// The median: the middle sample, or the mean of the two middle ones.
  public let median: Double
  /// The smallest sample.
  public let min: Double
  /// The largest sample.
  public let max: Double
  /// The median absolute deviation from the median, unscaled: median(|xᵢ − median|).
  public let medianAbsoluteDeviation: Double
  /// Indices (into ``samples``) of the outliers: samples whose modified z-score
  /// 0.6745·(x − median)/MAD exceeds 3.5 in magnitude (Iglewicz and Hoaglin). None when the
  /// MAD is 0.
  public let outlierIndices: [Int]

  /// The samples in ascending order, for percentiles.
  private let sorted: [Double]

  /// The threshold on the modified z-score above which a sample is an outlier.
  public static let outlierThreshold = 3.5

  /// Computes the statistics of `samples`.
  public init(_ samples: [Double]) {
    self.samples = samples
    count = samples.count
    sorted = samples.sorted()
    guard !samples.isEmpty else {
      sum = 0
      mean = 0
      standardDeviation = 0
      median = 0
      min = 0
      max = 0
      medianAbsoluteDeviation = 0
      outlierIndices = []
      return
    }
    let total = samples.reduce(0, +)
    sum = total
    let average = total / Double(samples.count)
    mean = average
    if samples.count >= 2 {
      // Two passes: the squared deviations from the mean, then their sum.
      let squares = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) }
      standardDeviation = (squares / Double(samples.count - 1)).squareRoot()
    } else {
      standardDeviation = 0
    }
    let middle = Stats.medianOfSorted(sorted)
    median = middle
    min = sorted[0]
    max = sorted[sorted.count - 1]
    let deviations = samples.map { Swift.abs($0 - middle) }.sorted()
    let mad = Stats.medianOfSorted(deviations)
    medianAbsoluteDeviation = mad
    if mad > 0 {
      outlierIndices = samples.indices.filter { index in
        Swift.abs(0.6745 * (samples[index] - middle) / mad) > Stats.outlierThreshold
      }
    } else {
      outlierIndices = []
    }
  }

  /// The modified z-score of `value`: 0.6745·(value − median)/MAD, or 0 when the MAD is 0.
  public func modifiedZScore(_ value: Double) -> Double {
    medianAbsoluteDeviation > 0 ? 0.6745 * (value - median) / medianAbsoluteDeviation : 0
  }

  /// The `p`-th percentile, by linear interpolation between the closest ranks (the default
  /// method of NumPy's `percentile`): rank p/100·(n − 1) in the sorted samples.
  ///
  /// - Parameter p: The percentile, from 0 (the minimum) to 100 (the maximum); values
  ///   outside are clamped. 50 is the median.
  /// - Returns: The percentile, or 0 when there are no samples.
  public func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let clamped = p.isNaN ? 50 : Swift.min(100, Swift.max(0, p))
    let rank = clamped / 100 * Double(sorted.count - 1)
    let lower = Int(rank.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    let fraction = rank - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }

  /// The coefficient of variation, σ/mean (0 when the mean is 0).
  public var relativeStandardDeviation: Double {
    mean != 0 ? standardDeviation / Swift.abs(mean) : 0
  }

  private static func medianOfSorted(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey {
    case samples, count, sum, mean, standardDeviation, median, min, max
    case medianAbsoluteDeviation, outlierIndices
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(try container.decode([Double].self, forKey: .samples))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(samples, forKey: .samples)
    try container.encode(count, forKey: .count)
    try container.encode(sum, forKey: .sum)
    try container.encode(mean, forKey: .mean)
    try container.encode(standardDeviation, forKey: .standardDeviation)
    try container.encode(median, forKey: .median)
    try container.encode(min, forKey: .min)
    try container.encode(max, forKey: .max)
    try container.encode(medianAbsoluteDeviation, forKey: .medianAbsoluteDeviation)
    try container.encode(outlierIndices, forKey: .outlierIndices)
  }
}
