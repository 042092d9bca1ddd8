public import DemoContract

/// A histogram: buckets drawn as horizontal bars, each with its count.
///
/// ```
/// 10.0 µs – 12.0 µs  ████████████████████▌        412
/// 12.0 µs – 14.0 µs  ████▏                         83
/// ```
///
/// The data, `Histogram`, is DemoContract's: a demo counts its samples into buckets with the
/// initialiser here and sends them; the host draws them.
extension Histogram {
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
    self.init(
      title: title,
      buckets: Histogram.buckets(samples: samples, bucketCount: bucketCount, format: format))
  }

  /// `samples` counted into equal-width buckets: see ``init(title:samples:bucketCount:format:)``.
  static func buckets(samples: [Double], bucketCount: Int, format: (Double) -> String)
    -> [Bucket]
  {
    let values = samples.filter(\.isFinite)
    guard let low = values.min(), let high = values.max() else { return [] }
    let count = high > low ? max(1, bucketCount) : 1
    let step = (high - low) / Double(count)
    var counts = [Int](repeating: 0, count: count)
    for value in values {
      let index = step > 0 ? Int((value - low) / step) : 0
      counts[min(count - 1, max(0, index))] += 1
    }
    return (0..<count).map { index in
      let lower = low + Double(index) * step
      let upper = index == count - 1 ? high : low + Double(index + 1) * step
      let label = count == 1 && step == 0 ? format(lower) : format(lower) + " – " + format(upper)
      return Bucket(label: label, count: counts[index], lower: lower, upper: upper)
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
