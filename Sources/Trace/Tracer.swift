import CTrace
import Glibc
import Localization
import Measure
public import OSKit

/// Runs a command and follows every process and thread it makes: with ptrace where the kernel
/// allows it, else by polling /proc every millisecond (docs/trace.md says what each sees).
public struct Tracer: Sendable {
  public var limits: TraceLimits
  /// Use /proc polling even where ptrace is allowed (`PROCLAB_TRACE_POLL=1`, for tests).
  public var forcePolling: Bool

  public init(limits: TraceLimits = TraceLimits(), forcePolling: Bool = false) {
    self.limits = limits
    self.forcePolling = forcePolling
  }

  /// Runs `command` (argv; `command[0]` is looked up in PATH) to its end or to a limit, with
  /// standard input on /dev/null and its output captured, and returns what it did. Ctrl-C (and
  /// SIGTERM, SIGHUP, SIGQUIT) counted on `signals` stops it. ProcLab must be a child subreaper
  /// (`ChildHost.prepare`), so orphans are re-parented to it and reaped.
  public func run(_ command: [String], signals: SignalPipe) -> TraceRun {
    let session = TraceSession(command: command, limits: limits, signals: signals)
    session.run(ptrace: !forcePolling)
    return session.result()
  }
}

/// The state of one traced run. Not Sendable: it lives on the thread that runs the trace.
final class TraceSession {
  let command: [String]
  let limits: TraceLimits
  let signals: SignalPipe
  let tracerPid = getpid()
  var start = 0.0
  var method = TraceMethod.ptrace
  var fallbackReason: String?
  var tasks: [Int32: TracedTask] = [:]
  var order: [Int32] = []
  /// Ended processes whose parent has not reaped them yet.
  var zombies: Set<Int32> = []
  /// Tasks created by an event whose first SIGSTOP is still to come.
  var awaitingStop: Set<Int32> = []
  var processCount = 0
  var stop: TraceStop?
  var stoppedAt: Double?
  var rootPid: Int32 = -1
  var startFailure: String?
  var out = OutputSink()
  var err = OutputSink()
  var execErrorFD: Int32 = -1
  /// ProcLab's own argv, which the command has between its fork and its exec (polling).
  var ownCommandLine: [String] = []
  /// When the command was forked, since the start.
  var forkedAt = 0.0
  /// Pipes, sockets and POSIX IPC objects (IPCScan.swift, SyscallStops.swift).
  var ipc = IPCTracking()

  init(command: [String], limits: TraceLimits, signals: SignalPipe) {
    self.command = command
    self.limits = limits
    self.signals = signals
  }

  var now: Double { MonotonicClock.seconds() - start }

  func run(ptrace: Bool) {
    // SIGCHLD wakes the poll: every ptrace stop and exit is reported with one.
    signals.install([SIGCHLD], restart: true)
    defer { signal(SIGCHLD, SIG_DFL) }
    guard let pid = spawn(ptrace: ptrace) else { return }
    rootPid = pid
    var status: Int32 = 0
    _ = ct_wait_stopped(pid, &status)
    // What the child reported before it stopped itself: TRACEME or the filter refused.
    var refused: [Int32: Int32] = [:]
    while let record = readReport() { refused[record.stage] = record.error }
    let seccomp =
      ptrace && refused[Int32(CT_REPORT_TRACEME_REFUSED)] == nil
      && refused[Int32(CT_REPORT_SECCOMP_REFUSED)] == nil
    if let code = refused[Int32(CT_REPORT_SECCOMP_REFUSED)] {
      ipc.record.seccompUnavailable = Catalog.text(
        "demo.trace.reason.seccompRefused", ["error": String(cString: strerror(code))])
    }
    if ptrace, ct_set_options(pid, seccomp ? 1 : 0) == 0 {
      method = .ptrace
    } else {
      method = .polling
      if ptrace {
        let code = refused[Int32(CT_REPORT_TRACEME_REFUSED)] ?? errno
        fallbackReason = Catalog.text(
          "demo.trace.reason.ptraceRefused", ["error": String(cString: strerror(code))])
      } else {
        fallbackReason = Catalog.text("demo.trace.reason.pollingForced")
      }
    }
    prepareIPC(seccomp: method == .ptrace && seccomp)
    if method == .polling, ipc.record.seccompUnavailable == nil {
      ipc.record.seccompUnavailable = Catalog.text("demo.trace.reason.noSeccompWithoutPtrace")
    }
    var root = TracedTask(tid: pid, tgid: pid, parent: tracerPid, isThread: false, start: forkedAt)
    root.argv = command
    root.command = command.first ?? ""
    add(root)
    if method == .ptrace {
      _ = ct_continue(pid, 0)
      ptraceLoop()
    } else {
      _ = kill(pid, SIGCONT)
      pollingLoop()
    }
    sweepIPC()
    finishOutput()
  }

