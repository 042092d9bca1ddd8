import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render
import Synchronization

/// `mutex`: mutex against semaphore, as the IPC tutorial contrasts them. A mutex has an owner (an
/// error-checking mutex refuses an unlock from anyone else, and a robust one tells the next
/// locker when its owner died); a semaphore has none (anyone may release it, even another
/// process); a semaphore of 1 still works as a lock.
enum MutexDemo {
  static let definition = DemoDefinition(
    name: "mutex",
    summary: "mutex vs semaphore: ownership, release by anyone, a binary semaphore as a lock",
    lesson: "mutex-vs-semaphore", metrics: IPCMetrics.mutex,
    parameters: Keys.self, timeBudget: 120, run: run)

  struct Keys: ParameterSet {
    let threads = IntParameter(
      "threads", default: 2, range: 1...16,
      help: "threads adding to one counter in the lock comparison")
    let increments = IntParameter(
      "increments", default: 200_000, range: 1...10_000_000,
      help: "additions per thread in the lock comparison")
  }

  /// A raw block of memory shared by the threads of this process.
  // @unchecked: the block is raw memory the comparison's threads share on purpose (they race
  // on it, or guard it with the lock being compared); the pointer itself never changes.
  final class Block: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    init(bytes: Int) {
      base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
      base.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    }
    deinit { base.deallocate() }
    func at<T>(_ offset: Int, _ type: T.Type) -> UnsafeMutablePointer<T> {
      (base + offset).assumingMemoryBound(to: T.self)
    }
  }

  /// Runs `body` on a new thread and waits for it; returns what it returned.
  static func onAnotherThread<T: Sendable>(_ body: @escaping @Sendable () -> T) throws -> (T, Int32)
  {
    let result = Mutex<(T, Int32)?>(nil)
    let thread = try Thread { result.withLock { $0 = (body(), Thread.currentID) } }
    thread.join()
    guard let value = result.withLock({ $0 }) else {
      throw DemoError(Catalog.text("demo.error.threadNothing"))
    }
    return value
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    try ownership(context: context)
    try releaseByAnyone(context: context)
    try robustOwnerDeath(context: context)
    try namedSemaphore(context: context)
    try binaryLock(
      threads: params.threads, increments: params.increments, context: context)
  }

  // MARK: A mutex has an owner

  static func ownership(context: DemoContext) throws {
    context.heading(Catalog.text("demo.mutex.heading.ownership"))
    let block = Block(bytes: 64)
    let m = block.at(0, pthread_mutex_t.self)
    try check("initialising an error-checking mutex", pl_mutex_init_errorcheck(m))
    defer { pthread_mutex_destroy(m) }
    let me = Thread.currentID
    var rows: [[String]] = []
    let lock = pthread_mutex_lock(m)
    let threadA = Catalog.text("demo.mutex.threadA", ["tid": String(me)])
    rows.append([threadA, "lock()", IPC.errnoName(lock)])
    let (foreignUnlock, other) = try onAnotherThread {
      pthread_mutex_unlock(block.at(0, pthread_mutex_t.self))
    }
    rows.append([
      Catalog.text("demo.mutex.threadB", ["tid": String(other)]),
      Catalog.text("demo.mutex.foreignUnlock"), IPC.errnoName(foreignUnlock),
    ])
    let relock = pthread_mutex_lock(m)
    rows.append([threadA, Catalog.text("demo.mutex.relock"), IPC.errnoName(relock)])
    let ownUnlock = pthread_mutex_unlock(m)
    rows.append([threadA, "unlock()", IPC.errnoName(ownUnlock)])
    context.table(
      Table(
        title: Catalog.text("demo.mutex.errorcheck.title"),
        columns: [
          .init(Catalog.text("demo.mutex.column.thread")),
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.queue.column.result")),
        ], rows: rows, footer: []))
    context.metric("errorcheck.lock", .string(IPC.errnoName(lock)))
    context.metric("errorcheck.unlock_by_other", .string(IPC.errnoName(foreignUnlock)))
    context.metric("errorcheck.relock_by_owner", .string(IPC.errnoName(relock)))
    context.metric("errorcheck.unlock_by_owner", .string(IPC.errnoName(ownUnlock)))
    context.note(
      Catalog.text(
        "demo.mutex.ownership.note",
        ["unlock": IPC.errnoName(foreignUnlock), "relock": IPC.errnoName(relock)]))
  }

  // MARK: A semaphore has none

  static func releaseByAnyone(context: DemoContext) throws {
    context.heading(Catalog.text("demo.mutex.heading.nobody"))
    let memory = try SharedMemory.create("signal", size: 64)
    defer { memory.unlink() }
    context.onCleanup { memory.unlink() }
    let sem = try SharedSemaphore.initialize(at: memory.pointer(at: 0, as: sem_t.self), value: 0)
    defer { sem_destroy(sem.pointer) }
    var rows: [[String]] = []

    // Another thread releases what this one waits for.
    let block = Block(bytes: 64)
    let local = try SharedSemaphore.initialize(at: block.at(0, sem_t.self), value: 0)
    defer { sem_destroy(local.pointer) }
    let (posted, other) = try onAnotherThread { sem_post(block.at(0, sem_t.self)) }
    let gotFromThread = try local.acquire(timeout: 1)
    rows.append([
      Catalog.text("demo.mutex.threadTid", ["tid": String(other)]), "release()",
      IPC.errnoName(posted),
    ])
    rows.append([
      Catalog.text("demo.mutex.threadTid", ["tid": String(Thread.currentID)]),
      "acquire(timeout=1)", gotFromThread ? "True" : "False",
    ])

    // Another process releases what this one waits for.
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let poster = try workers.spawn("sem-post", [memory.name])
    let gotFromProcess = try sem.acquire(timeout: 10)
    try workers.waitForAll(context: context)
    memory.unlink()
    rows.append([
      Catalog.text("demo.mutex.process", ["pid": String(poster.pid)]),
      Catalog.text("demo.mutex.releaseShared"), Catalog.text("demo.mutex.success"),
    ])
    rows.append([
      Catalog.text("demo.mutex.process", ["pid": String(getpid())]), "acquire(timeout=10)",
      gotFromProcess ? "True" : "False",
    ])
    context.table(
      Table(
        title: Catalog.text("demo.mutex.nobody.title"),
        columns: [
          .init(Catalog.text("demo.mutex.column.who")),
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.queue.column.result")),
        ], rows: rows, footer: []))
    context.metric("semaphore.released_by_other_thread", .bool(gotFromThread))
    context.metric("semaphore.released_by_other_process", .bool(gotFromProcess))
    context.note(Catalog.text("demo.mutex.nobody.note"))
  }

  // MARK: A robust mutex reports its owner's death

  static func robustOwnerDeath(context: DemoContext) throws {
    context.heading(Catalog.text("demo.mutex.heading.robust"))
    let memory = try SharedMemory.create("robust", size: 128)
    defer { memory.unlink() }
    context.onCleanup { memory.unlink() }
    let m = memory.pointer(at: 0, as: pthread_mutex_t.self)
    try check("initialising a robust mutex", pl_mutex_init_shared(m, false, true))
    defer { pthread_mutex_destroy(m) }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let holder = try workers.spawn("mutex-die-holding", [memory.name])
    try workers.waitForAll(context: context)
    memory.unlink()
    // A timed lock, so that a kernel without robust futexes cannot hang the demo.
    var deadline = timespec()
    clock_gettime(CLOCK_REALTIME, &deadline)
    deadline.tv_sec += 5
    let rc = pthread_mutex_timedlock(m, &deadline)
    var consistent: Int32 = -1
    if rc == EOWNERDEAD { consistent = pthread_mutex_consistent(m) }
    if rc == 0 || rc == EOWNERDEAD { pthread_mutex_unlock(m) }
    context.table(
      Table(
        title: Catalog.text("demo.mutex.robust.title"),
        columns: [
          .init(Catalog.text("demo.mutex.column.who")),
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.queue.column.result")),
        ],
        rows: [
          [
            Catalog.text("demo.mutex.process", ["pid": String(holder.pid)]),
            Catalog.text("demo.mutex.exitHolding"), Catalog.text("demo.mutex.exited"),
          ],
          [
            Catalog.text("demo.mutex.process", ["pid": String(getpid())]), "lock()",
            IPC.errnoName(rc),
          ],
          [
            Catalog.text("demo.mutex.process", ["pid": String(getpid())]),
            "pthread_mutex_consistent()",
            consistent == -1 ? Catalog.text("demo.mutex.notNeeded") : IPC.errnoName(consistent),
          ],
        ], footer: []))
    context.metric("robust.lock_after_owner_died", .string(IPC.errnoName(rc)))
    context.note(Catalog.text("demo.mutex.robust.note", ["rc": IPC.errnoName(rc)]))
  }

  // MARK: A named semaphore is a file

  static func namedSemaphore(context: DemoContext) throws {
    context.heading(Catalog.text("demo.mutex.heading.named"))
    let name = IPCNames.make("named")
    guard let sem = pl_sem_create_named(name, 1) else {
      throw SystemError("creating named semaphore \(name)")
    }
    context.onCleanup { sem_unlink(name) }
    let path = "/dev/shm/sem.\(name.dropFirst())"
    let existed = access(path, F_OK) == 0
    sem_close(sem)
    sem_unlink(name)
    let gone = access(path, F_OK) != 0
    context.table(
      Table(
        title: "sem_open(\"\(name)\", O_CREAT, 0600, 1)",
        columns: [.init(Catalog.text("demo.mutex.column.step")), .init("\(path)")],
        rows: [
          [
            Catalog.text("demo.mutex.afterOpen"),
            Catalog.text(existed ? "demo.mutex.exists" : "demo.mutex.missing"),
          ],
          [
            Catalog.text("demo.mutex.afterUnlink"),
            Catalog.text(gone ? "demo.mutex.gone" : "demo.mutex.stillThere"),
          ],
        ], footer: []))
    context.metric("named_semaphore.existed", .bool(existed))
    context.metric("named_semaphore.removed", .bool(gone))
    context.note(Catalog.text("demo.mutex.named.note"))
  }

  // MARK: A binary semaphore as a lock

  static func binaryLock(threads: Int, increments: Int, context: DemoContext) throws {
    context.heading(Catalog.text("demo.mutex.heading.binary"))
    let block = Block(bytes: 256)
    let counter = block.at(0, Int64.self)
    let sem = try SharedSemaphore.initialize(at: block.at(64, sem_t.self), value: 1)
    defer { sem_destroy(sem.pointer) }
    let m = block.at(128, pthread_mutex_t.self)
    try check("initialising a mutex", pthread_mutex_init(m, nil))
    defer { pthread_mutex_destroy(m) }
    let expected = Int64(threads) * Int64(increments)
    var rows: [[String]] = []
    var times: [String: Double] = [:]
    for lock in ["none", "binary semaphore", "mutex"] {
      try context.checkStop()
      counter.pointee = 0
      let go = block.at(192, Int64.self)
      pl_atomic_store(go, 0)
      var started: [Thread] = []
      for _ in 0..<threads {
        started.append(
          try Thread {
            let c = block.at(0, Int64.self)
            // A start line, so that the threads overlap rather than run one after another.
            _ = pl_spin_until_set(block.at(192, Int64.self), 10_000_000_000)
            switch lock {
            case "none": pl_racy_add(c, Int64(increments))
            case "mutex":
              _ = pl_mutex_add(block.at(128, pthread_mutex_t.self), c, Int64(increments))
            default: _ = pl_semaphore_add(block.at(64, sem_t.self), c, Int64(increments))
            }
          })
      }
      let t0 = MonotonicClock.seconds()
      pl_atomic_store(go, 1)
      for t in started { t.join() }
      let seconds = MonotonicClock.seconds() - t0
      let final = pl_atomic_load(counter)
      times[lock] = seconds
      rows.append([
        lock, Units.count(Int(final)), Units.count(Int(expected)),
        Units.count(Int(expected - final)),
        Units.duration(seconds, language: Catalog.language),
        Units.significant(seconds * 1e9 / Double(expected)),
      ])
      let key = lock == "binary semaphore" ? "binary_semaphore" : lock
      context.metric("\(key).final", JSONValue(Double(final)))
      context.metric("\(key).expected", JSONValue(Double(expected)))
      context.metric("\(key).ns_per_increment", JSONValue(seconds * 1e9 / Double(expected)))
    }
    context.table(
      Table(
        title: Catalog.text(
          "demo.mutex.binary.title",
          ["threads": String(threads), "increments": Units.count(increments)]),
        columns: [
          .init(Catalog.text("demo.mutex.column.lock")), .init("final", align: .right),
          .init(Catalog.text("demo.shmRace.column.expected"), align: .right),
          .init("lost", align: .right),
          .init(Catalog.text("demo.queue.column.seconds"), align: .right),
          .init("ns/increment", align: .right),
        ],
        rows: rows, footer: [context.environment.summaryLine] + context.environment.warnings))
    if let s = times["binary semaphore"], let m = times["mutex"], m > 0 {
      context.note(Catalog.text("demo.mutex.binary.note", ["ratio": Units.ratio(s / m)]))
    }
  }

  // MARK: Workers

  /// `sem-post <shm>`: releases the semaphore at the start of the region, then exits.
  static let postWorker: Workers.Role = { args in
    guard args.count == 1 else { return IPC.fail("usage: sem-post <shm>") }
    do {
      let memory = try SharedMemory.attach(args[0], size: 64)
      try SharedSemaphore(at: memory.pointer(at: 0, as: sem_t.self)).release()
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `mutex-die-holding <shm>`: locks the robust mutex at the start of the region and exits
  /// without unlocking it.
  static let dieHoldingWorker: Workers.Role = { args in
    guard args.count == 1 else { return IPC.fail("usage: mutex-die-holding <shm>") }
    do {
      let memory = try SharedMemory.attach(args[0], size: 128)
      let rc = pthread_mutex_lock(memory.pointer(at: 0, as: pthread_mutex_t.self))
      guard rc == 0 else { return IPC.fail("lock failed: \(IPC.errnoName(rc))") }
      // Exit with the region still mapped: the kernel marks the mutex's owner dead while
      // walking this thread's robust list, which needs the mutex's memory.
      withExtendedLifetime(memory) { _exit(0) }
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
