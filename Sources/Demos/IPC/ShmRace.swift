import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// `shm-race`: several processes add to one counter in POSIX shared memory, with and without
/// synchronisation (the IPC tutorial's SharedMemory + Semaphore assignment, measured live).
enum ShmRace {
  /// The `sync=` variants: how each worker's increments are synchronised.
  enum Sync: String, ParameterChoice {
    case none, semaphore, mutex, atomic, local
  }

  /// Where things live in the shared region. Hot words get a cache line each.
  enum Layout {
    static let counter = 0
    static let attached = 64
    static let start = 128
    static let semaphore = 192  // sem_t, 32 bytes
    static let mutex = 256  // pthread_mutex_t, 40 bytes
    static let times = 512  // per worker: start ns, end ns
    static let size = 4096
    static let maxProcesses = (size - times) / 16
  }

  static let definition = DemoDefinition(
    name: "shm-race",
    summary:
      "processes add to one counter in shared memory: lost updates, and five ways to fix them",
    lesson: "shared-memory", metrics: IPCMetrics.shmRace,
    parameters: Keys.self, timeBudget: 600, run: run)

  struct Keys: ParameterSet {
    let processes = IntParameter(
      "processes", default: 2, range: 1...64,
      help: "worker processes, each adding to the shared counter")
    let increments = IntParameter(
      "increments", default: 1_000_000, range: 1...50_000_000,
      help: "additions per process (the IPC tutorial: 50000000)")
    let sync = EnumListParameter<Sync>("sync", help: "how the increments are synchronised")
    let repeats = IntParameter(
      "repeat", default: 1, range: 1...200,
      help: "runs of each variant; above 1 a histogram of lost updates is shown")
    let python = FlagParameter(
      "python", default: true,
      help:
        "also run the IPC tutorial's assignment in CPython (lessons/python/ipc-tutorial/shm_assignment.py, needs numpy)"
    )
  }

  /// One run's outcome.
  struct Outcome {
    var final: Int64
    var seconds: Double
    /// From creating the shared memory to the last worker reaped: the span the IPC tutorial timed.
    var spanSeconds: Double = 0
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let processes = params.processes
    let increments = params.increments
    let repeats = params.repeats
    let syncs = params.sync
    let expected = Int64(processes) * Int64(increments)

    let counts = ["processes": String(processes), "increments": Units.count(increments)]
    context.heading(Catalog.text("demo.shmRace.heading", counts))
    context.note(Catalog.text("demo.shmRace.workers"))

    let results = try runAll(
      syncs: syncs, repeats: repeats, processes: processes, increments: increments,
      context: context)

    // The table: one row per variant.
    let variants = variantRows(results: results, expected: expected, context: context)
    var rows = variants.rows
    let fastest = variants.fastest
    var footer: [String] = []
    if params.python {
      let (pythonRows, pythonFooter) = try ShmPython.rows(
        increments: increments, race: syncs.contains(.none), fastest: fastest, context: context)
      rows += pythonRows
      footer += pythonFooter
    }
    footer += [
      Catalog.text(
        repeats > 1 ? "demo.shmRace.footer.median" : "demo.shmRace.footer",
        ["repeats": String(repeats), "expected": Units.count(Int(expected))]),
      context.environment.summaryLine,
    ]
    footer += context.environment.warnings
    context.table(
      Table(
        title: Catalog.text("demo.shmRace.title", counts),
        columns: [
          .init("sync", align: .left), .init("final", align: .right),
          .init(Catalog.text("demo.shmRace.column.expected"), align: .right),
          .init("lost", align: .right),
          .init(Catalog.text("demo.queue.column.seconds"), align: .right),
          .init("ns/increment", align: .right), .init("relative", align: .right),
        ],
        rows: rows, footer: footer))

    if repeats > 1 {
      for r in results {
        let lost = r.runs.map { Double(expected - $0.final) }
        let raced = lost.filter { $0 != 0 }.count
        let histogram = Histogram(
          title: Catalog.text(
            "demo.shmRace.histogram",
            ["sync": label(r.sync), "raced": String(raced), "repeats": String(repeats)]),
          samples: lost, bucketCount: 8, format: { Units.count(Int($0.rounded())) })
        context.figure(.histogram(histogram))
      }
    }
    explain(results: results, expected: expected, processes: processes, context: context)
  }

