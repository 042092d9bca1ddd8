import BenchKit
import Testing

@Suite("Medians and ranges")
struct MedianTests {
  @Test func oddCountTakesTheMiddle() {
    #expect(BenchMath.median([5, 1, 3]) == 3)
  }

  @Test func evenCountAveragesTheTwoMiddle() {
    #expect(BenchMath.median([4, 1, 3, 2]) == 2.5)
  }

  @Test func emptyHasNoMedian() {
    #expect(BenchMath.median([]) == nil)
    #expect(BenchMath.range([]) == nil)
  }

  @Test func rangeIsMinToMax() {
    #expect(BenchMath.range([0.3, 0.1, 0.2]) == 0.1...0.3)
  }

  @Test func positivity() {
    #expect(BenchMath.allPositive([1, 2]))
    #expect(!BenchMath.allPositive([1, 0]))
    #expect(!BenchMath.allPositive([1, .nan]))
    #expect(!BenchMath.allPositive([.infinity]))
  }
}

@Suite("Pairing")
struct PairingTests {
  @Test func alternatesAfterTheWarmUp() throws {
    var log: [String] = []
    var a = 0.0
    var b = 10.0
    let runs = try Pairing.alternate(
      warmUps: 1, pairs: 5,
      a: {
        log.append("A")
        a += 1
        return ["x": a]
      },
      b: {
        log.append("B")
        b += 1
        return ["x": b]
      })
    #expect(log == ["A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B"])
    #expect(runs.order == ["Aw", "Bw", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B"])
    // The warm-up's figures (1 and 11) are not kept.
    #expect(runs.proclab.map { $0["x"] } == [2, 3, 4, 5, 6])
    #expect(runs.reference.map { $0["x"] } == [12, 13, 14, 15, 16])
    #expect(runs.pairs == 5)
  }

  @Test func withoutAReferenceOnlyARuns() throws {
    var count = 0
    let runs = try Pairing.alternate(
      warmUps: 1, pairs: 5,
      a: {
        count += 1
        return ["rss": Double(count)]
      }, b: nil)
    #expect(count == 6)
    #expect(runs.reference.isEmpty)
    #expect(runs.order == ["Aw", "A", "A", "A", "A", "A"])
  }

  @Test func anErrorStopsThePairing() {
    struct Broken: Error {}
    var bRuns = 0
    #expect(throws: Broken.self) {
      _ = try Pairing.alternate(
        warmUps: 0, pairs: 5, a: { throw Broken() },
        b: {
          bRuns += 1
          return [:]
        })
    }
    #expect(bRuns == 0)
  }

  @Test func samplesKeepOnlyCompletePairs() {
    let runs = PairedRuns(
      proclab: [["t": 1], [:], ["t": 3]], reference: [["r": 10], ["r": 20], ["r": 30]])
    let (a, b) = runs.samples(proclab: "t", reference: "r")
    #expect(a == [1, 3])
    #expect(b == [10, 30])
  }
}

@Suite("Ratios and verdicts on recorded samples")
struct VerdictTests {
  /// fork + _exit + waitpid, ProcLab against C, as recorded on a 2-CPU machine (seconds).
  static let forkRuns = PairedRuns(
    proclab: [
      ["fork": 0.000_420], ["fork": 0.000_400], ["fork": 0.000_450], ["fork": 0.000_390],
      ["fork": 0.000_600],
    ],
    reference: [
      ["fork": 0.000_350], ["fork": 0.000_360], ["fork": 0.000_340], ["fork": 0.000_350],
      ["fork": 0.000_400],
    ])

  static func spec(
    _ target: Target, ratio: RatioForm = .proclabOverReference, unit: MetricUnit = .seconds
  ) -> MetricSpec {
    MetricSpec(
      id: "spawn.fork", label: "fork", unit: unit, proclabKey: "fork", referenceKey: "fork",
      referenceName: "C", ratio: ratio, target: target)
  }

  @Test func ratioIsTheMedianOfThePairsRatios() throws {
    let result = MetricResult.evaluate(Self.spec(.ratioAtMost(1.3)), runs: Self.forkRuns)
    // Pair ratios: 1.2, 1.1111…, 1.3235…, 1.1142…, 1.5 → median 1.2.
    let ratio = try #require(result.ratio)
    #expect(abs(ratio - 1.2) < 1e-12)
    let range = try #require(result.ratioRange)
    #expect(abs(range.lowerBound - 0.000_400 / 0.000_360) < 1e-12)
    #expect(abs(range.upperBound - 1.5) < 1e-12)
    #expect(result.proclabMedian == 0.000_420)
    #expect(result.referenceMedian == 0.000_350)
    #expect(result.pairs == 5)
    #expect(result.verdict == .met)
  }

