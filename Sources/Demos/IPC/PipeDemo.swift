import DemoContract
import Glibc
import Measure
import OSKit
import Render

/// `pipe`: the IPC tutorial's `Pipe()` — send/recv of structured messages between two processes
/// over length-prefixed frames, one-way and duplex, with latency and bandwidth measured.
enum PipeDemo {
  static let chunkSizes = [64, 256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20]

  static let definition = DemoDefinition(
    name: "pipe",
    summary: "send/recv structured messages over a pipe: framing, latency, bandwidth",
    lesson: "pipes", metrics: IPCMetrics.pipe,
    parameters: Keys.self, timeBudget: 120, run: run)

  /// The parts the demo can run, in the order it runs them.
  enum Part: String, ParameterChoice { case message, duplex, latency, bandwidth }

  struct Keys: ParameterSet {
    let what = EnumListParameter<Part>("what", help: "which parts to run")
    let framing = FlagParameter(
      "framing", default: true,
      help: "length-prefix each message (off: show the pipe is a byte stream)")
    let messages = IntParameter(
      "messages", default: 200, range: 1...100_000,
      help: "numbered messages the child sends after the IPC tutorial's [42, None, 'hello']")
    let rounds = IntParameter(
      "rounds", default: 2000, range: 10...1_000_000, help: "timed round trips per message size")
    let volume = IntParameter(
      "volume", default: 16, range: 1...256,
      help: "MiB sent per chunk size in the bandwidth test (less for small chunks)")
    let cpus = EnumParameter<Placement.Mode>(
      "cpus", default: .any,
      help: "where parent and child run: as the scheduler likes, pinned to one CPU, or to two")
    let python = FlagParameter(
      "python", default: true,
      help:
        "also send [42, None, 'hello'] through CPython's Pipe() (lessons/python/ipc-tutorial/pipe_send_recv.py)"
    )
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let parts = params.what
    let placement = try Placement(params.cpus, allowed: context.environment.affinity)
    try placement.pinParent()
    context.metric("cpus", .string(placement.mode.rawValue))
    if parts.contains(.message) {
      if params.framing {
        let first = try oneWay(count: params.messages, context: context)
        if params.python { try PipePython.compare(first, context) }
      } else {
        try byteStream(context: context)
      }
    }
    if parts.contains(.duplex) { try duplex(context: context) }
    if parts.contains(.latency) {
      try latency(rounds: params.rounds, placement: placement, context: context)
    }
    if parts.contains(.bandwidth) {
      try bandwidth(volume: params.volume << 20, placement: placement, context: context)
    }
  }

  /// Starts `role` with a pipe to its stdin and one from its stdout.
  static func start(
    _ role: String, _ args: [String], workers: WorkerGroup, placement: Placement = .any
  ) throws -> (child: ChildProcess, toChild: Int32, fromChild: Int32) {
    let down = try PipeEnds()
    let up: PipeEnds
    do { up = try PipeEnds() } catch {
      down.closeBoth()
      throw error
    }
    let child: ChildProcess
    do {
      child = try placement.spawningChild {
        try workers.spawn(role, args, stdin: down.read, stdout: up.write)
      }
    } catch {
      down.closeBoth()
      up.closeBoth()
      throw error
    }
    FileIO.closeQuietly(down.read)
    FileIO.closeQuietly(up.write)
    return (child, down.write, up.read)
  }

