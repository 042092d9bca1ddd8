import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// The parts of the signals demo, in the order they run.
enum SignalsSection: String, ParameterChoice {
  case kill
  case latency
  case mask
  case sigchld
  case term
  case ctrlc
  case safe
}

struct SignalsKeys: ParameterSet {
  let show = EnumListParameter<SignalsSection>("show", help: "which parts of the demo to run")
  let repeats = IntParameter(
    "repeats", default: 200, range: 10...5000,
    help: "timed kill() → handler deliveries after the warm-up")
  let children = IntParameter(
    "children", default: 5, range: 1...32, help: "children the SIGCHLD parent forks")
}

/// The signals lesson's demo: kill and sigaction between two processes, delivery latency,
/// blocked and pending signals, SIGCHLD, SIGTERM against SIGKILL, what Ctrl-C does to a
/// process group, and which calls a handler may make. Every child is a raw fork() running C
/// (sigdemo.c); each part ends its children before the next begins.
public enum SignalsDemos {
  public static let all: [DemoDefinition] = [signals]

  static let signals = DemoDefinition(
    name: "signals",
    summary: "kill and sigaction between processes, masks, SIGCHLD, SIGTERM vs SIGKILL, Ctrl-C",
    lesson: "signals", metrics: SignalsMetrics.all, parameters: SignalsKeys.self
  ) { params, context in
    for section in params.show {
      try context.checkStop()
      switch section {
      case .kill: try handlerSection(context)
      case .latency: try latencySection(context, repeats: params.repeats)
      case .mask: try maskSection(context)
      case .sigchld: try sigchldSection(context, children: params.children)
      case .term: try termSection(context)
      case .ctrlc: try ctrlcSection(context)
      case .safe: safeSection(context)
      }
    }
  }

  /// A target child whose cleanup is registered: ended however the demo ends.
  static func target(
    _ context: DemoContext, catching: Bool, blockingUser: Bool = false, group: pid_t = -1
  ) throws -> SignalChannel {
    let channel = try SignalChannel.target(
      catching: catching, blockingUser: blockingUser, group: group)
    context.onCleanup { channel.end() }
    return channel
  }

  /// Waits until `pid` sleeps (state S: in its wait, with its waiting mask), up to a second.
  static func waitSleeping(_ pid: pid_t) {
    let deadline = MonotonicClock.seconds() + 1
    while ProcStat.read(pid)?.state != "S", MonotonicClock.seconds() < deadline {
      usleep(200)
    }
  }

  /// kill() from this process, sigaction's handler in the other; and a child without one.
  static func handlerSection(_ context: DemoContext) throws {
    context.heading(Catalog.text("demo.signals.heading.kill"))
    let child = try target(context, catching: true)
    try child.send(SIGUSR1)
    try child.send(SIGUSR2)
    let (handled, _) = try child.query()
    child.end()
    let me = getpid()
    var rows = handled.map { r in
      [
        "kill(\(child.pid), \(Signals.name(r.signo)))", Catalog.text("demo.signals.kill.caught"),
        String(r.pid), Catalog.text("demo.signals.kill.sender", ["pid": String(r.sender)]),
      ]
    }
    let plain = try target(context, catching: false)
    try plain.send(SIGUSR1)
    let status = try plain.child.wait()
    plain.close()
    rows.append([
      "kill(\(plain.pid), SIGUSR1)", Catalog.text("demo.signals.kill.noHandler"),
      String(plain.pid), DemoText.status(status),
    ])
    context.table(
      Table(
        title: Catalog.text("demo.signals.kill.title"),
        columns: [
          .init(name: Catalog.text("demo.signals.column.call"), align: .left),
          .init(name: Catalog.text("demo.signals.column.child"), align: .left),
          .init(name: "pid", align: .right),
          .init(name: Catalog.text("demo.signals.column.seen"), align: .left),
        ], rows: rows, footer: []))
    let fromParent = !handled.isEmpty && handled.allSatisfy { $0.sender == me }
    context.note(
      Catalog.plural(
        "demo.signals.kill.note", count: handled.count,
        ["demo": String(me), "child": String(child.pid)]))
    context.note(
      Catalog.text("demo.signals.kill.default", ["status": DemoText.status(status)]))
    context.metric("handler.caught", JSONValue(handled.count))
    context.metric("handler.sender_pid", JSONValue(Int(handled.first?.sender ?? -1)))
    context.metric("handler.sender_is_parent", .bool(fromParent))
    context.metric("handler.default_status", .string(status.description))
  }

  /// The warm-up sends before the timed ones.
  static let latencyWarmUp = 20

  /// The timed sends are shown as about this many runs (each the mean of its sends), as the
  /// other timing tables show runs × loops; the single sends' spread is in the note.
  static let latencyRuns = 20