  /// Forks the command, stopped before its exec; nil (with `startFailure`) when it cannot.
  private func spawn(ptrace: Bool) -> Int32? {
    guard let outPipe = try? PipeEnds(), let errPipe = try? PipeEnds(),
      let execPipe = try? PipeEnds()
    else {
      startFailure = Catalog.text("demo.trace.startFailure.pipes")
      return nil
    }
    let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
    var cArgs: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    start = MonotonicClock.seconds()
    // The reads and writes are trapped from the exec only where a process cannot be given
    // them when it first holds a pipe or socket (ct_arm_byte_traps), or when asked.
    ipc.bytesFromStart =
      ct_can_arm_byte_traps() == 0
      || getenv("PROCLAB_TRACE_BYTES_FROM_START").map { String(cString: $0) == "1" } ?? false
    let filter: Int32 = ptrace ? (ipc.bytesFromStart ? 2 : 1) : 0
    let pid = cArgs.withUnsafeMutableBufferPointer { argv in
      ct_spawn_stopped(
        argv[0]!, argv.baseAddress!, null, outPipe.write, errPipe.write, execPipe.write,
        ptrace ? 1 : 0, filter)
    }
    let spawnErrno = errno
    forkedAt = now
    FileIO.closeQuietly(null)
    FileIO.closeQuietly(outPipe.write)
    FileIO.closeQuietly(errPipe.write)
    FileIO.closeQuietly(execPipe.write)
    out.fd = outPipe.read
    err.fd = errPipe.read
    execErrorFD = execPipe.read
    FileIO.setNonBlocking(out.fd)
    FileIO.setNonBlocking(err.fd)
    FileIO.setNonBlocking(execErrorFD)
    guard pid > 0 else {
      startFailure = Catalog.text(
        "demo.trace.startFailure.fork", ["error": String(cString: strerror(spawnErrno))])
      return nil
    }
    return pid
  }

  func add(_ task: TracedTask) {
    if tasks[task.tid] == nil { order.append(task.tid) }
    tasks[task.tid] = task
    guard !task.isThread else { return }
    processCount += 1
    if processCount > limits.maxProcesses, stop == nil {
      stopAll(.processLimit(limits.maxProcesses))
    }
    if stop != nil { _ = kill(task.tid, SIGKILL) }
  }

  /// Kills every process the command started (and its process group), once per call.
  func stopAll(_ reason: TraceStop) {
    if stop == nil {
      stop = reason
      stoppedAt = now
      // Who each live process's parent is before the kill re-parents the children.
      for (pid, t) in tasks where !t.isThread && t.end == nil {
        tasks[pid]?.killedByTracer = true
        if t.parentAtExit == nil {
          tasks[pid]?.parentAtExit = ProcReading.usage(tgid: pid, tid: pid).ppid ?? t.parent
        }
      }
    }
    killEverything()
  }

  func killEverything() {
    for t in tasks.values where !t.isThread && t.end == nil { _ = kill(t.tid, SIGKILL) }
    if rootPid > 0 { _ = kill(-rootPid, SIGKILL) }
  }

  /// Limits and signals, checked after each batch of events.
  func checkLimits() {
    if signals.take(SIGINT) > 0
      || [SIGTERM, SIGHUP, SIGQUIT].contains(where: { signals.peek($0) > 0 })
    {
      stopAll(.interrupted)
    } else if stop == nil, now >= limits.timeout {
      stopAll(.timeout(seconds: limits.timeout))
    } else if stop != nil {
      killEverything()
    }
  }

