import Localization

/// The outcome of timing one piece of code: how it was run, seconds per loop for each run,
/// their statistics, the CPU usage of the timed runs, and warnings about the measurement.
public struct TimingResult: Sendable, Codable, Equatable {
  /// What was timed.
  public let label: String
  /// Calls of the body per run.
  public let loops: Int
  /// Timed runs.
  public let runs: Int
  /// Seconds per loop (a run's time divided by ``loops``), one value per run.
  public let perLoop: [Double]
  /// Statistics of ``perLoop``.
  public let stats: Stats
  /// Resource usage of the process over the timed runs (not the warm-up or autoranging).
  public let usage: ResourceUsage
  /// Seconds taken by the first, warm-up call, when there was one.
  public let firstCallSeconds: Double?
  /// What may make the numbers misleading, in words for a student: a slow run, outliers, a
  /// slow first call, a run cut short by the time limit.
  public let warnings: [String]

  /// Creates a result and works out the statistical warnings.
  ///
  /// - Parameters:
  ///   - label: What was timed.
  ///   - loops: Calls of the body per run.
  ///   - perLoop: Seconds per loop, one value per run.
  ///   - usage: Resource usage over the runs.
  ///   - firstCallSeconds: Seconds taken by a warm-up call, if one was made.
  ///   - notes: Warnings known to the caller, listed before the statistical ones.
  public init(
    label: String, loops: Int, perLoop: [Double], usage: ResourceUsage = .zero,
    firstCallSeconds: Double? = nil, notes: [String] = []
  ) {
    self.label = label
    self.loops = loops
    self.runs = perLoop.count
    self.perLoop = perLoop
    let stats = Stats(perLoop)
    self.stats = stats
    self.usage = usage
    self.firstCallSeconds = firstCallSeconds
    self.warnings = notes + TimingResult.statisticalWarnings(stats, firstCall: firstCallSeconds)
  }

  /// The ratio of the slowest to the fastest run above which a result is suspect (IPython's
  /// `%timeit` uses the same threshold).
  public static let slowestToFastestLimit = 4.0

  /// One line for every outlier of a result ("runs 3, 6 and 9 are outliers (robust z-scores
  /// …)"), or nil when there is none.
  public static func outlierWarning(_ stats: Stats) -> String? {
    let runs = stats.outlierIndices
    guard !runs.isEmpty else { return nil }
    let z = runs.map { decimal(stats.modifiedZScore(stats.samples[$0]), 1) }
    return Catalog.text(
      runs.count == 1 ? "demo.timing.outlier" : "demo.timing.outliersMany",
      ["runs": spokenList(runs.map { String($0 + 1) }), "z": spokenList(z)])
  }

  /// The runs of each result that are outliers, in one line for a whole table ("outliers
  /// (…): a: run 9; b: runs 1 and 10"), or nil when there is none.
  public static func outlierLine(_ results: [TimingResult]) -> String? {
    let items = results.compactMap { r -> String? in
      let runs = r.stats.outlierIndices
      guard !runs.isEmpty else { return nil }
      return Catalog.text(
        runs.count == 1 ? "demo.timing.outlierItem" : "demo.timing.outlierItemMany",
        ["label": r.label, "runs": spokenList(runs.map { String($0 + 1) })])
    }
    guard !items.isEmpty else { return nil }
    return Catalog.text("demo.timing.outliers", ["list": items.joined(separator: "; ")])
  }

  static func statisticalWarnings(_ stats: Stats, firstCall: Double?) -> [String] {
    var warnings: [String] = []
    if stats.count >= 2, stats.min > 0 {
      let ratio = stats.max / stats.min
      if ratio > slowestToFastestLimit {
        warnings.append(Catalog.text("demo.timing.slowest", ["ratio": decimal(ratio, 1)]))
      }
    }
    if let line = outlierWarning(stats) { warnings.append(line) }
    if let firstCall, stats.count > 0, stats.median > 0 {
      let ratio = firstCall / stats.median
      if ratio > 5 && firstCall - stats.median > 10e-6 {
        warnings.append(Catalog.text("demo.timing.firstCall", ["ratio": decimal(ratio, 1)]))
      }
    }
    return warnings
  }
}

