import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

@testable import Demos

/// Runs IPC demos through the real binary (`proclab run <demo> --events`, the demo runner
/// itself, so that no host sweeps up after it) and checks what they report and leave behind.
private enum IPCRun {
  /// The proclab binary: `PROCLAB_BIN`, or `<repo>/.build/debug/proclab`.
  static let binary = TestBinary.proclab

  struct Outcome {
    var report: DemoReport?
    var failure: String?
    var runner: Int32
  }

  /// Starts the runner; `whileRunning` gets its pid while its events are still flowing.
  static func run(
    _ demo: String, _ args: [String], whileRunning: ((Int32) -> Void)? = nil
  ) throws -> Outcome {
    let run = try CapturedRun.run(
      ["proclab", "run", demo, "--events"] + args, executable: binary, stderr: .inherit,
      newProcessGroup: true, timeout: .infinity, whileRunning: whileRunning)
    let bytes = run.stdout
    var outcome = Outcome(runner: run.pid)
    let decoder = JSONDecoder()
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      guard let event = try? decoder.decode(DemoEvent.self, from: Data(line)) else { continue }
      switch event {
      case .report(let r): outcome.report = r
      case .failed(let text): outcome.failure = text
      default: break
      }
    }
    return outcome
  }

  /// Nothing of `runner`'s is left: no IPC object named for it, no process it started.
  static func expectClean(_ runner: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
    let leftovers = IPCNames.listAll().filter {
      IPCNames.owner(of: String($0.split(separator: "/").last ?? "")) == runner
    }
    #expect(leftovers.isEmpty, "IPC objects left: \(leftovers)", sourceLocation: sourceLocation)
    #expect(
      ProcessTree.descendants(of: runner).isEmpty, "processes left under the runner",
      sourceLocation: sourceLocation)
    let workers = ProcessTree.allPids().filter { pid in
      guard let env = FileIO.readText("/proc/\(pid)/environ") else { return false }
      return env.split(separator: "\0").contains("PROCLAB_PARENT=\(runner)")
    }
    #expect(workers.isEmpty, "workers still alive: \(workers)", sourceLocation: sourceLocation)
  }

  static func number(_ r: DemoReport?, _ path: String) -> Double? { r?.metric(path)?.double }

  /// Worker pids of `runner` whose command line mentions `role`.
  static func workers(of runner: Int32, role: String) -> [Int32] {
    ProcessTree.descendants(of: runner).map(\.pid).filter { pid in
      let cmdline = FileIO.readText("/proc/\(pid)/cmdline") ?? ""
      return cmdline.split(separator: "\0").contains(Substring(role))
    }
  }
}

@Suite(.serialized)
struct IPCTests {
  // MARK: shm-race

