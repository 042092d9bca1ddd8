import CProcLab
import DemoContract
import Glibc
import Measure
import OSKit
import Render

/// `queue`: a process-safe queue with the IPC tutorial's semantics (FIFO/LIFO/priority, maxsize,
/// put/get with block and timeout, Full/Empty, task_done/join), used across processes.
enum QueueDemo {
  /// The demo's bookkeeping after the queue in the shared region.
  enum Area {
    static let attached = 0
    static let start = 8
    static let duplicates = 16
    static let consumed = 24
    static let logCursor = 32
    static let producerLog = 64  // maxLog × (start ns, end ns)
    static let maxLog = 64
    static let consumerLog = producerLog + maxLog * 16  // maxLog × (consumer, got ns, done ns)
    static let matrix = consumerLog + maxLog * 24  // producers × items Int32: consumer + 1
    static func bytes(producers: Int, items: Int) -> Int { matrix + producers * items * 4 }
  }

  static let definition = DemoDefinition(
    name: "queue",
    summary: "a process-safe queue: FIFO/LIFO/priority, maxsize, Full/Empty, task_done/join",
    lesson: "queues", metrics: IPCMetrics.queue,
    parameters: Keys.self, timeBudget: 180, run: run)

  /// The parts the demo can run, in the order it runs them.
  enum Part: String, ParameterChoice { case order, timeouts, workers, bounded, throughput }

  struct Keys: ParameterSet {
    let what = EnumListParameter<Part>("what", help: "which parts to run")
    let producers = IntParameter(
      "producers", default: 2, range: 1...8, help: "producer processes")
    let consumers = IntParameter(
      "consumers", default: 2, range: 1...8, help: "consumer processes")
    let items = IntParameter("items", default: 12, range: 1...10_000, help: "items per producer")
    let maxsize = IntParameter(
      "maxsize", default: 3, range: 1...1024,
      help: "capacity of the bounded queue that makes the producer wait")
    let delay = DecimalParameter(
      "delay", default: 0.02, range: 0...0.5,
      help: "seconds the slow consumer spends on each item (bounded part)")
    let timeout = DecimalParameter(
      "timeout", default: 0.2, range: 0.01...5,
      help: "seconds put/get wait before raising Full/Empty")
    let messages = IntParameter(
      "messages", default: 200_000, range: 1000...5_000_000,
      help: "messages in the throughput comparison with a pipe")
    let python = FlagParameter(
      "python", default: true,
      help:
        "also run the IPC tutorial's queues in CPython (lessons/python/ipc-tutorial/queue_kinds.py)"
    )
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let parts = params.what
    let python =
      params.python && (parts.contains(.order) || parts.contains(.timeouts))
      ? try QueuePython.run(params, context) : nil
    if parts.contains(.order) { try order(context: context, python: python) }
    if parts.contains(.timeouts) {
      try timeouts(params.timeout, context: context, python: python)
    }
    if parts.contains(.workers) {
      try producersAndConsumers(
        producers: params.producers, consumers: params.consumers,
        items: params.items, context: context)
    }
    if parts.contains(.bounded) {
      try bounded(
        maxsize: params.maxsize, items: min(params.items, Area.maxLog),
        delay: params.delay, context: context)
    }
    if parts.contains(.throughput) {
      try throughput(messages: params.messages, context: context)
    }
  }

  /// A region holding a queue and the demo's area, created in /dev/shm.
  struct Region {
    let memory: SharedMemory
    let queue: SharedQueue
    var area: UnsafeMutableRawPointer { memory.base + SharedQueue.bytes(capacity: capacity) }
    let capacity: Int

    init(
      kind: SharedQueue.Kind, maxsize: Int, capacity: Int, extra: Int, context: DemoContext
    ) throws {
      self.capacity = capacity
      memory = try SharedMemory.create("queue", size: SharedQueue.bytes(capacity: capacity) + extra)
      let m = memory
      context.onCleanup { m.unlink() }
      queue = try SharedQueue.create(
        at: memory.base, kind: kind, maxsize: maxsize, capacity: capacity)
    }

    func cell(_ offset: Int) -> UnsafeMutablePointer<Int64> {
      (area + offset).assumingMemoryBound(to: Int64.self)
    }
  }