/// Times code the way IPython's `%timeit` does, with more care.
///
/// 1. One warm-up call (timed, and reported if it was much slower than the rest).
/// 2. Autoranging: the body is run 1, 2, 5, 10, 20, 50, … times in a row until one such run
///    lasts at least `targetRunSeconds` (once a run is long enough to predict from, it jumps
///    straight to the first count of that sequence expected to be long enough), bounded by
///    `maxLoops` and by the time limit.
/// 3. `runs` timed runs of that many loops; the result is seconds per loop for each run.
///
/// The whole stays under `maxTotalSeconds` unless a single call takes longer: when the runs
/// do not all fit, fewer are made (at least one) and a warning says so.
public enum TimeIt {
  /// Times `body`, called `loops` times per run.
  ///
  /// - Parameters:
  ///   - label: What is timed, for tables.
  ///   - targetRunSeconds: How long one run should last at least.
  ///   - runs: How many timed runs to make.
  ///   - maxLoops: The most calls per run.
  ///   - maxTotalSeconds: The time limit for warm-up, autoranging and runs together.
  ///   - body: The code to time; pass its result to ``blackHole(_:)`` so it is not optimized
  ///     away.
  /// - Returns: Seconds per call for each run, with statistics and warnings.
  public static func measure(
    _ label: String, targetRunSeconds: Double = 0.1, runs: Int = 7,
    maxLoops: Int = 100_000_000, maxTotalSeconds: Double = 5, _ body: () -> Void
  ) -> TimingResult {
    measureLoops(
      label, targetRunSeconds: targetRunSeconds, runs: runs, maxLoops: maxLoops,
      maxTotalSeconds: maxTotalSeconds
    ) { loops in
      for _ in 0..<loops { body() }
    }
  }

