import CProcLab
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The built binary under test: `$PROCLAB_BIN`, or `.build/debug/proclab` in this tree.
let proclabBinary: String = TestBinary.proclab

/// The IPC namespace of every ProcLab these tests start: their objects (and those the tests
/// plant) are named `/proclab.t<this pid>.…`, which no other ProcLab's sweep touches while this
/// test process lives.
let testNamespace = TestIPC.namespace

/// A fresh state directory (history, progress) for one test, removed by `cleanUp`.
struct TempState {
  let path: String
  /// More `NAME=value` pairs for the process under test.
  var extraEnvironment: [String] = []

  init() {
    var template = Array("/tmp/proclab-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    path = made.map { String(cString: $0) } ?? "/tmp/proclab-test-fallback"
  }

  var environment: [String] {
    ProcessEnvironment.current.filter {
      !$0.hasPrefix("XDG_STATE_HOME=") && !$0.hasPrefix("TERM=") && !$0.hasPrefix("NO_COLOR=")
        && !$0.hasPrefix("COLUMNS=") && !$0.hasPrefix("EDITRC=") && !$0.hasPrefix("PROCLAB_")
        // The language is the test's to choose (LANG below): none of the runner's may leak in.
        && !$0.hasPrefix("LC_ALL=") && !$0.hasPrefix("LC_MESSAGES=") && !$0.hasPrefix("LANGUAGE=")
    } + [
      "XDG_STATE_HOME=\(path)", "TERM=xterm-256color", "NO_COLOR=1", "LANG=C.UTF-8",
      "EDITRC=/dev/null", TestIPC.environmentEntry,
    ] + extraEnvironment
  }

  func cleanUp() {
    _ = path.withCString { p in
      system("rm -rf '\(String(cString: p))'")
    }
  }
}

/// Strips ANSI escape sequences and carriage returns, so output can be matched as text.
func plainText(_ bytes: [UInt8]) -> String {
  var out: [UInt8] = []
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    if b == 0x1B {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
        i += 1
        while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
      }
      i += 1
      continue
    }
    if b != UInt8(ascii: "\r") && b != 0x07 { out.append(b) }
    i += 1
  }
  return String(decoding: out, as: UTF8.self)
}

/// ProcLab running under a pseudo-terminal, typed at as a student would.
final class PTYSession {
  let pid: pid_t
  let master: Int32
  private(set) var output: [UInt8] = []
  /// Whether `master` is still ours to close (it is closed once, by `close` or `hangUp`).
  private var masterOpen = true
  private var exitStatus: OSKit.ExitStatus?

  /// - Parameters:
  ///   - binary: what to run instead of proclab (a wrapper such as `/bin/sh`), with
  ///     `arguments` as its whole argument list after argv[0].
  ///   - command: a whole argv to run instead of proclab (its first word is the path), e.g. a
  ///     shell that closes a descriptor before it execs proclab.
  ///   - asShellJob: run it as a job-control shell would: in a process group of its own in the
  ///     terminal's foreground, below a session leader that waits for it, so Ctrl-Z stops it;
  ///     `pid` is then the leader's (`jobPid()` finds the job's).
  ///   - environment: instead of `state.environment` (to leave out `NO_COLOR`).
  init(
    arguments: [String] = [], state: TempState, rows: UInt16 = 30, cols: UInt16 = 100,
    binary: String = proclabBinary, command: [String]? = nil, asShellJob: Bool = false,
    environment: [String]? = nil
  ) throws {
    var fd: Int32 = -1
    let argv = command ?? [binary == proclabBinary ? "proclab" : binary] + arguments
    let path = command?.first ?? binary
    let env = environment ?? state.environment
    let pid = withCStrings(argv) { a in
      withCStrings(env) { e in
        asShellJob
          ? pl_spawn_in_pty_job(&fd, path, a, e, rows, cols)
          : pl_spawn_in_pty(&fd, path, a, e, rows, cols)
      }
    }
    guard pid > 0 else { throw SystemError("starting proclab in a pseudo-terminal") }
    self.pid = pid
    master = fd
  }

  /// Types `text` (escape sequences and control characters included).
  func type(_ text: String) {
    guard masterOpen else { return }
    try? FileIO.writeAll(master, text)
  }

  /// Reads what is available for up to `seconds`.
  func drain(_ seconds: Double = 0.2) {
    guard masterOpen else {
      usleep(UInt32(max(0, seconds) * 1e6))  // nothing to read: the terminal is closed
      return
    }
    let deadline = now() + seconds
    while now() < deadline {
      guard FileIO.waitReadable(master, timeout: max(0, deadline - now())) else { return }
      guard let chunk = try? FileIO.read(master, upTo: 65536), !chunk.isEmpty else { return }
      output += chunk
    }
  }

