import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// The process tutorial's prime-checking example (the example of Python's `ProcessPoolExecutor`).
enum Primes {
  /// The tutorial's `PRIMES` list, unchanged: five primes (the first is listed twice) and, last,
  /// one number that is not prime.
  static let numbers: [Int64] = [
    112_272_535_095_293,
    112_582_705_942_171,
    112_272_535_095_293,
    115_280_095_190_773,
    115_797_848_077_099,
    1_099_726_899_285_419,
  ]

  /// The tutorial's `is_prime`: trial division by 2 and by every odd number up to ⌊√n⌋.
  static func isPrime(_ n: Int64) -> Bool { smallestFactor(n) == nil && n >= 2 }

  /// The smallest divisor of `n` above 1 that trial division finds, or nil for a prime (and
  /// for n < 2, which has none).
  static func smallestFactor(_ n: Int64) -> Int64? {
    if n < 2 { return nil }
    if n == 2 { return nil }
    if n % 2 == 0 { return 2 }
    let root = integerSquareRoot(n)
    var i: Int64 = 3
    while i <= root {
      if n % i == 0 { return i }
      i += 2
    }
    return nil
  }

  /// ⌊√n⌋, exact even where `Double` rounding is not (Python's `int(math.floor(math.sqrt(n)))`
  /// is exact for numbers this size).
  static func integerSquareRoot(_ n: Int64) -> Int64 {
    guard n > 0 else { return 0 }
    var r = Int64(Double(n).squareRoot())
    while r > 0 && r > n / r { r -= 1 }
    while (r + 1) <= n / (r + 1) { r += 1 }
    return r
  }

  /// Checks every number in a Swift task group (structured concurrency): one child task per
  /// number, run by the cooperative thread pool, which has one thread per CPU.
  static func withTaskGroup(_ numbers: [Int64]) -> [Bool] {
    let done = Monitor<[Bool]?>(nil)
    Task.detached {
      let answers = await _Concurrency.withTaskGroup(of: (Int, Bool).self) { group in
        for (index, n) in numbers.enumerated() {
          group.addTask { (index, isPrime(n)) }
        }
        var answers = [Bool](repeating: false, count: numbers.count)
        for await (index, answer) in group { answers[index] = answer }
        return answers
      }
      done.update { $0 = answers }
    }
    return done.wait { $0 } ?? []
  }
}

/// `primes ways=`: the ways the list is checked, in the order they run.
enum PrimesWay: String, ParameterChoice { case serial, process, thread, taskgroup }
/// `primes python_list=`: which list CPython checks.
enum PrimesPythonList: String, ParameterChoice { case small, full }

struct PrimesKeys: ParameterSet {
  let workers = IntParameter(
    "workers", default: 0, range: 0...16,
    help: "pool size; 0 means one per usable CPU, like ProcessPoolExecutor()")
  let runs = IntParameter("runs", default: 3, range: 1...9, help: "timed runs of each way")
  let ways = EnumListParameter<PrimesWay>("ways", help: "which ways to run")
  let python = FlagParameter(
    "python", default: true,
    help:
      "also run lessons/python/process-tutorial/primes.py (serial and ProcessPoolExecutor) when python3 is on PATH"
  )
  let pythonList = EnumParameter<PrimesPythonList>(
    "python_list", default: .small,
    help:
      "CPython's list: small (each number ÷ 100, about 0.5 s) or full, the tutorial's (about 3 s more)"
  )
}