  @Test func aTighterTargetIsNotMet() {
    let result = MetricResult.evaluate(Self.spec(.ratioAtMost(1.15)), runs: Self.forkRuns)
    #expect(result.verdict == .notMet)
  }

  @Test func fasterThanTheReferenceUsesTheInverseRatio() throws {
    // Countdown per step: CPython 50 ns, Swift 0.5 ns → 100× faster.
    let runs = PairedRuns(
      proclab: Array(repeating: ["step": 0.5e-9], count: 5),
      reference: [40e-9, 45e-9, 50e-9, 55e-9, 60e-9].map { ["step": $0] })
    var spec = Self.spec(.ratioAtLeast(50), ratio: .referenceOverProclab)
    spec.proclabKey = "step"
    spec.referenceKey = "step"
    let result = MetricResult.evaluate(spec, runs: runs)
    #expect(abs(try #require(result.ratio) - 100) < 1e-9)
    #expect(result.verdict == .met)
    let slow = MetricResult.evaluate(
      {
        var s = spec
        s.target = .ratioAtLeast(150)
        return s
      }(), runs: runs)
    #expect(slow.verdict == .notMet)
  }

  @Test func bandwidthAtLeastAFractionOfTheReference() {
    let runs = PairedRuns(
      proclab: [1.6e9, 1.7e9, 1.5e9, 1.8e9, 1.2e9].map { ["bw": $0] },
      reference: [2.0e9, 2.0e9, 2.0e9, 2.0e9, 2.0e9].map { ["bw": $0] })
    var spec = Self.spec(.ratioAtLeast(0.8), unit: .bytesPerSecond)
    spec.proclabKey = "bw"
    spec.referenceKey = "bw"
    let result = MetricResult.evaluate(spec, runs: runs)
    #expect(result.ratio == 0.8)
    #expect(result.verdict == .met)
  }

  @Test func anAbsoluteTargetJudgesProclabsMedian() {
    let runs = PairedRuns(
      proclab: [0.012, 0.011, 0.030, 0.013, 0.012].map { ["start": $0] },
      reference: Array(repeating: ["start": 0.001], count: 5))
    var spec = Self.spec(.valueAtMost(0.025))
    spec.proclabKey = "start"
    spec.referenceKey = "start"
    let result = MetricResult.evaluate(spec, runs: runs)
    #expect(result.proclabMedian == 0.012)
    #expect(result.verdict == .met)
    #expect(abs((result.ratio ?? 0) - 12) < 1e-9)
  }

  @Test func noTargetIsReportedNeverMet() {
    let result = MetricResult.evaluate(Self.spec(.none), runs: Self.forkRuns)
    #expect(result.verdict == .reported)
  }

  @Test func fewerThanFivePairsIsSkipped() {
    let runs = PairedRuns(
      proclab: Array(Self.forkRuns.proclab.prefix(4)),
      reference: Array(Self.forkRuns.reference.prefix(4)))
    let result = MetricResult.evaluate(Self.spec(.ratioAtMost(1.3)), runs: runs)
    #expect(result.verdict == .skipped("only 4 complete pairs, fewer than 5"))
    #expect(result.verdict != .met)
  }

  @Test func aMissingFigureIsSkippedWithTheReason() {
    let noProclab = PairedRuns(
      proclab: Array(repeating: [:], count: 5), reference: Self.forkRuns.reference)
    #expect(
      MetricResult.evaluate(Self.spec(.ratioAtMost(1.3)), runs: noProclab).verdict
        == .skipped("ProcLab reported no fork"))
    let noReference = PairedRuns(
      proclab: Self.forkRuns.proclab, reference: Array(repeating: [:], count: 5))
    #expect(
      MetricResult.evaluate(Self.spec(.ratioAtMost(1.3)), runs: noReference).verdict
        == .skipped("C reported no figure"))
  }

  @Test func aZeroSampleIsSkipped() {
    var runs = Self.forkRuns
    runs.reference[2] = ["fork": 0]
    let result = MetricResult.evaluate(Self.spec(.ratioAtMost(1.3)), runs: runs)
    #expect(result.verdict.word == "skipped")
  }

  @Test func aRatioTargetWithoutAReferenceIsSkipped() {
    #expect(
      MetricResult.verdict(for: .ratioAtMost(1.3), ratio: nil, value: 1)
        == .skipped("no reference to compare with"))
    #expect(MetricResult.verdict(for: .valueAtMost(20e6), ratio: nil, value: 19e6) == .met)
  }

  @Test func skippedCarriesItsReason() {
    let result = MetricResult.skipped(Self.spec(.ratioAtMost(1.15)), "perf is not installed")
    #expect(result.verdict.word == "skipped")
    #expect(result.verdict.reason == "perf is not installed")
    #expect(result.ratio == nil)
  }
}

