import DemoContract
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
        Units.duration(outcome.end - origin), py.map { "\($0.process) · \($0.pid)" } ?? "—",
        py.map { Units.duration($0.end) } ?? "—",
      ])
    }
    let pyTotal = program.double("total_seconds") ?? 0
    let pids = program.metric("worker_\(who)s").flatMap { value -> Int? in
      if case .array(let list) = value { return list.count }
      return nil
    }
    rows.append(["map", "", "", Units.duration(total), "", Units.duration(pyTotal)])
    context.table(
      Table(
        title:
          "\(threads ? "ThreadPool" : "Pool")(\(workers)).map over \(count) tasks of \(Units.duration(duration)): \(CPython.swiftLabel) and \(program.label), measured now",
        columns: [
          .init("value"), .init("x * x", align: .right),
          .init(threads ? "ProcLab: thread · tid" : "ProcLab: worker · pid"),
          .init("done", align: .right), .init("CPython: \(kind) · \(who)"),
          .init("done", align: .right),
        ],
        rows: rows,
        footer: [
          CPython.footer(
            program,
            "\(poolName)(\(workers)) started \(pids.map(String.init) ?? "?") \(kind == "process" ? "processes" : kind + "s") in \(Units.duration(program.double("startup_seconds") ?? 0)) before map"
          ),
          differ.isEmpty
            ? "CPython's results are the same as ProcLab's: x * x for every value."
            : "CPython's results differ for values \(differ.map(String.init).joined(separator: ", ")).",
          context.environment.summaryLine,
        ]))
    let rounds = PoolSchedule.rounds(tasks: count, workers: workers)
    context.note(
      "CPython's pool took \(Units.duration(pyTotal)) for the same \(count) tasks (\(Units.significant(pyTotal / duration)) task durations; \(rounds) rounds at best), ProcLab's \(Units.duration(total)). Both pools hand a value to whichever worker is free, so which worker ran which value can change from run to run; the number of rounds does not."
        + (duration != 1 || count != 10 || workers != 3
          ? " The GIL tutorial used 10 tasks of one second on Pool(3): run pool duration=1 for that (about 4 s for each runtime, 9 s in all)."
          : "")
    )
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
      context.note(
        "The CPython rows run the pool tutorial's four tasks; with tasks=\(count) they are not shown."
      )
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
        CPython.swiftLabel, "apply", Units.duration(swift.apply),
        Units.significant(swift.apply / duration), String(swift.applyMax),
        swift.applyResults.map(String.init).joined(separator: ", "),
      ],
      [
        CPython.swiftLabel, "apply_async", Units.duration(swift.async),
        Units.significant(swift.async / duration), String(swift.asyncMax),
        swift.asyncResults.map(String.init).joined(separator: ", "),
      ],
      [
        program.label, "apply", Units.duration(seconds("apply_seconds")),
        Units.significant(seconds("apply_seconds") / duration),
        String(Int(seconds("apply_max_concurrent"))), list("apply_results"),
      ],
      [
        program.label, "apply_async", Units.duration(seconds("apply_async_seconds")),
        Units.significant(seconds("apply_async_seconds") / duration),
        String(Int(seconds("apply_async_max_concurrent"))), list("apply_async_results"),
      ],
    ]
    context.table(
      Table(
        title:
          "Pool(\(workers)): \(count) tasks of \(Units.duration(duration)) with apply, then with apply_async",
        columns: [
          .init("runtime"), .init("call"), .init("total", align: .right),
          .init("task durations", align: .right), .init("most at once", align: .right),
          .init("results in order"),
        ],
        rows: rows,
        footer: [
          CPython.footer(program), context.environment.summaryLine,
        ]))
    context.note(
      "In both runtimes apply ran one task at a time (\(Units.significant(seconds("apply_seconds") / duration)) task durations in CPython) and apply_async ran them together (\(Units.significant(seconds("apply_async_seconds") / duration))). The pool tutorial recorded 4.24 s and 1.29 s for tasks of one second: run pool mode=apply duration=1 for that (about 5 s for each runtime)."
    )
  }
}
