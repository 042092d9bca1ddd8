import CProcLab
import DemoContract
import Glibc
import Measure
import OSKit
import Render

/// The GIL tutorial's experiment: a countdown in one thread, in k threads and in k processes.
enum CPUScaling {
  /// One measured (or recorded) row.
  struct Row {
    var runtime: String
    var kind: String
    var workers: Int
    var n: Int
    var seconds: Double
    var cpuSeconds: Double?
    var speedup: Double
    var measured: Bool

    var json: JSONValue {
      var object: [String: JSONValue] = [
        "runtime": .string(runtime), "kind": .string(kind), "workers": JSONValue(workers),
        "n": JSONValue(n), "seconds": JSONValue(seconds), "speedup": JSONValue(speedup),
        "ns_per_step": JSONValue(seconds / Double(max(1, n)) * 1e9), "measured": .bool(measured),
      ]
      if let cpuSeconds { object["cpu_seconds"] = JSONValue(cpuSeconds) }
      return .object(object)
    }
  }

  /// The body of `proclab worker countdown <n>`: counts down and writes the nanoseconds it
  /// took to stdout as one 8-byte number.
  static func workerMain(_ arguments: [String]) -> Int32 {
    guard arguments.count == 1, let n = Int64(arguments[0]), n >= 0 else { return 64 }
    let start = MonotonicClock.nanoseconds()
    blackHole(pl_countdown_register(n))
    let elapsed = MonotonicClock.nanoseconds() &- start
    let bytes = withUnsafeBytes(of: elapsed) { Array($0) }
    return (try? FileIO.writeAll(1, bytes)) == nil ? 1 : 0
  }

  /// Seconds (wall) and CPU seconds for `workers` threads each counting down `n`.
  static func threads(_ workers: Int, n: Int) throws -> (Double, Double) {
    let before = ResourceUsage.current(.process)
    let start = MonotonicClock.seconds()
    var started: [Thread] = []
    defer { for thread in started { thread.join() } }
    for _ in 0..<workers {
      started.append(try Thread { blackHole(pl_countdown_register(Int64(n))) })
    }
    for thread in started { thread.join() }
    let wall = MonotonicClock.seconds() - start
    return (wall, (ResourceUsage.current(.process) - before).cpuSeconds)
  }

  /// Seconds (wall, from the first spawn to the last exit) and CPU seconds for `workers`
  /// processes each counting down `n`.
  static func processes(_ workers: Int, n: Int, context: DemoContext) throws -> (Double, Double) {
    let pipe = try PipeEnds()
    defer { pipe.closeBoth() }
    let before = ResourceUsage.current(.children)
    let start = MonotonicClock.seconds()
    var children: [ChildProcess] = []
    defer {
      for child in children where child.poll() == nil { child.stop(first: SIGKILL, grace: 0.5) }
    }
    for index in 0..<workers {
      do {
        children.append(try Workers.spawn("countdown", [String(n)], stdout: pipe.write))
      } catch {
        throw DemoError(
          "could not start countdown process \(index + 1) of \(workers): \(error)")
      }
    }
    for child in children {
      while child.wait(timeout: 0.1) == nil {
        try context.checkStop()
      }
      let status = try child.wait()
      guard status.isSuccess else {
        throw DemoError("countdown process \(child.pid) \(status)")
      }
    }
    let wall = MonotonicClock.seconds() - start
    return (wall, (ResourceUsage.current(.children) - before).cpuSeconds)
  }

  /// "1 thread", "2 threads", "2 processes".
  static func workers(_ count: Int, _ kind: String) -> String {
    count == 1 ? "1 \(kind)" : "\(count) \(kind == "process" ? "processes" : "threads")"
  }

  static func median(_ samples: [(Double, Double)]) -> (Double, Double) {
    let sorted = samples.sorted { $0.0 < $1.0 }
    return sorted[sorted.count / 2]
  }
}

