public import DemoContract
import Localization
import Render

/// The IPC part of a trace's report: metrics, a table of pipes and sockets, a table of POSIX
/// IPC objects, and a note on how they were seen (docs/trace.md).
extension TraceReport {
  public static let ipcMetrics: [MetricDeclaration] =
    [
      .measured("pipes", "pipes", .count, "pipes the command's processes made"),
      .measured(
        "sockets", "sockets", .count,
        "sockets they made: each socketpair() is one, each socket() one"),
      .measured(
        "pipe_ends_left_open", "pipe ends left open", .count,
        "write ends of a pipe open in the traced tree while a reader of it waited and nothing could write"
      ),
      .measured(
        "shm_created", "shared memory made", .count, "POSIX shared memory objects made (shm_open)"),
      .measured("shm_left", "shared memory left", .count, "of those, still in /dev/shm at the end"),
      .measured("sem_created", "semaphores made", .count, "named POSIX semaphores made (sem_open)"),
      .measured("sem_left", "semaphores left", .count, "of those, still in /dev/shm at the end"),
      .measured("mq_created", "message queues made", .count, "POSIX message queues made (mq_open)"),
      .measured("mq_left", "message queues left", .count, "of those, still there at the end"),
      .measured(
        "ipc_left", "IPC objects removed by ProcLab", .count,
        "objects the run made and left, which ProcLab removed at the end"),
      .measured(
        "syscall_stops", "system-call stops", .count,
        "stops of the program at the system calls the seccomp filter traps and at the exits of "
          + "those on its pipes and sockets, each waiting for ProcLab: what tracing cost it"),
    ] + byteMetrics

  /// What went through the tree's pipes and sockets, and which of its sockets were connected
  /// to each other: counted at the seccomp stops, so null (not measured) without the filter.
  public static let byteMetrics: [MetricDeclaration] = [
    .measured(
      "pipe_bytes_written", "bytes written into pipes", .bytes,
      "bytes the processes wrote into the pipes they made (write, writev), all added up"),
    .measured(
      "pipe_bytes_read", "bytes read from pipes", .bytes,
      "bytes the processes read from those pipes (read, readv), all added up"),
    .measured(
      "pipe_bytes_unread", "bytes left unread in pipes", .bytes,
      "bytes written into a pipe and never read from it, pipe by pipe, added up"),
    .measured(
      "socket_bytes_written", "bytes sent over sockets", .bytes,
      "bytes the processes wrote to the sockets they made (write, writev, send, sendto, sendmsg)"),
    .measured(
      "socket_bytes_read", "bytes received from sockets", .bytes,
      "bytes the processes read from those sockets (read, readv, recv, recvfrom, recvmsg)"),
    .measured(
      "sockets_peered", "socket connections inside the program", .count,
      "connections whose two ends the processes made: each socketpair(), each connect() matched "
        + "to the socket accept() returned or, for UDP, to the socket it connected to"),
  ]

  static func ipcMetricValues(_ ipc: IPCRecord) -> [String: JSONValue] {
    func n(_ x: Int) -> JSONValue { .number(Double(x)) }
    return [
      "pipes": n(ipc.pipes.count),
      "sockets": n(ipc.sockets.count),
      "pipe_ends_left_open": n(ipc.channels.map(\.endsLeftOpen.count).reduce(0, +)),
      "shm_created": n(ipc.created(.shm).count), "shm_left": n(ipc.left(.shm).count),
      "sem_created": n(ipc.created(.sem).count), "sem_left": n(ipc.left(.sem).count),
      "mq_created": n(ipc.created(.mq).count), "mq_left": n(ipc.left(.mq).count),
      "ipc_left": n(ipc.objects.filter(\.removedByProcLab).count),
      "syscall_stops": n(ipc.syscallStops),
    ].merging(byteMetricValues(ipc)) { a, _ in a }
  }

  /// The byte and connection metrics: sums over the channels; null without the seccomp filter
  /// (the /proc scans see neither bytes nor peers).
  static func byteMetricValues(_ ipc: IPCRecord) -> [String: JSONValue] {
    guard ipc.method == .seccomp, ipc.bytesUncounted.isEmpty else {
      return Dictionary(uniqueKeysWithValues: byteMetrics.map { ($0.path, JSONValue.null) })
    }
    func total(_ channels: [TracedChannel], _ bytes: KeyPath<TracedChannel, [Int32: Int]>) -> Int {
      channels.map { $0[keyPath: bytes].values.reduce(0, +) }.reduce(0, +)
    }
    // Accepted connections are the listener's sockets, and carry bytes too.
    let sockets = ipc.channels.filter { $0.kind != .pipe }
    let unread = ipc.pipes.map {
      max(0, $0.bytesWritten.values.reduce(0, +) - $0.bytesRead.values.reduce(0, +))
    }
    return [
      "pipe_bytes_written": .number(Double(total(ipc.pipes, \.bytesWritten))),
      "pipe_bytes_read": .number(Double(total(ipc.pipes, \.bytesRead))),
      "pipe_bytes_unread": .number(Double(unread.reduce(0, +))),
      "socket_bytes_written": .number(Double(total(sockets, \.bytesWritten))),
      "socket_bytes_read": .number(Double(total(sockets, \.bytesRead))),
      "sockets_peered": .number(Double(ipc.connections)),
    ]
  }

