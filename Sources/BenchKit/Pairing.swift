/// The figures one run of a program produced, by metric key (`fork`, `bytes_per_second`).
public typealias Figures = [String: Double]

/// Runs of ProcLab (A) and of a reference (B), made in alternation: A B A B …
public struct PairedRuns: Sendable, Equatable, Codable {
  /// ProcLab's figures, one entry per pair.
  public var proclab: [Figures]
  /// The reference's figures, one entry per pair.
  public var reference: [Figures]
  /// The order the runs were made in, warm-up included: "A" or "B", with a "w" for the
  /// warm-up runs ("Aw", "Bw", "A", "B", …), so a reader can check the alternation.
  public var order: [String]

  /// Creates recorded runs (tests build them from recorded samples).
  public init(proclab: [Figures], reference: [Figures], order: [String] = []) {
    self.proclab = proclab
    self.reference = reference
    self.order = order
  }

  /// The number of complete pairs: runs where both sides produced figures.
  public var pairs: Int { min(proclab.count, reference.count) }

  /// The samples of one metric, pair by pair, keeping only pairs where both sides have it.
  ///
  /// - Parameters:
  ///   - proclabKey: The metric's key in ProcLab's figures.
  ///   - referenceKey: The metric's key in the reference's figures.
  /// - Returns: Two arrays of equal length, pair `i` at index `i` of both.
  public func samples(
    proclab proclabKey: String, reference referenceKey: String
  ) -> (proclab: [Double], reference: [Double]) {
    var a: [Double] = []
    var b: [Double] = []
    for index in 0..<pairs {
      guard let x = proclab[index][proclabKey], let y = reference[index][referenceKey] else {
        continue
      }
      a.append(x)
      b.append(y)
    }
    return (a, b)
  }

  /// The samples of a metric that has no reference (idle memory): ProcLab's runs only.
  public func samples(proclab key: String) -> [Double] {
    proclab.compactMap { $0[key] }
  }
}

/// Alternates runs of two programs: warm-up runs first (not kept), then A B A B ….
public enum Pairing {
  /// The fewest pairs a comparison is made from.
  public static let minimumPairs = 5

  /// Runs `a` and `b` in alternation.
  ///
  /// - Parameters:
  ///   - warmUps: Untimed rounds (A then B) before the kept ones.
  ///   - pairs: Kept pairs (at least ``minimumPairs`` for a verdict).
  ///   - a: One run of ProcLab; returns its figures.
  ///   - b: One run of the reference; nil when there is none (B is then not run).
  /// - Returns: The kept figures and the order the runs were made in.
  /// - Throws: The first error either side throws; nothing is kept then.
  public static func alternate(
    warmUps: Int, pairs: Int, a: () throws -> Figures, b: (() throws -> Figures)?
  ) throws -> PairedRuns {
    var runs = PairedRuns(proclab: [], reference: [])
    for _ in 0..<max(0, warmUps) {
      _ = try a()
      runs.order.append("Aw")
      if let b {
        _ = try b()
        runs.order.append("Bw")
      }
    }
    for _ in 0..<max(0, pairs) {
      runs.proclab.append(try a())
      runs.order.append("A")
      if let b {
        runs.reference.append(try b())
        runs.order.append("B")
      }
    }
    return runs
  }
}
