import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

extension ParallelDemos {
  static let pool = DemoDefinition(
    name: "pool",
    summary: "process and thread pools: map's schedule, apply vs apply_async, the cost per task",
    lesson: "pools", metrics: ParallelMetrics.pool,
    parameters: PoolKeys.self, timeBudget: 120
  ) { params, context in
    let mode = params.mode
    if mode == .schedule || mode == .all { try PoolDemo.schedule(params, context) }
    if mode == .apply || mode == .all { try PoolDemo.apply(params, context) }
    if mode == .overhead || mode == .all { try PoolDemo.overhead(params, context) }
  }
}

/// The three parts of the `pool` demo.
enum PoolDemo {
  static func makePool(
    _ kind: PoolKind, size: Int, maxChunk: Int = 1, _ context: DemoContext
  ) throws -> any TaskPool {
    let stop: @Sendable () -> Bool = { context.stopRequested }
    let pool: any TaskPool =
      switch kind {
      case .thread: try ThreadPool(size: size, shouldStop: stop)
      case .process: try ProcessPool(size: size, maxChunk: maxChunk, shouldStop: stop)
      }
    context.onCleanup { pool.terminate() }
    return pool
  }

  /// What the pool's workers are called in the run's language, and their id's name.
  static func names(_ pool: any TaskPool) -> (worker: String, pid: String) {
    pool.kind == "thread"
      ? (Catalog.text("demo.pool.thread"), "tid") : (Catalog.text("demo.pool.worker"), "pid")
  }

  /// The plural of ``names(_:)``'s worker: "threads", "workers" ("스레드", "작업자").
  static func pluralName(_ pool: any TaskPool) -> String {
    Catalog.text(pool.kind == "thread" ? "demo.pool.threads" : "demo.pool.workers")
  }

  static func task(
    _ params: DemoParameters<PoolKeys>, argument: Int64, returns: PoolTask.Returns
  ) -> PoolTask {
    let work: PoolTask.Work =
      switch params.work {
      case .spin: .spin
      case .sleep: .sleep
      }
    return PoolTask(
      work: work, argument: argument,
      nanoseconds: Int64((params.duration * 1e9).rounded()), returns: returns)
  }

  // MARK: schedule

  /// The GIL tutorial: `Pool(3).map(f, range(10))` where `f` sleeps a second and returns `x * x`.
  static func schedule(_ params: DemoParameters<PoolKeys>, _ context: DemoContext) throws {
    let workers = params.workers == 0 ? 3 : params.workers
    let count = params.tasks == 0 ? 10 : params.tasks
    let duration = params.duration
    let chunksize = params.chunksize
    let ideal = PoolSchedule.idealDurations(tasks: count, workers: workers, chunksize: chunksize)
    let rounds = PoolSchedule.rounds(tasks: count, workers: workers)
    if Double(ideal) * duration > 60 {
      throw DemoError(
        Catalog.text(
          "demo.error.poolTooLong",
          [
            "count": "\(count)", "duration": DemoText.duration(duration), "workers": "\(workers)",
            "total": DemoText.duration(Double(ideal) * duration),
          ]))
    }
    let kind = params.pool
    context.heading(
      Catalog.text(
        params.work == .spin ? "demo.pool.heading.spin" : "demo.pool.heading.sleep",
        [
          "pool": Catalog.text(
            kind == .thread ? "demo.pool.name.thread" : "demo.pool.name.process"),
          "workers": String(workers), "count": String(count),
          "chunk": chunksize > 1 ? ", chunksize=\(chunksize)" : "",
          "duration": DemoText.duration(duration),
        ]))
    let started = MonotonicClock.seconds()
    let pool = try makePool(kind, size: workers, maxChunk: chunksize, context)
    let startup = MonotonicClock.seconds() - started
    let (workerName, pidName) = names(pool)
    let workerNames = pluralName(pool)
    let tasks = (0..<count).map { task(params, argument: Int64($0), returns: .square) }
    let origin = MonotonicClock.seconds()
    let outcomes = try pool.map(tasks, chunksize: chunksize)
    let total = MonotonicClock.seconds() - origin
    pool.close()
    let firstID = outcomes.first?.id ?? 0

    context.figure(
      .timeline(
        PoolSchedule.timeline(
          outcomes, title: Catalog.text("demo.pool.schedule.timeline", ["worker": workerName]),
          workers: workers,
          workerName: workerName, pidName: pidName, start: origin, end: origin + total
        ) { String($0.id - firstID) }))
    let idealSeconds = Double(ideal) * duration
    context.table(
      PoolSchedule.table(
        outcomes, title: Catalog.text("demo.pool.schedule.title"), workerName: workerName,
        pidName: pidName,
        origin: origin, argument: { Int64($0 - firstID) },
        footer: [
          Catalog.text(
            "demo.pool.schedule.returned",
            [
              "values": outcomes.map { String($0.value) }.joined(separator: ", "),
              "total": DemoText.duration(total),
            ]),
          context.environment.summaryLine,
        ]))
    let overhead = total - idealSeconds
    let figures = [
      "count": String(count), "workers": String(workers), "worker": workerName,
      "workerNames": workerNames, "rounds": String(rounds), "chunksize": String(chunksize),
      "ideal": String(ideal), "duration": DemoText.duration(duration),
      "best": DemoText.duration(idealSeconds), "total": DemoText.duration(total),
      "durations": Units.significant(total / duration),
      "overhead": DemoText.duration(max(0, overhead)), "startup": DemoText.duration(startup),
      "usable": String(context.environment.usableCPUs),
    ]
    context.note(
      Catalog.text(
        chunksize == 1 ? "demo.pool.schedule.rounds" : "demo.pool.schedule.chunks", figures))
    context.note(Catalog.text("demo.pool.schedule.startup", figures))
    if params.work == .spin && workers > context.environment.usableCPUs {
      context.note(Catalog.text("demo.pool.schedule.spin", figures))
    }
    if duration != 1 || count != 10 || workers != 3 {
      context.note(Catalog.text("demo.pool.schedule.recorded"))
    }
    scheduleMetrics(
      context, outcomes: outcomes, origin: origin, pool: pool.kind,
      figures: (total, duration, chunksize == 1 ? rounds : ideal, idealSeconds, overhead, startup),
      sizes: (workers, count, chunksize))
    if params.python {
      try PoolPython.schedule(
        params, context, outcomes: outcomes, origin: origin, total: total, workers: workers,
        count: count, chunksize: chunksize, threads: kind == .thread)
    }
  }