@Suite("Reading figures")
struct FigureTests {
  @Test func keyValueLines() {
    let figures = FigureParsing.keyValueLines(
      "fork 0.000557\nfork-exec 3.0e-3\nnoise line here\nthread nan?\n")
    #expect(figures == ["fork": 0.000557, "fork-exec": 0.003])
  }

  @Test func nestedAndFlatMetricPaths() throws {
    let report = try BenchReport.decodeDemoReport(
      """
      {"demo": "spawn", "metrics": {"fork": {"median_seconds": 0.001},
       "bandwidth": {"65536": {"bytes_per_second": 2e9}}, "flat.key": 7, "name": "x"}}
      """)
    let figures = FigureParsing.metrics(
      report,
      [
        "fork.median_seconds", "bandwidth.65536.bytes_per_second", "flat.key", "name",
        "missing.path",
      ])
    #expect(
      figures == [
        "fork.median_seconds": 0.001, "bandwidth.65536.bytes_per_second": 2e9,
        "flat.key": 7,
      ])
  }
}

@Suite("The result table")
struct TableTests {
  @Test func rowsShowMediansRatioRangeTargetAndVerdict() {
    let met = MetricResult.evaluate(
      VerdictTests.spec(.ratioAtMost(1.3)), runs: VerdictTests.forkRuns)
    let skipped = MetricResult.skipped(
      MetricSpec(
        id: "pipe.round_trip", label: "pipe round trip", unit: .seconds, proclabKey: "a",
        referenceKey: "b", referenceName: "perf", target: .ratioAtMost(1.15)),
      "perf is not installed")
    let table = ResultTable.make([met, skipped], title: "t", footer: ["machine: test"])
    #expect(
      table.rows[0] == ["fork", "420 µs", "C 350 µs", "1.20× (1.1–1.5)", "≤ 1.3× C", "met"])
    #expect(table.rows[1] == ["pipe round trip", "—", "—", "—", "≤ 1.15× perf", "skipped"])
    #expect(table.footer == ["machine: test", "skipped — pipe round trip: perf is not installed"])
    #expect(ResultTable.summary([met, skipped]) == "1 met, 1 skipped")
  }

  @Test func targetsInWords() {
    #expect(
      ResultTable.describe(VerdictTests.spec(.ratioAtLeast(50), ratio: .referenceOverProclab))
        == "≥ 50× faster")
    #expect(ResultTable.describe(VerdictTests.spec(.ratioAtLeast(0.8))) == "≥ 0.8× C")
    #expect(ResultTable.describe(VerdictTests.spec(.valueAtMost(0.025))) == "≤ 25.0 ms")
    #expect(
      ResultTable.describe(VerdictTests.spec(.valueAtMost(20e6), unit: .bytes)) == "≤ 20.0 MB")
  }

  @Test func jsonHoldsVerdictsAndSamples() throws {
    let met = MetricResult.evaluate(
      VerdictTests.spec(.ratioAtMost(1.3)), runs: VerdictTests.forkRuns)
    let skipped = MetricResult.skipped(VerdictTests.spec(.ratioAtMost(1.3)), "no perf")
    let text = try BenchReport(
      date: "2025-01-01 00:00 UTC", machine: ["m"], quick: false, pairs: 5,
      results: [met, skipped]
    ).jsonText()
    let decoded = try BenchReport.decodeDemoReport(text)
    guard case .array(let records) = decoded["results"] ?? .null else {
      Issue.record("no results array")
      return
    }
    #expect(records.count == 2)
    #expect(records[0]["verdict"]?.string == "met")
    #expect(records[0]["ratio"]?.number.map { abs($0 - 1.2) < 1e-12 } == true)
    #expect(records[1]["verdict"]?.string == "skipped")
    #expect(records[1]["reason"]?.string == "no perf")
    #expect(decoded["summary"]?.string == "1 met, 1 skipped")
  }
}