  /// Every run of every variant, `repeats` runs each, with progress.
  static func runAll(
    syncs: [Sync], repeats: Int, processes: Int, increments: Int, context: DemoContext
  ) throws -> [(sync: Sync, runs: [Outcome])] {
    var results: [(sync: Sync, runs: [Outcome])] = []
    let totalRuns = syncs.count * repeats
    var done = 0
    var shownName = false
    for sync in syncs {
      var runs: [Outcome] = []
      for _ in 0..<repeats {
        context.progress(Double(done) / Double(totalRuns), "sync=\(sync)")
        let (outcome, name) = try runOnce(
          sync: sync, processes: processes, increments: increments, context: context)
        if !shownName {
          shownName = true
          context.note(
            Catalog.text(
              "demo.shmRace.lives",
              [
                "name": name, "size": Units.bytes(Layout.size), "processes": String(processes),
              ]))
        }
        runs.append(outcome)
        done += 1
      }
      results.append((sync, runs))
    }
    context.progress(1, Catalog.text("demo.progress.done"))
    return results
  }

  /// The table's row for each variant, and its metrics; also the fastest median.
  static func variantRows(
    results: [(sync: Sync, runs: [Outcome])], expected: Int64, context: DemoContext
  ) -> (rows: [[String]], fastest: Double) {
    let medians = results.map { Stats($0.runs.map(\.seconds)).median }
    let fastest = medians.filter { $0 > 0 }.min() ?? 1
    var rows: [[String]] = []
    for (i, r) in results.enumerated() {
      let finals = r.runs.map(\.final)
      let low = finals.min() ?? 0
      let high = finals.max() ?? 0
      let seconds = medians[i]
      let nsPer = seconds * 1e9 / Double(max(1, expected))
      let lostLow = expected - high
      let lostHigh = expected - low
      rows.append([
        r.sync.rawValue,
        low == high ? Units.count(Int(low)) : "\(Units.count(Int(low)))…\(Units.count(Int(high)))",
        Units.count(Int(expected)),
        lostLow == lostHigh
          ? Units.count(Int(lostHigh))
          : "\(Units.count(Int(lostLow)))…\(Units.count(Int(lostHigh)))",
        Units.duration(seconds, language: Catalog.language),
        Units.significant(nsPer),
        seconds <= fastest * 1.0005
          ? Catalog.text("demo.timing.fastest") : Units.ratio(seconds / fastest),
      ])
      let key = r.sync.rawValue
      context.metric("\(key).final", JSONValue(Double(low)))
      context.metric("\(key).max_final", JSONValue(Double(high)))
      context.metric("\(key).expected", JSONValue(Double(expected)))
      context.metric("\(key).lost", JSONValue(Double(lostHigh)))
      context.metric("\(key).seconds", JSONValue(seconds))
      context.metric(
        "\(key).span_seconds", JSONValue(Stats(results[i].runs.map(\.spanSeconds)).median))
      context.metric("\(key).ns_per_increment", JSONValue(nsPer))
      context.metric("\(key).runs", JSONValue(Double(r.runs.count)))
      context.metric(
        "\(key).exact_runs", JSONValue(Double(finals.filter { $0 == expected }.count)))
      context.metric(
        "\(key).race_runs", JSONValue(Double(finals.filter { $0 != expected }.count)))
    }
    return (rows, fastest)
  }

  static func label(_ sync: Sync) -> String {
    switch sync {
    case .none: Catalog.text("demo.shmRace.sync.none")
    case .semaphore: Catalog.text("demo.shmRace.sync.semaphore")
    case .mutex: Catalog.text("demo.shmRace.sync.mutex")
    case .atomic: Catalog.text("demo.shmRace.sync.atomic")
    case .local: Catalog.text("demo.shmRace.sync.local")
    }
  }

  static func explain(
    results: [(sync: Sync, runs: [Outcome])], expected: Int64, processes: Int,
    context: DemoContext
  ) {
    func median(_ sync: Sync) -> Double? {
      results.first { $0.sync == sync }.map { Stats($0.runs.map(\.seconds)).median }
    }
    if let none = results.first(where: { $0.sync == .none }) {
      let worst = none.runs.map(\.final).min() ?? expected
      let lost = expected - worst
      if processes == 1 {
        context.note(Catalog.text("demo.shmRace.oneProcess"))
      } else if lost > 0 {
        context.note(
          Catalog.text(
            "demo.shmRace.lost",
            [
              "lost": Units.count(Int(lost)), "expected": Units.count(Int(expected)),
              "percent": Units.percent(Double(lost) / Double(expected)),
            ]))
      } else {
        context.note(Catalog.text("demo.shmRace.noLoss"))
      }
    }
    if let sem = median(.semaphore), let atomic = median(.atomic), atomic > 0 {
      context.note(
        Catalog.text(
          "demo.shmRace.semaphoreCost",
          [
            "ns": Units.significant(sem * 1e9 / Double(expected)),
            "ratio": Units.ratio(sem / atomic),
          ]))
    }
    if let local = median(.local), let sem = median(.semaphore), local > 0 {
      context.note(
        Catalog.text(
          "demo.shmRace.local",
          [
            "processes": String(processes), "expected": Units.count(Int(expected)),
            "ratio": Units.ratio(sem / local),
          ]))
    }
  }

