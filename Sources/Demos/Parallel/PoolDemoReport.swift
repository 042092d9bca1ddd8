import DemoContract
import Localization
import Measure
import Render

/// What the `pool` demo's three parts report once they have run: their tables, notes and
/// metrics, and the CPython comparison for the overhead part (the running is in PoolDemo.swift).
extension PoolDemo {
  /// The schedule part's metrics: the figures measured, the sizes asked for, who ran what when.
  static func scheduleMetrics(
    _ context: DemoContext, outcomes: [TaskOutcome], origin: Double, pool: String,
    figures: (
      total: Double, duration: Double, rounds: Int, idealSeconds: Double, overhead: Double,
      startup: Double
    ),
    sizes: (workers: Int, count: Int, chunksize: Int)
  ) {
    let (total, duration, rounds, idealSeconds, overhead, startup) = figures
    let (workers, count, chunksize) = sizes
    let firstID = outcomes.first?.id ?? 0
    context.metric("total_seconds", JSONValue(total))
    context.metric("task_durations", JSONValue(total / duration))
    context.metric("rounds", JSONValue(rounds))
    context.metric("ideal_seconds", JSONValue(idealSeconds))
    context.metric("overhead_seconds", JSONValue(overhead))
    context.metric("startup_seconds", JSONValue(startup))
    context.metric("workers", JSONValue(workers))
    context.metric("tasks", JSONValue(count))
    context.metric("duration", JSONValue(duration))
    context.metric("chunksize", JSONValue(chunksize))
    context.metric("pool", .string(pool))
    context.metric("results", .array(outcomes.map { JSONValue(Double($0.value)) }))
    context.metric("distinct_workers", JSONValue(Set(outcomes.map(\.pid)).count))
    context.metric(
      "schedule",
      .array(
        outcomes.map {
          [
            "value": JSONValue($0.id - firstID), "worker": JSONValue($0.worker + 1),
            "pid": JSONValue($0.pid), "start": JSONValue($0.start - origin),
            "end": JSONValue($0.end - origin),
          ]
        }))
  }

  /// The apply part's table: every call's result, in the order the program asked for them.
  static func applyTable(
    _ phases: [(call: String, outcomes: [TaskOutcome], arguments: [Int64], start: Double)],
    footer: String, pidName: String, context: DemoContext
  ) -> Table {
    var rows: [[String]] = []
    for phase in phases {
      for (index, outcome) in phase.outcomes.enumerated() {
        rows.append([
          phase.call, "myTask(\(phase.arguments[index]))", String(outcome.value),
          String(outcome.pid), DemoText.duration(outcome.start - phase.start),
          DemoText.duration(outcome.end - phase.start),
        ])
      }
    }
    return Table(
      title: Catalog.text("demo.pool.apply.title"),
      columns: [
        .init(Catalog.text("demo.pipe.column.call")), .init(Catalog.text("demo.pool.column.task")),
        .init(Catalog.text("demo.queue.column.result"), align: .right),
        .init(pidName, align: .right),
        .init(Catalog.text("demo.pool.column.startedAt"), align: .right),
        .init(Catalog.text("demo.pool.column.endedAt"), align: .right),
      ],
      rows: rows, footer: [footer, context.environment.summaryLine])
  }

  /// The overhead part's notes: what a pool saves, what a task costs, how CPython compares.
  static func overheadNotes(
    _ byKey: [String: Double], python: TimingResult?, chunk: Int, _ context: DemoContext
  ) {
    if let pool = byKey["process_pool"], let spawn = byKey["process_spawn"] {
      context.note(
        Catalog.text(
          "demo.pool.overhead.saving",
          [
            "spawn": DemoText.duration(spawn), "pool": DemoText.duration(pool),
            "ratio": Units.ratio(spawn / pool),
          ]))
    }
    if let chunked = byKey["process_pool_chunked"],
      let threadPool = byKey["thread_pool"]
    {
      context.note(
        Catalog.text(
          "demo.pool.overhead.chunked",
          [
            "chunk": String(chunk), "chunked": DemoText.duration(chunked),
            "threadPool": DemoText.duration(threadPool),
          ]))
    }
    if let python, let pool = byKey["process_pool"] {
      let ratio = python.stats.median / pool
      context.metric("overhead.python_ratio", JSONValue(ratio))
      context.note(
        Catalog.text(
          "demo.pool.overhead.python",
          ["median": DemoText.duration(python.stats.median), "ratio": Units.ratio(ratio)]))
    }
  }

