import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render
import Synchronization

/// The thread demos: threads, memory, timeit.
public enum ThreadDemos {}

struct ThreadsKeys: ParameterSet {
  let count = IntParameter("count", default: 4, range: 1...16, help: "threads to start and join")
  let interval = DecimalParameter(
    "interval", default: 0.5, range: 0.05...5,
    help: "seconds between the worker's \"do Overwork\" lines")
  let seconds = DecimalParameter(
    "for", default: 3, range: 0...60,
    help: "seconds before the flag is set for you (Enter sets it sooner)")
  let python = FlagParameter(
    "python", default: true,
    help:
      "also run the process tutorial's stop-flag worker in CPython (lessons/python/process-tutorial/thread_stop_flag.py)"
  )
}

struct MemoryKeys: ParameterSet {
  let value = IntParameter(
    "value", default: 42, range: -1_000_000...1_000_000, help: "the value written")
}

extension ThreadDemos {
  /// the process tutorial's Thread start/join with a stop flag.
  static let threads = DemoDefinition(
    name: "threads",
    summary: "start and join threads; a worker that runs until a stop flag is set",
    lesson: "threads", metrics: ThreadMetrics.threads,
    parameters: ThreadsKeys.self, timeBudget: 90, readsInput: true
  ) { params, context in
    let count = params.count
    let pid = getpid()
    let mainID = Thread.currentID
    // Every thread writes its id into a shared array: threads share the heap.
    let seen = Mutex<[(index: Int, tid: Int32)]>([])
    let sum = Atomic<Int>(0)
    var threads: [Thread] = []
    for i in 0..<count {
      threads.append(
        try Thread(starting: {
          seen.withLock { $0.append((i, Thread.currentID)) }
          sum.wrappingAdd(i + 1, ordering: .sequentiallyConsistent)
        }))
    }
    for t in threads { t.join() }
    let rows = seen.withLock { $0 }.sorted { $0.index < $1.index }.map {
      [
        Catalog.text("demo.threads.thread", ["index": String($0.index + 1)]), String(pid),
        String($0.tid),
      ]
    }
    context.table(
      Table(
        title: Catalog.text("demo.threads.title", ["count": String(count)]),
        columns: [
          .init(name: Catalog.text("demo.threads.column.who"), align: .left),
          .init(name: "pid", align: .right),
          .init(name: Catalog.text("demo.threads.column.tid"), align: .right),
        ],
        rows: [[Catalog.text("demo.threads.main"), String(pid), String(mainID)]] + rows,
        footer: []))
    let expected = count * (count + 1) / 2
    context.note(
      Catalog.text(
        "demo.threads.onePid",
        [
          "ids": String(count + 1), "sum": String(sum.load(ordering: .sequentiallyConsistent)),
          "count": String(count), "expected": String(expected),
        ]))
    context.metric("pid", JSONValue(pid))
    context.metric("threads", JSONValue(count))
    context.metric("distinct_tids", JSONValue(Set(rows.map { $0[2] }).count))
    context.metric("shared_sum", JSONValue(sum.load(ordering: .sequentiallyConsistent)))
    context.metric("expected_sum", JSONValue(expected))

    context.heading(Catalog.text("demo.threads.heading.stopFlag"))
    let interval = params.interval
    let limit = params.seconds
    let stop = Atomic<Bool>(false)
    let beats = Atomic<Int>(0)
    let start = MonotonicClock.seconds()
    let worker = try Thread(starting: {
      while !stop.load(ordering: .acquiring) {
        let n = beats.wrappingAdd(1, ordering: .relaxed).newValue
        let time = Units.fixed(MonotonicClock.seconds() - start, decimals: 2)
        context.note(
          Catalog.text(
            "demo.threads.overwork",
            [
              "time": time + (Catalog.language == .ko ? "초" : " s"),
              "tid": String(Thread.currentID), "n": String(n),
            ]))
        var slept = 0.0
        while slept < interval, !stop.load(ordering: .acquiring) {
          usleep(10_000)
          slept += 0.01
        }
      }
      context.note(Catalog.text("demo.threads.retired", ["tid": String(Thread.currentID)]))
    })
    context.note(
      limit > 0
        ? Catalog.text(
          "demo.threads.waitsUpTo",
          [
            "limit": Units.fixed(limit, decimals: 1) + (Catalog.language == .ko ? "초" : " s")
          ])
        : Catalog.text("demo.threads.waits"))
    let line = context.waitForInput(timeout: limit)
    let reason =
      line != nil ? "you pressed Enter" : context.stopRequested ? "Ctrl-C" : "time was up"
    stop.store(true, ordering: .releasing)
    let setAt = MonotonicClock.seconds()
    let reasonText =
      line != nil
      ? Catalog.text("demo.threads.reason.enter")
      : context.stopRequested
        ? Catalog.text("demo.threads.reason.interrupt") : Catalog.text("demo.threads.reason.time")
    context.note(Catalog.text("demo.threads.flagSet", ["reason": reasonText]))
    worker.join()
    let joinWaited = MonotonicClock.seconds() - setAt
    context.note(Catalog.text("demo.threads.joined"))
    context.metric("overwork_lines", JSONValue(beats.load(ordering: .relaxed)))
    context.metric("stopped_by", .string(reason))
    context.metric("join_waited_seconds", JSONValue(joinWaited))
    if params.python {
      try ThreadsPython.compare(
        swift: (
          threads: count, tids: Set(rows.map { $0[2] }).count,
          lines: beats.load(ordering: .relaxed),
          flagAfter: setAt - start, joinWaited: joinWaited
        ), interval: interval, limit: limit, context: context)
    }
  }

