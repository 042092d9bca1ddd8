// The queue demo: its declaration, the shared region it builds on, and the order and
// Full/Empty parts. The other parts and the worker roles are in the other Queue*.swift files.
import CProcLab
import DemoContract
import Glibc
import Localization
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
    context.heading(Catalog.text("demo.queue.heading.order"))
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
      rows.append([CPython.swiftLabel, kind.shownName, out.map(String.init).joined(separator: " ")])
      context.metric(
        "order.\(["fifo", "lifo", "priority"][Int(kind.rawValue)])",
        .array(out.map { JSONValue(Double($0)) }))
    }
    context.table(
      Table(
        title: Catalog.text(
          "demo.queue.order.title", ["values": values.map(String.init).joined(separator: " ")]),
        columns: [
          .init(Catalog.text("demo.pipe.column.runtime")),
          .init(Catalog.text("demo.queue.column.kind")),
          .init(Catalog.text("demo.queue.column.order")),
        ],
        rows: rows + QueuePython.orderRows(python),
        footer: python.map { [CPython.footer($0, "queue.Queue, LifoQueue, PriorityQueue")] } ?? []))
    context.note(Catalog.text("demo.queue.order.note"))
  }

  // MARK: Full / Empty

  static func timeouts(_ timeout: Double, context: DemoContext, python: CPython.Program? = nil)
    throws
  {
    context.heading(Catalog.text("demo.queue.heading.timeouts"))
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
      rows.append([
        CPython.swiftLabel, call, QueuePython.shown(result),
        Units.duration(waited, language: Catalog.language), "qsize \(q.count)",
      ])
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
        title: Catalog.text("demo.queue.timeouts.title"),
        columns: [
          .init(Catalog.text("demo.pipe.column.runtime")),
          .init(Catalog.text("demo.pipe.column.call")),
          .init(Catalog.text("demo.queue.column.result")), .init("waited", align: .right),
          .init(Catalog.text("demo.queue.column.after")),
        ],
        rows: rows + QueuePython.timeoutRows(python, timeout: timeout),
        footer: python.map {
          [
            CPython.footer($0, Catalog.text("demo.queue.timeouts.pythonFooter"))
          ]
        } ?? []))
    context.metric("timeouts.put_nonblocking", .string(fullNow))
    context.metric("timeouts.put_timeout", .string(fullLater))
    context.metric("timeouts.put_waited_seconds", JSONValue(waitedFull))
    context.metric("timeouts.get_nonblocking", .string(emptyNow))
    context.metric("timeouts.get_timeout", .string(emptyLater))
    context.metric("timeouts.get_waited_seconds", JSONValue(waitedEmpty))
    context.note(
      Catalog.text(
        "demo.queue.timeouts.note",
        [
          "waited": Units.duration(waitedFull, language: Catalog.language),
          "asked": Units.duration(timeout, language: Catalog.language),
        ]))
  }
}