  /// Attaches a worker to the region `name` of `size` bytes: the queue and the demo's area.
  static func attach(_ name: String, _ size: Int) throws -> (
    SharedMemory, SharedQueue, UnsafeMutableRawPointer
  ) {
    let memory = try SharedMemory.attach(name, size: size)
    let queue = SharedQueue.attach(at: memory.base)
    let capacity = Int(queue.header.pointee.capacity)
    let area = memory.base + SharedQueue.bytes(capacity: capacity)
    return (memory, queue, area)
  }

  // MARK: Order

  static func order(context: DemoContext, python: CPython.Program? = nil) throws {
    context.heading("The same puts, three kinds of queue")
    let values: [Int64] = [3, 1, 4, 1, 5, 9, 2, 6]
    var rows: [[String]] = []
    for kind in SharedQueue.Kind.allCases {
      let memory = try SharedMemory.create("order", size: SharedQueue.bytes(capacity: 16))
      memory.unlink()
      let q = try SharedQueue.create(at: memory.base, kind: kind, maxsize: 0, capacity: 16)
      defer { q.destroy() }
      for (i, v) in values.enumerated() { try q.put(QueueItem(priority: v, value: Int64(i))) }
      var out: [Int64] = []
      while let item = try? q.get(block: false) { out.append(item.priority) }
      rows.append([CPython.swiftLabel, kind.name, out.map(String.init).joined(separator: " ")])
      context.metric(
        "order.\(["fifo", "lifo", "priority"][Int(kind.rawValue)])",
        .array(out.map { JSONValue(Double($0)) }))
    }
    context.table(
      Table(
        title: "put: \(values.map(String.init).joined(separator: " "))   →   get until Empty:",
        columns: [.init("runtime"), .init("kind"), .init("order of get()")],
        rows: rows + QueuePython.orderRows(python),
        footer: python.map { [CPython.footer($0, "queue.Queue, LifoQueue, PriorityQueue")] } ?? []))
    context.note(
      "FIFO gives items back in the order they were put, LIFO newest first, and the priority queue lowest value first (ties keep their order), as Python's Queue, LifoQueue and PriorityQueue do."
    )
  }

  // MARK: Full / Empty

  static func timeouts(_ timeout: Double, context: DemoContext, python: CPython.Program? = nil)
    throws
  {
    context.heading("maxsize, block and timeout: Full and Empty")
    let memory = try SharedMemory.create("timeouts", size: SharedQueue.bytes(capacity: 2))
    memory.unlink()
    let q = try SharedQueue.create(at: memory.base, kind: .fifo, maxsize: 2, capacity: 2)
    defer { q.destroy() }
    var rows: [[String]] = []
    func attempt(_ call: String, _ body: () throws(QueueError) -> String) -> (String, Double) {
      let t0 = MonotonicClock.seconds()
      let result: String
      do throws(QueueError) { result = try body() } catch { result = "raised \(error)" }
      let waited = MonotonicClock.seconds() - t0
      rows.append([CPython.swiftLabel, call, result, Units.duration(waited), "qsize \(q.count)"])
      return (result, waited)
    }
    _ = attempt("put(1)") { () throws(QueueError) in
      try q.put(QueueItem(value: 1))
      return "ok"
    }
    _ = attempt("put(2)") { () throws(QueueError) in
      try q.put(QueueItem(value: 2))
      return "ok"
    }
    let (fullNow, _) = attempt("put(3, block=False)") { () throws(QueueError) in
      try q.put(QueueItem(value: 3), block: false)
      return "ok"
    }
    let (fullLater, waitedFull) = attempt("put(3, timeout=\(timeout))") { () throws(QueueError) in
      try q.put(QueueItem(value: 3), timeout: timeout)
      return "ok"
    }
    _ = attempt("get()") { () throws(QueueError) in "got \(try q.get().value)" }
    _ = attempt("get()") { () throws(QueueError) in "got \(try q.get().value)" }
    let (emptyNow, _) = attempt("get(block=False)") { () throws(QueueError) in
      "got \(try q.get(block: false).value)"
    }
    let (emptyLater, waitedEmpty) = attempt("get(timeout=\(timeout))") { () throws(QueueError) in
      "got \(try q.get(timeout: timeout).value)"
    }
    _ = attempt("task_done() × 3") { () throws(QueueError) in
      try q.taskDone()
      try q.taskDone()
      try q.taskDone()
      return "ok"
    }
    context.table(
      Table(
        title: "A queue with maxsize=2",
        columns: [
          .init("runtime"), .init("call"), .init("result"), .init("waited", align: .right),
          .init("after"),
        ],
        rows: rows + QueuePython.timeoutRows(python, timeout: timeout),
        footer: python.map {
          [
            CPython.footer(
              $0, "queue.Queue(maxsize=2); task_done/join with multiprocessing.JoinableQueue")
          ]
        } ?? []))
    context.metric("timeouts.put_nonblocking", .string(fullNow))
    context.metric("timeouts.put_timeout", .string(fullLater))
    context.metric("timeouts.put_waited_seconds", JSONValue(waitedFull))
    context.metric("timeouts.get_nonblocking", .string(emptyNow))
    context.metric("timeouts.get_timeout", .string(emptyLater))
    context.metric("timeouts.get_waited_seconds", JSONValue(waitedEmpty))
    context.note(
      "With block=False the answer is immediate; with a timeout the call sleeps on a condition variable and gives up after \(Units.duration(waitedFull)) (asked: \(Units.duration(timeout))). Only two items were put, so the third task_done() raised, as Python's does."
    )
  }

