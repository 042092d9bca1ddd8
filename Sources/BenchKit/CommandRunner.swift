internal import Glibc
public import OSKit

/// What one run of a program printed, how it ended and how long it took.
public struct CommandOutput: Sendable {
  public var stdout: String
  public var stderr: String
  public var status: ExitStatus
  /// From just before the spawn to just after the wait, monotonic.
  public var wallSeconds: Double

  /// The last line of stderr, for one-line failure messages.
  public var lastErrorLine: String {
    stderr.split(separator: "\n").last.map(String.init) ?? ""
  }
}

/// A run that failed: the program is missing, timed out or exited with a failure.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
  public var description: String
  public var output: CommandOutput?

  public init(_ description: String, output: CommandOutput? = nil) {
    self.description = description
    self.output = output
  }
}

/// Runs programs for the bench: stdout and stderr through pipes, stdin from a string or
/// /dev/null, a time limit after which the program is killed.
public enum CommandRunner {
  /// Monotonic seconds.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Runs `arguments[0]` (a path) with `arguments` and waits for it.
  ///
  /// - Parameters:
  ///   - arguments: The program's path first, then its arguments.
  ///   - input: Written to the program's stdin, which is then closed; nil gives /dev/null.
  ///   - environment: The program's environment; nil passes ours.
  ///   - timeout: Seconds after which the program (and its process group) is killed.
  /// - Returns: Its output, status and wall time.
  /// - Throws: `CommandFailure` when it cannot start or overruns `timeout`.
  public static func run(
    _ arguments: [String], input: String? = nil, environment: [String]? = nil,
    timeout: Double = 120
  ) throws(CommandFailure) -> CommandOutput {
    guard let path = arguments.first else { throw CommandFailure("nothing to run") }
    let out: PipeEnds
    let err: PipeEnds
    let inPipe: PipeEnds
    do {
      out = try PipeEnds()
      err = try PipeEnds()
      inPipe = try PipeEnds()
    } catch {
      throw CommandFailure("could not make pipes: \(error)")
    }
    defer {
      FileIO.closeQuietly(out.read)
      FileIO.closeQuietly(err.read)
    }
    let started = now()
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        path, arguments: arguments, newProcessGroup: true, stdin: inPipe.read,
        stdout: out.write, stderr: err.write, environment: environment)
    } catch {
      out.closeBoth()
      err.closeBoth()
      inPipe.closeBoth()
      throw CommandFailure("could not start \(path): \(error)")
    }
    FileIO.closeQuietly(out.write)
    FileIO.closeQuietly(err.write)
    FileIO.closeQuietly(inPipe.read)
    if let input { try? FileIO.writeAll(inPipe.write, input) }
    FileIO.closeQuietly(inPipe.write)

    let deadline = started + timeout
    let (output, end) = OutputCapture.collect(stdout: out.read, stderr: err.read) {
      now() >= deadline
    }
    if end == .stopped {
      child.stop(first: SIGKILL, grace: 0.5)
      throw CommandFailure("\(path) took longer than \(Int(timeout)) s and was stopped")
    }
    let status: ExitStatus
    do {
      status = try child.wait()
    } catch {
      throw CommandFailure("waiting for \(path): \(error)")
    }
    let ended = now()
    child.signal(SIGKILL)  // anything left in its process group
    return CommandOutput(
      stdout: output.text.stdout, stderr: output.text.stderr, status: status,
      wallSeconds: ended - started)
  }

  /// Runs a program and insists that it succeeds.
  ///
  /// - Throws: `CommandFailure` naming the status and the last line of stderr otherwise.
  public static func succeed(
    _ arguments: [String], input: String? = nil, environment: [String]? = nil,
    timeout: Double = 120
  ) throws(CommandFailure) -> CommandOutput {
    let output = try run(arguments, input: input, environment: environment, timeout: timeout)
    guard output.status.isSuccess else {
      let name = arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
      var message = "\(name ?? "program") \(output.status)"
      if !output.lastErrorLine.isEmpty { message += ": \(output.lastErrorLine)" }
      throw CommandFailure(message, output: output)
    }
    return output
  }
}