  /// The numbered messages the sender makes: sequence, sender pid, text, patterned bytes.
  static func numbered(_ seq: Int, pid: Int32) -> Message {
    let length = (seq * 97) % 3001
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: seq &* 31 &+ $0) }
    return .list([.int(Int64(seq)), .int(Int64(pid)), .text("message \(seq)"), .bytes(bytes)])
  }

  static let seedMessage = Message.list([.int(42), .none, .text("hello")])

  // MARK: One-way, framed

  /// - Returns: the first message received, the IPC tutorial's `[42, None, 'hello']`, and
  ///   the pids that sent and received it.
  @discardableResult
  static func oneWay(count: Int, context: DemoContext) throws -> (
    message: Message?, child: Int32, parent: Int32
  ) {
    context.heading("One-way: the child sends, the parent receives")
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let (child, toChild, fromChild) = try start(
      "pipe-send", [String(count), "1"], workers: workers)
    FileIO.closeQuietly(toChild)
    defer { FileIO.closeQuietly(fromChild) }
    let reader = FrameReader(fd: fromChild)
    var received: [Message] = []
    var inOrder = true
    var intact = true
    while let message = try reader.nextMessage() {
      try workers.check(context)
      if received.isEmpty {
        intact = intact && message == seedMessage
      } else {
        let seq = received.count
        if case .list(let items) = message, items.count == 4, case .int(let s) = items[0] {
          if s != Int64(seq) { inOrder = false }
          intact = intact && message == numbered(Int(s), pid: child.pid)
        } else {
          intact = false
        }
      }
      received.append(message)
    }
    try workers.waitForAll(context: context)
    let sent = count + 1
    var rows: [[String]] = []
    for (i, m) in received.prefix(4).enumerated() {
      let text = m.description
      rows.append([String(i + 1), text.count > 60 ? String(text.prefix(57)) + "..." : text])
    }
    if received.count > 4 { rows.append(["…", "\(received.count - 4) more"]) }
    context.table(
      Table(
        title: "parent \(getpid()) received from child \(child.pid) (recv, one frame each)",
        columns: [.init("#", align: .right), .init("message", align: .left)], rows: rows,
        footer: [
          "\(received.count) of \(sent) frames received; in order: \(inOrder ? "yes" : "NO"); intact: \(intact ? "yes" : "NO"); \(reader.reads) read() calls"
        ]))
    context.metric("frames.sent", JSONValue(Double(sent)))
    context.metric("frames.received", JSONValue(Double(received.count)))
    context.metric("frames.in_order", .bool(inOrder))
    context.metric("frames.intact", .bool(intact))
    context.metric("frames.reads", JSONValue(Double(reader.reads)))
    context.note(
      "Like the IPC tutorial's f(conn), the child sent [42, None, 'hello'] and the parent printed it after recv(). Each message went out as one write of a 4-byte length and the encoded message (Python's Connection does the same with a pickle); the parent needed \(reader.reads) reads for \(received.count) frames, and the lengths are what let it split them."
    )
    return (received.first, child.pid, getpid())
  }

  // MARK: framing=off

  static let streamWrites = [seedMessage, .text("second"), .list([.int(3), .text("third")])]

  static func byteStream(context: DemoContext) throws {
    context.heading("A pipe is a byte stream: three writes, no framing")
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let (_, toChild, fromChild) = try start("pipe-send", ["0", "0"], workers: workers)
    FileIO.closeQuietly(toChild)
    defer { FileIO.closeQuietly(fromChild) }
    // Let the child finish all its writes before the first read.
    try workers.waitForAll(context: context)
    var reads: [[UInt8]] = []
    while true {
      let chunk = try FileIO.read(fromChild, upTo: 65536)
      if chunk.isEmpty { break }
      reads.append(chunk)
    }
    let sizes = streamWrites.map { $0.encoded.count }
    var rows: [[String]] = []
    for (i, m) in streamWrites.enumerated() {
      rows.append(["write \(i + 1)", "\(sizes[i]) bytes", m.description])
    }
    for (i, r) in reads.enumerated() {
      rows.append([
        "read \(i + 1)", "\(r.count) bytes", "holds all \(streamWrites.count) messages, glued",
      ])
    }
    context.table(
      Table(
        title: "What the child wrote, and what the parent's read() returned",
        columns: [.init("call", align: .left), .init("size", align: .right), .init("content")],
        rows: rows, footer: []))
    context.metric("framing.writes", JSONValue(Double(sizes.count)))
    context.metric("framing.reads", JSONValue(Double(reads.count)))
    context.metric("framing.bytes", JSONValue(Double(reads.reduce(0) { $0 + $1.count })))
    context.note(
      "\(sizes.count) writes arrived as \(reads.count) read\(reads.count == 1 ? "" : "s") of \(reads.map(\.count).reduce(0, +)) bytes: the kernel keeps bytes, not messages. Something must mark where each message ends; framing=on puts a 4-byte length in front of each."
    )
  }

  // MARK: Duplex

  static func duplex(context: DemoContext) throws {
    context.heading("Duplex: requests one way, replies the other")
    let workers = WorkerGroup()
    defer { workers.killAll() }
    let (child, toChild, fromChild) = try start("pipe-serve", [], workers: workers)
    defer { FileIO.closeQuietly(fromChild) }
    let reader = FrameReader(fd: fromChild)
    var rows: [[String]] = []
    var correct = true
    let requests: [Message] =
      [seedMessage] + (1...4).map { .list([.text("square"), .int(Int64($0 * 7))]) }
    for request in requests {
      try workers.check(context)
      try Frames.send(request, to: toChild)
      guard let reply = try reader.nextMessage() else {
        throw DemoError("the child closed its pipe early")
      }
      if case .list(let r) = request, r.count == 2, case .int(let n) = r[1] {
        correct =
          correct && reply == .list([.text("squared"), .int(n * n), .int(Int64(child.pid))])
      } else {
        correct = correct && reply == .list([.text("echo"), request])
      }
      rows.append([request.description, reply.description])
    }
    FileIO.closeQuietly(toChild)
    try workers.waitForAll(context: context)
    context.table(
      Table(
        title: "parent \(getpid()) → child \(child.pid) → parent, over two pipes",
        columns: [.init("parent sent"), .init("child replied")], rows: rows, footer: []))
    context.metric("duplex.round_trips", JSONValue(Double(rows.count)))
    context.metric("duplex.correct", .bool(correct))
    context.note(
      "A pipe carries bytes one way only, so a two-way conversation uses two of them. Python's Pipe() is duplex by default and uses a Unix socketpair instead; Pipe(duplex=False) is a single os.pipe(), like the one-way part above."
    )
  }

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

  // MARK: Workers

  /// `pipe-send <count> <framed>`: the IPC tutorial's f(conn), then `count` numbered messages.
  static let sendWorker: Workers.Role = { args in
    guard let count: Int = IPC.argument(args, 0), let framed: Int = IPC.argument(args, 1) else {
      return IPC.fail("usage: pipe-send <count> <framed 0|1>")
    }
    do {
      if framed == 0 {
        for m in streamWrites { try FileIO.writeAll(1, m.encoded) }
        return 0
      }
      try Frames.send(seedMessage, to: 1)
      for seq in 1...max(1, count) where seq <= count {
        try Frames.send(numbered(seq, pid: getpid()), to: 1)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-echo`: writes every frame back as it came.
  static let echoWorker: Workers.Role = { _ in
    let reader = FrameReader(fd: 0)
    do {
      while try reader.next({ payload in
        let whole = UnsafeRawBufferPointer(
          start: payload.baseAddress! - 4, count: payload.count + 4)
        try FileIO.writeAll(1, whole)
      }) {}
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-serve`: answers ['square', n] with ['squared', n*n, pid], echoes anything else.
  static let serveWorker: Workers.Role = { _ in
    let reader = FrameReader(fd: 0)
    do {
      while let m = try reader.nextMessage() {
        let reply: Message
        if case .list(let items) = m, items.count == 2, items[0] == .text("square"),
          case .int(let n) = items[1]
        {
          reply = .list([.text("squared"), .int(n &* n), .int(Int64(getpid()))])
        } else {
          reply = .list([.text("echo"), m])
        }
        try Frames.send(reply, to: 1)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-sink`: repeatedly reads a 16-byte header (total, chunk), then `total` bytes in
  /// reads of `chunk`, then acknowledges with 8 bytes.
  static let sinkWorker: Workers.Role = { _ in
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { buffer.deallocate() }
    do {
      while true {
        let header = try FileIO.readExactly(0, 16)
        if header.isEmpty { return 0 }
        guard header.count == 16 else { return IPC.fail("short header") }
        var total = 0
        var chunk = 0
        for i in 0..<8 {
          total |= Int(header[i]) << (8 * i)
          chunk |= Int(header[8 + i]) << (8 * i)
        }
        chunk = max(1, min(chunk, 1 << 20))
        var got = 0
        while got < total {
          let n = read(0, buffer, min(chunk, total - got))
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { return IPC.fail("stream ended after \(got) of \(total) bytes") }
          got += n
        }
        try FileIO.writeAll(1, Array(header[0..<8]))
      }
    } catch {
      return IPC.fail("\(error)")
    }
  }
}

/// Where the pipe demo's parent and child run (`cpus=`): wherever the scheduler puts them, both
/// pinned to one CPU, or each pinned to its own.
struct Placement: Sendable {
  /// The `cpus=` choices.
  enum Mode: String, ParameterChoice {
    case any, same, apart
  }

  var mode: Mode
  var parentCPU: Int32?
  var childCPU: Int32?

  static let any = Placement(mode: .any, parentCPU: nil, childCPU: nil)

  init(mode: Mode, parentCPU: Int32?, childCPU: Int32?) {
    self.mode = mode
    self.parentCPU = parentCPU
    self.childCPU = childCPU
  }

  /// - Parameter allowed: the CPUs this process may use, ascending.
  init(_ mode: Mode, allowed: [Int]) throws {
    switch mode {
    case .same:
      guard let first = allowed.first else {
        throw DemoError("cpus=same: this process's CPU affinity is empty")
      }
      self.init(mode: mode, parentCPU: Int32(first), childCPU: Int32(first))
    case .apart:
      guard allowed.count >= 2 else {
        throw DemoError(
          "cpus=apart needs two CPUs, and this process may use only CPU "
            + "\(MachineEnvironment.formatCPUList(allowed)); use cpus=same or cpus=any")
      }
      self.init(mode: mode, parentCPU: Int32(allowed[0]), childCPU: Int32(allowed[1]))
    case .any:
      self = .any
    }
  }

  /// Pins the demo process (sched_setaffinity) where this placement wants it.
  func pinParent() throws {
    guard let parentCPU else { return }
    guard CPUAffinity.pin([parentCPU]) else {
      throw DemoError(
        "could not pin this process to CPU \(parentCPU): \(String(cString: strerror(errno)))")
    }
  }

  /// Runs `spawn` with the demo process pinned to the child's CPU, so the child inherits it,
  /// then pins the demo process back.
  func spawningChild<T>(_ spawn: () throws -> T) throws -> T {
    guard let childCPU, let parentCPU, childCPU != parentCPU else { return try spawn() }
    guard CPUAffinity.pin([childCPU]) else {
      throw DemoError(
        "could not pin the child to CPU \(childCPU): \(String(cString: strerror(errno)))")
    }
    defer { _ = CPUAffinity.pin([parentCPU]) }
    return try spawn()
  }
}

/// The CPUs the parent and its child were last seen on, after each timed transfer.
struct CPUsSeen {
  private var counts: [String: Int] = [:]
  private var order: [String] = []

  /// Notes where this process runs now and where `child` last ran (/proc/<pid>/stat).
  mutating func record(child: pid_t) {
    let parent = CPUAffinity.current().map(String.init) ?? "?"
    let child = ProcStat.read(child)?.lastCPU.map(String.init) ?? "?"
    let key = "\(parent)/\(child)"
    if counts[key] == nil { order.append(key) }
    counts[key, default: 0] += 1
  }

  /// Each parent/child pair seen, once per distinct pair ("0/1").
  var pairs: [String] { order }

  /// One footer line: the placement, and what was seen.
  func summary(_ placement: Placement) -> String {
    let seen =
      "parent/child seen on CPUs "
      + order.map { counts[$0] == 1 ? $0 : "\($0) ×\(counts[$0] ?? 0)" }.joined(separator: ", ")
    switch placement.mode {
    case .same:
      return "cpus=same: both pinned to CPU \(placement.parentCPU ?? 0); \(seen)"
    case .apart:
      return
        "cpus=apart: parent pinned to CPU \(placement.parentCPU ?? 0), child to CPU "
        + "\(placement.childCPU ?? 0); \(seen)"
    case .any:
      return "cpus=any (not pinned): \(seen)"
    }
  }
}