  static func pids(_ set: Set<Int32>) -> String {
    set.isEmpty ? "—" : set.sorted().map(String.init).joined(separator: " ")
  }

  /// Bytes by process, "pid: bytes" in pid order, or "—".
  static func bytesByProcess(_ bytes: [Int32: Int]) -> String {
    bytes.isEmpty
      ? "—"
      : bytes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
  }

  /// One row per pipe and socket: who made it, who held each end, who waited on it, the bytes
  /// each process wrote and read, and for a connected socket who holds the other end.
  static func channelTable(_ run: TraceRun) -> Table? {
    guard !run.ipc.channels.isEmpty else { return nil }
    var table = Table(
      title: channelsTitle,
      columns: [
        .init("kind"), .init("made by", align: .right), .init("read end held by"),
        .init("write end held by"), .init("waited"), .init("left open (pid fd)"),
        .init("bytes written"), .init("bytes read"), .init("talks to"),
      ])
    for c in run.ipc.channels {
      let left = c.endsLeftOpen.sorted().map { "\($0.pid) \($0.fd)" }.joined(separator: ", ")
      let made = c.creator.map { "\($0) at \(ms(c.created))" } ?? "—"
      table.append([
        c.kind.rawValue, made, pids(c.readers),
        c.kind == .pipe ? pids(c.writers) : "(either end)", pids(c.waitingReaders),
        left.isEmpty ? "—" : left, bytesByProcess(c.bytesWritten), bytesByProcess(c.bytesRead),
        run.ipc.peers(of: c).map(pids) ?? "—",
      ])
    }
    return table
  }

  /// One row per shared memory object, semaphore and message queue the run touched.
  static func objectTable(_ run: TraceRun) -> Table? {
    guard !run.ipc.objects.isEmpty else { return nil }
    var table = Table(
      title: "POSIX IPC objects",
      columns: [
        .init("kind"), .init("name"), .init("made by", align: .right), .init("made", align: .right),
        .init("opened by"), .init("unlinked by", align: .right), .init("at the end"),
      ])
    for o in run.ipc.objects {
      let end: String
      if o.removedByProcLab {
        end = "left: removed by ProcLab"
      } else if o.leftAtEnd {
        end = "left: not removed (\(o.removalFailure ?? "?"))"
      } else if o.unlinked != nil {
        end = "unlinked"
      } else {
        end = o.creator == nil ? "not made by this run: kept" : "gone"
      }
      let unlinked = o.unlinkedBy.map { "\($0) at \(ms(o.unlinked))" } ?? "—"
      table.append([
        o.kind.rawValue, o.shortName, o.creator.map(String.init) ?? "—", ms(o.created),
        pids(o.openedBy), unlinked, end,
      ])
    }
    return table
  }

  /// How pipes, sockets and IPC objects were seen, and what ProcLab removed.
  static func ipcNotes(_ run: TraceRun) -> [String] {
    var notes: [String] = []
    switch run.ipc.method {
    case .seccomp:
      notes.append(Catalog.text("demo.trace.note.ipcSeccomp"))
    case .procScan:
      let reason =
        run.ipc.seccompUnavailable ?? Catalog.text("demo.trace.reason.noSeccompWithoutPtrace")
      notes.append(Catalog.text("demo.trace.note.ipcScan", ["reason": reason]))
    }
    if !run.ipc.waitsVisible { notes.append(Catalog.text("demo.trace.note.waitsHidden")) }
    if !run.ipc.bytesUncounted.isEmpty {
      notes.append(
        Catalog.text(
          "demo.trace.note.bytesUncounted", ["pids": pids(run.ipc.bytesUncounted)]))
    }
    let removed = run.ipc.objects.filter(\.removedByProcLab)
    if !removed.isEmpty {
      let objects = removed.map { "\($0.kind.rawValue) \($0.shortName)" }.joined(separator: ", ")
      notes.append(Catalog.text("demo.trace.note.removed", ["objects": objects]))
    }
    return notes
  }
}
