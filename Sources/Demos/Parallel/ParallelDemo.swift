import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// Concurrency versus parallelism (the concepts tutorial, §4): two CPU-bound tasks that take turns on one
/// CPU, then run at once on two.
enum Interleaving {
  /// What one task recorded: when each slice of its work ended, and its CPU use.
  struct Trace: Sendable {
    var start: Double
    var sliceEnds: [Double]
    var cpuSeconds: Double
    var involuntarySwitches: Int
    var cpus: Set<Int>
    var end: Double { sliceEnds.last ?? start }
  }

  /// The intervals a task was running, worked out from its slice timestamps: a slice that
  /// took about as long as a slice should means the task ran the whole time; a longer one
  /// means it waited for the CPU, and only the last `slice` seconds of it were running.
  static func runningSpans(_ trace: Trace, slice: Double) -> [(start: Double, end: Double)] {
    var spans: [(start: Double, end: Double)] = []
    var previous = trace.start
    for end in trace.sliceEnds {
      let took = end - previous
      let begin = took <= 1.5 * slice + 200e-6 ? previous : end - slice
      if let last = spans.last, begin - last.end < 100e-6 {
        spans[spans.count - 1].end = end
      } else {
        spans.append((begin, end))
      }
      previous = end
    }
    return spans
  }

  /// Seconds during which both span lists are running.
  static func overlap(
    _ a: [(start: Double, end: Double)], _ b: [(start: Double, end: Double)]
  ) -> Double {
    var total = 0.0
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      let low = max(a[i].start, b[j].start)
      let high = min(a[i].end, b[j].end)
      if high > low { total += high - low }
      if a[i].end < b[j].end { i += 1 } else { j += 1 }
    }
    return total
  }

  /// Runs two tasks of `slices` slices each (of `iterations` spin steps), each thread
  /// limited to `cpus`, started together.
  static func run(
    slices: Int, iterations: UInt64, cpus: [Int32], stop: @escaping @Sendable () -> Bool
  ) throws -> [Trace] {
    let gate = Monitor((ready: 0, go: false))
    let traces = Monitor([Int: Trace]())
    var threads: [Thread] = []
    defer {
      gate.update { $0.go = true }
      for thread in threads { thread.join() }
    }
    for index in 0..<2 {
      threads.append(
        try Thread {
          let pinned = CPUAffinity.pin(cpus)
          gate.update { $0.ready += 1 }
          _ = gate.wait { $0.go ? true : nil }
          var ends = [Double](repeating: 0, count: slices)
          var seen = Set<Int>()
          let usage = ResourceUsage.current(.thread)
          let start = MonotonicClock.seconds()
          var done = 0
          while done < slices && !stop() {
            blackHole(pl_spin(iterations))
            ends[done] = MonotonicClock.seconds()
            if done % 16 == 0 { seen.insert(Int(pl_current_cpu())) }
            done += 1
          }
          let used = ResourceUsage.current(.thread) - usage
          if !pinned { seen.insert(-1) }
          traces.update {
            $0[index] = Trace(
              start: start, sliceEnds: Array(ends[..<done]), cpuSeconds: used.cpuSeconds,
              involuntarySwitches: used.involuntarySwitches, cpus: seen)
          }
        })
    }
    _ = gate.wait { $0.ready == 2 ? true : nil }
    gate.update { $0.go = true }
    for thread in threads { thread.join() }
    threads = []
    let all = traces.withLock { $0 }
    guard let a = all[0], let b = all[1] else {
      throw DemoError(Catalog.text("demo.error.taskNoReport"))
    }
    return [a, b]
  }

  /// How many spin steps take about `seconds` on this CPU (the fastest of a few tries).
  static func calibrate(seconds: Double) -> UInt64 {
    let probe: UInt64 = 20_000
    var best = Double.infinity
    for _ in 0..<5 {
      let start = MonotonicClock.seconds()
      blackHole(pl_spin(probe))
      best = min(best, MonotonicClock.seconds() - start)
    }
    guard best > 0, best.isFinite else { return probe }
    return max(1, UInt64(Double(probe) * seconds / best))
  }
}