  /// Times `body`, which runs the measured operation as many times as it is told, so that a
  /// tight loop is timed without the cost of a closure call per operation.
  ///
  /// - Parameters:
  ///   - label: What is timed, for tables.
  ///   - targetRunSeconds: How long one run should last at least.
  ///   - runs: How many timed runs to make.
  ///   - maxLoops: The most operations per run.
  ///   - maxTotalSeconds: The time limit for warm-up, autoranging and runs together.
  ///   - body: Performs the operation the given number of times.
  /// - Returns: Seconds per operation for each run, with statistics and warnings.
  public static func measureLoops(
    _ label: String, targetRunSeconds: Double = 0.1, runs: Int = 7,
    maxLoops: Int = 100_000_000, maxTotalSeconds: Double = 5, _ body: (Int) -> Void
  ) -> TimingResult {
    let runs = max(1, runs)
    let maxLoops = max(1, maxLoops)
    let started = MonotonicClock.nanoseconds()
    func elapsedSinceStart() -> Double {
      Double(MonotonicClock.nanoseconds() &- started) * 1e-9
    }
    func timed(_ loops: Int) -> Double {
      let start = MonotonicClock.nanoseconds()
      body(loops)
      return Double(MonotonicClock.nanoseconds() &- start) * 1e-9
    }

    var notes: [String] = []
    let firstCall = timed(1)

    // Autorange.
    var loops = 1
    var runSeconds = timed(loops)
    while runSeconds < targetRunSeconds {
      if loops >= maxLoops {
        notes.append(
          Catalog.text(
            "demo.timing.maxLoops",
            ["loops": grouped(maxLoops), "target": decimal(targetRunSeconds, 3)]))
        break
      }
      let perLoop = runSeconds / Double(loops)
      var next = nextLoopCount(after: loops)
      if runSeconds >= 100e-6 && perLoop > 0 {
        // Long enough to predict: jump to the first count expected to reach the target.
        let needed = targetRunSeconds / perLoop
        while Double(next) < needed && next < maxLoops { next = nextLoopCount(after: next) }
      }
      next = min(next, maxLoops)
      let predicted = perLoop * Double(next)
      if elapsedSinceStart() + predicted * Double(runs + 1) > maxTotalSeconds {
        // The target does not fit in the time limit: take the largest count that does, with
        // a tenth to spare for the noise in `perLoop`.
        let fitting = 0.9 * (maxTotalSeconds - elapsedSinceStart()) / Double(runs + 1) / perLoop
        if perLoop > 0 && fitting >= Double(loops + 1) {
          loops = Int(min(Double(maxLoops), fitting))
          runSeconds = timed(loops)
        }
        notes.append(
          Catalog.text(
            "demo.timing.shortRuns",
            [
              "run": decimal(runSeconds * 1000, 2), "target": decimal(targetRunSeconds * 1000, 0),
              "limit": decimal(maxTotalSeconds, 1),
            ]))
        break
      }
      loops = next
      runSeconds = timed(loops)
    }

    // Timed runs, as many as fit in what is left of the time limit.
    var count = runs
    let left = maxTotalSeconds - elapsedSinceStart()
    if runSeconds > 0 && Double(runs) * runSeconds > left {
      count = max(1, min(runs, Int(left / runSeconds)))
      if count < runs {
        notes.append(
          Catalog.text(
            "demo.timing.fewerRuns",
            ["count": String(count), "runs": String(runs), "limit": decimal(maxTotalSeconds, 1)]))
      }
    }
    var perLoop: [Double] = []
    perLoop.reserveCapacity(count)
    let before = ResourceUsage.current(.process)
    for _ in 0..<count {
      perLoop.append(timed(loops) / Double(loops))
    }
    let usage = ResourceUsage.current(.process) - before
    return TimingResult(
      label: label, loops: loops, perLoop: perLoop, usage: usage, firstCallSeconds: firstCall,
      notes: notes)
  }

  /// The loop count after `loops` in the sequence 1, 2, 5, 10, 20, 50, 100, …
  public static func nextLoopCount(after loops: Int) -> Int {
    var power = 1
    while power <= loops / 10 { power *= 10 }
    let leading = loops / power
    let next: Int
    if leading < 2 {
      next = 2 * power
    } else if leading < 5 {
      next = 5 * power
    } else {
      next = 10 * power
    }
    return next > loops ? next : loops * 2
  }
}

/// `x` with `decimals` digits after the point, for warnings ("5.2").
/// Items as a sentence lists them: "3", "3 and 6", "3, 6 and 9" (Korean: "3, 6, 9").
func spokenList(_ items: [String]) -> String {
  guard let last = items.last, items.count > 1 else { return items.first ?? "" }
  return Catalog.text(
    "demo.timing.listAnd", ["rest": items.dropLast().joined(separator: ", "), "last": last])
}

func decimal(_ x: Double, _ decimals: Int) -> String {
  guard x.isFinite else { return String(describing: x) }
  var scale = 1.0
  for _ in 0..<max(0, decimals) { scale *= 10 }
  let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
  guard scaled < 9e15 else { return String(describing: x) }
  let digits = String(Int64(scaled))
  let sign = x < 0 && scaled > 0 ? "-" : ""
  guard decimals > 0 else { return sign + digits }
  let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
  let point = padded.index(padded.endIndex, offsetBy: -decimals)
  return sign + padded[..<point] + "." + padded[point...]
}

/// `n` with thousands separators, for warnings ("100,000,000").
func grouped(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var result = n < 0 ? "-" : ""
  var remaining = digits.count
  for character in digits {
    result.append(character)
    remaining -= 1
    if remaining > 0 && remaining % 3 == 0 { result.append(",") }
  }
  return result
}