  /// kill() to the first line of the other process's handler, `repeats` times.
  static func latencySection(_ context: DemoContext, repeats: Int) throws {
    context.heading(Catalog.text("demo.signals.heading.latency"))
    let child = try target(context, catching: true)
    let loops = max(1, repeats / latencyRuns)
    let runs = repeats / loops
    var samples: [Double] = []
    samples.reserveCapacity(runs * loops)
    let total = latencyWarmUp + runs * loops
    var usageBefore = ResourceUsage.current(.process)
    for i in 0..<total {
      if i % 64 == 0 {
        try context.checkStop()
        context.progress(
          Double(i) / Double(total), Catalog.text("demo.signals.latency.progress"))
      }
      if i == latencyWarmUp { usageBefore = ResourceUsage.current(.process) }
      let sent = MonotonicClock.nanoseconds()
      try child.send(SIGUSR1)
      guard let r = child.next(), r.kind == Int32(PL_SIG_HANDLED) else {
        throw DemoError(
          Catalog.text("demo.error.signalledNoReport", ["pid": String(child.pid)]))
      }
      if i >= latencyWarmUp { samples.append(Double(r.ns - Int64(sent)) / 1e9) }
    }
    let usage = ResourceUsage.current(.process) - usageBefore
    child.end()
    context.progress(1, Catalog.text("demo.signals.latency.progress"))
    let perRun = (0..<runs).map { run in
      samples[(run * loops)..<((run + 1) * loops)].reduce(0, +) / Double(loops)
    }
    let result = TimingResult(
      label: Catalog.text("demo.signals.latency.label"), loops: loops, perLoop: perRun,
      usage: usage)
    context.table(
      TimingTable.make(
        title: Catalog.text("demo.signals.latency.title", ["count": String(runs * loops)]),
        results: [result], environment: context.environment, width: context.style.width))
    let single = Stats(samples)
    let language = Catalog.language
    context.note(
      Catalog.text(
        "demo.signals.latency.note",
        [
          "median": Units.duration(single.median, language: language),
          "min": Units.duration(single.min, language: language),
          "max": Units.duration(single.max, language: language),
          "warmup": String(latencyWarmUp), "loops": String(loops),
        ]))
    context.metric("latency", TimingTable.metrics(result))
  }

  /// sigprocmask blocks SIGUSR1 and SIGUSR2; /proc shows them pending; unblocking delivers.
  static func maskSection(_ context: DemoContext) throws {
    context.heading(Catalog.text("demo.signals.heading.mask"))
    let child = try target(context, catching: true, blockingUser: true)
    waitSleeping(child.pid)
    let before = SignalState.read(child.pid)
    for signal in [SIGUSR1, SIGUSR1, SIGUSR1, SIGUSR2] { try child.send(signal) }
    let during = SignalState.read(child.pid)
    try child.command("u")
    guard let records = child.records(until: Int32(PL_SIG_UNBLOCKED)) else {
      throw DemoError(Catalog.text("demo.error.blockerStuck", ["pid": String(child.pid)]))
    }
    waitSleeping(child.pid)
    let after = SignalState.read(child.pid)
    child.end()
    let handled = records.filter { $0.kind == Int32(PL_SIG_HANDLED) }
    let usr1 = handled.filter { $0.signo == SIGUSR1 }.count
    let usr2 = handled.filter { $0.signo == SIGUSR2 }.count
    let value = { (names: [String]?) in names.map(SignalSet.text) ?? "?" }
    let none = Catalog.text("demo.signals.none")
    let cell = { (names: [String]?) in
      names.map { $0.isEmpty ? none : $0.joined(separator: ",") } ?? "?"
    }
    let ran = Catalog.text(
      "demo.signals.mask.ran", ["usr1": String(usr1), "usr2": String(usr2)])
    context.table(
      Table(
        title: Catalog.text("demo.signals.mask.title", ["pid": String(child.pid)]),
        columns: [
          .init(name: Catalog.text("demo.signals.column.moment"), align: .left),
          .init(name: "SigBlk", align: .left),
          .init(name: "SigPnd+ShdPnd", align: .left),
          .init(name: Catalog.text("demo.signals.column.handler"), align: .left),
        ],
        rows: [
          [
            Catalog.text("demo.signals.mask.blocked"), cell(before?.blocked),
            cell(before?.pending), "—",
          ],
          [
            Catalog.text("demo.signals.mask.sent"), cell(during?.blocked), cell(during?.pending),
            "—",
          ],
          [
            Catalog.text("demo.signals.mask.unblocked"), cell(after?.blocked), cell(after?.pending),
            ran,
          ],
        ], footer: [Catalog.text("demo.signals.mask.footer")]))
    context.note(
      Catalog.plural(
        "demo.signals.mask.note", count: usr1,
        ["pending": cell(during?.pending), "shared": cell(during?.processPending)]))
    context.metric("mask.blocked", .string(value(before?.blocked)))
    context.metric("mask.sent", JSONValue(4))
    context.metric("mask.pending", .string(value(during?.pending)))
    context.metric("mask.delivered_usr1", JSONValue(usr1))
    context.metric("mask.delivered_usr2", JSONValue(usr2))
    context.metric("mask.pending_after", .string(value(after?.pending)))
  }
}