  // MARK: Producers and consumers

  static func producersAndConsumers(
    producers: Int, consumers: Int, items: Int, context: DemoContext
  ) throws {
    context.heading("\(producers) producer and \(consumers) consumer processes, one queue")
    let total = producers * items
    let region = try Region(
      kind: .fifo, maxsize: 0, capacity: total + consumers,
      extra: Area.bytes(producers: producers, items: items), context: context)
    defer { region.memory.unlink() }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    let size = region.memory.size
    var consumerPids: [Int32] = []
    var producerPids: [Int32] = []
    for c in 0..<consumers {
      consumerPids.append(
        try workers.spawn(
          "queue-consumer", [region.memory.name, String(size), String(c), "0", "0", String(items)]
        ).pid)
    }
    for p in 0..<producers {
      producerPids.append(
        try workers.spawn(
          "queue-producer", [region.memory.name, String(size), String(p), String(items), "0", "0"]
        ).pid)
    }
    let attached = region.cell(Area.attached)
    try workers.wait(until: "the workers to attach", timeout: 30, context: context) {
      pl_atomic_load(attached) >= Int64(producers + consumers)
    }
    region.memory.unlink()
    let t0 = MonotonicClock.seconds()
    pl_atomic_store(region.cell(Area.start), 1)
    // join(): wait until every item put so far has been marked done.
    try workers.wait(until: "the producers to put their items", timeout: 60, context: context) {
      region.queue.totalPuts >= total
    }
    var joined = false
    while !joined {
      try workers.check(context)
      joined = try region.queue.join(timeout: 0.1)
    }
    let joinedAt = MonotonicClock.seconds() - t0
    let unfinishedAtJoin = region.queue.unfinished
    // Sentinels tell the consumers there is no more work.
    for _ in 0..<consumers { try region.queue.put(QueueItem(value: -1, tag: -1)) }
    try workers.waitForAll(context: context)

    // Who consumed what.
    let matrix = (region.area + Area.matrix).assumingMemoryBound(to: Int32.self)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: consumers), count: producers)
    var missing = 0
    for p in 0..<producers {
      for i in 0..<items {
        let c = Int(matrix[p * items + i])
        if c >= 1 && c <= consumers { counts[p][c - 1] += 1 } else { missing += 1 }
      }
    }
    let duplicates = Int(pl_atomic_load(region.cell(Area.duplicates)))
    var rows: [[String]] = []
    for p in 0..<producers {
      rows.append(
        ["producer \(p + 1) (pid \(producerPids[p]))", String(items)] + counts[p].map(String.init))
    }
    let columnTotals = (0..<consumers).map { c in counts.reduce(0) { $0 + $1[c] } }
    rows.append(["total", String(total)] + columnTotals.map(String.init))
    context.table(
      Table(
        title: "Items put by each producer (rows) and taken by each consumer (columns)",
        columns: [.init("producer"), .init("put", align: .right)]
          + consumerPids.enumerated().map {
            .init("consumer \($0.offset + 1) (\($0.element))", align: .right)
          },
        rows: rows,
        footer: [
          "each item taken exactly once: \(missing == 0 && duplicates == 0 ? "yes" : "NO") (missing \(missing), taken twice \(duplicates)); join() returned after \(Units.duration(joinedAt)) with \(unfinishedAtJoin) unfinished"
        ]))
    context.metric("workers.items", JSONValue(Double(total)))
    context.metric("workers.consumed", JSONValue(Double(total - missing)))
    context.metric("workers.missing", JSONValue(Double(missing)))
    context.metric("workers.duplicates", JSONValue(Double(duplicates)))
    context.metric("workers.unfinished_after_join", JSONValue(Double(unfinishedAtJoin)))
    context.metric("workers.join_seconds", JSONValue(joinedAt))
    context.note(
      "Every put raised the count of unfinished tasks and every task_done() lowered it; the parent's join() slept until it reached 0, then put one sentinel per consumer to send them home. Which consumer gets an item depends on who is awake first, so the split changes from run to run."
    )
  }

  // MARK: Bounded

  static func bounded(maxsize: Int, items: Int, delay: Double, context: DemoContext) throws {
    context.heading("A bounded queue (maxsize=\(maxsize)) makes a fast producer wait")
    let region = try Region(
      kind: .fifo, maxsize: maxsize, capacity: max(maxsize, 1) + 1,
      extra: Area.bytes(producers: 1, items: items), context: context)
    defer { region.memory.unlink() }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    let size = String(region.memory.size)
    let delayMicros = String(Int(delay * 1e6))
    let consumer = try workers.spawn(
      "queue-consumer", [region.memory.name, size, "0", delayMicros, "1", String(items)])
    let producer = try workers.spawn(
      "queue-producer", [region.memory.name, size, "0", String(items), "0", "1"])
    try workers.wait(until: "the workers to attach", timeout: 30, context: context) {
      pl_atomic_load(region.cell(Area.attached)) >= 2
    }
    region.memory.unlink()
    pl_atomic_store(region.cell(Area.start), 1)
    var joined = false
    while !joined {
      try workers.check(context)
      joined = try region.queue.join(timeout: 0.1) && region.queue.totalPuts >= items
    }
    try region.queue.put(QueueItem(value: -1, tag: -1))
    try workers.waitForAll(context: context)

    let plog = (region.area + Area.producerLog).assumingMemoryBound(to: Int64.self)
    let clog = (region.area + Area.consumerLog).assumingMemoryBound(to: Int64.self)
    var putSpans: [Timeline.Span] = []
    var workSpans: [Timeline.Span] = []
    var waited = 0.0
    var waitingPuts = 0
    for i in 0..<items {
      let s = Double(plog[2 * i]) / 1e9
      let e = Double(plog[2 * i + 1]) / 1e9
      if e - s > delay / 4 {
        putSpans.append(Timeline.Span(start: s, end: e, label: "put \(i + 1)"))
        waitingPuts += 1
      }
      waited += e - s
      workSpans.append(
        Timeline.Span(
          start: Double(clog[3 * i + 1]) / 1e9, end: Double(clog[3 * i + 2]) / 1e9,
          label: "\(i + 1)"))
    }
    let timeline = Timeline(
      title: "Producer's blocked put() calls and the consumer's work on each item",
      lanes: [
        Timeline.Lane(label: "producer \(producer.pid) waits", spans: putSpans),
        Timeline.Lane(label: "consumer \(consumer.pid) works", spans: workSpans),
      ])
    context.figure(.timeline(timeline))
    context.metric("bounded.items", JSONValue(Double(items)))
    context.metric("bounded.maxsize", JSONValue(Double(maxsize)))
    context.metric("bounded.producer_wait_seconds", JSONValue(waited))
    context.metric("bounded.waiting_puts", JSONValue(Double(waitingPuts)))
    context.note(
      "The producer could run ahead by only \(maxsize) item\(maxsize == 1 ? "" : "s"); after that \(waitingPuts) of its \(items) put() calls blocked, \(Units.duration(waited)) in all, until the consumer's get() freed a slot. A bounded queue is how a fast producer is kept from filling memory."
    )
  }

  // MARK: Throughput

  static func throughput(messages: Int, context: DemoContext) throws {
    context.heading("Throughput: this queue against a pipe")
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }

    // The queue: a worker puts `messages` items, the parent gets them.
    let region = try Region(kind: .fifo, maxsize: 1024, capacity: 1024, extra: 64, context: context)
    defer { region.memory.unlink() }
    try workers.spawn(
      "queue-flood", [region.memory.name, String(region.memory.size), String(messages)])
    try workers.wait(until: "the queue worker to attach", timeout: 30, context: context) {
      pl_atomic_load(region.cell(Area.attached)) >= 1
    }
    region.memory.unlink()
    let q0 = MonotonicClock.seconds()
    pl_atomic_store(region.cell(Area.start), 1)
    var got = 0
    var checksum: Int64 = 0
    while true {
      let item: QueueItem
      do throws(QueueError) { item = try region.queue.get(timeout: 0.25) } catch .empty {
        try workers.check(context)
        continue
      }
      if item.tag == -1 { break }
      checksum &+= item.value
      got += 1
    }
    let queueSeconds = MonotonicClock.seconds() - q0
    let waits = region.queue.waits
    try workers.waitForAll(context: context)

    // The pipe: a worker sends `messages` frames of 8 bytes, the parent receives them.
    let (_, toChild, fromChild) = try PipeDemo.start(
      "pipe-flood", [String(messages)], workers: workers)
    defer { FileIO.closeQuietly(fromChild) }
    let reader = FrameReader(fd: fromChild)
    let p0 = MonotonicClock.seconds()
    try FileIO.writeAll(toChild, [1])
    FileIO.closeQuietly(toChild)
    var received = 0
    var pipeSum: Int64 = 0
    while try reader.next({ payload in
      pipeSum &+= payload.loadUnaligned(as: Int64.self)
    }) {
      received += 1
    }
    let pipeSeconds = MonotonicClock.seconds() - p0
    try workers.waitForAll(context: context)

    let expectedSum = Int64(messages) * Int64(messages - 1) / 2
    guard got == messages, checksum == expectedSum, received == messages, pipeSum == expectedSum
    else {
      throw DemoError(
        "messages were lost or damaged (queue \(got), pipe \(received) of \(messages))")
    }
    let queueRate = Double(messages) / queueSeconds
    let pipeRate = Double(messages) / pipeSeconds
    let fastest = max(queueRate, pipeRate)
    context.table(
      Table(
        title: "\(Units.count(messages)) 8-byte messages from one process to another",
        columns: [
          .init("channel"), .init("seconds", align: .right), .init("messages/s", align: .right),
          .init("per message", align: .right), .init("relative", align: .right),
        ],
        rows: [
          [
            "shared-memory queue (put/get)", Units.duration(queueSeconds),
            Units.count(Int(queueRate)), Units.duration(queueSeconds / Double(messages)),
            queueRate == fastest ? "1.00 (fastest)" : Units.ratio(fastest / queueRate),
          ],
          [
            "pipe (framed send/recv)", Units.duration(pipeSeconds), Units.count(Int(pipeRate)),
            Units.duration(pipeSeconds / Double(messages)),
            pipeRate == fastest ? "1.00 (fastest)" : Units.ratio(fastest / pipeRate),
          ],
        ],
        footer: [
          "the queue's get() had to sleep \(Units.count(waits.gets)) times, its put() \(Units.count(waits.puts)) times",
          context.environment.summaryLine,
        ] + context.environment.warnings))
    context.metric("throughput.queue_messages_per_second", JSONValue(queueRate))
    context.metric("throughput.pipe_messages_per_second", JSONValue(pipeRate))
    let winner = pipeRate > queueRate ? "the pipe" : "the shared-memory queue"
    context.note(
      "The IPC tutorial says a pipe is faster than a queue. That is true of Python's multiprocessing.Queue, which pickles each item and pushes it through a pipe with a lock and a feeder thread. This queue copies items straight into shared memory and makes a system call only to sleep or wake; here \(winner) was faster, by \(Units.ratio(max(queueRate, pipeRate) / min(queueRate, pipeRate)))."
    )
  }

  // MARK: Workers

  /// Attaches a worker to the queue's shared memory, says so, and waits at the start line.
  /// - Returns: nil when the start signal never came.
  static func attachAtStartLine(
    _ name: String, _ size: Int
  ) throws -> (SharedMemory, SharedQueue, UnsafeMutableRawPointer)? {
    let (memory, queue, area) = try attach(name, size)
    let cell = { (o: Int) in (area + o).assumingMemoryBound(to: Int64.self) }
    pl_atomic_add(cell(Area.attached), 1)
    guard pl_spin_until_set(cell(Area.start), 60_000_000_000) == 1 else { return nil }
    return (memory, queue, area)
  }

  /// `queue-producer <shm> <size> <index> <count> <delay µs> <log 0|1>`.
  static let producerWorker: Workers.Role = { args in
    guard args.count == 6, let size: Int = IPC.argument(args, 1),
      let index: Int = IPC.argument(args, 2), let count: Int = IPC.argument(args, 3),
      let delay: UInt32 = IPC.argument(args, 4), let log: Int = IPC.argument(args, 5)
    else { return IPC.fail("usage: queue-producer <shm> <size> <index> <count> <delay µs> <log>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      let plog = (area + Area.producerLog).assumingMemoryBound(to: Int64.self)
      for i in 0..<count {
        let t0 = IPC.now()
        try queue.put(QueueItem(priority: Int64(i), value: Int64(i), producer: Int32(index)))
        if log == 1 && i < Area.maxLog {
          plog[2 * i] = t0
          plog[2 * i + 1] = IPC.now()
        }
        if delay > 0 { usleep(delay) }
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `queue-consumer <shm> <size> <index> <delay µs> <log 0|1> <items per producer>`.
  static let consumerWorker: Workers.Role = { args in
    guard args.count == 6, let size: Int = IPC.argument(args, 1),
      let index: Int = IPC.argument(args, 2), let delay: UInt32 = IPC.argument(args, 3),
      let log: Int = IPC.argument(args, 4), let items: Int = IPC.argument(args, 5)
    else { return IPC.fail("usage: queue-consumer <shm> <size> <index> <delay µs> <log> <items>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      let cell = { (o: Int) in (area + o).assumingMemoryBound(to: Int64.self) }
      let matrix = (area + Area.matrix).assumingMemoryBound(to: Int32.self)
      let clog = (area + Area.consumerLog).assumingMemoryBound(to: Int64.self)
      let limit =
        (memory.size - SharedQueue.bytes(capacity: Int(queue.header.pointee.capacity)) - Area.matrix)
        / 4
      while true {
        let item = try queue.get()
        if item.tag == -1 {
          try queue.taskDone()
          return 0
        }
        let t0 = IPC.now()
        let slot = Int(item.producer) * items + Int(item.value)
        if slot >= 0 && slot < limit {
          // Each item reaches one consumer; a second mark would mean it was taken twice.
          if matrix[slot] != 0 { pl_atomic_add(cell(Area.duplicates), 1) }
          matrix[slot] = Int32(index + 1)
        }
        if delay > 0 { usleep(delay) }
        if log == 1 {
          let n = Int(pl_atomic_add(cell(Area.logCursor), 1))
          if n < Area.maxLog {
            clog[3 * n] = Int64(index)
            clog[3 * n + 1] = t0
            clog[3 * n + 2] = IPC.now()
          }
        }
        pl_atomic_add(cell(Area.consumed), 1)
        try queue.taskDone()
      }
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `queue-flood <shm> <size> <count>`: puts `count` items as fast as it can, then a sentinel.
  static let floodWorker: Workers.Role = { args in
    guard args.count == 3, let size: Int = IPC.argument(args, 1),
      let count: Int = IPC.argument(args, 2)
    else { return IPC.fail("usage: queue-flood <shm> <size> <count>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      for i in 0..<count { try queue.put(QueueItem(value: Int64(i))) }
      try queue.put(QueueItem(value: -1, tag: -1))
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-flood <count>`: waits for one byte on stdin, then sends `count` 8-byte frames.
  static let pipeFloodWorker: Workers.Role = { args in
    guard let count: Int = IPC.argument(args, 0) else {
      return IPC.fail("usage: pipe-flood <count>")
    }
    do {
      _ = try FileIO.readExactly(0, 1)
      var frame = [UInt8](repeating: 0, count: 12)
      frame[0] = 8
      for i in 0..<count {
        withUnsafeBytes(of: Int64(i).littleEndian) { raw in
          for b in 0..<8 { frame[4 + b] = raw[b] }
        }
        try FileIO.writeAll(1, frame)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
