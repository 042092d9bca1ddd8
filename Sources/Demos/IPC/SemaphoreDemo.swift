import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// `semaphore`: a counting semaphore in shared memory lets at most `limit` of `workers`
/// processes in at a time; acquire with a timeout; releasing past the initial value.
enum SemaphoreDemo {
  enum Layout {
    static let semaphore = 0  // sem_t
    static let attached = 64
    static let start = 72
    static let inside = 80
    static let maxInside = 88
    static let times = 128  // per worker: asked, entered, left (ns)
    static let maxWorkers = 32
    static let size = times + maxWorkers * 24
  }

  static let definition = DemoDefinition(
    name: "semaphore",
    summary: "a counting semaphore lets limit= of workers= processes in at a time",
    lesson: "mutex-vs-semaphore", metrics: IPCMetrics.semaphore,
    parameters: Keys.self, timeBudget: 120, run: run)

  struct Keys: ParameterSet {
    let workers = IntParameter(
      "workers", default: 6, range: 1...Layout.maxWorkers, help: "worker processes that want in")
    let limit = IntParameter(
      "limit", default: 2, range: 1...16,
      help: "the semaphore's initial value: how many may be inside at once")
    let hold = DecimalParameter(
      "hold", default: 0.15, range: 0.005...2, help: "seconds each worker stays inside")
    let timeout = DecimalParameter(
      "timeout", default: 0.2, range: 0.01...5,
      help: "seconds acquire(timeout=…) waits on a semaphore at 0")
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let count = params.workers
    let limit = params.limit
    let hold = params.hold
    let language = Catalog.language
    let duration = { (seconds: Double) in Units.duration(seconds, language: language) }
    context.heading(
      Catalog.text("demo.semaphore.heading", ["count": String(count), "limit": String(limit)]))

    let memory = try SharedMemory.create("semaphore", size: Layout.size)
    defer { memory.unlink() }
    context.onCleanup { memory.unlink() }
    let sem = try SharedSemaphore.initialize(
      at: memory.pointer(at: Layout.semaphore, as: sem_t.self), value: UInt32(limit))
    defer { sem_destroy(sem.pointer) }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    var pids: [Int32] = []
    for i in 0..<count {
      pids.append(
        try workers.spawn("sem-holder", [memory.name, String(i), String(Int(hold * 1e6))]).pid)
    }
    try workers.wait(
      until: Catalog.text("demo.wait.workersAttach"), timeout: 30, context: context
    ) {
      pl_atomic_load(IPC.cell(memory, Layout.attached)) >= Int64(count)
    }
    memory.unlink()
    pl_atomic_store(IPC.cell(memory, Layout.start), 1)
    try workers.waitForAll(context: context, timeout: 60 + hold * Double(count))

    var lanes: [Timeline.Lane] = []
    var rows: [[String]] = []
    var events: [(Int64, Int)] = []
    var t0 = Int64.max
    for i in 0..<count { t0 = min(t0, pl_atomic_load(IPC.cell(memory, Layout.times + 24 * i))) }
    for i in 0..<count {
      let asked = pl_atomic_load(IPC.cell(memory, Layout.times + 24 * i))
      let entered = pl_atomic_load(IPC.cell(memory, Layout.times + 24 * i + 8))
      let left = pl_atomic_load(IPC.cell(memory, Layout.times + 24 * i + 16))
      events.append((entered, 1))
      events.append((left, -1))
      func s(_ t: Int64) -> Double { Double(t - t0) / 1e9 }
      lanes.append(
        Timeline.Lane(
          label: "pid \(pids[i])",
          spans: [Timeline.Span(start: s(entered), end: s(left), label: "w\(i + 1)")]))
      rows.append([
        "w\(i + 1)", String(pids[i]), duration(s(entered) - s(asked)),
        "\(duration(s(entered)))…\(duration(s(left)))",
      ])
    }
    // The most workers inside at once, from the recorded times (leaving sorts first on ties).
    var inside = 0
    var maxInside = 0
    for (_, delta) in events.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      inside += delta
      maxInside = max(maxInside, inside)
    }
    let counted = Int(pl_atomic_load(IPC.cell(memory, Layout.maxInside)))
    context.figure(
      .timeline(
        Timeline(
          title: Catalog.text("demo.semaphore.timeline"), lanes: lanes)))
    context.table(
      Table(
        title: Catalog.text("demo.semaphore.title"),
        columns: [
          .init(Catalog.text("demo.semaphore.column.worker")), .init("pid", align: .right),
          .init(Catalog.text("demo.semaphore.column.waited"), align: .right),
          .init(Catalog.text("demo.semaphore.column.inside"), align: .right),
        ],
        rows: rows,
        footer: [
          Catalog.text(
            "demo.semaphore.footer",
            ["max": String(maxInside), "limit": String(limit), "counted": String(counted)])
        ]))
    context.metric("workers", JSONValue(Double(count)))
    context.metric("limit", JSONValue(Double(limit)))
    context.metric("max_concurrent", JSONValue(Double(max(maxInside, counted))))
    context.note(
      Catalog.text(
        limit == 1 ? "demo.semaphore.note.single" : "demo.semaphore.note.several",
        [
          "limit": String(limit), "max": String(max(maxInside, counted)),
          "count": String(count),
        ]))

