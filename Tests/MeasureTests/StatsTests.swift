import FoundationEssentials
import Measure
import Testing

@Suite("Stats")
struct StatsTests {
  /// |a − b| ≤ tolerance.
  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
  }

  @Test("mean, σ, median (even count), percentiles and MAD of a known sample")
  func knownEvenSample() {
    // Hand-computed: deviations from the mean 5 square to 9+1+1+1+0+0+4+16 = 32.
    let stats = Stats([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(stats.count == 8)
    #expect(stats.sum == 40)
    #expect(stats.mean == 5)
    #expect(close(stats.standardDeviation, (32.0 / 7).squareRoot()))
    #expect(close(stats.standardDeviation, 2.138089935299395))
    #expect(stats.median == 4.5)
    #expect(stats.min == 2)
    #expect(stats.max == 9)
    // |x − 4.5| sorted: 0.5 ×5, 2.5, 2.5, 4.5 → median 0.5.
    #expect(stats.medianAbsoluteDeviation == 0.5)
    // Ranks p/100·7: 25 → 1.75 (4…4), 90 → 6.3 (7 + 0.3·2), 0 and 100 the extremes.
    #expect(stats.percentile(25) == 4)
    #expect(close(stats.percentile(90), 7.6))
    #expect(stats.percentile(0) == 2)
    #expect(stats.percentile(100) == 9)
    #expect(stats.percentile(50) == stats.median)
    #expect(stats.percentile(150) == 9)
    #expect(stats.percentile(-5) == 2)
    // z(9) = 0.6745·4.5/0.5 = 6.07 > 3.5; z(2) = −3.37 and z(7) = 3.37 are not.
    #expect(stats.outlierIndices == [7])
    #expect(close(stats.modifiedZScore(9), 6.0705))
  }

  @Test("odd count: the median is the middle sample")
  func oddSample() {
    let stats = Stats([3, 1, 2])
    #expect(stats.median == 2)
    #expect(stats.mean == 2)
    #expect(stats.standardDeviation == 1)
    #expect(stats.medianAbsoluteDeviation == 1)
    #expect(stats.percentile(25) == 1.5)
    #expect(stats.samples == [3, 1, 2])
  }

  @Test("an obvious outlier is found, by its index in the original order")
  func obviousOutlier() {
    let stats = Stats([10, 10.1, 9.9, 50, 10.05, 9.95, 10])
    #expect(stats.outlierIndices == [3])
    #expect(stats.modifiedZScore(50) > 100)
  }

  @Test("no outliers when all samples are equal (MAD 0)")
  func allEqual() {
    let stats = Stats([5, 5, 5, 5])
    #expect(stats.standardDeviation == 0)
    #expect(stats.medianAbsoluteDeviation == 0)
    #expect(stats.outlierIndices.isEmpty)
    #expect(stats.modifiedZScore(100) == 0)
    // MAD is 0 when more than half the samples are equal, even with a stray one.
    #expect(Stats([1, 1, 1, 1, 9]).outlierIndices.isEmpty)
  }

  @Test("one sample and no samples")
  func degenerate() {
    let one = Stats([3])
    #expect(one.standardDeviation == 0)
    #expect(one.median == 3)
    #expect(one.percentile(90) == 3)
    let none = Stats([])
    #expect(none.count == 0)
    #expect(none.mean == 0)
    #expect(none.median == 0)
    #expect(none.percentile(50) == 0)
    #expect(none.outlierIndices.isEmpty)
    #expect(none.relativeStandardDeviation == 0)
  }

  @Test("JSON round trip keeps the samples and recomputes the rest")
  func codable() throws {
    let stats = Stats([1.5, 2.5, 2, 9])
    let data = try JSONEncoder().encode(stats)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"median\""))
    #expect(text.contains("\"outlierIndices\""))
    let decoded = try JSONDecoder().decode(Stats.self, from: data)
    #expect(decoded == stats)
    #expect(decoded.percentile(50) == stats.percentile(50))
  }
}

@Suite("Relative speed")
struct RelativeSpeedTests {
  @Test("ratio of medians, uncertainty from both relative σ")
  func arithmetic() {
    // A: mean 10, σ 1 (relative 0.1); B: mean 20, σ 2 (relative 0.1); C: mean 15, σ 0.
    let a = Stats([9, 10, 11])
    let b = Stats([18, 20, 22])
    let c = Stats([15, 15, 15])
    let speeds = RelativeSpeed.compare([b, a, c], labels: ["b", "a", "c"])
    #expect(speeds.map(\.label) == ["b", "a", "c"])
    #expect(speeds.map(\.isFastest) == [false, true, false])
    #expect(speeds[1].ratio == 1)
    #expect(speeds[1].uncertainty == 0)
    #expect(speeds[0].ratio == 2)
    // 2·√(0.1² + 0.1²) = 0.28284…
    #expect(abs(speeds[0].uncertainty - 2 * (0.02).squareRoot()) < 1e-12)
    // 1.5·√(0² + 0.1²) = 0.15
    #expect(speeds[2].ratio == 1.5)
    #expect(abs(speeds[2].uncertainty - 0.15) < 1e-12)
  }

  @Test("from timing results, and the edge cases")
  func fromResults() {
    let fast = TimingResult(label: "fast", loops: 10, perLoop: [1e-6, 1.1e-6, 0.9e-6])
    let slow = TimingResult(label: "slow", loops: 10, perLoop: [3e-6, 3e-6, 3e-6])
    let pairs = relativeSpeeds([slow, fast])
    #expect(pairs.count == 2)
    #expect(abs(pairs[0].ratio - 3) < 1e-12)
    #expect(abs(pairs[0].uncertainty - 0.3) < 1e-9)  // 3·√(0 + 0.1²)
    #expect(pairs[1].ratio == 1)
    #expect(relativeSpeeds([]).isEmpty)
    let zero = RelativeSpeed.compare([Stats([0, 0]), Stats([1, 1])])
    #expect(zero[1].ratio == .infinity)
  }
}
