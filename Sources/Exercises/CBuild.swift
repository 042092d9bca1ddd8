import Glibc
public import Lessons
import Measure
public import OSKit

/// A C variant's `c-build:` before each check (docs/exercises.md, "C"): the compiler run
/// untraced in the C folder of the workspace, stdin `/dev/null`, its stdout and stderr kept
/// together (the first 64 KiB), at most 60 s. What the student's compiler says is kept raw
/// here; the screen escapes it.
public enum CBuild {
  /// Why the build gave no program.
  public enum Failure: Sendable, Equatable {
    /// The compiler is not in PATH: the name looked for.
    case notInstalled(compiler: String)
    /// The compiler could not be started, or the workspace entered: one line.
    case cannotStart(String)
    /// It ran and failed (or ran past 60 s): how it ended and the first lines it wrote.
    case failed(CompileError)
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
  public static func build(_ variant: ExerciseCVariant, in directory: String) -> Failure? {
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
    var bytes: [UInt8] = []
    let deadline = MonotonicClock.seconds() + timeout
    while MonotonicClock.seconds() < deadline,
      FileIO.waitReadable(out.read, timeout: max(0, deadline - MonotonicClock.seconds())),
      let chunk = try? FileIO.read(out.read, upTo: 16384), !chunk.isEmpty
    {
      if bytes.count < 1 << 16 { bytes += chunk.prefix((1 << 16) - bytes.count) }
    }
    let status =
      child.wait(timeout: max(0.1, deadline - MonotonicClock.seconds()))
      ?? child.stop(first: SIGKILL, grace: 1)
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
}