struct ParallelKeys: ParameterSet {
  let work = DecimalParameter(
    "work", default: 0.2, range: 0.02...3, help: "seconds of CPU work in each task")
  let zoom = DecimalParameter(
    "zoom", default: 0.03, range: 0.005...1, help: "seconds shown in the close-up timelines")
}

extension ParallelDemos {
  static let parallel = DemoDefinition(
    name: "parallel",
    summary: "concurrency vs parallelism: two CPU-bound tasks on one CPU, then on two",
    lesson: "concurrency-vs-parallelism", metrics: ParallelMetrics.parallel,
    parameters: ParallelKeys.self, timeBudget: 60
  ) { params, context in
    let work = params.work
    let zoom = min(params.zoom, work)
    let allowed = CPUAffinity.allowed()
    guard !allowed.isEmpty else { throw SystemError("reading this process's CPU affinity") }
    let count = allowed.count
    let stop: @Sendable () -> Bool = { context.stopRequested }

    // Calibrate on the first CPU: a slice of work is about a millisecond.
    let slice = 0.001
    let found = Monitor<UInt64>(0)
    let calibration = try Thread { [allowed] in
      _ = CPUAffinity.pin([allowed[0]])
      let steps = Interleaving.calibrate(seconds: slice)
      found.update { $0 = steps }
    }
    calibration.join()
    let iterations = found.withLock { $0 }
    let slices = max(10, Int(work / slice))

    let cases: [(key: String, title: String, cpus: [Int32])] = [
      (
        "one_cpu", Catalog.text("demo.parallel.case.oneCPU", ["cpu": String(allowed[0])]),
        [allowed[0]]
      ),
      (
        "two_cpus",
        count >= 2
          ? Catalog.text(
            "demo.parallel.case.twoCPUs",
            ["first": String(allowed[0]), "second": String(allowed[1])])
          : Catalog.text("demo.parallel.case.only", ["cpu": String(allowed[0])]),
        count >= 2 ? [allowed[0], allowed[1]] : allowed
      ),
    ]
    var rows: [[String]] = []
    var walls: [String: Double] = [:]
    var bothRunning: [String: Double] = [:]
    var stretches: [String: Double] = [:]
    for (index, current) in cases.enumerated() {
      try context.checkStop()
      context.progress(Double(index) / 2, current.title)
      let traces = try Interleaving.run(
        slices: slices, iterations: iterations, cpus: current.cpus, stop: stop)
      try context.checkStop()
      let origin = min(traces[0].start, traces[1].start)
      let end = max(traces[0].end, traces[1].end)
      let wall = end - origin
      walls[current.key] = wall
      let cpu = traces[0].cpuSeconds + traces[1].cpuSeconds
      stretches[current.key] =
        cpu > 0 ? ((traces[0].end - traces[0].start) + (traces[1].end - traces[1].start)) / cpu : 0
      let spans = traces.map { Interleaving.runningSpans($0, slice: slice) }
      let both = Interleaving.overlap(spans[0], spans[1])
      bothRunning[current.key] = wall > 0 ? both / wall : 0
      let names = ["A", "B"]
      func lanes(upTo limit: Double) -> [Timeline.Lane] {
        (0..<2).map { i in
          let used = traces[i].cpus.sorted().map {
            $0 < 0 ? Catalog.text("demo.parallel.notPinned") : String($0)
          }
          return Timeline.Lane(
            label: Catalog.text(
              "demo.parallel.lane", ["task": names[i], "cpus": used.joined(separator: ",")]),
            spans: spans[i].filter { $0.start < limit }.map {
              Timeline.Span(start: $0.start, end: min(limit, $0.end), label: names[i])
            })
        }
      }
      context.heading(current.title)
      context.figure(
        .timeline(
          Timeline(
            title: Catalog.text("demo.parallel.whole"), lanes: lanes(upTo: end), start: origin,
            end: end)))
      context.figure(
        .timeline(
          Timeline(
            title: Catalog.text("demo.parallel.closeUp", ["zoom": DemoText.duration(zoom)]),
            lanes: lanes(upTo: origin + zoom), start: origin, end: origin + zoom)))
      for i in 0..<2 {
        rows.append([
          i == 0 ? current.title : "", Catalog.text("demo.parallel.task", ["task": names[i]]),
          DemoText.duration(traces[i].end - traces[i].start),
          DemoText.duration(traces[i].cpuSeconds), String(traces[i].involuntarySwitches),
          i == 0 ? DemoText.duration(wall) : "", i == 0 ? Units.percent(both / wall) : "",
        ])
        context.metric(
          "\(current.key).task_\(names[i].lowercased()).wall_seconds",
          JSONValue(traces[i].end - traces[i].start))
        context.metric(
          "\(current.key).task_\(names[i].lowercased()).cpu_seconds",
          JSONValue(traces[i].cpuSeconds))
        context.metric(
          "\(current.key).task_\(names[i].lowercased()).involuntary_switches",
          JSONValue(traces[i].involuntarySwitches))
      }
      context.metric("\(current.key).wall_seconds", JSONValue(wall))
      context.metric(
        "\(current.key).cpu_seconds", JSONValue(traces[0].cpuSeconds + traces[1].cpuSeconds))
      context.metric("\(current.key).both_running_fraction", JSONValue(both / wall))
      context.metric("\(current.key).cpus", .array(current.cpus.map { JSONValue($0) }))
    }
    context.progress(1, Catalog.text("demo.progress.done"))
    context.table(
      Table(
        title: Catalog.text("demo.parallel.title", ["work": DemoText.duration(work)]),
        columns: [
          .init(Catalog.text("demo.parallel.column.case")),
          .init(Catalog.text("demo.pool.column.task")),
          .init("task's wall time", align: .right),
          .init(Catalog.text("demo.parallel.column.cpu"), align: .right),
          .init("preempted", align: .right),
          .init(Catalog.text("demo.parallel.column.doneAfter"), align: .right),
          .init("both running", align: .right),
        ],
        rows: rows,
        footer: [
          Catalog.text("demo.parallel.footer", ["slice": DemoText.duration(slice)]),
          context.environment.summaryLine,
        ]))
    let one = walls["one_cpu"] ?? 0
    let two = walls["two_cpus"] ?? 0
    let oneBoth = bothRunning["one_cpu"] ?? 0
    let twoBoth = bothRunning["two_cpus"] ?? 0
    let stretch = (stretches["one_cpu"] ?? 0)
    let load = context.environment.loadAverage.first ?? 0
    let figures = [
      "oneBoth": Units.percent(oneBoth), "twoBoth": Units.percent(twoBoth),
      "stretch": Units.ratio(stretch), "one": DemoText.duration(one),
      "two": DemoText.duration(two), "sooner": Units.ratio(one / max(two, 1e-9)),
      "load": Units.significant(load), "online": String(context.environment.cpusOnline),
      "list": MachineEnvironment.formatCPUList(allowed.map(Int.init)),
    ]
    context.note(
      Catalog.text("demo.parallel.oneCPU", figures)
        + (stretch > 2.5 ? Catalog.text("demo.parallel.oneCPU.busy", figures) : ""))
    if count >= 2 {
      context.note(
        Catalog.text(
          twoBoth >= 0.5 ? "demo.parallel.twoCPUs" : "demo.parallel.twoCPUs.busy", figures))
    } else {
      context.note(Catalog.text("demo.parallel.onlyOne", figures))
    }
    context.metric("cpus_allowed", .array(allowed.map { JSONValue($0) }))
    context.metric("can_differ", .bool(count >= 2))
    context.metric("slowdown_on_one_cpu", JSONValue(one / max(two, 1e-9)))
    context.metric("slices", JSONValue(slices))
  }
}
