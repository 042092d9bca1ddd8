import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render
import Synchronization

/// The deadlock between two processes, with fcntl byte-range locks on one file (a memfd, so
/// nothing is left on disk): process 1 holds byte 0 and waits for byte 1, process 2 holds
/// byte 1 and asks for byte 0. The kernel keeps a graph of who waits for whose lock and
/// refuses the request that would close a cycle with EDEADLK; the refused process lets go,
/// and the other gets its lock.
enum FcntlDeadlock {
  /// One line of a worker's report: which worker, what happened, a value.
  enum Event: Int32 {
    case holding = 1
    case asking = 2
    case result = 3
  }

  /// `proclab worker fcntl-lock <fd> <first> <second>`: locks byte `first` of `fd`, says so,
  /// waits for a byte on stdin, says it asks for byte `second`, asks (F_SETLKW) and reports
  /// what it got; it exits at once after, which lets go of both.
  static let worker: Workers.Role = { args in
    guard args.count == 3, let fd = Int32(args[0]), let first = Int32(args[1]),
      let second = Int32(args[2])
    else { return IPC.fail("usage: fcntl-lock <fd> <first byte> <second byte>") }
    func say(_ event: Event, _ value: Int32) {
      var line: [Int32] = [first, event.rawValue, value]
      _ = line.withUnsafeMutableBytes { try? FileIO.writeAll(1, UnsafeRawBufferPointer($0)) }
    }
    let held = pl_fcntl_lock_byte(fd, Int64(first), 1)
    guard held == 0 else {
      say(.result, held)
      return 1
    }
    say(.holding, 0)
    guard let go = try? FileIO.read(0, upTo: 1), !go.isEmpty else { return 1 }
    say(.asking, 0)
    say(.result, pl_fcntl_lock_byte(fd, Int64(second), 1))
    return 0
  }

  static func run(context: DemoContext) throws {
    context.heading(Catalog.text("demo.deadlock.heading.fcntl"))
    let file = pl_memfd("proclab-deadlock")
    guard file >= 0 else { throw SystemError("creating the file to lock (memfd_create)") }
    defer { FileIO.closeQuietly(file) }
    guard ftruncate(file, 2) == 0 else { throw SystemError("sizing the file to lock") }
    let report = try PipeEnds()
    defer { FileIO.closeQuietly(report.read) }
    let workers = LockWorkers()
    context.onCleanup { workers.killAll() }
    defer { workers.killAll() }
    var go: [PipeEnds] = []
    defer { for pipe in go { pipe.closeBoth() } }
    var pids: [Int32] = []
    for (first, second) in [(0, 1), (1, 0)] {
      let pipe = try PipeEnds()
      go.append(pipe)
      let child = try workers.spawn(
        ["fcntl-lock", String(file), String(first), String(second)], stdin: pipe.read,
        stdout: report.write, keep: file)
      FileIO.closeQuietly(pipe.read)
      pids.append(child.pid)
    }
    FileIO.closeQuietly(report.write)
    var events = EventReader(fd: report.read)
    try events.until(context: context, workers: workers) { $0.count(.holding) == 2 }
    // Process 1 asks first, and ProcLab waits until /proc shows it asleep in F_SETLKW...
    try FileIO.writeAll(go[0].write, [1])
    var waiting: TaskWait?
    try events.until(context: context, workers: workers) { seen in
      guard seen.count(.asking) >= 1 else { return false }
      waiting = TaskWait.read(pid: pids[0], tid: pids[0])
      return waiting?.inLockWait == true || seen.count(.result) >= 1
    }
    // ...then process 2 asks for the byte process 1 holds: a cycle.
    try FileIO.writeAll(go[1].write, [1])
    try events.until(context: context, workers: workers) { $0.count(.result) == 2 }
    try workers.waitForAll(context: context)
    show(events, pids: pids, waiting: waiting, context: context)
  }

