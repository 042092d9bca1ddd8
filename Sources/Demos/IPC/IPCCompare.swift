import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

// The ipc-compare demo: its parameters, its run and its worker (the channel it measures
// each mechanism with is in IPCChannel.swift).

/// `ipc-compare`: the same exchange (round trips of one message, then a one-way stream of
/// chunks) over a pipe, a Unix socketpair, a POSIX message queue, shared memory with a
/// semaphore handshake, and a file; latency and bandwidth in one table, fastest first.
enum IPCCompare {
  enum Mechanism: String, ParameterChoice {
    case pipe, socketpair, mqueue, shm, file

    var label: String {
      switch self {
      case .pipe: "pipe"
      case .socketpair: "socketpair"
      case .mqueue: "POSIX mq"
      case .shm: "shm + sem"
      case .file: "file"
      }
    }

    /// Why it costs what it costs, in the run's language.
    var why: String {
      switch self {
      case .pipe: Catalog.text("demo.ipcCompare.whyPipe")
      case .socketpair: Catalog.text("demo.ipcCompare.whySocketpair")
      case .mqueue: Catalog.text("demo.ipcCompare.whyMqueue")
      case .shm: Catalog.text("demo.ipcCompare.whyShm")
      case .file: Catalog.text("demo.ipcCompare.whyFile")
      }
    }
  }

  /// A POSIX message can be at most this long here (/proc/sys/fs/mqueue/msgsize_max).
  static let mqMessageSize = 8192

  static let definition = DemoDefinition(
    name: "ipc-compare",
    summary: "one exchange over pipe, socketpair, message queue, shared memory and a file",
    lesson: "ipc-compared", metrics: IPCMetrics.ipcCompare,
    parameters: Keys.self, timeBudget: 180, run: run)

  struct Keys: ParameterSet {
    let via = EnumListParameter<Mechanism>("via", help: "which mechanisms to compare")
    let size = IntParameter(
      "size", default: 64, range: 1...8192, help: "bytes per message in the round trips")
    let rounds = IntParameter(
      "rounds", default: 2000, range: 10...200_000, help: "timed round trips")
    let chunk = IntParameter(
      "chunk", default: 65536, range: 64...(1 << 20),
      help: "bytes per message in the bandwidth test (message queues: at most 8192)")
    let volume = IntParameter(
      "volume", default: 16, range: 1...256, help: "MiB for the bandwidth test")
    let python = FlagParameter(
      "python", default: true,
      help:
        "also time CPython's Pipe() against its Queue on the same messages (lessons/python/ipc-tutorial/pipe_vs_queue.py)"
    )
  }

  struct Result {
    var mechanism: Mechanism
    var latency: Stats
    var bytesPerSecond: Double
    var chunk: Int
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let mechanisms = params.via
    let size = params.size
    let rounds = params.rounds
    let chunk = params.chunk
    let volume = params.volume << 20
    let language = Catalog.language
    let duration = { (seconds: Double) in Units.duration(seconds, language: language) }
    context.heading(Catalog.plural("demo.ipcCompare.heading", count: mechanisms.count))
    var results: [Result] = []
    for (i, m) in mechanisms.enumerated() {
      context.progress(Double(i) / Double(mechanisms.count), m.label)
      results.append(
        try measure(m, size: size, rounds: rounds, chunk: chunk, volume: volume, context: context))
    }
    context.progress(1, Catalog.text("demo.progress.done"))
    results.sort { $0.latency.median < $1.latency.median }
    let fastest = results.first?.latency.median ?? 1
    let rows = results.map { r -> [String] in
      [
        r.mechanism.label, duration(r.latency.median), duration(r.latency.percentile(99)),
        Units.ratio(r.latency.median / fastest),
        Units.rate(bytesPerSecond: r.bytesPerSecond) + (r.chunk != chunk ? "*" : ""),
        r.mechanism.why,
      ]
    }
    for r in results {
      let key = r.mechanism.rawValue
      context.metric("\(key).median_seconds", JSONValue(r.latency.median))
      context.metric("\(key).mean_seconds", JSONValue(r.latency.mean))
      context.metric("\(key).p99_seconds", JSONValue(r.latency.percentile(99)))
      context.metric("\(key).bytes_per_second", JSONValue(r.bytesPerSecond))
    }
    context.metric("order", .array(results.map { .string($0.mechanism.rawValue) }))
    var footer = [
      Catalog.text(
        "demo.ipcCompare.footer",
        [
          "size": Units.bytes(size), "rounds": Units.count(rounds), "volume": Units.bytes(volume),
          "chunk": Units.bytes(chunk),
        ]),
      context.environment.summaryLine,
    ]
    if results.contains(where: { $0.chunk != chunk }) {
      footer.append(
        Catalog.text("demo.ipcCompare.mqSize", ["size": Units.bytes(mqMessageSize)]))
    }
    let mounted = FileIO.readText("/proc/mounts")?.contains(" /dev/mqueue ") ?? false
    if mechanisms.contains(.mqueue) {
      footer.append(
        mounted
          ? Catalog.text("demo.ipcCompare.mqueue.listed")
          : Catalog.text("demo.ipcCompare.mqueue.notMounted"))
    }
    footer += context.environment.warnings
    let python: (rows: [[String]], footer: [String]) =
      params.python
      ? try IPCComparePython.rows(size: size, rounds: rounds, context: context) : ([], [])
    context.table(
      Table(
        title: Catalog.text("demo.ipcCompare.title"),
        columns: [
          .init("via"), .init("median", align: .right),
          .init("p99", align: .right), .init("relative", align: .right),
          .init(Catalog.text("demo.ipcCompare.column.bandwidth"), align: .right),
          .init(Catalog.text("demo.ipcCompare.column.why")),
        ],
        rows: rows + python.rows, footer: python.footer + footer))
    if let first = results.first, let last = results.last, results.count > 1 {
      var text = Catalog.text(
        "demo.ipcCompare.note",
        [
          "first": first.mechanism.label, "median": duration(first.latency.median),
          "last": last.mechanism.label,
          "ratio": Units.ratio(last.latency.median / max(first.latency.median, 1e-12)),
        ])
      if let best = results.max(by: { $0.bytesPerSecond < $1.bytesPerSecond }) {
        text += Catalog.text(
          "demo.ipcCompare.best",
          [
            "best": best.mechanism.label,
            "rate": Units.rate(bytesPerSecond: best.bytesPerSecond),
          ])
      }
      context.note(text)
      context.note(Catalog.text("demo.ipcCompare.file"))
    }
  }

