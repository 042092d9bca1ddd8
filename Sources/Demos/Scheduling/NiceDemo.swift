// The `nice` demo: how the kernel's scheduler shares a CPU between processes. Four parts, each
// measured live on processes it starts and kills: shares at two nice values against the
// weights' prediction (with a sleeper's and a spinner's context switches), sched_yield,
// SCHED_FIFO where it is permitted, and what a cgroup CPU quota leaves of two CPUs.
import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// The scheduling demos: nice.
public enum SchedulingDemos {
  static let all: [DemoDefinition] = [NiceDemo.definition]

  static let workerRoles: [String: Workers.Role] = ["sched-spin": Spinners.main]
}

enum NiceDemo {
  static let definition = DemoDefinition(
    name: "nice",
    summary:
      "two CPU-bound processes on one CPU at different nice values, yield, SCHED_FIFO, quotas",
    lesson: "scheduling", metrics: SchedulingMetrics.nice,
    parameters: Keys.self, timeBudget: 120, run: run)

  /// The parts the demo can run, in the order it runs them.
  enum Part: String, ParameterChoice { case share, yield, fifo, quota }

  struct Keys: ParameterSet {
    let show = EnumListParameter<Part>("show", help: "which parts to run")
    let nice = IntParameter(
      "nice", default: 5, range: 1...19, help: "the nice value of the second spinner")
    let seconds = DecimalParameter(
      "for", default: 0.5, range: 0.1...2, help: "seconds in each timed run")
    let runs = IntParameter("runs", default: 3, range: 1...10, help: "timed runs of each part")
  }