  @Test func lockedVariantsAreAlwaysExact() throws {
    let o = try IPCRun.run(
      "shm-race",
      ["processes=3", "increments=20000", "sync=semaphore,mutex,atomic,local", "repeat=4"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    for sync in ["semaphore", "mutex", "atomic", "local"] {
      #expect(IPCRun.number(r, "\(sync).expected") == 60_000)
      #expect(IPCRun.number(r, "\(sync).final") == 60_000, "\(sync)")
      #expect(IPCRun.number(r, "\(sync).max_final") == 60_000, "\(sync)")
      #expect(IPCRun.number(r, "\(sync).exact_runs") == 4, "\(sync)")
      #expect(IPCRun.number(r, "\(sync).lost") == 0, "\(sync)")
      #expect((IPCRun.number(r, "\(sync).ns_per_increment") ?? 0) > 0)
    }
    IPCRun.expectClean(o.runner)
  }

  @Test func unsynchronisedNeverExceedsExpected() throws {
    let o = try IPCRun.run(
      "shm-race", ["processes=2", "increments=200000", "sync=none", "repeat=5"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    let expected = try #require(IPCRun.number(r, "none.expected"))
    #expect(expected == 400_000)
    #expect((IPCRun.number(r, "none.max_final") ?? .infinity) <= expected)
    #expect((IPCRun.number(r, "none.final") ?? -1) >= 200_000 / 2)
    #expect(IPCRun.number(r, "none.runs") == 5)
    IPCRun.expectClean(o.runner)
  }

  @Test func badParametersAreRefusedBeforeAnythingStarts() throws {
    let o = try IPCRun.run("shm-race", ["processes=65"])
    #expect(o.report == nil)
    #expect(o.failure?.contains("processes=65") == true)
    let big = try IPCRun.run("shm-race", ["increments=50000001"])
    #expect(big.failure?.contains("50000000") == true)
  }

  @Test func killingAWorkerLeavesNothingBehind() throws {
    var killed: [Int32] = []
    let o = try IPCRun.run(
      "shm-race", ["processes=2", "increments=50000000", "sync=semaphore"]
    ) { runner in
      let deadline = MonotonicClockForTests.seconds() + 10
      while killed.isEmpty && MonotonicClockForTests.seconds() < deadline {
        let pids = IPCRun.workers(of: runner, role: "shm-add")
        if pids.count == 2 {
          usleep(100_000)
          kill(pids[0], SIGKILL)
          killed.append(pids[0])
        } else {
          usleep(5_000)
        }
      }
    }
    #expect(killed.count == 1)
    #expect(o.report == nil)
    #expect(o.failure?.contains("SIGKILL") == true, "\(o.failure ?? "no failure")")
    IPCRun.expectClean(o.runner)
  }

  @Test func killingAMessageQueueWorkerLeavesNothingBehind() throws {
    var killed = false
    let o = try IPCRun.run(
      "ipc-compare", ["via=mqueue", "rounds=200000", "volume=256"]
    ) { runner in
      let deadline = MonotonicClockForTests.seconds() + 10
      while !killed && MonotonicClockForTests.seconds() < deadline {
        if let pid = IPCRun.workers(of: runner, role: "ipc-echo").first {
          usleep(100_000)
          kill(pid, SIGKILL)
          killed = true
        } else {
          usleep(5_000)
        }
      }
    }
    #expect(killed)
    #expect(o.report == nil)
    #expect(o.failure?.contains("SIGKILL") == true, "\(o.failure ?? "no failure")")
    IPCRun.expectClean(o.runner)
  }

  // MARK: queue

  @Test func queueDemoKeepsItsPromises() throws {
    let o = try IPCRun.run(
      "queue",
      [
        "what=order,timeouts,workers,bounded", "items=25", "timeout=0.05", "delay=0.001",
        "maxsize=2",
      ])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    #expect(r.metric("order.fifo") == .array([3, 1, 4, 1, 5, 9, 2, 6].map { .number($0) }))
    #expect(r.metric("order.lifo") == .array([6, 2, 9, 5, 1, 4, 1, 3].map { .number($0) }))
    #expect(r.metric("order.priority") == .array([1, 1, 2, 3, 4, 5, 6, 9].map { .number($0) }))
    #expect(r.metric("timeouts.put_nonblocking") == .string("raised Full"))
    #expect(r.metric("timeouts.put_timeout") == .string("raised Full"))
    #expect(r.metric("timeouts.get_nonblocking") == .string("raised Empty"))
    #expect(r.metric("timeouts.get_timeout") == .string("raised Empty"))
    #expect((IPCRun.number(r, "timeouts.put_waited_seconds") ?? 0) >= 0.045)
    #expect(IPCRun.number(r, "workers.items") == 50)
    #expect(IPCRun.number(r, "workers.missing") == 0)
    #expect(IPCRun.number(r, "workers.duplicates") == 0)
    #expect(IPCRun.number(r, "workers.unfinished_after_join") == 0)
    IPCRun.expectClean(o.runner)
  }

  @Test func sharedQueueOrderPerKind() throws {
    for kind in SharedQueue.Kind.allCases {
      let memory = QueueMemory(capacity: 8)
      let q = try SharedQueue.create(at: memory.base, kind: kind, maxsize: 0, capacity: 8)
      defer { q.destroy() }
      for (i, p) in [5, 2, 8, 2, 1].enumerated() {
        try q.put(QueueItem(priority: Int64(p), value: Int64(i)))
      }
      var values: [Int64] = []
      while let item = try? q.get(block: false) { values.append(item.value) }
      switch kind {
      case .fifo: #expect(values == [0, 1, 2, 3, 4])
      case .lifo: #expect(values == [4, 3, 2, 1, 0])
      case .priority: #expect(values == [4, 1, 3, 0, 2])  // 1, 2 (first), 2 (second), 5, 8
      }
    }
  }

  @Test func sharedQueueFullEmptyAndTimeouts() throws {
    let memory = QueueMemory(capacity: 4)
    let q = try SharedQueue.create(at: memory.base, kind: .fifo, maxsize: 2, capacity: 4)
    defer { q.destroy() }
    try q.put(QueueItem(value: 1))
    try q.put(QueueItem(value: 2))
    #expect(q.isFull)
    #expect(throws: QueueError.full) { try q.put(QueueItem(value: 3), block: false) }
    let t0 = MonotonicClockForTests.seconds()
    #expect(throws: QueueError.full) { try q.put(QueueItem(value: 3), timeout: 0.05) }
    #expect(MonotonicClockForTests.seconds() - t0 >= 0.045)
    #expect(try q.get().value == 1)
    #expect(try q.get().value == 2)
    #expect(throws: QueueError.empty) { try q.get(block: false) }
    let t1 = MonotonicClockForTests.seconds()
    #expect(throws: QueueError.empty) { try q.get(timeout: 0.05) }
    #expect(MonotonicClockForTests.seconds() - t1 >= 0.045)
    try q.taskDone()
    try q.taskDone()
    #expect(throws: QueueError.taskDoneTooOften) { try q.taskDone() }
  }

  @Test func joinWaitsForTaskDone() throws {
    let memory = QueueMemory(capacity: 8)
    let q = try SharedQueue.create(at: memory.base, kind: .fifo, maxsize: 0, capacity: 8)
    defer { q.destroy() }
    for i in 0..<3 { try q.put(QueueItem(value: Int64(i))) }
    #expect(try q.join(timeout: 0.02) == false)
    let worker = try Thread {
      for _ in 0..<3 {
        _ = try? q.get()
        usleep(10_000)
        try? q.taskDone()
      }
    }
    #expect(try q.join(timeout: 5) == true)
    #expect(q.unfinished == 0)
    worker.join()
  }

  // MARK: pipe

  @Test func messagesSurviveTheirEncoding() throws {
    let messages: [Message] = [
      .list([.int(42), .none, .text("hello")]), .int(-7), .text("한글 ✓"), .bytes([0, 255, 1]),
      .list([.list([]), .bytes([]), .text("")]),
    ]
    for m in messages { #expect(try Message.decode(m.encoded) == m) }
    #expect(Message.list([.int(42), .none, .text("hello")]).description == "[42, None, 'hello']")
    #expect(throws: FrameError.self) { try Message.decode([4, 9, 0, 0, 0]) }
  }

  @Test func framesArriveWholeAndInOrderInProcess() throws {
    let ends = try PipeEnds()
    defer { FileIO.closeQuietly(ends.read) }  // the sender closes the write end when done
    let sender = try Thread {
      for i in 0..<200 {
        try? Frames.send(
          .list([.int(Int64(i)), .bytes([UInt8](repeating: UInt8(i & 0xff), count: i * 50))]),
          to: ends.write)
      }
      FileIO.closeQuietly(ends.write)
    }
    let reader = FrameReader(fd: ends.read)
    var next: Int64 = 0
    while let m = try reader.nextMessage() {
      #expect(
        m
          == .list([
            .int(next), .bytes([UInt8](repeating: UInt8(next & 0xff), count: Int(next) * 50)),
          ]))
      next += 1
    }
    sender.join()
    #expect(next == 200)
  }

  @Test func pipeDemoFramesArriveIntactAndInOrder() throws {
    let o = try IPCRun.run("pipe", ["what=message,duplex", "messages=300"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    #expect(IPCRun.number(r, "frames.sent") == 301)
    #expect(IPCRun.number(r, "frames.received") == 301)
    #expect(r.metric("frames.in_order") == .bool(true))
    #expect(r.metric("frames.intact") == .bool(true))
    #expect(r.metric("duplex.correct") == .bool(true))
    IPCRun.expectClean(o.runner)
  }

  @Test func withoutFramingWritesMerge() throws {
    let o = try IPCRun.run("pipe", ["what=message", "framing=off"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    #expect(IPCRun.number(r, "framing.writes") == 3)
    #expect(IPCRun.number(r, "framing.reads") == 1)
    IPCRun.expectClean(o.runner)
  }

  @Test func pipeMeasurementsRun() throws {
    let o = try IPCRun.run("pipe", ["what=latency,bandwidth", "rounds=50", "volume=1"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    #expect((IPCRun.number(r, "latency.1B.median_seconds") ?? 0) > 0)
    #expect((IPCRun.number(r, "bandwidth.65536.bytes_per_second") ?? 0) > 0)
    IPCRun.expectClean(o.runner)
  }

  @Test func pipePlacementPinsParentAndChildWhereAsked() throws {
    let allowed = CPUAffinity.allowed()
    let first = try #require(allowed.first)
    let args = ["what=latency,bandwidth", "rounds=20", "volume=1"]

    let same = try IPCRun.run("pipe", args + ["cpus=same"])
    let r = try #require(same.report, "failed: \(same.failure ?? "?")")
    #expect(r.metric("cpus") == .string("same"))
    // Seen from /proc after every timed part: always both on the one CPU.
    #expect(r.metric("latency.cpus_seen") == .array([.string("\(first)/\(first)")]))
    #expect(r.metric("bandwidth.cpus_seen") == .array([.string("\(first)/\(first)")]))
    IPCRun.expectClean(same.runner)

    if allowed.count >= 2 {
      let apart = try IPCRun.run("pipe", args + ["cpus=apart"])
      let r = try #require(apart.report, "failed: \(apart.failure ?? "?")")
      let pair = JSONValue.array([.string("\(allowed[0])/\(allowed[1])")])
      #expect(r.metric("latency.cpus_seen") == pair)
      #expect(r.metric("bandwidth.cpus_seen") == pair)
      IPCRun.expectClean(apart.runner)
    }

    // Started with one CPU allowed (affinity is inherited), cpus=apart is refused in one line.
    #expect(CPUAffinity.pin([first]))
    defer { CPUAffinity.pin(allowed) }
    let refused = try IPCRun.run("pipe", args + ["cpus=apart"])
    #expect(refused.report == nil)
    let failure = try #require(refused.failure)
    #expect(failure.hasPrefix("cpus=apart needs two CPUs"))
    #expect(!failure.contains("\n"))
    IPCRun.expectClean(refused.runner)
  }

  // MARK: semaphore, mutex, ipc-compare

  @Test func semaphoreLimitsHowManyAreInside() throws {
    let o = try IPCRun.run("semaphore", ["workers=5", "limit=2", "hold=0.02", "timeout=0.05"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    let inside = try #require(IPCRun.number(r, "max_concurrent"))
    #expect(inside >= 1 && inside <= 2)
    #expect(r.metric("timeout.acquired") == .bool(false))
    #expect((IPCRun.number(r, "timeout.waited_seconds") ?? 0) >= 0.045)
    #expect(IPCRun.number(r, "over_release.value") == 3)
    #expect(IPCRun.number(r, "over_release.entered") == 3)
    IPCRun.expectClean(o.runner)
  }

  @Test func mutexHasAnOwnerAndSemaphoreDoesNot() throws {
    let o = try IPCRun.run("mutex", ["threads=2", "increments=20000"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    #expect(r.metric("errorcheck.unlock_by_other") == .string("EPERM"))
    #expect(r.metric("errorcheck.relock_by_owner") == .string("EDEADLK"))
    #expect(r.metric("semaphore.released_by_other_thread") == .bool(true))
    #expect(r.metric("semaphore.released_by_other_process") == .bool(true))
    #expect(r.metric("robust.lock_after_owner_died") == .string("EOWNERDEAD"))
    #expect(r.metric("named_semaphore.existed") == .bool(true))
    #expect(r.metric("named_semaphore.removed") == .bool(true))
    #expect(IPCRun.number(r, "binary_semaphore.final") == 40_000)
    #expect(IPCRun.number(r, "mutex.final") == 40_000)
    #expect((IPCRun.number(r, "none.final") ?? .infinity) <= 40_000)
    IPCRun.expectClean(o.runner)
  }

  @Test func ipcCompareCoversEveryMechanism() throws {
    let o = try IPCRun.run("ipc-compare", ["rounds=50", "volume=1", "chunk=16384"])
    let r = try #require(o.report, "failed: \(o.failure ?? "?")")
    guard case .array(let order) = r.metric("order") else {
      Issue.record("no order")
      return
    }
    let names = order.compactMap { value -> String? in
      if case .string(let s) = value { return s }
      return nil
    }
    #expect(names.sorted() == ["file", "mqueue", "pipe", "shm", "socketpair"])
    for m in ["pipe", "socketpair", "mqueue", "shm", "file"] {
      #expect((IPCRun.number(r, "\(m).median_seconds") ?? 0) > 0, "\(m)")
      #expect((IPCRun.number(r, "\(m).bytes_per_second") ?? 0) > 0, "\(m)")
    }
    IPCRun.expectClean(o.runner)
  }
}

/// Memory for an in-process `SharedQueue` (any memory works; shared memory only adds sharing).
private final class QueueMemory {
  let base: UnsafeMutableRawPointer
  init(capacity: Int) {
    let bytes = SharedQueue.bytes(capacity: capacity)
    base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    base.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
  }
  deinit { base.deallocate() }
}

private enum MonotonicClockForTests {
  static func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
