import Localization

/// One process or thread the traced command made (or the command itself), as observed.
public struct TracedTask: Sendable, Equatable {
  /// The thread id (for a process, its pid).
  public var tid: Int32
  /// The process it belongs to (its thread group id); equal to `tid` for a process.
  public var tgid: Int32
  /// For a process: the process that created it (by fork, vfork or clone); for a thread:
  /// the process it runs in. ProcLab's own pid for the traced command.
  public var parent: Int32
  public var isThread: Bool
  /// Seconds since the trace started.
  public var start: Double
  /// When it ended (its exit was reported), or nil while it runs.
  public var end: Double?
  /// When its parent (or ProcLab, for orphans) reaped it; nil for threads and unreaped ones.
  public var reaped: Double?
  /// Who reaped it (its parent at exit).
  public var reaper: Int32?
  /// The programs it exec'd, each with its argv (from /proc/<pid>/cmdline at the exec).
  public var execs: [[String]] = []
  /// What it runs: its parent's argv until it execs, then the exec'd argv.
  public var argv: [String] = []
  /// The name /proc/<pid>/comm gave when it was first seen.
  public var command: String = ""
  /// How it ended: exit code, or the signal that killed it.
  public var exitCode: Int32?
  public var signal: Int32?
  /// Its parent when it exited: not `parent` when it was orphaned and re-parented.
  public var parentAtExit: Int32?
  /// utime + stime in seconds (clock ticks of /proc), at its exit.
  public var cpuSeconds: Double?
  public var voluntarySwitches: Int?
  public var involuntarySwitches: Int?
  /// Still running when ProcLab stopped the run and killed it; `parentAtExit` is then its
  /// parent at the kill.
  public var killedByTracer = false

  public init(tid: Int32, tgid: Int32, parent: Int32, isThread: Bool, start: Double) {
    self.tid = tid
    self.tgid = tgid
    self.parent = parent
    self.isThread = isThread
    self.start = start
  }

  /// How long it was a zombie (exit to reap), when both are known.
  public var zombieSeconds: Double? {
    guard !isThread, let end, let reaped else { return nil }
    return max(0, reaped - end)
  }

  /// Whether its parent ended before reaping it, so it was re-parented (to ProcLab, the
  /// subreaper): before it exited, or as a zombie.
  public var wasOrphaned: Bool {
    guard !isThread else { return false }
    // Killed by ProcLab (a limit, Ctrl-C): its parent was the one at the kill; that the kill
    // ended its parent first and re-parented it does not make it an orphan.
    if killedByTracer { return parentAtExit.map { $0 != parent } ?? false }
    if let parentAtExit, parentAtExit != parent { return true }
    if let reaper, reaper != parent { return true }
    return false
  }

  /// The program and argv to show: the last exec, else the name it started with.
  public var program: [String] { argv.isEmpty ? [command] : argv }
}

/// Why a trace ended before the command did, if it did.
public enum TraceStop: Sendable, Equatable {
  case timeout(seconds: Double)
  case processLimit(Int)
  case interrupted

  public var line: String {
    switch self {
    case .timeout(let s):
      Catalog.text("demo.trace.stop.timeout", ["seconds": TraceLimits.format(s)])
    case .processLimit(let n): Catalog.text("demo.trace.stop.processLimit", ["count": "\(n)"])
    case .interrupted: Catalog.text("demo.trace.stop.interrupted")
    }
  }

  public var code: String {
    switch self {
    case .timeout: "timeout"
    case .processLimit: "process_limit"
    case .interrupted: "interrupted"
    }
  }
}

/// The bounds of one traced run.
public struct TraceLimits: Sendable, Equatable {
  public var timeout: Double = 30
  public var maxProcesses: Int = 64
  /// Bytes of the command's stdout and of its stderr kept and shown (the rest is read and
  /// counted, so the command never blocks on a full pipe).
  public var maxOutput: Int = 64 * 1024

  public init(timeout: Double = 30, maxProcesses: Int = 64, maxOutput: Int = 64 * 1024) {
    self.timeout = timeout
    self.maxProcesses = maxProcesses
    self.maxOutput = maxOutput
  }

  static func format(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(s)
  }
}

/// How the events were observed.
public enum TraceMethod: String, Sendable, Equatable {
  /// ptrace: every fork, vfork, clone, exec and exit, exactly.
  case ptrace
  /// /proc polled every millisecond (ptrace was refused or turned off).
  case polling
}

/// What one traced run saw.
public struct TraceRun: Sendable, Equatable {
  public var command: [String]
  public var method: TraceMethod
  /// Why ptrace could not be used, when `method` is polling.
  public var fallbackReason: String?
  /// Every process and thread, in the order they were first seen.
  public var tasks: [TracedTask]
  public var stop: TraceStop?
  /// Seconds from the start to the last process's end.
  public var wall: Double
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  public var stdoutBytes: Int
  public var stderrBytes: Int
  /// ProcLab's own pid: the parent of the command and the subreaper of its orphans.
  public var tracerPid: Int32
  /// Set when the command could not be started (exec failed): what failed.
  public var startFailure: String?
  /// Pipes, sockets and POSIX IPC objects it made, and what was left.
  public var ipc = IPCRecord()

  public var root: TracedTask? { tasks.first }
  public var processes: [TracedTask] { tasks.filter { !$0.isThread } }
  public var threads: [TracedTask] { tasks.filter(\.isThread) }
}