  /// Waits until the screen text since `from` contains `text`; returns whether it did.
  @discardableResult
  func expect(_ text: String, after from: Int = 0, timeout: Double = 10) -> Bool {
    let deadline = now() + timeout
    while true {
      if plainText(Array(output[min(from, output.count)...])).contains(text) { return true }
      let left = deadline - now()
      if left <= 0 || !masterOpen { return false }
      guard FileIO.waitReadable(master, timeout: min(left, 0.2)) else { continue }
      guard let chunk = try? FileIO.read(master, upTo: 65536), !chunk.isEmpty else {
        return plainText(Array(output[min(from, output.count)...])).contains(text)
      }
      output += chunk
    }
  }

  /// Waits until the screen text since `from` contains `text` and, somewhere after it, `next`
  /// (the prompt after a command's last line, with whatever lines came between).
  @discardableResult
  func expect(_ text: String, then next: String, after from: Int = 0, timeout: Double = 10)
    -> Bool
  {
    func found() -> Bool {
      let shown = plainText(Array(output[min(from, output.count)...]))
      guard let at = shown.firstRange(of: text) else { return false }
      return shown[at.upperBound...].contains(next)
    }
    let deadline = now() + timeout
    while !found() {
      let left = deadline - now()
      if left <= 0 || !masterOpen { return false }
      guard FileIO.waitReadable(master, timeout: min(left, 0.2)) else { continue }
      guard let chunk = try? FileIO.read(master, upTo: 65536), !chunk.isEmpty else {
        return found()
      }
      output += chunk
    }
    return true
  }

  /// Everything shown so far, as text.
  var screen: String { plainText(output) }
  var mark: Int { output.count }

  /// Waits for the process to exit; nil if it did not within `timeout`.
  func waitForExit(timeout: Double = 10) -> OSKit.ExitStatus? {
    if let exitStatus { return exitStatus }
    let deadline = now() + timeout
    while now() < deadline {
      drain(0.05)
      var status: Int32 = 0
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid {
        exitStatus = OSKit.ExitStatus(waitStatus: status)
        return exitStatus
      }
    }
    return nil
  }

  /// Kills the session if it is still running and closes the terminal.
  func close() {
    if waitForExit(timeout: 0) == nil {
      kill(pid, SIGKILL)
      _ = waitForExit(timeout: 5)
    }
    hangUp()
  }

  /// Closes the terminal's master side, as when the terminal window goes away (once: a second
  /// close would close whatever descriptor was given that number since).
  func hangUp() {
    guard masterOpen else { return }
    masterOpen = false
    Glibc.close(master)
  }

  /// The terminal settings as `stty -g` would print them, read through the master side.
  var terminalSettings: [UInt8] {
    var t = termios()
    tcgetattr(master, &t)
    return withUnsafeBytes(of: &t) { Array($0) }
  }
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs proclab with `input` on a pipe as stdin; returns stdout, stderr and the exit status.
func runPiped(
  _ arguments: [String], input: String, state: TempState, timeout: Double = 60,
  direct: Bool = false
) throws -> (stdout: String, stderr: String, status: OSKit.ExitStatus) {
  try runPipedEnvironment(
    state.environment, input: input, arguments: arguments, timeout: timeout, direct: direct)
}

/// Like `runPiped`, with an explicit environment; `direct` runs `arguments[0]` itself instead
/// of proclab (for wrappers such as setpriv and prlimit).
func runPipedEnvironment(
  _ environment: [String], input: String, arguments: [String] = [], timeout: Double = 60,
  direct: Bool = false
) throws -> (stdout: String, stderr: String, status: OSKit.ExitStatus) {
  let r = try CapturedRun.run(
    direct ? arguments : ["proclab"] + arguments,
    executable: direct ? arguments[0] : proclabBinary, environment: environment,
    input: .text(input), timeout: timeout, graceAfterTimeout: 10)
  return (r.stdoutText, r.stderrText, r.status)
}

/// Processes below `pid` that are still around (a leak if the demo is over).
func leftoverDescendants(of pid: Int32) -> [ProcStat] {
  ProcessTree.descendants(of: pid)
}

/// Starts ProcLab under a pseudo-terminal with a fresh state directory, waits for its prompt,
/// runs `body`, then makes sure the session and its state are gone: the set-up most
/// end-to-end tests share.
func withREPL(
  arguments: [String] = [], rows: UInt16 = 30, cols: UInt16 = 100,
  sourceLocation: SourceLocation = #_sourceLocation, _ body: (PTYSession, TempState) throws -> Void
) throws {
  let state = TempState()
  defer { state.cleanUp() }
  let session = try PTYSession(arguments: arguments, state: state, rows: rows, cols: cols)
  defer { session.close() }
  #expect(
    session.expect("proclab › "), "no prompt; screen: \(session.screen)",
    sourceLocation: sourceLocation)
  try body(session, state)
}
