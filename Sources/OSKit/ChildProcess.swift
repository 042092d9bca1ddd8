public import CProcLab
import Glibc
import SystemPackage

/// How a child process ended.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  /// Decodes a `waitpid` status word.
  public init(waitStatus status: Int32) {
    if status & 0x7f == 0 {
      self = .exited((status >> 8) & 0xff)
    } else {
      self = .signaled(status & 0x7f)
    }
  }

  public var isSuccess: Bool { self == .exited(0) }

  public var description: String {
    switch self {
    case .exited(let code): "exited with status \(code)"
    case .signaled(let sig): "killed by \(Signals.name(sig))"
    }
  }
}

/// Signal names and sending.
public enum Signals {
  /// `SIGTERM`, `SIGKILL`…: the conventional name of a signal number.
  public static func name(_ sig: Int32) -> String {
    switch sig {
    case SIGHUP: "SIGHUP"
    case SIGINT: "SIGINT"
    case SIGQUIT: "SIGQUIT"
    case SIGILL: "SIGILL"
    case SIGTRAP: "SIGTRAP"
    case SIGABRT: "SIGABRT"
    case SIGBUS: "SIGBUS"
    case SIGFPE: "SIGFPE"
    case SIGKILL: "SIGKILL"
    case SIGUSR1: "SIGUSR1"
    case SIGSEGV: "SIGSEGV"
    case SIGUSR2: "SIGUSR2"
    case SIGPIPE: "SIGPIPE"
    case SIGALRM: "SIGALRM"
    case SIGTERM: "SIGTERM"
    case SIGCHLD: "SIGCHLD"
    default: "signal \(sig)"
    }
  }

  /// Sends `sig` to every process in group `pgid`. Errors (group already gone) are ignored.
  public static func sendToGroup(_ pgid: pid_t, _ sig: Int32) {
    if pgid > 1 { _ = kill(-pgid, sig) }
  }

  /// Whether a process with this pid exists (a zombie counts as existing).
  public static func isAlive(_ pid: pid_t) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }
}

/// A child process started by ProcLab, waited for exactly once.
// @unchecked: `status` is written by the one caller that waits for the child (a child is
// waited for exactly once, by its owner); signalling by pid needs no shared state.
public final class ChildProcess: @unchecked Sendable {
  public let pid: pid_t
  /// The process group the child leads (its own pid) or nil when it shares ours.
  public let processGroup: pid_t?
  private var status: ExitStatus?

  init(pid: pid_t, processGroup: pid_t?) {
    self.pid = pid
    self.processGroup = processGroup
  }

  /// Adopts a pid made by `fork` (for the fork lessons).
  public static func adopting(pid: pid_t) -> ChildProcess {
    ChildProcess(pid: pid, processGroup: nil)
  }

