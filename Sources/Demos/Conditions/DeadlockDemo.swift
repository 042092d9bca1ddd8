import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// `deadlock`: two threads take two locks in opposite orders until each waits for the other.
/// ProcLab sees it from /proc (both threads asleep in a futex, not switched on for 100 ms),
/// draws the wait-for cycle from what each thread holds and asks for, and ends it by killing
/// the worker process the threads are in (a thread blocked in pthread_mutex_lock can be neither
/// woken nor cancelled). Then two processes with fcntl byte locks (the kernel refuses the
/// request that would close the cycle: EDEADLK), and the fixes measured (LockFixes.swift).
enum DeadlockDemo {
  struct Keys: ParameterSet {
    let gap = IntParameter(
      "gap", default: 50, range: 1...1000,
      help: "milliseconds each thread holds its first lock before it asks for the second")
    let rounds = IntParameter(
      "rounds", default: 500, range: 1...100_000,
      help: "rounds of both locks each thread takes in the fixes")
    let hold = IntParameter(
      "hold", default: 100, range: 0...10_000,
      help: "microseconds a thread holds its first lock before the second, in the fixes")
    let timeout = IntParameter(
      "timeout", default: 1000, range: 10...100_000,
      help: "microseconds the timed lock waits for the second lock before it gives up")
  }

  static let definition = DemoDefinition(
    name: "deadlock",
    summary: "two threads and two processes take two locks in opposite orders; the fixes measured",
    lesson: "conditions-and-deadlock", metrics: ConditionsMetrics.deadlock,
    parameters: Keys.self, timeBudget: 40
  ) { params, context in
    try threads(gap: params.gap, context: context)
    try FcntlDeadlock.run(context: context)
    try LockFixes.run(
      rounds: params.rounds, hold: params.hold, timeout: params.timeout, context: context)
  }

  /// The longest ProcLab watches for the deadlock before it gives up looking.
  static let detectionLimit = 3.0
  /// How long both threads must stay asleep, not switched on, to count as deadlocked.
  static let stillFor = 0.1

  /// `proclab worker deadlock-threads <gap ms>`: the two threads, reporting on stdout.
  static let threadsWorker: Workers.Role = { args in
    let gap = args.first.flatMap { UInt32($0) } ?? 50
    return pl_deadlock_threads(1, min(gap, 1000) * 1000) == 0 ? 0 : 1
  }

  /// What the two threads said: who holds which lock and asks for which.
  struct Claims {
    var tid: [Int32: Int32] = [:]
    var holds: [Int32: Int32] = [:]
    var wants: [Int32: Int32] = [:]
    var finished = false
    var bothAsked: Double?

    mutating func add(_ claim: pl_lock_claim, at time: Double) {
      guard claim.thread >= 0 else {
        finished = true
        return
      }
      tid[claim.thread] = claim.tid
      holds[claim.thread] = claim.holds
      if claim.wants >= 0 { wants[claim.thread] = claim.wants } else { wants[claim.thread] = nil }
      if wants.count == 2, bothAsked == nil { bothAsked = time }
    }
  }

  static func lockName(_ index: Int32) -> String { index == 0 ? "A" : "B" }
  static func threadName(_ index: Int32) -> String {
    Catalog.text("demo.deadlock.thread", ["n": String(index + 1)])
  }

  static func threads(gap: Int, context: DemoContext) throws {
    context.heading(Catalog.text("demo.deadlock.heading.threads"))
    let report = try PipeEnds()
    let worker: ChildProcess
    do {
      worker = try Workers.spawn("deadlock-threads", [String(gap)], stdout: report.write)
    } catch {
      report.closeBoth()
      throw error
    }
    FileIO.closeQuietly(report.write)
    context.onCleanup {
      if worker.poll() == nil { worker.signal(SIGKILL, group: false) }
      _ = try? worker.wait()
    }
    defer { FileIO.closeQuietly(report.read) }
    let (claims, states, stuck, after) = try watch(worker, report.read, context: context)
    let deadlocked = stuck && cycle(claims) != nil
    if deadlocked {
      describe(worker: worker.pid, claims: claims, states: states, context: context)
    }
    let stillRunning = worker.poll() == nil
    if stillRunning { worker.signal(SIGKILL, group: false) }
    let status = try worker.wait()
    context.metric("deadlocked", .bool(deadlocked))
    if let after { context.metric("detected_after", JSONValue(after)) }
    if deadlocked && stillRunning {
      context.metric("ended_by", .string("SIGKILL"))
      context.note(
        Catalog.text(
          "demo.deadlock.killed",
          ["pid": String(worker.pid), "status": DemoText.status(status)]))
    } else {
      context.note(Catalog.text("demo.deadlock.noDeadlock", ["gap": String(gap)]))
    }
  }

