import DemoContract
import Localization
import Render

/// The `pool` demo's CPython rows: the GIL tutorial's `Pool(3).map` schedule
/// (lessons/python/gil-tutorial/pool_map_schedule.py) and the pool tutorial's `apply` vs `apply_async`
/// (lessons/python/pool-tutorial/apply_vs_apply_async.py), run live with the same sizes as ProcLab's pool,
/// and shown in one table with ProcLab's figures.
enum PoolPython {
  /// One row per value: which ProcLab worker and which CPython process ran it, and when it
  /// finished (seconds from the start of map).
  static func schedule(
    _ params: DemoParameters<PoolKeys>, _ context: DemoContext, outcomes: [TaskOutcome],
    origin: Double,
    total: Double, workers: Int, count: Int, chunksize: Int, threads: Bool
  ) throws {
    let duration = params.duration
    // pool=thread: CPython's ThreadPool, whose workers are threads of one process, named by
    // their tid; otherwise multiprocessing.Pool, whose workers are processes.
    let (kind, who, poolName) =
      threads
      ? ("thread", "tid", "multiprocessing.pool.ThreadPool")
      : ("process", "pid", "multiprocessing.Pool")
    context.progress(0.95, "CPython: pool_map_schedule.py")
    guard
      let program = try CPython.program(
        "gil-tutorial/pool_map_schedule.py",
        [
          "--workers", String(workers), "--tasks", String(count), "--seconds",
          ParameterSpec.format(duration), "--chunksize", String(chunksize),
        ] + (threads ? ["--threads"] : []), timeout: 30 + 2 * Double(count) * duration,
        context: context)
    else { return }
    var python: [Int: (process: Int, pid: Int, end: Double, result: Int)] = [:]
    if case .array(let entries)? = program.metric("schedule") {
      for entry in entries {
        guard let value = entry["value"]?.double, let process = entry[kind]?.double,
          let pid = entry[who]?.double, let end = entry["end"]?.double,
          let result = entry["result"]?.double
        else { continue }
        python[Int(value)] = (Int(process), Int(pid), end, Int(result))
      }
    }
    let firstID = outcomes.first?.id ?? 0
    var rows: [[String]] = []
    var differ: [Int] = []
    for outcome in outcomes {
      let value = outcome.id - firstID
      let py = python[value]
      if let py, py.result != Int(outcome.value) { differ.append(value) }
      rows.append([
        String(value), String(outcome.value), "\(outcome.worker + 1) · \(outcome.pid)",
        DemoText.duration(outcome.end - origin), py.map { "\($0.process) · \($0.pid)" } ?? "—",
        py.map { DemoText.duration($0.end) } ?? "—",
      ])
    }
    let pyTotal = program.double("total_seconds") ?? 0
    let pids = program.metric("worker_\(who)s").flatMap { value -> Int? in
      if case .array(let list) = value { return list.count }
      return nil
    }
    rows.append(["map", "", "", DemoText.duration(total), "", DemoText.duration(pyTotal)])
    context.table(
      Table(
        title: Catalog.plural(
          "demo.pool.python.title", count: count,
          [
            "pool": threads ? "ThreadPool" : "Pool", "workers": String(workers),
            "count": String(count), "duration": DemoText.duration(duration),
            "swift": CPython.swiftLabel, "python": program.label,
          ]),
        columns: [
          .init(Catalog.text("demo.pool.column.value")), .init("x * x", align: .right),
          .init(
            "ProcLab: "
              + Catalog.text(threads ? "demo.pool.thread" : "demo.pool.worker") + " · "
              + (threads ? "tid" : "pid")),
          .init(Catalog.text("demo.pool.column.done"), align: .right),
          .init(
            "CPython: "
              + Catalog.text(threads ? "demo.pool.thread" : "demo.pool.kind.process") + " · \(who)"),
          .init(Catalog.text("demo.pool.column.done"), align: .right),
        ],
        rows: rows,
        footer: [
          CPython.footer(
            program,
            Catalog.plural(
              kind == "process"
                ? "demo.pool.python.startedProcesses" : "demo.pool.python.startedThreads",
              count: pids ?? 0,
              [
                "pool": poolName, "workers": String(workers), "count": pids.map(String.init) ?? "?",
                "startup": DemoText.duration(program.double("startup_seconds") ?? 0),
              ])
          ),
          differ.isEmpty
            ? Catalog.text("demo.pool.python.same")
            : Catalog.text(
              "demo.pool.python.differ",
              ["values": differ.map(String.init).joined(separator: ", ")]),
          context.environment.summaryLine,
        ]))
    let rounds = PoolSchedule.rounds(tasks: count, workers: workers)
    context.note(
      Catalog.text(
        "demo.pool.python.compare",
        [
          "python": DemoText.duration(pyTotal), "count": String(count),
          "durations": Units.significant(pyTotal / duration), "rounds": String(rounds),
          "swift": DemoText.duration(total),
        ])
        + (duration != 1 || count != 10 || workers != 3
          ? Catalog.text("demo.pool.python.recorded") : ""))
  }