  /// The path of the running executable, for re-executing ourselves as a worker.
  public static let selfExecutable: String = {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 {
      return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return CommandLine.arguments.first ?? "proclab"
  }()

  /// Starts `path` with `arguments` (argv[0] first) using posix_spawn.
  /// - Parameters:
  ///   - newProcessGroup: put the child in a process group of its own.
  ///   - stdin/stdout/stderr: descriptors to map to 0/1/2 (nil keeps ours).
  ///   - keep: one more descriptor the child keeps open at the same number.
  ///   - environment: the child's environment; nil passes ours.
  /// - Throws: `SystemError` when the process cannot be started (EAGAIN at the process limit).
  public static func spawn(
    _ path: String, arguments: [String], newProcessGroup: Bool = false,
    stdin: Int32? = nil, stdout: Int32? = nil, stderr: Int32? = nil, keep: Int32? = nil,
    environment: [String]? = nil
  ) throws(SystemError) -> ChildProcess {
    var pid: pid_t = 0
    let env = environment ?? ProcessEnvironment.current
    let rc = withCStrings(arguments) { argv in
      withCStrings(env) { envp in
        pl_spawn(
          &pid, path, argv, envp, stdin ?? -1, stdout ?? -1, stderr ?? -1, keep ?? -1,
          newProcessGroup)
      }
    }
    try check("starting \(arguments.first ?? path)", rc)
    SpawnLog.record(pid: pid, arguments: arguments)
    return ChildProcess(pid: pid, processGroup: newProcessGroup ? pid : nil)
  }

  /// Starts this executable again as a child that dies with us: `proclab <arguments>` (a
  /// worker, a demo runner), with our environment, `PROCLAB_PARENT` set to our pid (the child's
  /// `ParentDeath` checks it) and the variables of `setting` replacing ours.
  /// - Parameters:
  ///   - arguments: what follows `proclab` (`worker hang`, `run ids --events`).
  ///   - setting: `NAME=value` strings that replace variables of the same name.
  ///   - defaults: `NAME=value` strings added only when our environment has no such variable.
  ///   - Others as for `spawn`.
  /// - Throws: `SystemError` when the process cannot be started.
  public static func spawnSelf(
    _ arguments: [String], newProcessGroup: Bool = false, stdin: Int32? = nil,
    stdout: Int32? = nil, stderr: Int32? = nil, keep: Int32? = nil, setting: [String] = [],
    defaults: [String] = []
  ) throws(SystemError) -> ChildProcess {
    try spawn(
      selfExecutable, arguments: ["proclab"] + arguments, newProcessGroup: newProcessGroup,
      stdin: stdin, stdout: stdout, stderr: stderr, keep: keep,
      environment: ProcessEnvironment.forChild(setting: setting, defaults: defaults))
  }

  /// Waits for the child to end (retrying EINTR) and returns how it ended.
  @discardableResult
  public func wait() throws(SystemError) -> ExitStatus {
    if let status { return status }
    var raw: Int32 = 0
    try retryingInterrupts("waiting for process \(pid)") { waitpid(pid, &raw, 0) }
    let s = ExitStatus(waitStatus: raw)
    status = s
    return s
  }

  /// Returns the exit status if the child has ended, without blocking.
  public func poll() -> ExitStatus? {
    if let status { return status }
    var raw: Int32 = 0
    let r = waitpid(pid, &raw, WNOHANG)
    if r == pid {
      status = ExitStatus(waitStatus: raw)
    } else if r < 0 && errno == ECHILD {
      status = .exited(-1)
    }
    return status
  }

  /// Waits at most `timeout` seconds. Returns nil if the child is still running.
  public func wait(timeout: Double) -> ExitStatus? {
    let deadline = Clock.now() + timeout
    while true {
      if let s = poll() { return s }
      if Clock.now() >= deadline { return nil }
      usleep(2_000)
    }
  }

  /// Sends a signal to the child (or to its whole group when it leads one).
  public func signal(_ sig: Int32, group: Bool = true) {
    guard status == nil else { return }
    if group, let pgid = processGroup {
      Signals.sendToGroup(pgid, sig)
    } else {
      _ = kill(pid, sig)
    }
  }

  /// Stops the child the polite way, then less politely: `first`, then SIGTERM after `grace`
  /// seconds, then SIGKILL after another `grace`; always reaps it.
  @discardableResult
  public func stop(first: Int32 = SIGINT, grace: Double = 1) -> ExitStatus {
    for sig in [first, SIGTERM, SIGKILL] {
      signal(sig)
      if let s = wait(timeout: sig == SIGKILL ? 5 : grace) {
        if let pgid = processGroup { Signals.sendToGroup(pgid, SIGKILL) }
        return s
      }
    }
    return (try? wait()) ?? .signaled(SIGKILL)
  }
}

/// A monotonic clock in seconds, for timeouts (measurements use Measure's clock).
enum Clock {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

/// This process's environment as `NAME=value` strings.
public enum ProcessEnvironment {
  public static var current: [String] {
    var out: [String] = []
    var p = environ
    while let entry = p.pointee {
      out.append(String(cString: entry))
      p += 1
    }
    return out
  }

  /// The value of one variable.
  public static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The environment for a ProcLab child that must die with its parent: `base` without the
  /// variables that `setting` or `PROCLAB_PARENT` replace, then `PROCLAB_PARENT=<parent>`, then
  /// `setting`, then each of `defaults` whose variable is not set by then.
  /// - Parameters:
  ///   - setting: `NAME=value` strings that replace variables of the same name.
  ///   - defaults: `NAME=value` strings added only when no variable of that name is left.
  ///   - base: the environment to start from; ours by default.
  ///   - parent: the pid the child checks its parent against; ours by default.
  public static func forChild(
    setting: [String] = [], defaults: [String] = [], base: [String] = current,
    parent: pid_t? = nil
  ) -> [String] {
    let assigned = ["PROCLAB_PARENT=\(parent ?? getpid())"] + setting
    let replaced = Set(assigned.map(variableName))
    var environment = base.filter { !replaced.contains(variableName($0)) }
    environment += assigned
    var present = Set(environment.map(variableName))
    for entry in defaults where present.insert(variableName(entry)).inserted {
      environment.append(entry)
    }
    return environment
  }

  /// `NAME` of `NAME=value` (the whole string when it has no `=`).
  static func variableName(_ entry: String) -> Substring {
    entry.prefix { $0 != "=" }
  }
}

/// Calls `body` with a NULL-terminated C array of C strings (argv, envp) that lives for the
/// call.
public func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R
{
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  pointers.append(nil)
  defer { for p in pointers { free(p) } }
  return body(pointers)
}

/// A test hook: when `PROCLAB_SPAWN_LOG` names a file, every process ProcLab starts is
/// appended to it (pid and arguments), so tests can prove that refused input started nothing.
enum SpawnLog {
  static let path: String? = ProcessEnvironment.value("PROCLAB_SPAWN_LOG")

  static func record(pid: pid_t, arguments: [String]) {
    guard let path else { return }
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    try? FileIO.writeAll(fd, "\(pid) \(arguments.joined(separator: " "))\n")
    close(fd)
  }
}