  // MARK: apply

  /// The pool tutorial: four one-second tasks with `apply` (one at a time) and with `apply_async`.
  static func apply(_ params: DemoParameters<PoolKeys>, _ context: DemoContext) throws {
    let workers = params.workers == 0 ? 4 : params.workers
    let count = params.tasks == 0 ? 4 : params.tasks
    let duration = params.duration
    if Double(count) * duration > 60 {
      throw DemoError(
        Catalog.text(
          "demo.error.applyTooLong",
          [
            "count": "\(count)", "duration": DemoText.duration(duration),
            "total": DemoText.duration(Double(count) * duration),
          ]))
    }
    let kind = params.pool
    context.heading(
      Catalog.plural(
        "demo.pool.apply.heading", count: count,
        [
          "count": String(count), "duration": DemoText.duration(duration),
          "kind": Catalog.text(
            kind == .thread ? "demo.pool.kind.thread" : "demo.pool.kind.process"),
          "workers": String(workers),
        ]))
    let pool = try makePool(kind, size: workers, context)
    let (workerName, pidName) = names(pool)
    let workerNames = pluralName(pool)

    // apply: each call waits for its task, so the next is not even sent before.
    let applyArguments = (1...count).reversed().map { Int64($0) }
    let applyStart = MonotonicClock.seconds()
    var applied: [TaskOutcome] = []
    for argument in applyArguments {
      applied.append(try pool.apply(task(params, argument: argument, returns: .double)))
    }
    let applySeconds = MonotonicClock.seconds() - applyStart

    // apply_async: send all, then collect the futures in the order they were made.
    let asyncArguments = (0..<count).map { Int64($0) }
    let asyncStart = MonotonicClock.seconds()
    let futures = try asyncArguments.map {
      try pool.applyAsync(task(params, argument: $0, returns: .double))
    }
    let sentSeconds = MonotonicClock.seconds() - asyncStart
    let collected = try futures.map { try $0.get() }
    let asyncSeconds = MonotonicClock.seconds() - asyncStart
    pool.close()

    let oneAtATime = zip(applied, applied.dropFirst()).allSatisfy { $0.end <= $1.start }
    let concurrent = PoolSchedule.maxConcurrent(collected)
    context.table(
      applyTable(
        [
          ("apply", applied, applyArguments, applyStart),
          ("apply_async", collected, asyncArguments, asyncStart),
        ],
        footer: Catalog.text(
          "demo.pool.apply.footer",
          [
            "apply": DemoText.duration(applySeconds), "async": DemoText.duration(asyncSeconds),
            "count": String(count), "sent": DemoText.duration(sentSeconds),
          ]),
        pidName: pidName, context: context))
    // The same time axis for both, so their lengths compare.
    let span = max(applySeconds, asyncSeconds)
    for (title, outcomes, origin, end) in [
      (Catalog.text("demo.pool.apply.timeline.apply"), applied, applyStart, applyStart + span),
      (
        Catalog.text("demo.pool.apply.timeline.async"), collected, asyncStart,
        asyncStart + span
      ),
    ] {
      context.figure(
        .timeline(
          PoolSchedule.timeline(
            outcomes, title: title, workers: workers, workerName: workerName, pidName: pidName,
            start: origin, end: end
          ) { "n=\($0.value / 2)" }))
    }
    applyNotes(
      context, count: count, workers: workers, workerNames: workerNames,
      seconds: (applySeconds, asyncSeconds, duration), oneAtATime: oneAtATime,
      concurrent: concurrent)
    applyMetrics(
      context, applied: applied, collected: collected,
      seconds: (applySeconds, asyncSeconds, duration), oneAtATime: oneAtATime,
      concurrent: concurrent, workers: workers)
    if params.python && kind == .process {
      try PoolPython.apply(
        params, context, workers: workers, count: count,
        swift: (
          applySeconds, asyncSeconds, PoolSchedule.maxConcurrent(applied), concurrent,
          applied.map(\.value), collected.map(\.value)
        ))
    }
  }