  /// Sleeps until a signal (SIGCHLD: an event), output, or `milliseconds`.
  func waitForActivity(milliseconds: Int32) {
    var fds = [pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0)]
    for sink in [out, err] where sink.fd >= 0 && !sink.atEnd {
      let fd = sink.fd
      fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
    }
    _ = poll(&fds, nfds_t(fds.count), milliseconds)
    signals.drain()
    out.readAvailable(limit: limits.maxOutput)
    err.readAvailable(limit: limits.maxOutput)
  }

  /// How long the next wait may be: short while a zombie's reap is being timed.
  func nextWait() -> Int32 {
    if !zombies.isEmpty || stop != nil { return 1 }
    let left = (limits.timeout - now) * 1000
    // While there are pipes, blocked readers are sampled every 50 ms (samplePipeWaits).
    let cap = ipc.record.channels.isEmpty ? 100 : Self.waitSampleInterval * 1000
    return Int32(max(1, min(cap, left)))
  }

  /// Marks zombies whose parent has reaped them (their pid is gone).
  func checkZombies() {
    for pid in zombies where kill(pid, 0) == -1 && errno == ESRCH {
      guard var task = tasks[pid] else { continue }
      task.reaped = now
      if task.reaper == nil { task.reaper = task.parentAtExit ?? task.parent }
      tasks[pid] = task
      zombies.remove(pid)
    }
  }

  private func finishOutput() {
    // Whatever the command wrote before its last process ended, without waiting for writers
    // that are gone (every process is reaped by now).
    for _ in 0..<64 {
      let a = out.readAvailable(limit: limits.maxOutput)
      let b = err.readAvailable(limit: limits.maxOutput)
      if !a && !b { break }
    }
    while let record = readReport() {
      guard record.stage == Int32(CT_REPORT_EXEC_FAILED) else { continue }
      startFailure = Catalog.text(
        "demo.trace.startFailure.exec",
        ["program": command.first ?? "", "error": String(cString: strerror(record.error))])
    }
    for fd in [out.fd, err.fd, execErrorFD] where fd >= 0 { FileIO.closeQuietly(fd) }
  }

  /// One {stage, errno} record of the child's reports (ct_spawn_stopped), or nil.
  func readReport() -> (stage: Int32, error: Int32)? {
    guard execErrorFD >= 0, let bytes = try? FileIO.read(execErrorFD, upTo: 8), bytes.count == 8
    else { return nil }
    let pair = bytes.withUnsafeBytes {
      ($0.load(as: Int32.self), $0.load(fromByteOffset: 4, as: Int32.self))
    }
    return (pair.0, pair.1)
  }

  func result() -> TraceRun {
    let list = order.compactMap { tasks[$0] }
    let last = list.compactMap(\.end).max() ?? now
    return TraceRun(
      command: command, method: method, fallbackReason: fallbackReason, tasks: list, stop: stop,
      wall: last, stdout: out.kept, stderr: err.kept, stdoutBytes: out.total,
      stderrBytes: err.total, tracerPid: tracerPid, startFailure: startFailure, ipc: ipc.record)
  }
}

/// One of the command's output streams: the first `limit` bytes kept, all of it counted.
struct OutputSink {
  var fd: Int32 = -1
  var kept: [UInt8] = []
  var total = 0
  /// Every writer has closed it: no longer polled.
  var atEnd = false

  /// Reads what is there without blocking. Returns whether anything was read.
  @discardableResult
  mutating func readAvailable(limit: Int) -> Bool {
    guard fd >= 0, !atEnd else { return false }
    var any = false
    while let chunk = try? FileIO.read(fd, upTo: 65536) {  // throws EAGAIN when empty
      if chunk.isEmpty {
        atEnd = true
        break
      }
      any = true
      total += chunk.count
      if kept.count < limit { kept += chunk.prefix(limit - kept.count) }
    }
    return any
  }
}
