import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// The signals demo's parts about ends: of children (SIGCHLD), of the child itself (SIGTERM
/// and SIGKILL), of a whole process group (Ctrl-C), and what a handler may call.
extension SignalsDemos {
  /// The children of `parent` in state Z, read from /proc.
  static func zombies(of parent: pid_t) -> [pid_t] {
    ProcessTree.allPids().compactMap(ProcStat.read).filter {
      $0.ppid == parent && $0.state == "Z"
    }.map(\.pid)
  }

  static func errnoName(_ code: Int32) -> String {
    switch code {
    case 0: "none"
    case ECHILD: "ECHILD"
    case EINTR: "EINTR"
    default: "errno \(code)"
    }
  }

  /// One SIGCHLD parent: forks `children`, handles SIGCHLD as `mode` says, and reports.
  /// - Returns: its record and the zombies it has when it reports (waited for, up to 2 s, in
  ///   the default mode, where they are the point).
  static func sigchldRun(_ context: DemoContext, mode: Int32, children: Int) throws -> (
    record: SignalRecord, zombies: Int
  ) {
    let parent = try SignalChannel.start("the SIGCHLD parent") { pipes in
      pl_fork_sigchld_parent(&pipes, mode, Int32(children), signalChildLifetime)
    }
    context.onCleanup { parent.end() }
    guard let record = parent.next(timeout: 5), record.kind == Int32(PL_SIG_CHILDREN) else {
      parent.end()
      throw DemoError(Catalog.text("demo.error.sigchldNoReport", ["pid": String(parent.pid)]))
    }
    var left = zombies(of: parent.pid)
    if mode == Int32(PL_SIGCHLD_DEFAULT) {
      let deadline = MonotonicClock.seconds() + 2
      while left.count < Int(record.usr1), MonotonicClock.seconds() < deadline {
        usleep(1_000)
        left = zombies(of: parent.pid)
      }
    }
    // Let it go: its zombies are re-parented to this process (a subreaper), which reaps them.
    parent.close()
    _ = try? parent.child.wait()
    for pid in left {
      var status: Int32 = 0
      for _ in 0..<1000 where waitpid(pid, &status, WNOHANG) == 0 { usleep(1_000) }
    }
    return (record, left.count)
  }

  static func sigchldSection(_ context: DemoContext, children: Int) throws {
    context.heading(Catalog.text("demo.signals.heading.sigchld"))
    let handled = try sigchldRun(context, mode: Int32(PL_SIGCHLD_HANDLER), children: children)
    let ignored = try sigchldRun(context, mode: Int32(PL_SIGCHLD_IGNORE), children: children)
    let unreaped = try sigchldRun(context, mode: Int32(PL_SIGCHLD_DEFAULT), children: children)
    let waitError = errnoName(ignored.record.term)
    context.table(
      Table(
        title: Catalog.plural("demo.signals.sigchld.title", count: children),
        columns: [
          .init(name: Catalog.text("demo.signals.column.disposition"), align: .left),
          .init(name: Catalog.text("demo.signals.column.reapedBy"), align: .left),
          .init(name: Catalog.text("demo.signals.column.zombies"), align: .right),
        ],
        rows: [
          [
            Catalog.text("demo.signals.sigchld.handler"),
            Catalog.text(
              "demo.signals.sigchld.byHandler",
              [
                "children": Catalog.plural("demo.count.children", count: Int(handled.record.usr2)),
                "runs": Catalog.plural("demo.count.runs", count: Int(handled.record.intr)),
              ]),
            String(handled.zombies),
          ],
          [
            "SIG_IGN", Catalog.text("demo.signals.sigchld.byKernel", ["errno": waitError]),
            String(ignored.zombies),
          ],
          [
            "SIG_DFL", Catalog.text("demo.signals.sigchld.byNobody"), String(unreaped.zombies),
          ],
        ], footer: [Catalog.text("demo.signals.sigchld.footer")]))
    context.note(
      Catalog.plural(
        "demo.signals.sigchld.note", count: Int(handled.record.intr),
        [
          "reaped": String(handled.record.usr2),
          "children": Catalog.plural("demo.count.children", count: children),
        ]))
    context.note(Catalog.text("demo.signals.sigchld.ignored", ["errno": waitError]))
    context.metric("sigchld.children", JSONValue(children))
    context.metric("sigchld.reaped", JSONValue(Int(handled.record.usr2)))
    context.metric("sigchld.handler_runs", JSONValue(Int(handled.record.intr)))
    context.metric("sigchld.zombies", JSONValue(handled.zombies))
    context.metric("ignored.waitpid_errno", .string(waitError))
    context.metric("ignored.zombies", JSONValue(ignored.zombies))
    context.metric("unreaped.zombies", JSONValue(unreaped.zombies))
  }