  /// The kernel's `sched_prio_to_weight` at nice 0…19 (kernel/sched/core.c); CFS and EEVDF
  /// give each runnable task CPU time in proportion to its weight.
  static let weights = [
    1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
  ]

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let allowed = context.environment.affinity.map { Int32($0) }
    guard let cpu = allowed.last else { throw DemoError(Catalog.text("demo.error.noCPU")) }
    context.metric("cpu", JSONValue(Int(cpu)))
    let workers = WorkerGroup()
    context.onCleanup { workers.killAll() }
    defer { workers.killAll() }
    let lifetime = Int(Double(params.runs) * params.seconds + 10)
    let parts = params.show
    if parts.contains(.share) {
      try share(params, cpu: cpu, lifetime: lifetime, workers: workers, context: context)
    }
    if parts.contains(.yield) {
      try yieldPart(params, cpu: cpu, lifetime: lifetime, workers: workers, context: context)
    }
    if parts.contains(.fifo) {
      try fifo(
        params, cpu: cpu, allowed: allowed, lifetime: lifetime, workers: workers,
        context: context)
    }
    if parts.contains(.quota) {
      try quota(params, lifetime: lifetime, workers: workers, context: context)
    }
  }

  static func percent(_ fraction: Double) -> String { Units.percent(fraction) }

  /// The whole number a /proc or /sys file holds, or nil.
  static func readNumber(_ path: String) -> Int? {
    FileIO.readText(path)?.split(whereSeparator: { $0 == " " || $0 == "\n" }).first.flatMap {
      Int($0)
    }
  }

  static func spread(_ s: Stats) -> String {
    Catalog.text(
      "demo.nice.spread",
      [
        "mean": percent(s.mean), "sd": percent(s.standardDeviation), "min": percent(s.min),
        "max": percent(s.max), "runs": String(s.count),
      ])
  }

  /// "mean ± σ" of shares, for a table cell.
  static func meanCell(_ s: Stats) -> String {
    Units.fixed(s.mean * 100, decimals: 1) + "% ± "
      + Units.fixed(s.standardDeviation * 100, decimals: 1) + "%"
  }

  /// "min…max" of shares, for a table cell.
  static func rangeCell(_ s: Stats) -> String {
    Units.fixed(s.min * 100, decimals: 1) + "…" + Units.fixed(s.max * 100, decimals: 1) + "%"
  }

  // MARK: Shares at two nice values

  static func share(
    _ params: DemoParameters<Keys>, cpu: Int32, lifetime: Int, workers: WorkerGroup,
    context: DemoContext
  ) throws {
    let nice = params.nice
    context.heading(Catalog.text("demo.nice.heading.share", ["cpu": String(cpu)]))
    let started = try Spinners.start(
      [(cpu, .spin, 0), (cpu, .spin, Int32(nice)), (cpu, .sleep, 0)], lifetime: lifetime,
      workers: workers)
    if let failed = started.first(where: { $0.error != 0 }) {
      throw DemoError(
        Catalog.text(
          "demo.error.notPlaced",
          ["cpu": String(cpu), "why": String(cString: strerror(failed.error))]))
    }
    let (a, b, sleeper) = (started[0].pid, started[1].pid, started[2].pid)
    let switchesBefore = [a, sleeper].map(Spinners.switches)
    let cpuBefore = [a, b, sleeper].map { Spinners.cpuSeconds($0) ?? 0 }
    let stats = try Spinners.shares(
      a, b, runs: params.runs, seconds: params.seconds, workers: workers, context: context)
    let cpuAfter = [a, b, sleeper].map { Spinners.cpuSeconds($0) ?? 0 }
    let switchesAfter = [a, sleeper].map(Spinners.switches)
    let w0 = weights[0]
    let wn = weights[nice]
    let expected = Double(w0) / Double(w0 + wn)
    let measured = stats.median
    let inverse = Stats(stats.samples.map { 1 - $0 })
    let ratios = Stats(stats.samples.map { $0 < 1 ? $0 / (1 - $0) : .infinity })
    let expectedRatio = Double(w0) / Double(wn)
    // Two processes, many figures: one column per process, one row per figure.
    func row(_ key: String, _ first: String, _ second: String) -> [String] {
      [Catalog.text(key), first, second]
    }
    context.table(
      Table(
        title: Catalog.text("demo.nice.share.title", ["cpu": String(cpu)]),
        columns: [
          .init(name: "", align: .left),
          .init(
            name: Catalog.text("demo.nice.spinnerAt", ["pid": String(a), "nice": "0"]),
            align: .right),
          .init(
            name: Catalog.text("demo.nice.spinnerAt", ["pid": String(b), "nice": String(nice)]),
            align: .right),
        ],
        rows: [
          row("demo.nice.row.weight", String(w0), String(wn)),
          row("demo.nice.row.expected", percent(expected), percent(1 - expected)),
          row("demo.nice.row.median", percent(measured), percent(inverse.median)),
          row("demo.nice.row.mean", meanCell(stats), meanCell(inverse)),
          row("demo.nice.row.range", rangeCell(stats), rangeCell(inverse)),
        ], footer: []))
    context.note(
      Catalog.text(
        "demo.nice.share.note",
        [
          "w0": String(w0), "wn": String(wn), "nice": String(nice),
          "expected": percent(expected), "measured": percent(measured),
          "expectedRatio": Units.ratio(expectedRatio), "ratio": Units.ratio(ratios.median),
        ]))
    let names = [
      Catalog.text("demo.nice.sleeper", ["pid": String(sleeper)]),
      Catalog.text("demo.nice.spinner", ["pid": String(a)]),
    ]
    let what = [Catalog.text("demo.nice.sleeperDoes"), Catalog.text("demo.nice.spinnerDoes")]
    let used = [cpuAfter[2] - cpuBefore[2], cpuAfter[0] - cpuBefore[0]]
    let order = [1, 0]  // the sleeper (index 1 of the switch readings) first
    var rows: [[String]] = []
    for (row, index) in order.enumerated() {
      let voluntary = switchesAfter[index].voluntary - switchesBefore[index].voluntary
      let involuntary = switchesAfter[index].involuntary - switchesBefore[index].involuntary
      rows.append([
        names[row], what[row], Units.duration(used[row], language: Catalog.language),
        Units.count(voluntary), Units.count(involuntary),
      ])
    }
    context.table(
      Table(
        title: Catalog.text("demo.nice.switches.title"),
        columns: [
          .init(name: Catalog.text("demo.nice.column.process"), align: .left),
          .init(name: Catalog.text("demo.nice.column.does"), align: .left),
          .init(name: Catalog.text("demo.nice.column.cpuTime"), align: .right),
          .init(name: Catalog.text("demo.nice.column.voluntary"), align: .right),
          .init(name: Catalog.text("demo.nice.column.involuntary"), align: .right),
        ],
        rows: rows, footer: []))
    let sleeperVoluntary = switchesAfter[1].voluntary - switchesBefore[1].voluntary
    let sleeperInvoluntary = switchesAfter[1].involuntary - switchesBefore[1].involuntary
    let spinnerVoluntary = switchesAfter[0].voluntary - switchesBefore[0].voluntary
    let spinnerInvoluntary = switchesAfter[0].involuntary - switchesBefore[0].involuntary
    context.note(
      Catalog.text(
        "demo.nice.switches.note",
        [
          "sleeperVoluntary": Units.count(sleeperVoluntary),
          "spinnerInvoluntary": Units.count(spinnerInvoluntary),
        ]))
    workers.killAll()
    context.metric("weight.nice0", JSONValue(w0))
    context.metric("weight.niced", JSONValue(wn))
    context.metric("share.expected", .number(expected))
    context.metric("share.nice0", .number(measured))
    context.metric("share.niced", .number(inverse.median))
    context.metric("share.expected_ratio", .number(expectedRatio))
    if ratios.median.isFinite { context.metric("share.ratio", .number(ratios.median)) }
    context.metric("switches.sleeper.voluntary", JSONValue(sleeperVoluntary))
    context.metric("switches.sleeper.involuntary", JSONValue(sleeperInvoluntary))
    context.metric("switches.spinner.voluntary", JSONValue(spinnerVoluntary))
    context.metric("switches.spinner.involuntary", JSONValue(spinnerInvoluntary))
  }

  // MARK: sched_yield

  static func yieldPart(
    _ params: DemoParameters<Keys>, cpu: Int32, lifetime: Int, workers: WorkerGroup,
    context: DemoContext
  ) throws {
    context.heading(Catalog.text("demo.nice.heading.yield"))
    let started = try Spinners.start(
      [(cpu, .yield, 0), (cpu, .spin, 0)], lifetime: lifetime, workers: workers)
    let stats = try Spinners.shares(
      started[0].pid, started[1].pid, runs: params.runs, seconds: params.seconds,
      workers: workers, context: context)
    workers.killAll()
    context.note(
      Catalog.text(
        "demo.nice.yield.note",
        [
          "share": percent(stats.median), "other": percent(1 - stats.median),
          "spread": spread(stats),
        ]))
    context.metric("yield.share", .number(stats.median))
  }

  // MARK: SCHED_FIFO

  static func fifo(
    _ params: DemoParameters<Keys>, cpu: Int32, allowed: [Int32], lifetime: Int,
    workers: WorkerGroup, context: DemoContext
  ) throws {
    context.heading(Catalog.text("demo.nice.heading.fifo"))
    // Runs of a whole second (at most two), whatever `for=` says: real-time throttling hands
    // normal tasks their time once per sched_rt_period_us (1 s), so a shorter run sees either
    // none of it or a burst.
    // A SCHED_FIFO spinner takes its CPU from every normal task: the demo itself must be
    // elsewhere, so this part needs a second CPU.
    let others = allowed.filter { $0 != cpu }
    guard !others.isEmpty else {
      context.note(Catalog.text("demo.nice.fifo.oneCPU"))
      return
    }
    guard CPUAffinity.pin(others) else {
      throw DemoError(Catalog.text("demo.error.notMoved", ["cpu": String(cpu)]))
    }
    defer { _ = CPUAffinity.pin(allowed) }
    let normal = try Spinners.start([(cpu, .spin, 0)], lifetime: lifetime, workers: workers)
    let fifo = try Spinners.start([(cpu, .fifo, 1)], lifetime: lifetime, workers: workers)
    context.metric("fifo.permitted", .bool(fifo[0].error == 0))
    guard fifo[0].error == 0 else {
      workers.killAll()
      let limit = pl_rtprio_limit()
      context.note(
        Catalog.text(
          "demo.nice.fifo.refused",
          [
            "error": String(cString: strerror(fifo[0].error)),
            "rtprio": limit < 0 ? "unlimited" : String(limit),
          ]))
      return
    }
    let stats = try Spinners.shares(
      normal[0].pid, fifo[0].pid, runs: min(params.runs, 2), seconds: 1,
      workers: workers, context: context)
    workers.killAll()
    let runtime = readNumber("/proc/sys/kernel/sched_rt_runtime_us")
    let period = readNumber("/proc/sys/kernel/sched_rt_period_us")
    context.note(
      Catalog.text(
        "demo.nice.fifo.note", ["share": percent(stats.median), "spread": spread(stats)]))
    if let runtime, let period, runtime >= 0, period > 0 {
      context.note(
        Catalog.text(
          "demo.nice.fifo.throttle",
          [
            "runtime": Units.duration(Double(runtime) / 1e6, language: Catalog.language),
            "period": Units.duration(Double(period) / 1e6, language: Catalog.language),
            "left": percent(1 - Double(runtime) / Double(period)),
          ]))
    }
    context.metric("fifo.normal_share", .number(stats.median))
  }

  // MARK: A cgroup CPU quota

  static func quota(
    _ params: DemoParameters<Keys>, lifetime: Int, workers: WorkerGroup, context: DemoContext
  ) throws {
    context.heading(Catalog.text("demo.nice.heading.quota"))
    let started = try Spinners.start(
      [(-1, .spin, 0), (-1, .spin, 0)], lifetime: lifetime, workers: workers)
    let pids = started.map(\.pid)
    _ = try Spinners.window(pids, seconds: 0.1, workers: workers, context: context)
    var samples: [Double] = []
    for _ in 0..<params.runs {
      let (cpu, wall) = try Spinners.window(
        pids, seconds: params.seconds, workers: workers, context: context)
      samples.append(wall > 0 ? cpu.reduce(0, +) / wall : 0)
    }
    workers.killAll()
    let used = Stats(samples)
    let environment = context.environment
    let load = environment.loadAverage.first.map { Units.fixed($0, decimals: 2) } ?? "?"
    let usedText = Units.significant(used.median)
    if let quota = environment.cgroupCPUQuota {
      context.metric("quota.cpus", .number(quota))
      context.note(
        Catalog.text(
          "demo.nice.quota.set",
          [
            "quota": Units.significant(quota), "used": usedText,
            "cpus": String(environment.affinity.count),
          ]))
    } else {
      context.note(
        Catalog.text(
          "demo.nice.quota.none",
          ["used": usedText, "cpus": String(environment.affinity.count), "load": load]))
    }
    context.metric("quota.used", .number(used.median))
  }
}