  /// CPython's `multiprocessing.Pool` on the same empty tasks, measured now (nil without CPython).
  static func pythonOverhead(workers: Int, _ context: DemoContext) throws -> TimingResult? {
    context.progress(6 / 7, "CPython multiprocessing.Pool")
    let count = 300
    guard
      let program = try CPython.program(
        "process-tutorial/pool_overhead.py",
        ["--workers", String(workers), "--tasks", String(count), "--runs", "5"],
        timeout: 30, context: context, record: false),
      case .array(let values)? = program.metric("samples")
    else { return nil }
    let result = TimingResult(
      label: "\(program.label): multiprocessing.Pool.map, chunksize=1", loops: count,
      perLoop: values.compactMap(\.double),
      notes: [
        Catalog.text("demo.pool.overhead.pythonNote", ["version": program.version])
      ])
    context.metric("overhead.python_pool_seconds", JSONValue(result.stats.median))
    context.metric("python.version", .string(program.version))
    context.metric("python.seconds_per_task", JSONValue(result.stats.median))
    return result
  }

  /// The apply part's metrics.
  static func applyMetrics(
    _ context: DemoContext, applied: [TaskOutcome], collected: [TaskOutcome],
    seconds: (apply: Double, async: Double, duration: Double), oneAtATime: Bool,
    concurrent: Int, workers: Int
  ) {
    let (applySeconds, asyncSeconds, duration) = seconds
    context.metric("apply_seconds", JSONValue(applySeconds))
    context.metric("apply_async_seconds", JSONValue(asyncSeconds))
    context.metric("apply_durations", JSONValue(applySeconds / duration))
    context.metric("apply_async_durations", JSONValue(asyncSeconds / duration))
    context.metric("apply_results", .array(applied.map { JSONValue(Double($0.value)) }))
    context.metric("apply_async_results", .array(collected.map { JSONValue(Double($0.value)) }))
    context.metric("apply_one_at_a_time", .bool(oneAtATime))
    context.metric("apply_async_max_concurrent", JSONValue(concurrent))
    context.metric(
      "apply_async_finish_order",
      .array(
        collected.sorted { $0.end < $1.end }.map { JSONValue(Double($0.value / 2)) }))
    context.metric("apply_workers", JSONValue(workers))
  }

  /// The apply part's notes: what apply and apply_async did with the free workers.
  static func applyNotes(
    _ context: DemoContext, count: Int, workers: Int, workerNames: String,
    seconds: (apply: Double, async: Double, duration: Double), oneAtATime: Bool, concurrent: Int
  ) {
    let (applySeconds, asyncSeconds, duration) = seconds
    let figures = [
      "count": String(count), "workers": String(workers), "workerNames": workerNames,
      "apply": DemoText.duration(applySeconds),
      "applyDurations": Units.significant(applySeconds / duration),
      "concurrent": String(concurrent), "async": DemoText.duration(asyncSeconds),
      "asyncDurations": Units.significant(asyncSeconds / duration),
      "rounds": String(PoolSchedule.rounds(tasks: count, workers: workers)),
    ]
    context.note(
      Catalog.plural(
        oneAtATime ? "demo.pool.apply.note" : "demo.pool.apply.noteAlmost", count: count, figures))
    context.note(Catalog.text("demo.pool.apply.asyncNote", figures))
    context.note(Catalog.text("demo.pool.apply.recorded"))
  }
}
