/// The few statistics the bench needs: medians and ranges of samples.
///
/// Kept here, apart from Measure's `Stats`, so that the bench's own arithmetic is small enough
/// to check by hand in BenchTests.
public enum BenchMath {
  /// The median of `values`: the middle value, or the mean of the two middle values.
  ///
  /// - Parameter values: The samples, in any order.
  /// - Returns: The median, or nil when there are no values.
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    return (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The smallest and largest of `values`, or nil when there are none.
  public static func range(_ values: [Double]) -> ClosedRange<Double>? {
    guard let low = values.min(), let high = values.max() else { return nil }
    return low...high
  }

  /// Whether every value is a finite number above zero, as times and rates must be.
  public static func allPositive(_ values: [Double]) -> Bool {
    values.allSatisfy { $0.isFinite && $0 > 0 }
  }
}