extension ParallelDemos {
  static let primes = DemoDefinition(
    name: "primes",
    summary:
      "the process tutorial's is_prime over the PRIMES list: serial, process pool, thread pool, task group",
    lesson: "speedup", metrics: ParallelMetrics.primes,
    parameters: PrimesKeys.self, timeBudget: 120
  ) { params, context in
    let environment = context.environment
    let usable = environment.usableCPUs
    let workers = params.workers == 0 ? usable : params.workers
    let runs = params.runs
    let ways = params.ways
    let numbers = Primes.numbers
    let stop: @Sendable () -> Bool = { context.stopRequested }

    // One serial pass, number by number: the answers, the factor, and each number's cost.
    context.heading(Catalog.text("demo.primes.heading"))
    var serialAnswers: [Bool] = []
    var factors: [Int64?] = []
    var costs: [Double] = []
    for (index, n) in numbers.enumerated() {
      try context.checkStop()
      context.progress(
        Double(index) / Double(numbers.count),
        Catalog.text("demo.primes.progress.checking", ["n": String(n)]))
      let start = MonotonicClock.seconds()
      let factor = Primes.smallestFactor(n)
      costs.append(MonotonicClock.seconds() - start)
      factors.append(factor)
      serialAnswers.append(factor == nil && n >= 2)
    }

    // Each way, timed `runs` times; the last answers of each are kept for the table.
    var timed: [(key: String, result: TimingResult)] = []
    var answers: [String: [Bool]] = ["serial": serialAnswers]
    var lastPoolOutcomes: [TaskOutcome] = []
    var poolOrigin = 0.0
    var pids: [Int32] = []
    func time(_ key: String, _ label: String, _ body: () throws -> [Bool]) throws {
      var samples: [Double] = []
      let before = ResourceUsage.current(.process) + ResourceUsage.current(.children)
      for run in 0..<runs {
        try context.checkStop()
        context.progress(Double(run) / Double(runs), label)
        let start = MonotonicClock.seconds()
        let got = try body()
        samples.append(MonotonicClock.seconds() - start)
        answers[key] = got
      }
      let usage = ResourceUsage.current(.process) + ResourceUsage.current(.children) - before
      timed.append((key, TimingResult(label: label, loops: 1, perLoop: samples, usage: usage)))
      context.metric("\(key).median_seconds", JSONValue(Stats(samples).median))
    }
    let tasks = numbers.map { PoolTask(work: .isPrime, argument: $0) }
    if ways.contains(.serial) {
      try time("serial", Catalog.text("demo.primes.way.serialMap")) {
        numbers.map(Primes.isPrime)
      }
    }
    if ways.contains(.process) {
      let pool = try ProcessPool(size: workers, shouldStop: stop)
      context.onCleanup { pool.terminate() }
      pids = pool.pids
      try time(
        "process_pool", Catalog.plural("demo.primes.way.processPool", count: workers)
      ) {
        poolOrigin = MonotonicClock.seconds()
        lastPoolOutcomes = try pool.map(tasks)
        return lastPoolOutcomes.map { $0.value == 1 }
      }
      pool.close()
      try time("process_pool_with_startup", Catalog.text("demo.primes.way.withStartup")) {
        let fresh = try ProcessPool(size: workers, shouldStop: stop)
        defer { fresh.close() }
        return try fresh.map(tasks).map { $0.value == 1 }
      }
    }
    if ways.contains(.thread) {
      let pool = try ThreadPool(size: workers, shouldStop: stop)
      context.onCleanup { pool.terminate() }
      try time(
        "thread_pool", Catalog.plural("demo.primes.way.threadPool", count: workers)
      ) {
        try pool.map(tasks).map { $0.value == 1 }
      }
      pool.close()
    }
    if ways.contains(.taskgroup) {
      try time(
        "task_group", Catalog.plural("demo.primes.way.taskGroup", count: usable)
      ) {
        Primes.withTaskGroup(numbers)
      }
    }
    context.progress(1, Catalog.text("demo.progress.done"))

    // The answers.
    let order = ["serial", "process_pool", "thread_pool", "task_group"].filter {
      answers[$0] != nil
    }
    let agree = order.allSatisfy { answers[$0] == serialAnswers }
    context.table(
      Table(
        title: Catalog.text("demo.primes.answers.title"),
        columns: [.init("n", align: .right)]
          + order.map { Table.Column(wayName($0), align: .left) }
          + [
            .init("smallest factor", align: .right),
            .init(Catalog.text("demo.primes.column.serialTime"), align: .right),
          ],
        rows: numbers.indices.map { i in
          [String(numbers[i])]
            + order.map {
              answers[$0].map { $0.count > i ? ($0[i] ? "True" : "False") : "?" } ?? ""
            }
            + [factors[i].map { String($0) } ?? "—", DemoText.duration(costs[i])]
        },
        footer: [
          Catalog.text(agree ? "demo.primes.agree" : "demo.primes.disagree")
        ]))
    context.metric("numbers", .array(numbers.map { .number(Double($0)) }))
    context.metric("results", .array(serialAnswers.map { .bool($0) }))
    context.metric("primes", JSONValue(serialAnswers.filter { $0 }.count))
    context.metric("composites", JSONValue(serialAnswers.filter { !$0 }.count))
    context.metric("agree", .bool(agree))
    for key in order {
      context.metric("\(key).results", .array((answers[key] ?? []).map { .bool($0) }))
    }

    // CPython: the tutorial's program, serially and with ProcessPoolExecutor.
    var python: CPython.Program?
    if params.python && (ways.contains(.serial) || ways.contains(.process)) {
      context.progress(0.95, "CPython: primes.py")
      python = try CPython.program(
        "process-tutorial/primes.py",
        ["--numbers", params.pythonList.rawValue, "--workers", String(workers)], timeout: 90,
        context: context)
    }

    // The timings, with speedup and efficiency.
    guard !timed.isEmpty else { return }
    context.table(
      TimingTable.make(
        title: Catalog.plural("demo.primes.timing.title", count: runs),
        results: timed.map(\.result), environment: environment, sortByTime: false))
    let serialTime = timed.first { $0.key == "serial" }?.result.stats.median
    let p = min(workers, usable)
    // The ideal comes from the work itself (trial divisions per number), not from timings.
    let divisions = numbers.indices.map { i in
      Double((factors[i] ?? Primes.integerSquareRoot(numbers[i])) / 2)
    }
    let ideal = PoolSchedule.greedyMakespan(costs: divisions, workers: p)
    let idealSpeedup = ideal > 0 ? divisions.reduce(0, +) / ideal : 1
    if let serialTime, serialTime > 0 {
      var rows: [[String]] = [
        [CPython.swiftLabel, timed[0].result.label, DemoText.duration(serialTime), "", ""]
      ]
      var best = (label: "", speedup: 0.0)
      for (key, r) in timed where key != "serial" {
        let speedup = serialTime / r.stats.median
        let used = key == "task_group" ? usable : p
        let efficiency = speedup / Double(max(1, used))
        rows.append([
          CPython.swiftLabel, r.label, DemoText.duration(r.stats.median), Units.ratio(speedup),
          Units.percent(efficiency),
        ])
        context.metric("\(key).speedup", JSONValue(speedup))
        context.metric("\(key).efficiency", JSONValue(efficiency))
        if speedup > best.speedup { best = (r.label, speedup) }
      }
      rows += PrimesPython.rows(python, usable: usable)
      context.table(
        Table(
          title: Catalog.text("demo.primes.speedup.title"),
          columns: [
            .init(Catalog.text("demo.pipe.column.runtime")),
            .init(Catalog.text("demo.primes.column.way")), .init("median", align: .right),
            .init(Catalog.text("demo.cpuScaling.column.speedup"), align: .right),
            .init(Catalog.text("demo.primes.column.efficiency"), align: .right),
          ],
          rows: rows,
          footer: PrimesPython.footer(python) + [
            Catalog.plural(
              "demo.primes.cpusUsed", count: p,
              [
                "workers": String(workers), "usable": String(usable),
                "ideal": Units.ratio(idealSpeedup),
              ]),
            environment.summaryLine,
          ]))
      context.metric("ideal_speedup", JSONValue(idealSpeedup))
      context.note(
        Catalog.text(
          "demo.primes.serial",
          [
            "serial": DemoText.duration(serialTime),
            "divisions": Units.count(Int(Primes.integerSquareRoot(numbers[1]) / 2)),
            "factor": factors.last.flatMap { $0 }.map { String($0) } ?? "?",
            "last": DemoText.duration(costs.last ?? 0),
          ]))
      if p > 1 {
        context.note(
          Catalog.text(
            "demo.primes.pieces",
            [
              "p": String(p), "rounds": String(PoolSchedule.rounds(tasks: 5, workers: p)),
              "ideal": Units.ratio(idealSpeedup), "best": Units.ratio(best.speedup),
              "label": best.label,
            ]))
        let e = (1 / best.speedup - 1 / Double(p)) / (1 - 1 / Double(p))
        context.note(
          Catalog.text(
            "demo.primes.amdahl",
            [
              "best": Units.ratio(best.speedup), "p": String(p),
              "fraction": Units.percent(max(0, e)),
            ]
          ))
        context.metric("serial_fraction", JSONValue(max(0, e)))
      } else {
        context.note(Catalog.text("demo.primes.oneCPU"))
      }
      context.note(Catalog.text("demo.primes.recorded"))
    }
    context.metric("workers", JSONValue(workers))
    context.metric("usable_cpus", JSONValue(usable))

    // Which worker checked which number.
    if !lastPoolOutcomes.isEmpty {
      context.figure(
        .timeline(
          PoolSchedule.timeline(
            lastPoolOutcomes,
            title: Catalog.text("demo.primes.timeline"),
            workers: workers, workerName: Catalog.text("demo.pool.worker"), pidName: "pid",
            start: poolOrigin
          ) { "#\($0.id % numbers.count + 1)" }))
      context.metric("process_pool.pids", .array(pids.map { JSONValue($0) }))
    }
  }

  /// A way's column heading: "process pool" for `process_pool`, in the run's language.
  static func wayName(_ key: String) -> String {
    switch key {
    case "serial": Catalog.text("demo.primes.column.serial")
    case "process_pool": Catalog.text("demo.primes.column.processPool")
    case "thread_pool": Catalog.text("demo.primes.column.threadPool")
    case "task_group": Catalog.text("demo.primes.column.taskGroup")
    default: key.replacing("_", with: " ")
    }
  }
}