  /// SIGTERM with its default action, SIGTERM handled, SIGKILL to a child with handlers.
  static func termSection(_ context: DemoContext) throws {
    context.heading(Catalog.text("demo.signals.heading.term"))
    let plain = try target(context, catching: false)
    try plain.send(SIGTERM)
    let plainStatus = try plain.child.wait()
    plain.close()
    let handling = try target(context, catching: true)
    try handling.send(SIGTERM)
    let tidy = handling.records(until: Int32(PL_SIG_CLEANED_UP)) != nil
    let handledStatus = try handling.child.wait()
    handling.close()
    let stubborn = try target(context, catching: true)
    try stubborn.send(SIGKILL)
    let killedStatus = try stubborn.child.wait()
    var ran = false
    while let r = stubborn.next(timeout: 0.5) {
      if r.kind == Int32(PL_SIG_HANDLED) { ran = true }
    }
    stubborn.close()
    let yes = Catalog.text("demo.signals.yes")
    let no = Catalog.text("demo.signals.no")
    context.table(
      Table(
        title: Catalog.text("demo.signals.term.title"),
        columns: [
          .init(name: Catalog.text("demo.signals.column.sent"), align: .left),
          .init(name: Catalog.text("demo.signals.column.handlerInstalled"), align: .left),
          .init(name: Catalog.text("demo.signals.column.handlerDid"), align: .left),
          .init(name: "waitpid", align: .left),
        ],
        rows: [
          ["SIGTERM", no, "—", DemoText.status(plainStatus)],
          [
            "SIGTERM", yes,
            tidy ? Catalog.text("demo.signals.term.tidied") : Catalog.text("demo.signals.none"),
            DemoText.status(handledStatus),
          ],
          [
            "SIGKILL", yes,
            ran ? Catalog.text("demo.signals.term.ran") : Catalog.text("demo.signals.term.never"),
            DemoText.status(killedStatus),
          ],
        ], footer: []))
    context.note(
      Catalog.text("demo.signals.term.note", ["status": DemoText.status(handledStatus)]))
    context.note(Catalog.text("demo.signals.term.kill"))
    context.metric("term.default_status", .string(plainStatus.description))
    if case .exited(let code) = handledStatus {
      context.metric("term.exit_status", JSONValue(Int(code)))
      context.metric("term.killed_by", .string("none"))
    } else if case .signaled(let signal) = handledStatus {
      context.metric("term.killed_by", .string(Signals.name(signal)))
    }
    context.metric("term.cleaned_up", .bool(tidy))
    if case .signaled(let signal) = killedStatus {
      context.metric("kill.killed_by", .string(Signals.name(signal)))
    } else {
      context.metric("kill.killed_by", .string("none"))
    }
    context.metric("kill.handler_ran", .bool(ran))
  }