  /// Isolation: threads share a heap; a forked child gets a copy-on-write copy.
  static let memory = DemoDefinition(
    name: "memory",
    summary: "a thread's write is seen by the main thread; a forked child's write is not",
    lesson: "threads", metrics: ThreadMetrics.memory,
    parameters: MemoryKeys.self
  ) { params, context in
    let value = Int64(params.value)
    let cell = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    defer { cell.deallocate() }
    cell.initialize(to: 0)
    let address = UInt(bitPattern: cell)
    let hex = "0x" + String(address, radix: 16)
    // A thread writes; the main thread reads the same address.
    let cellAddress = address
    let thread = try Thread(starting: {
      UnsafeMutablePointer<Int64>(bitPattern: cellAddress)!.pointee = value
    })
    thread.join()
    let seenAfterThread = cell.pointee
    // A forked child writes value + 1 at the same address in its own copy.
    cell.pointee = 0
    let pipe = try PipeEnds()
    defer { pipe.closeBoth() }
    let pid = pl_fork_write_and_report(cell, value + 1, pipe.write)
    guard pid > 0 else { throw SystemError("forking a child") }
    let status = try ChildProcess.adopting(pid: pid).wait()
    let report = try FileIO.readExactly(pipe.read, 16)
    guard report.count == 16 else {
      throw DemoError(
        Catalog.text("demo.error.childNoReportStatus", ["status": DemoText.status(status)]))
    }
    let childValue = report.withUnsafeBytes { $0.load(fromByteOffset: 0, as: Int64.self) }
    let childAddress = report.withUnsafeBytes { $0.load(fromByteOffset: 8, as: UInt64.self) }
    let seenAfterChild = cell.pointee
    let yes = Catalog.text("demo.memory.yes")
    let no = Catalog.text("demo.memory.no")
    context.table(
      Table(
        title: Catalog.text("demo.memory.title"),
        columns: [
          .init(name: Catalog.text("demo.memory.column.writer"), align: .left),
          .init(name: Catalog.text("demo.memory.column.wrote"), align: .right),
          .init(name: Catalog.text("demo.memory.column.address"), align: .right),
          .init(name: Catalog.text("demo.memory.column.writerSees"), align: .right),
          .init(name: Catalog.text("demo.memory.column.mainSees"), align: .right),
          .init(name: Catalog.text("demo.memory.column.shared"), align: .left),
        ],
        rows: [
          [
            Catalog.text("demo.memory.thread"), String(value), hex, String(value),
            String(seenAfterThread), seenAfterThread == value ? yes : no,
          ],
          [
            Catalog.text("demo.memory.child", ["pid": String(pid)]), String(value + 1),
            "0x" + String(childAddress, radix: 16),
            String(childValue), String(seenAfterChild), seenAfterChild == value + 1 ? yes : no,
          ],
        ], footer: []))
    context.note(Catalog.text("demo.memory.threadWrote"))
    context.note(Catalog.text("demo.memory.childWrote", ["value": String(seenAfterChild)]))
    context.metric("thread_write_visible", .bool(seenAfterThread == value))
    context.metric("child_write_visible", .bool(seenAfterChild == value + 1))
    context.metric("same_address", .bool(childAddress == UInt64(address)))
  }
}