  /// One run of one variant: create the region, start the workers, let them go, collect.
  static func runOnce(
    sync: Sync, processes: Int, increments: Int, context: DemoContext
  ) throws -> (Outcome, String) {
    try context.checkStop()
    let began = MonotonicClock.seconds()
    let memory = try SharedMemory.create("race", size: Layout.size)
    defer { memory.unlink() }
    context.onCleanup { memory.unlink() }
    let semaphore = try SharedSemaphore.initialize(
      at: memory.pointer(at: Layout.semaphore, as: sem_t.self), value: 1)
    defer { sem_destroy(semaphore.pointer) }
    let mutex = memory.pointer(at: Layout.mutex, as: pthread_mutex_t.self)
    try check("initialising a process-shared mutex", pl_mutex_init_shared(mutex, false, false))
    defer { pthread_mutex_destroy(mutex) }

    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    for index in 0..<processes {
      try workers.spawn("shm-add", [memory.name, sync.rawValue, String(increments), String(index)])
    }
    let attached = IPC.cell(memory, Layout.attached)
    try workers.wait(
      until: Catalog.text("demo.wait.countAttach", ["count": String(processes)]),
      timeout: 30 + Double(processes), context: context
    ) { pl_atomic_load(attached) >= Int64(processes) }
    memory.unlink()
    pl_atomic_store(IPC.cell(memory, Layout.start), 1)
    try workers.waitForAll(context: context)

    let final = pl_atomic_load(IPC.cell(memory, Layout.counter))
    var first = Int64.max
    var last = Int64.min
    for i in 0..<processes {
      first = min(first, pl_atomic_load(IPC.cell(memory, Layout.times + 16 * i)))
      last = max(last, pl_atomic_load(IPC.cell(memory, Layout.times + 16 * i + 8)))
    }
    return (
      Outcome(
        final: final, seconds: Double(max(0, last - first)) / 1e9,
        spanSeconds: MonotonicClock.seconds() - began),
      memory.name
    )
  }

  /// `proclab worker shm-add <shm name> <sync> <increments> <index>`: attach by name, say so,
  /// wait at the start line, add, record start and end times.
  static let worker: Workers.Role = { args in
    guard args.count == 4, let sync = Sync(rawValue: args[1]),
      let increments: Int64 = IPC.argument(args, 2), let index: Int = IPC.argument(args, 3),
      index >= 0, index < Layout.maxProcesses
    else { return IPC.fail("usage: shm-add <shm name> <sync> <increments> <index>") }
    let memory: SharedMemory
    do {
      memory = try SharedMemory.attach(args[0], size: Layout.size)
    } catch {
      return IPC.fail("\(error)")
    }
    let counter = IPC.cell(memory, Layout.counter)
    let semaphore = memory.pointer(at: Layout.semaphore, as: sem_t.self)
    let mutex = memory.pointer(at: Layout.mutex, as: pthread_mutex_t.self)
    pl_atomic_add(IPC.cell(memory, Layout.attached), 1)
    guard pl_spin_until_set(IPC.cell(memory, Layout.start), 60_000_000_000) == 1 else {
      return IPC.fail("no start signal within 60 s")
    }
    let started = IPC.now()
    var rc: Int32 = 0
    switch sync {
    case .none: pl_racy_add(counter, increments)
    case .semaphore: rc = pl_semaphore_add(semaphore, counter, increments)
    case .mutex: rc = pl_mutex_add(mutex, counter, increments)
    case .atomic: pl_atomic_add_times(counter, increments)
    case .local:
      // The IPC tutorial's assignment: count privately, then one addition under the semaphore.
      let total = pl_local_count(increments)
      rc = pl_semaphore_add_amount(semaphore, counter, total)
    }
    let ended = IPC.now()
    pl_atomic_store(IPC.cell(memory, Layout.times + 16 * index), started)
    pl_atomic_store(IPC.cell(memory, Layout.times + 16 * index + 8), ended)
    return rc == 0 ? 0 : IPC.fail("\(sync) add failed with \(IPC.errnoName(rc == -1 ? errno : rc))")
  }
}
