public import Glibc
public import OSKit

/// Where the program under test is: `$PROCLAB_BIN`, or `.build/debug/proclab` in this tree.
public enum TestBinary {
  /// The root of this source tree (the folder holding Package.swift).
  public static let sourceRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/TestSupport/CapturedRun.swift
    return parts.joined(separator: "/")
  }()

  /// The proclab binary the tests run.
  public static let proclab: String =
    ProcessEnvironment.value("PROCLAB_BIN") ?? sourceRoot + "/.build/debug/proclab"
}

/// What a program run to its end printed, and how it ended.
public struct CapturedRun: Sendable {
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  public var status: OSKit.ExitStatus
  /// The program's pid (it is reaped: only for telling its objects and workers apart).
  public var pid: pid_t
  /// Whether the run was cut off at its time-out (its output is what came before).
  public var timedOut: Bool
  /// Whether `interruptAfter` came before the end, so SIGINT was sent.
  public var interrupted: Bool

  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

  /// What the program reads on its standard input.
  public enum Input: Sendable {
    /// /dev/null.
    case null
    /// This text on a pipe, closed after it (the program then sees end of file).
    case text(String)
    /// The test process's own standard input.
    case inherit
  }

  /// Where the program's standard error goes.
  public enum ErrorStream: Sendable {
    case capture
    case discard
    case inherit
  }

  /// Runs `argv` (argv[0] first) to its end and collects what it writes.
  ///
  /// Every descriptor it opens it closes exactly once, and it closes no other: the child's ends
  /// right after the spawn, its own ends when the run is over. (Closing an end twice closes,
  /// the second time, whatever descriptor another test opened in between under that number.)
  /// - Parameters:
  ///   - executable: the file to run; `argv[0]` by default.
  ///   - environment: the child's environment; nil passes the test process's.
  ///   - newProcessGroup: start it in a process group of its own (signals then go to the group).
  ///   - timeout: after this many seconds stop reading; the child gets `graceAfterTimeout`
  ///     seconds to end by itself, then SIGKILL (its group's, with `newProcessGroup`).
  ///   - interruptAfter: send the child SIGINT this many seconds after the start.
  ///   - whileRunning: called with the child's pid once it runs, before its output is read.
  /// - Throws: `SystemError` when a pipe cannot be made or the program cannot be started.
  public static func run(
    _ argv: [String], executable: String? = nil, environment: [String]? = nil,
    input: Input = .null, stderr errorStream: ErrorStream = .capture,
    newProcessGroup: Bool = false, timeout: Double = 60, graceAfterTimeout: Double = 10,
    interruptAfter: Double? = nil, whileRunning: ((pid_t) -> Void)? = nil
  ) throws -> CapturedRun {
    // The child's ends (closed once the child has them) and ours (closed at the end).
    var childEnds: [Int32] = []
    var ourEnds: [Int32] = []
    defer { ourEnds.forEach(FileIO.closeQuietly) }
    func closeChildEnds() {
      childEnds.forEach(FileIO.closeQuietly)
      childEnds = []
    }
    defer { closeChildEnds() }

    var stdinFD: Int32?
    var inputWrite: Int32 = -1
    var pendingInput: String?
    switch input {
    case .null:
      let null = try openNull()
      childEnds.append(null)
      stdinFD = null
    case .text(let text):
      let pipe = try PipeEnds()
      childEnds.append(pipe.read)
      ourEnds.append(pipe.write)
      inputWrite = pipe.write
      stdinFD = pipe.read
      pendingInput = text
    case .inherit:
      stdinFD = nil
    }
    let out = try PipeEnds()
    childEnds.append(out.write)
    ourEnds.append(out.read)
    var stderrFD: Int32?
    var errRead: Int32 = -1
    switch errorStream {
    case .capture:
      let err = try PipeEnds()
      childEnds.append(err.write)
      ourEnds.append(err.read)
      stderrFD = err.write
      errRead = err.read
    case .discard:
      let null = try openNull()
      childEnds.append(null)
      stderrFD = null
    case .inherit:
      stderrFD = nil
    }

    let child = try ChildProcess.spawn(
      executable ?? argv[0], arguments: argv, newProcessGroup: newProcessGroup, stdin: stdinFD,
      stdout: out.write, stderr: stderrFD, environment: environment)
    closeChildEnds()
    if let text = pendingInput {
      // Written whole before reading, as a student's typed-ahead script would be.
      try? FileIO.writeAll(inputWrite, text)
      ourEnds.removeAll { $0 == inputWrite }
      FileIO.closeQuietly(inputWrite)
    }
    whileRunning?(child.pid)

    var captured: [Int32: [UInt8]] = [out.read: [], errRead: []]
    var open = [out.read] + (errRead >= 0 ? [errRead] : [])
    let started = monotonicSeconds()
    var interrupted = false
    var timedOut = false
    while !open.isEmpty {
      let elapsed = monotonicSeconds() - started
      if let after = interruptAfter, !interrupted, elapsed >= after {
        child.signal(SIGINT, group: false)
        interrupted = true
      }
      if elapsed >= timeout {
        timedOut = true
        break
      }
      var wait = timeout - elapsed
      if let after = interruptAfter, !interrupted { wait = min(wait, after - elapsed) }
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ms = Int32(max(1, min(wait, 1) * 1000))
      guard poll(&fds, nfds_t(fds.count), ms) > 0 else { continue }
      for entry in fds where entry.revents != 0 {
        let chunk = (try? FileIO.read(entry.fd, upTo: 65536)) ?? []
        if chunk.isEmpty {
          open.removeAll { $0 == entry.fd }
        } else {
          captured[entry.fd, default: []] += chunk
        }
      }
    }
    // Our read ends closed before waiting: a child still writing gets EPIPE instead of hanging.
    ourEnds.forEach(FileIO.closeQuietly)
    ourEnds = []
    let status: OSKit.ExitStatus
    if timedOut {
      status = child.wait(timeout: graceAfterTimeout) ?? child.stop(first: SIGKILL, grace: 0.5)
    } else {
      status = try child.wait()
    }
    return CapturedRun(
      stdout: captured[out.read] ?? [], stderr: captured[errRead] ?? [], status: status,
      pid: child.pid, timedOut: timedOut, interrupted: interrupted)
  }

  private static func openNull() throws -> Int32 {
    let fd = Glibc.open("/dev/null", O_RDWR | O_CLOEXEC)
    guard fd >= 0 else { throw SystemError("opening /dev/null") }
    return fd
  }
}

/// Seconds on the monotonic clock, for the tests' own time-outs.
public func monotonicSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The IPC namespace of the programs these tests start (`PROCLAB_IPC_NAMESPACE`): their objects
/// are named `/proclab.t<test process pid>.…`, so no other ProcLab's sweep touches them while
/// the test process lives, and a test can tell its own objects from everyone else's.
public enum TestIPC {
  public static let namespace = "t\(getpid())"

  /// The environment entry that puts a program in this namespace.
  public static var environmentEntry: String { "PROCLAB_IPC_NAMESPACE=\(namespace)" }

  /// The ProcLab objects in /dev/shm and /dev/mqueue of this namespace whose owner is dead:
  /// what a finished run must never leave (other programs' objects are not a test's business).
  public static func orphanedObjects() -> [String] {
    IPCNames.listAll().filter { path in
      let name = String(path.split(separator: "/").last ?? "")
      guard IPCNames.namespace(of: name) == namespace else { return false }
      return IPCNames.owner(of: name).map { !Signals.isAlive($0) } ?? false
    }
  }
}