  /// Four rows: apply and apply_async in each runtime.
  static func apply(
    _ params: DemoParameters<PoolKeys>, _ context: DemoContext, workers: Int, count: Int,
    swift: (
      apply: Double, async: Double, applyMax: Int, asyncMax: Int, applyResults: [Int64],
      asyncResults: [Int64]
    )
  ) throws {
    let duration = params.duration
    guard count == 4 else {
      context.note(Catalog.text("demo.pool.python.fourTasks", ["count": String(count)]))
      return
    }
    context.progress(0.95, "CPython: apply_vs_apply_async.py")
    guard
      let program = try CPython.program(
        "pool-tutorial/apply_vs_apply_async.py",
        [
          "--workers", String(workers), "--tasks", String(count), "--seconds",
          ParameterSpec.format(duration),
        ],
        timeout: 30 + 3 * Double(count) * duration, context: context, record: false)
    else { return }
    // Only apply's own figures: workers, tasks and seconds are the schedule's in mode=all.
    context.metric("python.version", .string(program.version))
    for (key, value) in program.metrics where key.hasPrefix("apply") {
      context.metric("python.\(key)", value)
    }
    func list(_ key: String) -> String {
      if case .array(let values)? = program.metric(key) {
        return values.compactMap(\.double).map { String(Int($0)) }.joined(separator: ", ")
      }
      return "—"
    }
    func seconds(_ key: String) -> Double { program.double(key) ?? 0 }
    let rows: [[String]] = [
      [
        CPython.swiftLabel, "apply", DemoText.duration(swift.apply),
        Units.significant(swift.apply / duration), String(swift.applyMax),
        swift.applyResults.map(String.init).joined(separator: ", "),
      ],
      [
        CPython.swiftLabel, "apply_async", DemoText.duration(swift.async),
        Units.significant(swift.async / duration), String(swift.asyncMax),
        swift.asyncResults.map(String.init).joined(separator: ", "),
      ],
      [
        program.label, "apply", DemoText.duration(seconds("apply_seconds")),
        Units.significant(seconds("apply_seconds") / duration),
        String(Int(seconds("apply_max_concurrent"))), list("apply_results"),
      ],
      [
        program.label, "apply_async", DemoText.duration(seconds("apply_async_seconds")),
        Units.significant(seconds("apply_async_seconds") / duration),
        String(Int(seconds("apply_async_max_concurrent"))), list("apply_async_results"),
      ],
    ]
    context.table(
      Table(
        title: Catalog.plural(
          "demo.pool.python.applyTitle", count: count,
          [
            "workers": String(workers), "count": String(count),
            "duration": DemoText.duration(duration),
          ]),
        columns: [
          .init(Catalog.text("demo.pipe.column.runtime")),
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.pool.column.total"), align: .right),
          .init(Catalog.text("demo.pool.column.taskDurations"), align: .right),
          .init(Catalog.text("demo.pool.column.mostAtOnce"), align: .right),
          .init(Catalog.text("demo.pool.column.resultsInOrder")),
        ],
        rows: rows,
        footer: [
          CPython.footer(program), context.environment.summaryLine,
        ]))
    context.note(
      Catalog.text(
        "demo.pool.python.applyNote",
        [
          "apply": Units.significant(seconds("apply_seconds") / duration),
          "async": Units.significant(seconds("apply_async_seconds") / duration),
        ]))
  }
}
