import DemoContract
import Glibc
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

  static func names(_ pool: any TaskPool) -> (worker: String, pid: String) {
    pool.kind == "thread" ? ("thread", "tid") : ("worker", "pid")
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
        "\(count) tasks of \(Units.duration(duration)) on \(workers) workers would take at least \(Units.duration(Double(ideal) * duration)); use fewer tasks, more workers or a shorter duration"
      )
    }
    let kind = params.pool
    context.heading(
      "\(kind == .thread ? "Thread pool" : "Pool")(\(workers)).map(f, range(\(count))\(chunksize > 1 ? ", chunksize=\(chunksize)" : "")): each f(x) \(params.work == .spin ? "keeps a CPU busy" : "sleeps") \(Units.duration(duration)) and returns x * x"
    )
    let started = MonotonicClock.seconds()
    let pool = try makePool(kind, size: workers, maxChunk: chunksize, context)
    let startup = MonotonicClock.seconds() - started
    let (workerName, pidName) = names(pool)
    let tasks = (0..<count).map { task(params, argument: Int64($0), returns: .square) }
    let origin = MonotonicClock.seconds()
    let outcomes = try pool.map(tasks, chunksize: chunksize)
    let total = MonotonicClock.seconds() - origin
    pool.close()
    let firstID = outcomes.first?.id ?? 0

    context.figure(
      .timeline(
        PoolSchedule.timeline(
          outcomes, title: "Which \(workerName) ran which value, and when", workers: workers,
          workerName: workerName, pidName: pidName, start: origin, end: origin + total
        ) { String($0.id - firstID) }))
    let idealSeconds = Double(ideal) * duration
    context.table(
      PoolSchedule.table(
        outcomes, title: "The GIL tutorial's table, measured", workerName: workerName,
        pidName: pidName,
        origin: origin, argument: { Int64($0 - firstID) },
        footer: [
          "map returned \(outcomes.map { String($0.value) }.joined(separator: ", ")) in \(Units.duration(total)).",
          context.environment.summaryLine,
        ]))
    let overhead = total - idealSeconds
    let chunkText =
      chunksize == 1
      ? "\(count) tasks on \(workers) \(workerName)s need ⌈\(count) ÷ \(workers)⌉ = \(rounds) rounds"
      : "\(count) tasks in chunks of \(chunksize) on \(workers) \(workerName)s need \(ideal) task durations (the busiest \(workerName)'s chunks)"
    context.note(
      "\(chunkText) of \(Units.duration(duration)): \(Units.duration(idealSeconds)) at best. Measured: \(Units.duration(total)), that is \(Units.significant(total / duration)) task durations; the other \(Units.duration(max(0, overhead))) went on handing out tasks, waking \(workerName)s and collecting results."
    )
    context.note(
      "Starting the \(workers) \(workerName)s took \(Units.duration(startup)) before map was called; a pool pays that once and then reuses them."
    )
    if params.work == .spin && workers > context.environment.usableCPUs {
      context.note(
        "These tasks keep a CPU busy, and there are more \(workerName)s (\(workers)) than usable CPUs (\(context.environment.usableCPUs)): they take turns on the CPUs, so each task took longer than \(Units.duration(duration)) of wall time."
      )
    }
    let seedFootnote =
      "The GIL tutorial recorded 4 s for 10 one-second tasks on Pool(3) (CPython, not measured here); run pool duration=1 for the same tasks."
    if duration != 1 || count != 10 || workers != 3 { context.note(seedFootnote) }
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
        "\(count) tasks of \(Units.duration(duration)) one at a time would take \(Units.duration(Double(count) * duration)); use fewer tasks or a shorter duration"
      )
    }
    let kind = params.pool
    context.heading(
      "apply versus apply_async: \(count) tasks of \(Units.duration(duration)) on a \(kind.rawValue) pool of \(workers)"
    )
    let pool = try makePool(kind, size: workers, context)
    let (workerName, pidName) = names(pool)

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
        footer:
          "apply: \(Units.duration(applySeconds)) in all; apply_async: \(Units.duration(asyncSeconds)) in all (all \(count) sent within \(Units.duration(sentSeconds))).",
        pidName: pidName, context: context))
    // The same time axis for both, so their lengths compare.
    let span = max(applySeconds, asyncSeconds)
    for (title, outcomes, origin, end) in [
      ("apply: one task at a time", applied, applyStart, applyStart + span),
      ("apply_async: every task sent at once", collected, asyncStart, asyncStart + span),
    ] {
      context.figure(
        .timeline(
          PoolSchedule.timeline(
            outcomes, title: title, workers: workers, workerName: workerName, pidName: pidName,
            start: origin, end: end
          ) { "n=\($0.value / 2)" }))
    }
    applyNotes(
      context, count: count, workers: workers, workerName: workerName,
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
    context.heading("The cost of a task itself: tasks that do nothing, \(workers) workers")
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

    try measure("call", "a plain function call (no pool)") { loops in
      for _ in 0..<loops { blackHole(empty.perform()) }
    }
    try measure("thread_spawn", "a new thread per task (start + join)") { loops in
      for _ in 0..<loops {
        let thread = try Thread { blackHole(empty.perform()) }
        thread.join()
      }
    }
    let threads = try makePool(.thread, size: workers, context)
    try measure("thread_pool", "thread pool map, chunksize=1") { loops in
      blackHole(try threads.map(Array(repeating: empty, count: loops), chunksize: 1))
    }
    threads.close()
    try measure("process_spawn", "a new process per task (spawn + wait)") { loops in
      for _ in 0..<loops {
        let child = try Workers.spawn("exit-with", ["0"])
        try child.wait()
      }
    }
    // Messages are as large as a pool's largest chunk, so chunksize=1 gets a pool of its own.
    let single = try makePool(.process, size: workers, context)
    try measure("process_pool", "process pool map, chunksize=1") { loops in
      blackHole(try single.map(Array(repeating: empty, count: loops), chunksize: 1))
    }
    single.close()
    let processes = try makePool(.process, size: workers, maxChunk: chunk, context)
    try measure("process_pool_chunked", "process pool map, chunksize=\(chunk)") { loops in
      blackHole(try processes.map(Array(repeating: empty, count: loops), chunksize: chunk))
    }
    processes.close()

    var python: TimingResult?
    if params.python, let result = try pythonOverhead(workers: workers, context) {
      python = result
      results.append(("python_pool", result))
    }
    context.progress(1, "done")
    context.table(
      TimingTable.make(
        title: "Time per task, fastest first", results: results.map(\.result),
        environment: environment))
    let byKey = Dictionary(results.map { ($0.key, $0.result.stats.median) }) { a, _ in a }
    overheadNotes(byKey, python: python, chunk: chunk, context)
    context.metric("overhead.workers", JSONValue(workers))
  }
}
