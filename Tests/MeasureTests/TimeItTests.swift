import Measure
import Testing

/// Spins until `seconds` have passed on the monotonic clock.
private func busyWait(_ seconds: Double) {
  let end = MonotonicClock.seconds() + seconds
  while MonotonicClock.seconds() < end {}
}

@Suite("TimeIt", .serialized)
struct TimeItTests {
  @Test("loop counts follow 1, 2, 5, 10, 20, 50, …")
  func loopSequence() {
    var sequence = [1]
    while sequence.count < 10 { sequence.append(TimeIt.nextLoopCount(after: sequence.last!)) }
    #expect(sequence == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
    #expect(TimeIt.nextLoopCount(after: 3) == 5)
    #expect(TimeIt.nextLoopCount(after: 7) == 10)
  }

  @Test("autoranges until a run lasts the target, then makes the runs asked for")
  func autorange() {
    // Each call lasts at least 1 ms, so 10 calls always reach the 10 ms target.
    let result = TimeIt.measure("busy 1 ms", targetRunSeconds: 0.01, runs: 5) {
      busyWait(0.001)
    }
    #expect([1, 2, 5, 10].contains(result.loops))
    #expect(result.runs == 5)
    #expect(result.perLoop.count == 5)
    #expect(result.stats.count == 5)
    #expect(result.perLoop.allSatisfy { $0 >= 0.001 })
    #expect(result.label == "busy 1 ms")
    #expect(result.firstCallSeconds.map { $0 >= 0.001 } == true)
    #expect(result.usage.userSeconds + result.usage.systemSeconds > 0)
  }

  @Test("the loop body is called exactly as often as the result says")
  func callCounts() {
    var calls = 0
    var batches: [Int] = []
    let result = TimeIt.measureLoops("count", targetRunSeconds: 0.002, runs: 3) { n in
      batches.append(n)
      for _ in 0..<n {
        calls += 1
        busyWait(0.0001)
      }
    }
    // Warm-up (1), autoranging (1, …, loops), then `runs` runs of `loops`.
    #expect(batches.first == 1)
    #expect(batches.suffix(3) == [result.loops, result.loops, result.loops])
    #expect(calls == batches.reduce(0, +))
    #expect(result.loops * 100 >= 10)  // ≥ 0.1 ms each, 2 ms target
  }

  @Test("the loop limit stops autoranging and says why")
  func loopLimit() {
    let result = TimeIt.measureLoops("nothing", targetRunSeconds: 0.5, runs: 2, maxLoops: 50) {
      blackHole($0)
    }
    #expect(result.loops == 50)
    #expect(result.runs == 2)
    #expect(result.warnings.contains { $0.contains("may have been optimised away") })
    // The advice is for a student reading a demo's footer, not for the benchmark's author.
    #expect(!result.warnings.contains { $0.contains("blackHole") })
  }

  @Test("the time limit shortens runs and cuts their number")
  func timeLimit() {
    // 50 ms per call, 0.3 s in all: no room to autorange past 1 loop, and only a few runs.
    let result = TimeIt.measure(
      "slow", targetRunSeconds: 0.1, runs: 7, maxTotalSeconds: 0.3
    ) { busyWait(0.05) }
    #expect(result.loops == 1)
    #expect(result.runs >= 1 && result.runs < 7)
    #expect(result.stats.count == result.runs)
    #expect(result.warnings.contains { $0.contains("runs fit") })
    #expect(result.warnings.contains { $0.contains("less than the") })
  }

  @Test("a target that does not fit the time limit still gets the most loops that do")
  func targetBeyondLimit() {
    // 2 ms per call, runs of 1 s aimed for, 0.4 s in all: 1,000 loops would be 8 s, so the
    // count is cut to what fits (about 0.9 × 0.4 / 4 / 0.002 = 45), not left at the first 1 loop.
    let result = TimeIt.measure(
      "cut", targetRunSeconds: 1, runs: 3, maxTotalSeconds: 0.4
    ) { busyWait(0.002) }
    #expect(result.loops > 5)
    #expect(result.loops < 500)
    #expect(result.warnings.contains { $0.contains("less than the") })
  }

  @Test("warnings for a spread of runs and for outliers")
  func statisticalWarnings() {
    // Median 1.01, MAD 0.03: z(5.2) = 0.6745·4.19/0.03 = 94.2; 5.2/0.96 = 5.4.
    let spread = TimingResult(
      label: "x", loops: 1, perLoop: [1, 1.02, 0.98, 1.04, 0.96, 1.01, 5.2])
    #expect(spread.warnings.contains("run 7 is an outlier (robust z-score 94.2, above 3.5)"))
    #expect(
      spread.warnings.contains {
        $0.hasPrefix("the slowest run took 5.4× as long as the fastest")
      })
    let calm = TimingResult(label: "y", loops: 1, perLoop: [1, 1.01, 0.99, 1, 1.02])
    #expect(calm.warnings.isEmpty)
    let cold = TimingResult(label: "z", loops: 1, perLoop: [1e-3, 1e-3], firstCallSeconds: 0.05)
    #expect(cold.warnings.contains { $0.hasPrefix("the first call took 50.0× as long") })
    let notes = TimingResult(label: "n", loops: 1, perLoop: [1], notes: ["a note"])
    #expect(notes.warnings == ["a note"])
  }

  @Test("several outliers in one result make one warning line, not one each")
  func outliersGrouped() {
    let result = TimingResult(
      label: "x", loops: 1, perLoop: [1, 1.02, 5.2, 0.98, 1.04, 6.1, 0.96, 1.01, 7.3])
    let lines = result.warnings.filter { $0.contains("outlier") }
    // Median 1.02, MAD 0.04: z = 0.6745 × |x − 1.02| / 0.04.
    #expect(
      lines == ["runs 3, 6 and 9 are outliers (robust z-scores 70.5, 85.7 and 105.9, above 3.5)"],
      "\(result.warnings)")
  }

  @Test("the clock is monotonic and the black hole keeps values")
  func clock() {
    let a = MonotonicClock.nanoseconds()
    let b = MonotonicClock.nanoseconds()
    #expect(b >= a)
    #expect(MonotonicClock.seconds() > 0)
    #expect(MonotonicClock.resolution() > 0)
    #expect(opaque(42) == 42)
    blackHole([1, 2, 3])
  }

  @Test("resource usage readings subtract to a delta")
  func resourceUsage() {
    let before = ResourceUsage.current(.thread)
    busyWait(0.02)
    let delta = ResourceUsage.current(.thread) - before
    #expect(delta.cpuSeconds > 0.005)
    #expect(delta.voluntarySwitches >= 0)
    #expect(ResourceUsage.current(.process).cpuSeconds >= ResourceUsage.current(.thread).cpuSeconds)
    #expect(ResourceUsage.current(.children).cpuSeconds >= 0)
    let sum = delta + delta
    #expect(sum.userSeconds == 2 * delta.userSeconds)
  }
}
