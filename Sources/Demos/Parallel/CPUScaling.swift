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

extension ParallelDemos {
  static let cpuScaling = DemoDefinition(
    name: "cpu-scaling",
    summary:
      "the GIL tutorial's countdown in 1 thread, k threads and k processes; Swift vs CPython's GIL",
    lesson: "gil", metrics: ParallelMetrics.cpuScaling,
    parameters: [
      ParameterSpec(
        "n", .integer(min: 1_000, max: 20_000_000_000), default: "1_000_000_000",
        help: "steps each worker counts down (the tutorial used 100,000,000)"),
      ParameterSpec("k", .integer(min: 2, max: 16), default: "2", help: "threads and processes"),
      ParameterSpec(
        "runs", .integer(min: 1, max: 9), default: "3", help: "runs of each Swift row (median)"),
      ParameterSpec(
        "python", .choice(["auto", "off"]), default: "auto",
        help: "also run the countdown in CPython when python3 is on PATH"),
      ParameterSpec(
        "python_scale", .integer(min: 1, max: 100_000), default: "100",
        help: "CPython counts down n ÷ this, to stay interactive"),
    ],
    timeBudget: 180
  ) { params, context in
    let n = params.int("n")
    let k = params.int("k")
    let runs = params.int("runs")
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

    // CPython, measured when it is here, otherwise the tutorial's recorded figures.
    let python = params.word("python") == "auto" ? CPython.find() : nil
    var pythonVersion: String?
    let pyN = max(1, n / params.int("python_scale"))
    let pythonRuns = min(runs, 3)
    if let python {
      for (kind, workers) in [("thread", 1), ("thread", k), ("process", k)] {
        try context.checkStop()
        context.progress(0.9, "CPython: \(CPUScaling.workers(workers, kind))")
        let output = try CPython.run(
          python, script: CPython.countdownScript,
          arguments: [kind, String(workers), String(pyN), String(pythonRuns)], timeout: 120,
          context: context)
        let samples = output.stdout.split(separator: "\n").compactMap { line -> (Double, Double)? in
          let numbers = line.split(separator: " ").compactMap { Double($0) }
          return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
        guard !samples.isEmpty, output.status.isSuccess else {
          context.note("CPython's \(kind) countdown failed: \(output.summary)")
          continue
        }
        let (wall, cpu) = CPUScaling.median(samples)
        let fields = [wall, cpu]
        pythonVersion = output.version
        let base = rows.first { $0.runtime == "cpython" }?.seconds ?? fields[0]
        rows.append(
          CPUScaling.Row(
            runtime: "cpython", kind: kind, workers: workers, n: pyN, seconds: fields[0],
            cpuSeconds: fields[1], speedup: Double(workers) * base / fields[0], measured: true))
      }
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
      case "swift": "Swift"
      case "cpython": pythonVersion ?? "CPython"
      default: "CPython, recorded"
      }
    }
    var footer = [
      "n each: Swift \(Units.count(n))"
        + (python != nil
          ? "; CPython \(Units.count(pyN)) (n ÷ \(params.int("python_scale")))."
          : "; CPython, recorded: 100,000,000."),
      "Swift: median of \(runs) run\(runs == 1 ? "" : "s"); processes include starting them (\(k) × posix_spawn of proclab)."
        + (python != nil
          ? " CPython: median of \(pythonRuns) run\(pythonRuns == 1 ? "" : "s")." : ""),
    ]
    if python == nil {
      footer.append(
        "CPython, recorded: the figures recorded in the GIL tutorial (CPython, on the author's machine), not measured here."
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

    // What the numbers say.
    let swiftK = rows.first { $0.runtime == "swift" && $0.kind == "thread" && $0.workers == k }
    let swiftP = rows.first { $0.runtime == "swift" && $0.kind == "process" }
    if let swiftK, let swiftP {
      context.note(
        "Swift threads have no global lock: \(k) threads did \(Units.ratio(swiftK.speedup)) the work of one thread per second, and \(k) processes \(Units.ratio(swiftP.speedup)); with \(usable) usable CPU\(usable == 1 ? "" : "s") the best possible is \(Units.ratio(Double(min(k, usable))))."
          + (max(swiftK.speedup, swiftP.speedup) < 0.8 * Double(min(k, usable))
            && (environment.loadAverage.first ?? 0) >= 1
            ? " Both fell short of it because other programs were using the CPUs too (load \(Units.significant(environment.loadAverage.first ?? 0)))."
            : "")
      )
      if usable < k {
        context.note(
          "There are fewer usable CPUs (\(usable)) than workers (\(k)): the extra workers wait their turn, so neither threads nor processes can go beyond \(usable)×."
        )
      }
    }
    if python != nil {
      let one = rows.first { $0.runtime == "cpython" && $0.workers == 1 }
      let many = rows.first { $0.runtime == "cpython" && $0.kind == "thread" && $0.workers == k }
      let procs = rows.first { $0.runtime == "cpython" && $0.kind == "process" }
      context.note(
        "CPython counted down n ÷ \(params.int("python_scale")) = \(Units.count(pyN)) per worker so that it stays interactive; compare the time per step, not the wall time."
      )
      if let one, let many {
        let threadsText =
          many.speedup < 1.3
          ? "no more than one thread's worth: only the thread holding the global interpreter lock (GIL) runs Python code, so the threads took turns"
          : "more than one thread's worth, which CPython's GIL does not normally allow (a free-threaded CPython build has no GIL; on a busy machine it can also be noise)"
        var processText = ""
        if let procs {
          processText =
            procs.speedup >= 1.3
            ? " \(k) processes, each with its own interpreter and its own GIL, reached \(Units.ratio(procs.speedup))."
            : " \(k) processes reached only \(Units.ratio(procs.speedup)) here: fewer than \(k) CPUs were free (load \(Units.significant(environment.loadAverage.first ?? 0)) on \(usable) usable), so even separate interpreters had to take turns."
        }
        context.note(
          "\(k) CPython threads took \(Units.duration(many.seconds)) against \(Units.duration(one.seconds)) for one thread (\(Units.ratio(many.speedup)) the work per second), \(threadsText).\(processText)"
        )
      }
      if let one, let swiftOne = rows.first(where: { $0.runtime == "swift" && $0.workers == 1 }) {
        let ratio = (one.seconds / Double(one.n)) / (swiftOne.seconds / Double(swiftOne.n))
        context.metric("swift_vs_python_per_step", JSONValue(ratio))
        if let pythonCPU = one.cpuSeconds, let swiftCPU = swiftOne.cpuSeconds, swiftCPU > 0 {
          context.metric(
            "swift_vs_python_per_step_cpu",
            JSONValue((pythonCPU / Double(one.n)) / (swiftCPU / Double(swiftOne.n))))
        }
        context.note(
          "Per step, one Swift thread was \(Units.ratio(ratio)) faster than one CPython thread: Swift's loop is compiled to a decrement and a branch, CPython's is interpreted bytecode on integer objects."
        )
      }
    } else {
      context.note(
        params.word("python") == "off"
          ? "CPython was not run (python=off). The CPython rows are the figures recorded in the GIL tutorial (CPython, on the author's machine), not measured here: one thread counting down 100,000,000 took 8 s, two threads 16 s."
          : "python3 is not on PATH, so CPython could not be measured here. The CPython rows are the figures recorded in the GIL tutorial (CPython, on the author's machine), not measured here: one thread counting down 100,000,000 took 8 s, two threads 16 s."
      )
      context.note(
        "Recorded, those figures show the GIL: two threads doing twice the work took twice as long, so together they were no faster than one."
      )
    }

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