    try timeoutAndOverRelease(timeout: params.timeout, context: context)
  }

  static func timeoutAndOverRelease(timeout: Double, context: DemoContext) throws {
    context.heading(Catalog.text("demo.semaphore.heading.timeout"))
    let duration = { (seconds: Double) in Units.duration(seconds, language: Catalog.language) }
    let memory = try SharedMemory.create("semaphore2", size: 64)
    memory.unlink()
    let sem = try SharedSemaphore.initialize(
      at: memory.pointer(at: 0, as: sem_t.self), value: 0)
    defer { sem_destroy(sem.pointer) }
    let t0 = MonotonicClock.seconds()
    let acquired = try sem.acquire(timeout: timeout)
    let waited = MonotonicClock.seconds() - t0
    var rows: [[String]] = [
      [
        Catalog.text("demo.semaphore.acquireTimeout", ["timeout": String(timeout)]),
        acquired ? "True" : "False",
        Catalog.text("demo.semaphore.waited", ["waited": duration(waited)]),
      ]
    ]
    try sem.release()
    let afterFirst = sem.value
    rows.append([
      "release()", Catalog.text("demo.semaphore.value", ["value": String(afterFirst)]),
      Catalog.text("demo.semaphore.initialZero"),
    ])
    try sem.release()
    try sem.release()
    let afterThree = sem.value
    rows.append([
      Catalog.text("demo.semaphore.releaseTwice"),
      Catalog.text("demo.semaphore.value", ["value": String(afterThree)]),
      Catalog.text("demo.semaphore.nothingAcquired"),
    ])
    var entered = 0
    while sem_trywait(sem.pointer) == 0 { entered += 1 }
    rows.append([
      Catalog.text("demo.semaphore.untilFails"),
      Catalog.text("demo.semaphore.succeeded", ["count": String(entered)]),
      Catalog.text("demo.semaphore.thenFalse"),
    ])
    context.table(
      Table(
        title: Catalog.text("demo.semaphore.valueZero.title"),
        columns: [
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.queue.column.result")),
          .init(Catalog.text("demo.semaphore.column.note")),
        ], rows: rows, footer: []))
    context.metric("timeout.acquired", .bool(acquired))
    context.metric("timeout.waited_seconds", JSONValue(waited))
    context.metric("over_release.value", JSONValue(Double(afterThree)))
    context.metric("over_release.entered", JSONValue(Double(entered)))
    context.note(
      Catalog.text(
        "demo.semaphore.timeout.note",
        ["waited": duration(waited), "entered": String(entered)]))
  }

  /// `sem-holder <shm> <index> <hold µs>`: waits at the start line, acquires, holds, releases.
  static let worker: Workers.Role = { args in
    guard args.count == 3, let index: Int = IPC.argument(args, 1), index >= 0,
      index < Layout.maxWorkers, let hold: UInt32 = IPC.argument(args, 2)
    else { return IPC.fail("usage: sem-holder <shm> <index> <hold µs>") }
    do {
      let memory = try SharedMemory.attach(args[0], size: Layout.size)
      let sem = SharedSemaphore(at: memory.pointer(at: Layout.semaphore, as: sem_t.self))
      pl_atomic_add(IPC.cell(memory, Layout.attached), 1)
      guard pl_spin_until_set(IPC.cell(memory, Layout.start), 60_000_000_000) == 1 else {
        return IPC.fail("no start")
      }
      let asked = IPC.now()
      try sem.acquire()
      let entered = IPC.now()
      let now = pl_atomic_add(IPC.cell(memory, Layout.inside), 1) + 1
      // Not atomic as a whole: a lost update only lowers this maximum, and the parent
      // recomputes it from the recorded times anyway.
      if now > pl_atomic_load(IPC.cell(memory, Layout.maxInside)) {
        pl_atomic_store(IPC.cell(memory, Layout.maxInside), now)
      }
      usleep(hold)
      pl_atomic_add(IPC.cell(memory, Layout.inside), -1)
      let left = IPC.now()
      try sem.release()
      pl_atomic_store(IPC.cell(memory, Layout.times + 24 * index), asked)
      pl_atomic_store(IPC.cell(memory, Layout.times + 24 * index + 8), entered)
      pl_atomic_store(IPC.cell(memory, Layout.times + 24 * index + 16), left)
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
