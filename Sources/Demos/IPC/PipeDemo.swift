// The pipe demo: its declaration and the message, byte-stream and duplex parts. The timed parts
// are in PipeTimings.swift, its children in PipeWorkers.swift, `cpus=` in Placement.swift.
import DemoContract
import Glibc
import Localization
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
    context.heading(Catalog.text("demo.pipe.heading.oneWay"))
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
    if received.count > 4 {
      rows.append(["…", Catalog.text("demo.pipe.more", ["count": String(received.count - 4)])])
    }
    let yes = Catalog.text("demo.pipe.yes")
    let no = Catalog.text("demo.pipe.no")
    context.table(
      Table(
        title: Catalog.text(
          "demo.pipe.oneWay.title", ["parent": String(getpid()), "child": String(child.pid)]),
        columns: [
          .init("#", align: .right),
          .init(Catalog.text("demo.pipe.column.message"), align: .left),
        ], rows: rows,
        footer: [
          Catalog.text(
            "demo.pipe.oneWay.footer",
            [
              "received": String(received.count), "sent": String(sent),
              "inOrder": inOrder ? yes : no, "intact": intact ? yes : no,
              "reads": String(reader.reads),
            ])
        ]))
    context.metric("frames.sent", JSONValue(Double(sent)))
    context.metric("frames.received", JSONValue(Double(received.count)))
    context.metric("frames.in_order", .bool(inOrder))
    context.metric("frames.intact", .bool(intact))
    context.metric("frames.reads", JSONValue(Double(reader.reads)))
    context.note(
      Catalog.text(
        "demo.pipe.oneWay.note",
        ["reads": String(reader.reads), "frames": String(received.count)]))
    return (received.first, child.pid, getpid())
  }

  // MARK: framing=off

  static let streamWrites = [seedMessage, .text("second"), .list([.int(3), .text("third")])]

  static func byteStream(context: DemoContext) throws {
    context.heading(Catalog.text("demo.pipe.heading.stream"))
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
      rows.append([
        Catalog.text("demo.pipe.stream.write", ["n": String(i + 1)]),
        Catalog.text("demo.pipe.stream.bytes", ["bytes": String(sizes[i])]), m.description,
      ])
    }
    for (i, r) in reads.enumerated() {
      rows.append([
        Catalog.text("demo.pipe.stream.read", ["n": String(i + 1)]),
        Catalog.text("demo.pipe.stream.bytes", ["bytes": String(r.count)]),
        Catalog.text("demo.pipe.stream.glued", ["count": String(streamWrites.count)]),
      ])
    }
    context.table(
      Table(
        title: Catalog.text("demo.pipe.stream.title"),
        columns: [
          .init(Catalog.text("demo.pipe.column.call"), align: .left),
          .init(Catalog.text("demo.pipe.column.size"), align: .right),
          .init(Catalog.text("demo.pipe.column.content")),
        ],
        rows: rows, footer: []))
    context.metric("framing.writes", JSONValue(Double(sizes.count)))
    context.metric("framing.reads", JSONValue(Double(reads.count)))
    context.metric("framing.bytes", JSONValue(Double(reads.reduce(0) { $0 + $1.count })))
    context.note(
      Catalog.text(
        reads.count == 1 ? "demo.pipe.stream.note.single" : "demo.pipe.stream.note.several",
        [
          "writes": String(sizes.count), "reads": String(reads.count),
          "bytes": String(reads.map(\.count).reduce(0, +)),
        ]))
  }

  // MARK: Duplex

  static func duplex(context: DemoContext) throws {
    context.heading(Catalog.text("demo.pipe.heading.duplex"))
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
        throw DemoError(Catalog.text("demo.error.childClosedPipe"))
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
        title: Catalog.text(
          "demo.pipe.duplex.title", ["parent": String(getpid()), "child": String(child.pid)]),
        columns: [
          .init(Catalog.text("demo.pipe.column.parentSent")),
          .init(Catalog.text("demo.pipe.column.childReplied")),
        ], rows: rows, footer: []))
    context.metric("duplex.round_trips", JSONValue(Double(rows.count)))
    context.metric("duplex.correct", .bool(correct))
    context.note(Catalog.text("demo.pipe.duplex.note"))
  }
}