  static func show(_ events: EventReader, pids: [Int32], waiting: TaskWait?, context: DemoContext) {
    let results = [events.result(of: 0), events.result(of: 1)]
    let rows = (0..<2).map { i -> [String] in
      [
        Catalog.text("demo.deadlock.process", ["n": String(i + 1)]), String(pids[i]),
        Catalog.text("demo.deadlock.byte", ["n": String(i)]),
        Catalog.text("demo.deadlock.byte", ["n": String(1 - i)]),
        results[i].map(IPC.errnoName) ?? "?",
      ]
    }
    context.table(
      Table(
        title: Catalog.text("demo.deadlock.title.fcntl"),
        columns: [
          .init(Catalog.text("demo.deadlock.column.process")), .init("pid", align: .right),
          .init(Catalog.text("demo.deadlock.column.holds")),
          .init(Catalog.text("demo.deadlock.column.asksFor")), .init("F_SETLKW"),
        ],
        rows: rows,
        footer: [
          Catalog.text(
            "demo.deadlock.footer.fcntl",
            [
              "syscall": waiting?.syscallName ?? "?", "wchan": waiting?.wchan ?? "?",
              "state": waiting.map { String($0.state) } ?? "?",
            ])
        ]))
    let refused = results[1] == EDEADLK
    context.metric("fcntl.edeadlk", .bool(refused))
    context.metric("fcntl.refused", .string(results[1].map(IPC.errnoName) ?? "?"))
    context.metric("fcntl.other", .string(results[0].map(IPC.errnoName) ?? "?"))
    if let waiting { context.metric("fcntl.waiting_in", .string(waiting.syscallName)) }
    context.note(
      Catalog.text(
        refused ? "demo.deadlock.edeadlk" : "demo.deadlock.noEdeadlk",
        ["other": results[0].map(IPC.errnoName) ?? "?"]))
  }

  /// The workers' report lines, read as they come.
  struct EventReader {
    let fd: Int32
    var pending: [UInt8] = []
    var seen: [(worker: Int32, event: Event, value: Int32)] = []

    init(fd: Int32) { self.fd = fd }

    func count(_ event: Event) -> Int { seen.filter { $0.event == event }.count }
    func result(of worker: Int32) -> Int32? {
      seen.first { $0.worker == worker && $0.event == .result }?.value
    }

    /// Reads until `done` holds.
    /// - Throws: when a worker fails, the student stops the demo, or 5 s pass.
    mutating func until(
      context: DemoContext, workers: LockWorkers, _ done: (EventReader) -> Bool
    ) throws {
      let deadline = MonotonicClock.seconds() + 5
      while !done(self) {
        try workers.check(context)
        guard MonotonicClock.seconds() < deadline else {
          workers.killAll()
          throw DemoError(Catalog.text("demo.deadlock.fcntlTimedOut"))
        }
        guard FileIO.waitReadable(fd, timeout: 0.01) else { continue }
        let chunk = try FileIO.read(fd, upTo: 240)
        if chunk.isEmpty { usleep(1000) }
        pending += chunk
        while pending.count >= 12 {
          let words = pending.withUnsafeBytes { raw in
            (0..<3).map { i in raw.loadUnaligned(fromByteOffset: i * 4, as: Int32.self) }
          }
          pending.removeFirst(12)
          if let event = Event(rawValue: words[1]) { seen.append((words[0], event, words[2])) }
        }
      }
    }
  }
}

/// The two fcntl workers: started with the locked file kept open, checked while the demo
/// waits for them, killed and reaped together however the demo ends.
final class LockWorkers: Sendable {
  private let children = Mutex<[ChildProcess]>([])

  func spawn(
    _ words: [String], stdin: Int32, stdout: Int32, keep: Int32
  ) throws(SystemError) -> ChildProcess {
    let child = try Workers.spawn(
      words[0], Array(words.dropFirst()), stdin: stdin, stdout: stdout, keep: keep)
    children.withLock { $0.append(child) }
    return child
  }

  func killAll() {
    let all = children.withLock { list -> [ChildProcess] in
      defer { list = [] }
      return list
    }
    for child in all where child.poll() == nil { child.signal(SIGKILL, group: false) }
    for child in all { _ = try? child.wait() }
  }

  /// Throws (after killing both) when a worker ended badly or a stop was requested.
  func check(_ context: DemoContext) throws {
    let failed = children.withLock { $0.first { ($0.poll().map { !$0.isSuccess }) ?? false } }
    if let failed, let status = failed.poll() {
      killAll()
      throw DemoError(
        Catalog.text(
          "demo.deadlock.workerFailed",
          ["pid": String(failed.pid), "status": DemoText.status(status)]))
    }
    if context.stopRequested {
      killAll()
      throw DemoError(Catalog.text("demo.error.stopped"))
    }
  }

  /// Waits up to 5 s for both to exit with status 0.
  func waitForAll(context: DemoContext) throws {
    let all = children.withLock { $0 }
    let deadline = MonotonicClock.seconds() + 5
    while !all.allSatisfy({ $0.poll() != nil }) {
      try check(context)
      guard MonotonicClock.seconds() < deadline else {
        killAll()
        throw DemoError(Catalog.text("demo.deadlock.fcntlTimedOut"))
      }
      usleep(1000)
    }
    try check(context)
  }
}
