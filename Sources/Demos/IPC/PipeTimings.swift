// The pipe demo's timed parts: round-trip latency at two message sizes and bandwidth by
// chunk size, each against one child pinned where `cpus=` says.
import DemoContract
import Localization
import Measure
import OSKit
import Render

extension PipeDemo {
  // MARK: Latency

  static func latency(rounds: Int, placement: Placement, context: DemoContext) throws {
    context.heading(Catalog.text("demo.pipe.heading.latency"))
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
          context.progress(
            Double(i) / Double(warmUp + rounds),
            Catalog.text("demo.pipe.progress.roundTrips", ["size": String(size)]))
        }
        let t0 = MonotonicClock.nanoseconds()
        try FileIO.writeAll(toChild, frame)
        var length = -1
        guard try reader.next({ length = $0.count }) else {
          throw DemoError(Catalog.text("demo.error.echoClosed"))
        }
        let t1 = MonotonicClock.nanoseconds()
        guard length == size else {
          throw DemoError(
            Catalog.text("demo.error.echoSize", ["got": String(length), "expected": String(size)]))
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
        title: Catalog.text("demo.pipe.latency.title", ["child": String(child.pid)]),
        columns: [
          .init(Catalog.text("demo.pipe.column.message"), align: .right),
          .init("mean ± σ", align: .right),
          .init("median", align: .right), .init("p99", align: .right), .init("min", align: .right),
          .init(Catalog.text("demo.pipe.column.roundTrips"), align: .right),
        ],
        rows: rows,
        footer: [
          Catalog.text("demo.pipe.latency.warmUp", ["count": String(min(100, rounds))]),
          cpus.summary(placement), context.environment.summaryLine,
        ]
          + context.environment.warnings))
    context.note(Catalog.text("demo.pipe.latency.note"))
    if placement.mode == .any { context.note(Catalog.text("demo.pipe.latency.placement")) }
  }

  // MARK: Bandwidth

  static func bandwidth(volume: Int, placement: Placement, context: DemoContext) throws {
    context.heading(Catalog.text("demo.pipe.heading.bandwidth"))
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
      context.progress(
        Double(index) / Double(chunkSizes.count),
        Catalog.text("demo.pipe.progress.chunks", ["size": Units.bytes(chunk)]))
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
        guard ack.count == 8 else { throw DemoError(Catalog.text("demo.error.readerStopped")) }
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
    context.progress(1, Catalog.text("demo.progress.done"))
    FileIO.closeQuietly(toChild)
    try workers.waitForAll(context: context)
    context.table(
      Table(
        title: Catalog.text("demo.pipe.bandwidth.title", ["child": String(child.pid)]),
        columns: [
          .init(Catalog.text("demo.pipe.column.chunk"), align: .right),
          .init(Catalog.text("demo.pipe.column.moved"), align: .right),
          .init(Catalog.text("demo.pipe.column.writes"), align: .right),
          .init(Catalog.text("demo.pipe.column.medianOf3"), align: .right),
          .init(Catalog.text("demo.pipe.column.best"), align: .right),
        ],
        rows: rows,
        footer: [cpus.summary(placement), context.environment.summaryLine]
          + context.environment.warnings))
    context.note(Catalog.text("demo.pipe.bandwidth.note"))
    if placement.mode == .any { context.note(Catalog.text("demo.pipe.bandwidth.placement")) }
  }
}