struct CPUScalingKeys: ParameterSet {
  let n = IntParameter(
    "n", default: 1_000_000_000, range: 1_000...20_000_000_000,
    help: "steps each worker counts down (the tutorial used 100,000,000)")
  let k = IntParameter("k", default: 2, range: 2...16, help: "threads and processes")
  let runs = IntParameter(
    "runs", default: 3, range: 1...9, help: "runs of each Swift row (median)")
  let python = FlagParameter(
    "python", default: true,
    help: "also run lessons/python/gil-tutorial/countdown.py in CPython when python3 is on PATH")
  let pythonScale = IntParameter(
    "python_scale", default: 100, range: 1...100_000,
    help: "CPython counts down n ÷ this, to stay interactive")
}

extension ParallelDemos {
  static let cpuScaling = DemoDefinition(
    name: "cpu-scaling",
    summary:
      "the GIL tutorial's countdown in 1 thread, k threads and k processes; Swift vs CPython's GIL",
    lesson: "gil", metrics: ParallelMetrics.cpuScaling,
    parameters: CPUScalingKeys.self, timeBudget: 180
  ) { params, context in
    let n = params.n
    let k = params.k
    let runs = params.runs
    let environment = context.environment
    let usable = environment.usableCPUs
    context.heading(
      "Counting down from \(Units.count(n)) in every worker: one thread, \(k) threads, \(k) processes"
    )
    context.note(
      "CPUs: \(environment.cpusOnline) online, this process may run on \(MachineEnvironment.formatCPUList(environment.affinity))\(environment.cgroupCPUQuota.map { ", cgroup quota \(Units.significant($0)) CPUs" } ?? ""): \(usable) usable at once."
    )

    var rows: [CPUScaling.Row] = []
    let total = 3 * runs
    var done = 0
    func swiftRow(_ kind: String, _ workers: Int) throws {
      var samples: [(Double, Double)] = []
      for _ in 0..<runs {
        try context.checkStop()
        context.progress(
          Double(done) / Double(total), "Swift: \(CPUScaling.workers(workers, kind))")
        samples.append(
          kind == "thread"
            ? try CPUScaling.threads(workers, n: n)
            : try CPUScaling.processes(workers, n: n, context: context))
        done += 1
      }
      let (wall, cpu) = CPUScaling.median(samples)
      let base = rows.first { $0.runtime == "swift" }?.seconds ?? wall
      rows.append(
        CPUScaling.Row(
          runtime: "swift", kind: kind, workers: workers, n: n, seconds: wall, cpuSeconds: cpu,
          speedup: Double(workers) * base / wall, measured: true))
    }
    try swiftRow("thread", 1)
    try swiftRow("thread", k)
    try swiftRow("process", k)

    // CPython (lessons/python/gil-tutorial/countdown.py), measured when it is here, otherwise the GIL
    // tutorial's recorded figures.
    let pyN = max(1, n / params.pythonScale)
    let pythonRuns = min(runs, 3)
    var program: CPython.Program?
    if params.python {
      context.progress(0.9, "CPython: countdown.py")
      program = try CPython.program(
        "gil-tutorial/countdown.py",
        ["--n", String(pyN), "--k", String(k), "--runs", String(pythonRuns)],
        timeout: 120, context: context,
        absent:
          "python3 is not on PATH: CPython is not measured here, and the rows marked \"CPython, recorded\" are the GIL tutorial's own figures."
      )
    }
    let python: String? = program.map(\.label)
    let pythonVersion = program?.label
    if let program {
      rows += CPUScaling.pythonRows(program, k: k, n: pyN)
    } else {
      for (workers, seconds) in [(1, 8.0), (2, 16.0)] {
        rows.append(
          CPUScaling.Row(
            runtime: "cpython-recorded", kind: "thread", workers: workers, n: 100_000_000,
            seconds: seconds, cpuSeconds: nil, speedup: Double(workers) * 8 / seconds,
            measured: false))
      }
    }
    context.progress(1, "done")

    func runtimeName(_ row: CPUScaling.Row) -> String {
      switch row.runtime {
      case "swift": CPython.swiftLabel
      case "cpython": pythonVersion ?? "CPython"
      default: "CPython, recorded"
      }
    }
    var footer = [
      "n each: ProcLab \(Units.count(n))"
        + (python != nil
          ? "; CPython \(Units.count(pyN)) (n ÷ \(params.pythonScale))."
          : "; CPython, recorded: 100,000,000."),
      "ProcLab: median of \(runs) run\(runs == 1 ? "" : "s"); processes include starting them (\(k) × posix_spawn of proclab)."
        + (python != nil
          ? " CPython: lessons/python/gil-tutorial/countdown.py, run live with python3 -I, median of \(pythonRuns) run\(pythonRuns == 1 ? "" : "s")."
          : ""),
    ]
    if python == nil {
      footer.append(
        "CPython, recorded: the figures the GIL tutorial recorded (CPython, on its author's machine), not measured here."
      )
    }
    context.table(
      Table(
        title:
          "Each worker counts down n; speedup = work done per second compared with one thread of the same runtime",
        columns: [
          .init("runtime"), .init("workers"), .init("wall time", align: .right),
          .init("CPU time", align: .right), .init("wall ÷ n", align: .right),
          .init("speedup", align: .right),
        ],
        rows: rows.map { row in
          [
            runtimeName(row), CPUScaling.workers(row.workers, row.kind),
            Units.duration(row.seconds), row.cpuSeconds.map(Units.duration) ?? "—",
            Units.duration(row.seconds / Double(row.n)), Units.ratio(row.speedup),
          ]
        },
        footer: footer + [environment.summaryLine] + environment.warnings))

    // What the numbers say: from these rows and the load measured before and after.
    let load = max(
      environment.loadAverage.first ?? 0, MachineEnvironment.current().loadAverage.first ?? 0)
    let reading = CPUScaling.Reading(rows: rows, k: k, usable: usable, load: load)
    for text in reading.swiftNotes() { context.note(text) }
    if python != nil {
      context.note(
        "CPython counted down n ÷ \(params.pythonScale) = \(Units.count(pyN)) per worker so that it stays interactive; compare the time per step, not the wall time."
      )
      for text in reading.pythonNotes() { context.note(text) }
      if let ratio = reading.swiftOverPythonPerStep {
        context.metric("swift_vs_python_per_step", JSONValue(ratio))
        if let cpu = reading.swiftOverPythonPerStepCPU {
          context.metric("swift_vs_python_per_step_cpu", JSONValue(cpu))
        }
        context.note(
          "Per step, one ProcLab (Swift) thread was \(Units.ratio(ratio)) faster than one CPython thread: Swift's loop is compiled to a decrement and a branch, CPython's is interpreted bytecode on integer objects."
        )
      }
    } else {
      context.note(
        (params.python ? "" : "CPython was not run (python=off). ")
          + "The CPython rows are the figures the GIL tutorial recorded (CPython, on its author's machine), not measured here: one thread counting down 100,000,000 took 8 s, two threads 16 s."
      )
      context.note(
        "Recorded, those figures show the GIL: two threads doing twice the work took twice as long, so together they were no faster than one."
      )
    }
    context.metric("load_average", JSONValue(load))
    context.metric("busy", .bool(reading.busy))

    context.metric("rows", .array(rows.map(\.json)))
    for row in rows {
      let prefix =
        "\(row.runtime == "cpython-recorded" ? "python_recorded" : row.runtime == "cpython" ? "python" : "swift").\(row.kind).\(row.workers)"
      context.metric("\(prefix).seconds", JSONValue(row.seconds))
      context.metric("\(prefix).speedup", JSONValue(row.speedup))
    }
    context.metric("python_available", .bool(python != nil))
    context.metric("python_n", JSONValue(python != nil ? pyN : 100_000_000))
    context.metric("cpus_online", JSONValue(environment.cpusOnline))
    context.metric("usable_cpus", JSONValue(usable))
    context.metric("affinity", .array(environment.affinity.map { JSONValue($0) }))
  }
}
