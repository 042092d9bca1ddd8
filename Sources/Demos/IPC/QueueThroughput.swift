// The queue demo's throughput part: the same messages through this shared-memory queue and
// through a framed pipe, timed.
import CProcLab
import DemoContract
import Measure
import OSKit
import Render

extension QueueDemo {
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
    let (received, pipeSum, pipeSeconds) = try pipeFlood(
      messages: messages, workers: workers, context: context)

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
