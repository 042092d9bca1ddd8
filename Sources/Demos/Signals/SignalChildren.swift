import CProcLab
import Glibc
import Localization
import OSKit

/// One record a signals-demo child wrote (`struct pl_sig_record`, sigdemo.c).
typealias SignalRecord = pl_sig_record

/// The longest a signals-demo child lives, whatever happens (they take milliseconds).
let signalChildLifetime: UInt32 = 10

/// The demo's end of the two pipes to one of its raw fork() children (sigdemo.c): the child
/// reports on one, and reads one-byte commands from the other. Closing `control` ends the child
/// (EOF), so every path out of the demo ends it.
struct SignalChannel: Sendable {
  let report: Int32
  let control: Int32
  let child: ChildProcess

  var pid: pid_t { child.pid }

  /// Makes the pipes, calls `fork` with them and keeps this process's ends only.
  static func start(
    _ what: String, _ fork: (inout pl_sig_pipes) -> pid_t
  ) throws -> SignalChannel {
    let report = try PipeEnds()
    let control = try PipeEnds()
    var pipes = pl_sig_pipes(
      report_read: report.read, report_write: report.write, control_read: control.read,
      control_write: control.write)
    let pid = fork(&pipes)
    FileIO.closeQuietly(report.write)
    FileIO.closeQuietly(control.read)
    guard pid > 0 else {
      FileIO.closeQuietly(report.read)
      FileIO.closeQuietly(control.write)
      throw SystemError("forking \(what)")
    }
    return SignalChannel(
      report: report.read, control: control.write, child: ChildProcess.adopting(pid: pid))
  }

  /// The next record, or nil after `timeout` seconds or at EOF (the child has ended).
  func next(timeout: Double = 2) -> SignalRecord? {
    guard FileIO.waitReadable(report, timeout: timeout) else { return nil }
    let size = MemoryLayout<SignalRecord>.size
    guard let bytes = try? FileIO.readExactly(report, size), bytes.count == size else {
      return nil
    }
    return bytes.withUnsafeBytes { $0.loadUnaligned(as: SignalRecord.self) }
  }

  /// Records up to the first of `kind` (which is last), or nil if it never came.
  func records(until kind: Int32, timeout: Double = 2) -> [SignalRecord]? {
    var out: [SignalRecord] = []
    while let record = next(timeout: timeout) {
      out.append(record)
      if record.kind == kind { return out }
    }
    return nil
  }

  /// Sends a one-byte command ('q', 'u').
  func command(_ byte: Character) throws {
    try FileIO.writeAll(control, [byte.asciiValue ?? 0])
  }

  /// Sends `q` and returns the handler records that came before the counts, and the counts.
  func query() throws -> (handled: [SignalRecord], counts: SignalRecord) {
    try command("q")
    guard let all = records(until: Int32(PL_SIG_COUNTS)), let counts = all.last else {
      throw DemoError(Catalog.text("demo.error.signalChildNoAnswer", ["pid": String(pid)]))
    }
    return (all.dropLast().filter { $0.kind == Int32(PL_SIG_HANDLED) }, counts)
  }

  /// Waits for the child to say it is ready (handlers and mask in place).
  func waitReady() throws {
    guard let ready = next(), ready.kind == Int32(PL_SIG_READY) else {
      throw DemoError(Catalog.text("demo.error.signalChildNotStarted", ["pid": String(pid)]))
    }
  }

  /// Sends `signal` to the child; an error is the demo's (the child must be alive).
  func send(_ signal: Int32) throws {
    guard kill(pid, signal) == 0 else { throw SystemError("kill(\(pid), \(Signals.name(signal)))") }
  }

  /// Closes this process's ends: the child sees EOF and leaves.
  func close() {
    FileIO.closeQuietly(report)
    FileIO.closeQuietly(control)
  }

  /// Ends the child however it is (SIGKILL), reaps it and closes the pipes: every path's
  /// cleanup, harmless when it was already reaped.
  func end() {
    if child.poll() == nil {
      _ = kill(pid, SIGKILL)
      _ = try? child.wait()
    }
    close()
  }

  /// A target child (`pl_fork_signal_target`): `group` 0 makes it a group of its own, -1
  /// keeps it in ours.
  static func target(catching: Bool, blockingUser: Bool = false, group: pid_t = -1) throws
    -> SignalChannel
  {
    let flags =
      (catching ? Int32(PL_SIG_CATCH) : 0) | (blockingUser ? Int32(PL_SIG_BLOCK_USER) : 0)
    let channel = try start("a signals-demo child") { pipes in
      pl_fork_signal_target(&pipes, flags, group, signalChildLifetime)
    }
    do {
      try channel.waitReady()
    } catch {
      channel.end()
      throw error
    }
    return channel
  }
}

/// Signal sets as /proc/<pid>/status writes them (`SigBlk: 0000000000000a00`): bit n - 1 is
/// signal n.
enum SignalSet {
  /// The names of the signals in a hexadecimal mask, in signal order; nil if it is not hex.
  static func names(hex: String) -> [String]? {
    let digits = hex.trimmingCharacters(in: " \t\n")
    guard !digits.isEmpty, digits.count <= 32 else { return nil }
    var names: [String] = []
    var bit = 0
    for digit in digits.reversed() {
      guard let value = digit.hexDigitValue else { return nil }
      for b in 0..<4 where value & (1 << b) != 0 {
        names.append(Signals.name(Int32(bit + b + 1)))
      }
      bit += 4
    }
    return names.sorted { SignalSet.number($0) < SignalSet.number($1) }
  }

  /// The number of a name `names` gave (`SIGUSR1` → 10, `signal 34` → 34).
  static func number(_ name: String) -> Int {
    if let n = Int(name.split(separator: " ").last ?? "") { return n }
    for n in 1..<65 where Signals.name(Int32(n)) == name { return n }
    return 0
  }

  /// The names as a metric and a cell show them: `SIGUSR1,SIGUSR2`, or `none`.
  static func text(_ names: [String]) -> String {
    names.isEmpty ? "none" : names.joined(separator: ",")
  }
}

/// A process's signal state in /proc/<pid>/status, read live.
struct SignalState: Equatable {
  /// SigBlk: blocked by the (only) thread.
  var blocked: [String]
  /// SigPnd and ShdPnd together: waiting for delivery, to the thread or to the process
  /// (`kill()` makes a signal pending for the whole process: ShdPnd).
  var pending: [String]
  var threadPending: [String]
  var processPending: [String]

  static func read(_ pid: pid_t) -> SignalState? {
    guard let status = ProcStatus.read(pid) else { return nil }
    guard let blocked = status.values("SigBlk").first.flatMap(SignalSet.names(hex:)),
      let thread = status.values("SigPnd").first.flatMap(SignalSet.names(hex:)),
      let shared = status.values("ShdPnd").first.flatMap(SignalSet.names(hex:))
    else { return nil }
    let both = Set(thread + shared).sorted { SignalSet.number($0) < SignalSet.number($1) }
    return SignalState(
      blocked: blocked, pending: both, threadPending: thread, processPending: shared)
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
