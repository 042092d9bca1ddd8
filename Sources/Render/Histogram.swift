/// A histogram: buckets drawn as horizontal bars, each with its count.
///
/// ```
/// 10.0 µs – 12.0 µs  ████████████████████▌        412
/// 12.0 µs – 14.0 µs  ████▏                         83
/// ```
public struct Histogram: Sendable, Equatable, Codable {
  /// One bucket: what it holds and how many.
  public struct Bucket: Sendable, Equatable, Codable {
    /// The bucket's range or name.
    public var label: String
    /// How many values fell in it.
    public var count: Int

    /// Creates a bucket.
    public init(label: String, count: Int) {
      self.label = label
      self.count = count
    }
  }

  /// A line printed above the histogram, or nil.
  public var title: String?
  /// The buckets, top to bottom.
  public var buckets: [Bucket]

  /// Creates a histogram from buckets that are already counted.
  public init(title: String? = nil, buckets: [Bucket]) {
    self.title = title
    self.buckets = buckets
  }

  /// Counts `samples` into `bucketCount` equal-width buckets between their minimum and
  /// maximum, labelled "lower – upper" with `format`.
  ///
  /// - Parameters:
  ///   - title: A line printed above the histogram, or nil.
  ///   - samples: The values; non-finite ones are left out.
  ///   - bucketCount: How many buckets; at least 1.
  ///   - format: Formats a bucket bound, by default as a duration in seconds.
  public init(
    title: String? = nil, samples: [Double], bucketCount: Int = 10,
    format: (Double) -> String = Units.duration
  ) {
    self.title = title
    let values = samples.filter(\.isFinite)
    guard let low = values.min(), let high = values.max() else {
      buckets = []
      return
    }
    let count = high > low ? max(1, bucketCount) : 1
    let step = (high - low) / Double(count)
    var counts = [Int](repeating: 0, count: count)
    for value in values {
      let index = step > 0 ? Int((value - low) / step) : 0
      counts[min(count - 1, max(0, index))] += 1
    }
    buckets = (0..<count).map { index in
      let lower = low + Double(index) * step
      let upper = index == count - 1 ? high : low + Double(index + 1) * step
      let label = count == 1 && step == 0 ? format(lower) : format(lower) + " – " + format(upper)
      return Bucket(label: label, count: counts[index])
    }
  }

  /// Draws the histogram to fit `style.width`.
  ///
  /// - Returns: The lines joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle) -> String {
    var lines: [String] = []
    if let title, !title.isEmpty {
      lines += DisplayWidth.wrap(style.asciiFallback(title), width: style.width).map(style.bold)
    }
    let counts = buckets.map { Units.count($0.count) }
    let countWidth = counts.map(DisplayWidth.of).max() ?? 0
    lines += barLines(
      zip(buckets, counts).map { bucket, count in
        (
          style.asciiFallback(bucket.label), Double(bucket.count),
          DisplayWidth.pad(count, to: countWidth, align: .right)
        )
      },
      style: style)
    return lines.joined(separator: "\n")
  }
}