  /// Reads the threads' claims and /proc until both are stuck, the worker ends, or
  /// `detectionLimit` passes.
  static func watch(
    _ worker: ChildProcess, _ fd: Int32, context: DemoContext
  ) throws -> (Claims, [Int32: TaskWait], Bool, Double?) {
    var claims = Claims()
    var pending: [UInt8] = []
    var last: [Int32: TaskWait] = [:]
    var stillSince: Double?
    let size = MemoryLayout<pl_lock_claim>.size
    let start = MonotonicClock.seconds()
    while MonotonicClock.seconds() - start < detectionLimit {
      try context.checkStop()
      if FileIO.waitReadable(fd, timeout: 0.02), let chunk = try? FileIO.read(fd, upTo: 256) {
        if chunk.isEmpty && worker.poll() != nil { break }
        pending += chunk
        while pending.count >= size {
          let claim = pending.withUnsafeBytes { $0.loadUnaligned(as: pl_lock_claim.self) }
          pending.removeFirst(size)
          claims.add(claim, at: MonotonicClock.seconds())
        }
      }
      if claims.finished { break }
      guard let asked = claims.bothAsked else { continue }
      let now = MonotonicClock.seconds()
      var states: [Int32: TaskWait] = [:]
      for (index, tid) in claims.tid {
        if let state = TaskWait.read(pid: worker.pid, tid: tid) { states[index] = state }
      }
      let asleep = states.count == 2 && states.values.allSatisfy(\.inFutexWait)
      let unchanged = asleep && states.allSatisfy { last[$0.key]?.switches == $0.value.switches }
      if !asleep { stillSince = nil } else if !unchanged || stillSince == nil { stillSince = now }
      last = states
      if let since = stillSince, now - since >= stillFor {
        return (claims, states, true, now - asked)
      }
    }
    return (claims, last, false, nil)
  }

  /// The wait-for cycle through thread 0, from what each thread holds and asks for: thread →
  /// the lock it waits for → the thread holding that lock → …, back to thread 0; nil when
  /// following the edges does not come back (no deadlock).
  static func cycle(_ claims: Claims) -> [(thread: Int32, waitsFor: Int32)]? {
    var path: [(thread: Int32, waitsFor: Int32)] = []
    var thread: Int32 = 0
    while path.count <= claims.holds.count {
      guard let wanted = claims.wants[thread],
        let holder = claims.holds.first(where: { $0.value == wanted })?.key
      else { return nil }
      path.append((thread, wanted))
      if holder == 0 { return path }
      thread = holder
    }
    return nil
  }

  /// "thread 1 → lock B → thread 2 → lock A → thread 1", with `thread` and `lock` naming each.
  static func cycleText(
    _ path: [(thread: Int32, waitsFor: Int32)], thread: (Int32) -> String,
    lock: (Int32) -> String
  ) -> String {
    (path.flatMap { [thread($0.thread), lock($0.waitsFor)] } + [thread(path[0].thread)])
      .joined(separator: " → ")
  }

  /// The wait states, read live, and the wait-for graph they make.
  static func describe(
    worker: Int32, claims: Claims, states: [Int32: TaskWait], context: DemoContext
  ) {
    var rows: [[String]] = []
    for index: Int32 in [0, 1] {
      let state = states[index]
      let held = claims.holds[index] ?? -1
      let wanted = claims.wants[index] ?? -1
      rows.append([
        threadName(index), String(claims.tid[index] ?? 0),
        state.map { String($0.state) } ?? "?", state?.wchan ?? "?", state?.syscallName ?? "—",
        lockName(held), lockName(wanted),
      ])
    }
    context.table(
      Table(
        title: Catalog.text("demo.deadlock.title.states", ["pid": String(worker)]),
        columns: [
          .init(Catalog.text("demo.deadlock.column.thread")), .init("tid", align: .right),
          .init(Catalog.text("demo.deadlock.column.state"), align: .center), .init("wchan"),
          .init("syscall"), .init(Catalog.text("demo.deadlock.column.holds"), align: .center),
          .init(Catalog.text("demo.deadlock.column.waitsFor"), align: .center),
        ],
        rows: rows,
        footer: [Catalog.text("demo.deadlock.footer.states", ["pid": String(worker)])]))
    context.metric("threads_asleep", JSONValue(states.values.filter(\.inFutexWait).count))
    if let wchan = states[0]?.wchan { context.metric("wchan", .string(wchan)) }
    guard let path = cycle(claims) else { return }
    // The metric keeps English words (rules compare it); the note is in the run's language.
    context.metric(
      "wait_for",
      .string(cycleText(path, thread: { "thread \($0 + 1)" }, lock: { "lock \(lockName($0))" })))
    context.metric("cycle_length", JSONValue(path.count))
    let shown = cycleText(
      path, thread: threadName,
      lock: { Catalog.text("demo.deadlock.lock", ["name": lockName($0)]) })
    context.note(Catalog.text("demo.deadlock.cycle", ["cycle": shown]))
  }
}
