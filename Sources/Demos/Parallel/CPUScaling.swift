import CProcLab
import DemoContract
import Glibc
import Localization
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
          Catalog.text(
            "demo.error.countdownStart",
            ["index": String(index + 1), "count": String(workers), "why": "\(error)"]))
      }
    }
    for child in children {
      while child.wait(timeout: 0.1) == nil {
        try context.checkStop()
      }
      let status = try child.wait()
      guard status.isSuccess else {
        throw DemoError(
          Catalog.text(
            "demo.error.countdownFailed",
            ["pid": String(child.pid), "status": DemoText.status(status)]))
      }
    }
    let wall = MonotonicClock.seconds() - start
    return (wall, (ResourceUsage.current(.children) - before).cpuSeconds)
  }

  /// "1 thread", "2 threads", "2 processes".
  static func workers(_ count: Int, _ kind: String) -> String {
    Catalog.plural(
      kind == "process" ? "demo.cpuScaling.processes" : "demo.cpuScaling.threads", count: count)
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
    let language = Catalog.language
    let duration = { (seconds: Double) in Units.duration(seconds, language: language) }
    context.heading(
      Catalog.text("demo.cpuScaling.heading", ["n": Units.count(n), "k": String(k)]))
    let cpuArguments = [
      "online": String(environment.cpusOnline),
      "list": MachineEnvironment.formatCPUList(environment.affinity), "usable": String(usable),
    ]
    context.note(
      environment.cgroupCPUQuota.map {
        var arguments = cpuArguments
        arguments["quota"] = Units.significant($0)
        return Catalog.text("demo.cpuScaling.cpus.quota", arguments)
      } ?? Catalog.text("demo.cpuScaling.cpus", cpuArguments))

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
        absent: Catalog.text("demo.cpuScaling.absent"))
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
    context.progress(1, Catalog.text("demo.progress.done"))

    func runtimeName(_ row: CPUScaling.Row) -> String {
      switch row.runtime {
      case "swift": CPython.swiftLabel
      case "cpython": pythonVersion ?? "CPython"
      default: Catalog.text("demo.cpuScaling.recorded")
      }
    }
    let counts = [
      "n": Units.count(n), "pyN": Units.count(pyN), "scale": String(params.pythonScale),
      "k": String(k), "pythonRuns": String(pythonRuns),
    ]
    var footer = [
      Catalog.text(
        python != nil ? "demo.cpuScaling.nEach" : "demo.cpuScaling.nEachRecorded", counts),
      Catalog.plural("demo.cpuScaling.median", count: runs, counts)
        + (python != nil
          ? Catalog.plural("demo.cpuScaling.pythonMedian", count: pythonRuns, counts) : ""),
    ]
    if python == nil { footer.append(Catalog.text("demo.cpuScaling.recordedFooter")) }
    context.table(
      Table(
        title: Catalog.text("demo.cpuScaling.title"),
        columns: [
          .init(Catalog.text("demo.pipe.column.runtime")),
          .init(Catalog.text("demo.cpuScaling.column.workers")),
          .init(Catalog.text("demo.cpuScaling.column.wall"), align: .right),
          .init("CPU time", align: .right),
          .init("wall ÷ n", align: .right),
          .init(Catalog.text("demo.cpuScaling.column.speedup"), align: .right),
        ],
        rows: rows.map { row in
          [
            runtimeName(row), CPUScaling.workers(row.workers, row.kind),
            duration(row.seconds), row.cpuSeconds.map(duration) ?? "—",
            duration(row.seconds / Double(row.n)), Units.ratio(row.speedup),
          ]
        },
        footer: footer + [environment.summaryLine] + environment.warnings))

    // What the numbers say: from these rows and the load measured before and after.
    let load = max(
      environment.loadAverage.first ?? 0, MachineEnvironment.current().loadAverage.first ?? 0)
    let reading = CPUScaling.Reading(rows: rows, k: k, usable: usable, load: load)
    for text in reading.swiftNotes() { context.note(text) }
    if python != nil {
      context.note(Catalog.text("demo.cpuScaling.pythonScale", counts))
      for text in reading.pythonNotes() { context.note(text) }
      if let ratio = reading.swiftOverPythonPerStep {
        context.metric("swift_vs_python_per_step", JSONValue(ratio))
        if let cpu = reading.swiftOverPythonPerStepCPU {
          context.metric("swift_vs_python_per_step_cpu", JSONValue(cpu))
        }
        context.note(Catalog.text("demo.cpuScaling.perStep", ["ratio": Units.ratio(ratio)]))
      }
    } else {
      context.note(
        Catalog.text(
          params.python ? "demo.cpuScaling.recordedRows" : "demo.cpuScaling.recordedRowsOff"))
      context.note(Catalog.text("demo.cpuScaling.recordedGIL"))
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