  // MARK: Measuring one mechanism

  static func measure(
    _ m: Mechanism, size: Int, rounds: Int, chunk requested: Int, volume: Int,
    context: DemoContext
  ) throws -> Result {
    let chunk = m == .mqueue ? min(requested, mqMessageSize) : requested
    let maxMessage = max(size, chunk)
    let chunks = max(1, volume / chunk)
    let warmUp = min(200, rounds)
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    let args = [m.rawValue, String(warmUp + rounds), String(size), String(chunks), String(chunk)]
    let channel = try Channel.parentSide(
      m, maxMessage: maxMessage, workers: workers, args: args, context: context)
    defer { channel.close() }
    channel.watch = { () throws in try workers.check(context) }

    let buffer = UnsafeMutableRawPointer.allocate(byteCount: maxMessage, alignment: 64)
    defer { buffer.deallocate() }
    buffer.initializeMemory(as: UInt8.self, repeating: 0x42, count: maxMessage)
    var samples: [Double] = []
    samples.reserveCapacity(rounds)
    for i in 0..<(warmUp + rounds) {
      if i % 512 == 0 { try workers.check(context) }
      let t0 = MonotonicClock.nanoseconds()
      try channel.send(buffer, size)
      try channel.receive(buffer, size)
      let t1 = MonotonicClock.nanoseconds()
      if i >= warmUp { samples.append(Double(t1 &- t0) * 1e-9) }
    }
    let t0 = MonotonicClock.nanoseconds()
    for i in 0..<chunks {
      if i % 256 == 0 { try workers.check(context) }
      try channel.send(buffer, chunk)
    }
    try channel.receive(buffer, 1)
    let seconds = Double(MonotonicClock.nanoseconds() &- t0) * 1e-9
    channel.close()
    try workers.waitForAll(context: context)
    return Result(
      mechanism: m, latency: Stats(samples), bytesPerSecond: Double(chunks * chunk) / seconds,
      chunk: chunk)
  }

  /// `ipc-echo <mechanism> <rounds> <size> <chunks> <chunk> [names…]`: echoes `rounds`
  /// messages of `size` bytes, then takes `chunks` messages of `chunk` bytes and answers 1 byte.
  static let worker: Workers.Role = { args in
    guard args.count >= 5, let m = Mechanism(rawValue: args[0]),
      let rounds: Int = IPC.argument(args, 1), let size: Int = IPC.argument(args, 2),
      let chunks: Int = IPC.argument(args, 3), let chunk: Int = IPC.argument(args, 4)
    else { return IPC.fail("usage: ipc-echo <mechanism> <rounds> <size> <chunks> <chunk> [names]") }
    do {
      let channel = try Channel.workerSide(
        m, maxMessage: max(size, chunk), names: Array(args.dropFirst(5)))
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(size, chunk), alignment: 64)
      defer { buffer.deallocate() }
      for _ in 0..<rounds {
        try channel.receive(buffer, size)
        try channel.send(buffer, size)
      }
      for _ in 0..<chunks { try channel.receive(buffer, chunk) }
      try channel.send(buffer, 1)
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