  // MARK: overhead

  /// What a pool costs per task, measured with tasks that do nothing.
  static func overhead(_ params: DemoParameters<PoolKeys>, _ context: DemoContext) throws {
    let environment = context.environment
    let workers =
      params.workers == 0 ? max(2, environment.usableCPUs) : params.workers
    context.heading(Catalog.plural("demo.pool.overhead.heading", count: workers))
    let empty = PoolTask(work: .nothing, argument: 3)
    let chunk = PoolWire.maxChunk
    var results: [(key: String, result: TimingResult)] = []
    func measure(_ key: String, _ label: String, _ body: (Int) throws -> Void) throws {
      try context.checkStop()
      context.progress(Double(results.count) / 7, label)
      var failure: (any Error)?
      let result = TimeIt.measureLoops(
        label, targetRunSeconds: 0.02, runs: 5, maxLoops: 1_000_000, maxTotalSeconds: 0.3
      ) { loops in
        guard failure == nil else { return }
        do { try body(loops) } catch { failure = error }
      }
      if let failure { throw failure }
      results.append((key, result))
      context.metric("overhead.\(key)_seconds", JSONValue(result.stats.median))
    }

    try measure("call", Catalog.text("demo.pool.overhead.call")) { loops in
      for _ in 0..<loops { blackHole(empty.perform()) }
    }
    try measure("thread_spawn", Catalog.text("demo.pool.overhead.threadSpawn")) { loops in
      for _ in 0..<loops {
        let thread = try Thread { blackHole(empty.perform()) }
        thread.join()
      }
    }
    let threads = try makePool(.thread, size: workers, context)
    try measure("thread_pool", Catalog.text("demo.pool.overhead.threadPool")) { loops in
      blackHole(try threads.map(Array(repeating: empty, count: loops), chunksize: 1))
    }
    threads.close()
    try measure("process_spawn", Catalog.text("demo.pool.overhead.processSpawn")) { loops in
      for _ in 0..<loops {
        let child = try Workers.spawn("exit-with", ["0"])
        try child.wait()
      }
    }
    // Messages are as large as a pool's largest chunk, so chunksize=1 gets a pool of its own.
    let single = try makePool(.process, size: workers, context)
    try measure("process_pool", Catalog.text("demo.pool.overhead.processPool")) { loops in
      blackHole(try single.map(Array(repeating: empty, count: loops), chunksize: 1))
    }
    single.close()
    let processes = try makePool(.process, size: workers, maxChunk: chunk, context)
    try measure(
      "process_pool_chunked",
      Catalog.text("demo.pool.overhead.processPoolChunked", ["chunk": String(chunk)])
    ) { loops in
      blackHole(try processes.map(Array(repeating: empty, count: loops), chunksize: chunk))
    }
    processes.close()

    var python: TimingResult?
    if params.python, let result = try pythonOverhead(workers: workers, context) {
      python = result
      results.append(("python_pool", result))
    }
    context.progress(1, Catalog.text("demo.progress.done"))
    context.table(
      TimingTable.make(
        title: Catalog.text("demo.pool.overhead.title"), results: results.map(\.result),
        environment: environment))
    let byKey = Dictionary(results.map { ($0.key, $0.result.stats.median) }) { a, _ in a }
    overheadNotes(byKey, python: python, chunk: chunk, context)
    context.metric("overhead.workers", JSONValue(workers))
  }
}