  /// What the terminal does on Ctrl-C, played by this process: killpg(group, SIGINT).
  static func ctrlcSection(_ context: DemoContext) throws {
    context.heading(Catalog.text("demo.signals.heading.ctrlc"))
    let leader = try target(context, catching: true, group: 0)
    let member = try target(context, catching: true, group: leader.pid)
    let other = try target(context, catching: true, group: 0)
    let children = [
      (Catalog.text("demo.signals.ctrlc.leader"), leader),
      (Catalog.text("demo.signals.ctrlc.member"), member),
      (Catalog.text("demo.signals.ctrlc.ownGroup"), other),
    ]
    guard killpg(leader.pid, SIGINT) == 0 else { throw SystemError("killpg(\(leader.pid))") }
    var caught: [Int32] = []
    for (_, child) in children { caught.append(try child.query().counts.intr) }
    var rows: [[String]] = []
    let me = ProcStat.read(getpid())
    let parent = ProcStat.read(getppid())
    for ((name, child), count) in zip(children, caught) {
      let stat = ProcStat.read(child.pid)
      rows.append([
        name, String(child.pid), stat.map { String($0.pgid) } ?? "?",
        stat.map { String($0.sid) } ?? "?", count > 0 ? "SIGINT ×\(count)" : "—",
      ])
      child.end()
    }
    for (name, stat) in [
      (Catalog.text("demo.signals.ctrlc.demo"), me),
      (Catalog.text("demo.signals.ctrlc.parent"), parent),
    ] {
      guard let stat else { continue }
      rows.append([name, String(stat.pid), String(stat.pgid), String(stat.sid), "—"])
    }
    context.table(
      Table(
        title: Catalog.text("demo.signals.ctrlc.title", ["group": String(leader.pid)]),
        columns: [
          .init(name: Catalog.text("demo.signals.column.process"), align: .left),
          .init(name: "pid", align: .right), .init(name: "pgid", align: .right),
          .init(name: "sid", align: .right),
          .init(name: Catalog.text("demo.signals.column.caught"), align: .left),
        ], rows: rows, footer: [Catalog.text("demo.signals.ctrlc.footer")]))
    let inGroup = caught.prefix(2).filter { $0 > 0 }.count
    let outside = caught.dropFirst(2).filter { $0 > 0 }.count
    let ownGroup = me != nil && parent != nil && me?.pgid != parent?.pgid
    context.note(
      Catalog.text(
        "demo.signals.ctrlc.note",
        ["group": String(leader.pid), "count": String(inGroup), "other": String(other.pid)]))
    if ownGroup, let me, let parent {
      context.note(
        Catalog.text(
          "demo.signals.ctrlc.proclab",
          ["demo": String(me.pgid), "parent": String(parent.pgid)]))
    }
    context.metric("ctrlc.group_interrupted", JSONValue(inGroup))
    context.metric("ctrlc.other_interrupted", JSONValue(outside))
    context.metric("ctrlc.group", JSONValue(Int(leader.pid)))
    context.metric("ctrlc.demo_own_group", .bool(ownGroup))
  }

  /// Calls a handler may make, and calls it must not: POSIX's list, and why.
  static func safeSection(_ context: DemoContext) {
    context.heading(Catalog.text("demo.signals.heading.safe"))
    let yes = Catalog.text("demo.signals.yes")
    let no = Catalog.text("demo.signals.no")
    let rows: [[String]] = [
      ["write(2), read(2)", yes, Catalog.text("demo.signals.safe.write")],
      ["_exit(2)", yes, Catalog.text("demo.signals.safe.exitNow")],
      ["waitpid(2), kill(2)", yes, Catalog.text("demo.signals.safe.syscall")],
      ["clock_gettime(2)", yes, Catalog.text("demo.signals.safe.clock")],
      ["sig_atomic_t flag = 1", yes, Catalog.text("demo.signals.safe.flag")],
      ["printf(3)", no, Catalog.text("demo.signals.safe.printf")],
      ["malloc(3), free(3)", no, Catalog.text("demo.signals.safe.malloc")],
      ["exit(3)", no, Catalog.text("demo.signals.safe.exit")],
      ["pthread_mutex_lock(3)", no, Catalog.text("demo.signals.safe.mutex")],
    ]
    context.table(
      Table(
        title: Catalog.text("demo.signals.safe.title"),
        columns: [
          .init(name: Catalog.text("demo.signals.column.call"), align: .left),
          .init(name: Catalog.text("demo.signals.column.safe"), align: .center),
          .init(name: Catalog.text("demo.signals.column.why"), align: .left),
        ], rows: rows, footer: [Catalog.text("demo.signals.safe.footer")]))
    context.note(Catalog.text("demo.signals.safe.note"))
    context.note(Catalog.text("demo.signals.safe.python"))
  }
}
