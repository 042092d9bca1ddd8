import Glibc
public import Lessons
import Measure
public import OSKit

/// A C variant's `c-build:` before each check (docs/exercises.md, "C"): the compiler run
/// untraced in the C folder of the workspace, stdin `/dev/null`, its stdout and stderr kept
/// together (the first 64 KiB), at most 60 s, stopped by Ctrl-C. What the student's compiler
/// says is kept raw here; the screen escapes it.
public enum CBuild {
  /// Why the build gave no program.
  public enum Failure: Sendable, Equatable {
    /// The compiler is not in PATH: the name looked for.
    case notInstalled(compiler: String)
    /// The compiler could not be started, or the workspace entered: one line.
    case cannotStart(String)
    /// It ran and failed (or ran past 60 s): how it ended and the first lines it wrote.
    case failed(CompileError)
    /// Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) came while it ran: the compiler's whole process
    /// group was stopped and reaped, and no program was made.
    case interrupted
  }

  /// A compile that did not make the program.
  public struct CompileError: Sendable, Equatable {
    /// How the compiler ended; `nil` when it was stopped at the 60 s limit.
    public var status: ExitStatus?
    /// The first lines of what it wrote (at most `shownLines`), as written.
    public var lines: [String]
    /// How many lines it wrote in all.
    public var totalLines: Int
  }

  /// How many of the compiler's lines a failed check shows.
  public static let shownLines = 8
  /// Seconds a build may take.
  public static let timeout = 60.0

  /// Runs `variant.build` in `directory`; `nil` when it made the program.
  /// - Parameters:
  ///   - signals: the self-pipe Ctrl-C is counted on; one that comes stops the compile.
  public static func build(
    _ variant: ExerciseCVariant, in directory: String, signals: SignalPipe? = nil
  ) -> Failure? {
    guard let compiler = variant.build.first else { return .cannotStart("no c-build command") }
    guard let path = Interpreter.inPath(compiler) else {
      return .notInstalled(compiler: compiler)
    }
    if let output = variant.output { unlink(directory + "/" + output) }  // never run a stale one
    guard let out = try? PipeEnds() else { return .cannotStart("cannot make a pipe") }
    let null = open("/dev/null", O_RDWR | O_CLOEXEC)
    defer { if null >= 0 { close(null) } }
    let started: Result<ChildProcess, SystemError>? = ExerciseCheckRun.inDirectory(directory) {
      do throws(SystemError) {
        return .success(
          try ChildProcess.spawn(
            path, arguments: variant.build, newProcessGroup: true, stdin: null,
            stdout: out.write, stderr: out.write))
      } catch {
        return .failure(error)
      }
    }
    FileIO.closeQuietly(out.write)
    defer { FileIO.closeQuietly(out.read) }
    guard let started else {
      return .cannotStart("cannot enter \(directory) (\(String(cString: strerror(errno))))")
    }
    let child: ChildProcess
    switch started {
    case .success(let c): child = c
    case .failure(let error): return .cannotStart("cannot start \(compiler): \(error)")
    }
    let deadline = MonotonicClock.seconds() + timeout
    let (bytes, stopped) = collect(out.read, until: deadline, signals: signals)
    if stopped {
      stopGroup(of: child)
      return .interrupted
    }
    let status =
      child.wait(timeout: max(0.1, deadline - MonotonicClock.seconds()))
      ?? child.stop(first: SIGKILL, grace: 1)
    if let signals, isStopping(signals) {
      stopGroup(of: child)
      return .interrupted
    }
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init).filter { !$0.isEmpty }
    let timedOut = MonotonicClock.seconds() >= deadline
    guard status.isSuccess, !timedOut else {
      return .failed(
        CompileError(
          status: timedOut ? nil : status,
          lines: Array(lines.prefix(shownLines)), totalLines: lines.count))
    }
    return nil
  }
  /// Reads the compiler's output until end of file or `deadline`; `stopped` when a signal
  /// that stops the check came first (then the rest is not read).
  static func collect(_ fd: Int32, until deadline: Double, signals: SignalPipe?)
    -> (bytes: [UInt8], stopped: Bool)
  {
    var bytes: [UInt8] = []
    while true {
      if let signals, isStopping(signals) { return (bytes, true) }
      let left = deadline - MonotonicClock.seconds()
      if left <= 0 { return (bytes, false) }
      var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
      if let signals {
        fds.append(pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0))
      }
      let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000) + 1)
      if ready < 0 && errno != EINTR { return (bytes, false) }
      if fds.count > 1, fds[1].revents != 0 { signals?.drain() }  // the counts stay
      guard fds[0].revents != 0 else { continue }
      guard let chunk = try? FileIO.read(fd, upTo: 16384), !chunk.isEmpty else {
        return (bytes, false)  // end of file: the compiler (and all it started) closed it
      }
      if bytes.count < 1 << 16 { bytes += chunk.prefix((1 << 16) - bytes.count) }
    }
  }

  /// Whether Ctrl-C (taken: it is this check's) or a signal that ends the session came.
  static func isStopping(_ signals: SignalPipe) -> Bool {
    signals.take(SIGINT) > 0 || signals.endingSignal != nil
  }

  /// Stops the compiler's process group (SIGTERM, so gcc removes its temporary files, then
  /// SIGKILL) and reaps the compiler and every process of its group re-parented to us
  /// (ProcLab is a child subreaper): nothing it started is left, not even a zombie.
  static func stopGroup(of child: ChildProcess) {
    child.stop(first: SIGTERM, grace: 0.5)
    guard let group = child.processGroup else { return }
    Signals.sendToGroup(group, SIGKILL)
    // The compiler is reaped, so its children are ours now; theirs become ours as they die.
    let deadline = MonotonicClock.seconds() + 5
    var status: Int32 = 0
    while MonotonicClock.seconds() < deadline {
      let reaped = waitpid(-group, &status, WNOHANG)
      if reaped < 0 && errno == ECHILD { return }
      if reaped <= 0 { usleep(2_000) }
    }
  }
}
