// The pipe demo's timed parts: round-trip latency at two message sizes and bandwidth by
// chunk size, each against one child pinned where `cpus=` says.
import DemoContract
import Measure
import OSKit
import Render

extension PipeDemo {
  // MARK: Latency

  static func latency(rounds: Int, placement: Placement, context: DemoContext) throws {
    context.heading("Round-trip latency")
    var cpus = CPUsSeen()
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let (child, toChild, fromChild) = try start(
      "pipe-echo", [], workers: workers, placement: placement)
    defer { FileIO.closeQuietly(fromChild) }
    let reader = FrameReader(fd: fromChild)
    var rows: [[String]] = []
    for size in [1, 4096] {
      let frame = Frames.frame([UInt8](repeating: 0x5a, count: size))
      var samples: [Double] = []
      samples.reserveCapacity(rounds)
      let warmUp = min(100, rounds)
      for i in 0..<(warmUp + rounds) {
        if i % 1024 == 0 {
          try workers.check(context)
          context.progress(Double(i) / Double(warmUp + rounds), "\(size) B round trips")
        }
        let t0 = MonotonicClock.nanoseconds()
        try FileIO.writeAll(toChild, frame)
        var length = -1
        guard try reader.next({ length = $0.count }) else {
          throw DemoError("the echo child closed its pipe")
        }
        let t1 = MonotonicClock.nanoseconds()
        guard length == size else {
          throw DemoError("the echo came back with \(length) bytes, not \(size)")
        }
        if i >= warmUp { samples.append(Double(t1 &- t0) * 1e-9) }
      }
      cpus.record(child: child.pid)
      let s = Stats(samples)
      context.metric("latency.cpus_seen", .array(cpus.pairs.map { .string($0) }))
      rows.append([
        Units.bytes(size), Units.plusMinus(mean: s.mean, σ: s.standardDeviation),
        Units.duration(s.median), Units.duration(s.percentile(99)), Units.duration(s.min),
        Units.count(rounds),
      ])
      let key = size == 1 ? "latency.1B" : "latency.4KiB"
      context.metric("\(key).median_seconds", JSONValue(s.median))
      context.metric("\(key).mean_seconds", JSONValue(s.mean))
      context.metric("\(key).stddev_seconds", JSONValue(s.standardDeviation))
      context.metric("\(key).p99_seconds", JSONValue(s.percentile(99)))
    }
    FileIO.closeQuietly(toChild)
    try workers.waitForAll(context: context)
    context.table(
      Table(
        title:
          "Round trip parent → child \(child.pid) → parent (write, child reads and writes back, read)",
        columns: [
          .init("message", align: .right), .init("mean ± σ", align: .right),
          .init("median", align: .right), .init("p99", align: .right), .init("min", align: .right),
          .init("round trips", align: .right),
        ],
        rows: rows,
        footer: [
          "after \(min(100, rounds)) untimed warm-up round trips",
          cpus.summary(placement), context.environment.summaryLine,
        ]
          + context.environment.warnings))
    context.note(
      "A round trip is four system calls and two wake-ups: the sleeping reader is woken by the write and must be scheduled before it can answer. The p99 column shows the rare slow trips, when a process had to wait for a CPU."
    )
    if placement.mode == .any {
      context.note(
        "Waking a process on another CPU costs more than switching to it on the same one, most of all when that CPU has gone idle: compare cpus=same with cpus=apart."
      )
    }
  }

  // MARK: Bandwidth

  static func bandwidth(volume: Int, placement: Placement, context: DemoContext) throws {
    context.heading("Bandwidth by chunk size")
    var cpus = CPUsSeen()
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let (child, toChild, fromChild) = try start(
      "pipe-sink", [], workers: workers, placement: placement)
    defer { FileIO.closeQuietly(fromChild) }
    let source = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { source.deallocate() }
    source.initializeMemory(as: UInt8.self, repeating: 0x33)
    var rows: [[String]] = []
    for (index, chunk) in chunkSizes.enumerated() {
      context.progress(Double(index) / Double(chunkSizes.count), "chunks of \(Units.bytes(chunk))")
      let total = max(chunk, min(volume, chunk * 16384) / chunk * chunk)
      var rates: [Double] = []
      for _ in 0..<3 {
        try workers.check(context)
        var header = [UInt8]()
        Message.appendInteger(UInt64(total), bytes: 8, to: &header)
        Message.appendInteger(UInt64(chunk), bytes: 8, to: &header)
        try FileIO.writeAll(toChild, header)
        let t0 = MonotonicClock.nanoseconds()
        var sent = 0
        while sent < total {
          try FileIO.writeAll(toChild, UnsafeRawBufferPointer(rebasing: source[0..<chunk]))
          sent += chunk
        }
        let ack = try FileIO.readExactly(fromChild, 8)
        let t1 = MonotonicClock.nanoseconds()
        guard ack.count == 8 else { throw DemoError("the reading child stopped early") }
        rates.append(Double(total) / (Double(t1 &- t0) * 1e-9))
        cpus.record(child: child.pid)
      }
      let s = Stats(rates)
      rows.append([
        Units.bytes(chunk), Units.bytes(total), Units.count(total / chunk),
        Units.rate(bytesPerSecond: s.median), Units.rate(bytesPerSecond: s.max),
      ])
      context.metric("bandwidth.\(chunk).bytes_per_second", JSONValue(s.median))
      context.metric("bandwidth.cpus_seen", .array(cpus.pairs.map { .string($0) }))
    }
    context.progress(1, "done")
    FileIO.closeQuietly(toChild)
    try workers.waitForAll(context: context)
    context.table(
      Table(
        title: "Parent → child \(child.pid) through one pipe (writes and reads of one chunk each)",
        columns: [
          .init("chunk", align: .right), .init("moved", align: .right),
          .init("writes", align: .right), .init("median of 3", align: .right),
          .init("best", align: .right),
        ],
        rows: rows,
        footer: [cpus.summary(placement), context.environment.summaryLine]
          + context.environment.warnings))
    context.note(
      "Small chunks are dominated by the fixed cost of each system call; large ones by copying (user → kernel → user, two copies per byte). A Linux pipe holds 64 KiB by default, so past that size the writer waits for the reader to drain it."
    )
    if placement.mode == .any {
      context.note(
        "Where the two processes run changes the rate several times over: on one CPU they take turns and the data stays in that CPU's cache; on two they run at once but every byte crosses between caches. Compare cpus=same with cpus=apart."
      )
    }
  }
}
