// The queue demo's throughput part: the same messages through this shared-memory queue and
// through a framed pipe, timed.
import CProcLab
import DemoContract
import Localization
import Measure
import OSKit
import Render

extension QueueDemo {
  // MARK: Throughput

  static func throughput(messages: Int, context: DemoContext) throws {
    context.heading(Catalog.text("demo.queue.heading.throughput"))
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }

    // The queue: a worker puts `messages` items, the parent gets them.
    let region = try Region(kind: .fifo, maxsize: 1024, capacity: 1024, extra: 64, context: context)
    defer { region.memory.unlink() }
    try workers.spawn(
      "queue-flood", [region.memory.name, String(region.memory.size), String(messages)])
    try workers.wait(
      until: Catalog.text("demo.wait.queueWorkerAttach"), timeout: 30, context: context
    ) {
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
    let (received, pipeSum, pipeSeconds) = try pipeFlood(
      messages: messages, workers: workers, context: context)

    let expectedSum = Int64(messages) * Int64(messages - 1) / 2
    guard got == messages, checksum == expectedSum, received == messages, pipeSum == expectedSum
    else {
      throw DemoError(
        Catalog.text(
          "demo.error.messagesLost",
          ["queue": String(got), "pipe": String(received), "count": String(messages)]))
    }
    let queueRate = Double(messages) / queueSeconds
    let pipeRate = Double(messages) / pipeSeconds
    let fastest = max(queueRate, pipeRate)
    let language = Catalog.language
    let duration = { (seconds: Double) in Units.duration(seconds, language: language) }
    context.table(
      Table(
        title: Catalog.text("demo.queue.throughput.title", ["count": Units.count(messages)]),
        columns: [
          .init(Catalog.text("demo.queue.column.channel")),
          .init(Catalog.text("demo.queue.column.seconds"), align: .right),
          .init(Catalog.text("demo.queue.column.rate"), align: .right),
          .init(Catalog.text("demo.queue.column.perMessage"), align: .right),
          .init("relative", align: .right),
        ],
        rows: [
          [
            Catalog.text("demo.queue.throughput.queue"), duration(queueSeconds),
            Units.count(Int(queueRate)), duration(queueSeconds / Double(messages)),
            queueRate == fastest
              ? Catalog.text("demo.timing.fastest") : Units.ratio(fastest / queueRate),
          ],
          [
            Catalog.text("demo.queue.throughput.pipe"), duration(pipeSeconds),
            Units.count(Int(pipeRate)), duration(pipeSeconds / Double(messages)),
            pipeRate == fastest
              ? Catalog.text("demo.timing.fastest") : Units.ratio(fastest / pipeRate),
          ],
        ],
        footer: [
          Catalog.text(
            "demo.queue.throughput.sleeps",
            ["gets": Units.count(waits.gets), "puts": Units.count(waits.puts)]),
          context.environment.summaryLine,
        ] + context.environment.warnings))
    context.metric("throughput.queue_messages_per_second", JSONValue(queueRate))
    context.metric("throughput.pipe_messages_per_second", JSONValue(pipeRate))
    context.note(
      Catalog.text(
        pipeRate > queueRate
          ? "demo.queue.throughput.note.pipe" : "demo.queue.throughput.note.queue",
        ["ratio": Units.ratio(max(queueRate, pipeRate) / min(queueRate, pipeRate))]))
  }

  /// Has a `pipe-flood` worker send `messages` 8-byte frames and receives them.
  /// - Returns: the frames received, the sum of their values and the seconds it took.
  static func pipeFlood(messages: Int, workers: WorkerGroup, context: DemoContext) throws -> (
    received: Int, sum: Int64, seconds: Double
  ) {
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
    return (received, pipeSum, pipeSeconds)
  }
}
