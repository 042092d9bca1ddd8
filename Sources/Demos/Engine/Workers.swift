import Glibc
public import OSKit

/// Worker processes: this binary re-executed as `proclab worker <role> …` (like Python's
/// "spawn" start method). Each role is a function from its arguments to an exit status.
public enum Workers {
  public typealias Role = @Sendable ([String]) -> Int32

  /// Every worker role, by name.
  static let roles: [String: Role] = WorkerRoles.all

  /// The entry point of `proclab worker <role> args…`.
  public static func main(role: String, arguments: [String]) -> Int32 {
    ParentDeath.arrangeFromEnvironment()
    signal(SIGPIPE, SIG_IGN)
    guard let body = roles[role] else {
      try? FileIO.writeAll(2, "proclab worker: unknown role '\(role)'\n")
      return 64
    }
    return body(arguments)
  }

  /// Starts another program (`path`, with `arguments` as its argv) through the `exec` worker
  /// role, so that it dies with the caller like a worker, even when it runs in a process group
  /// of its own.
  public static func spawnProgram(
    _ path: String, arguments: [String], newProcessGroup: Bool = false, stdout: Int32? = nil,
    stderr: Int32? = nil
  ) throws(SystemError) -> ChildProcess {
    try ChildProcess.spawnSelf(
      ["worker", "exec", path] + arguments, newProcessGroup: newProcessGroup, stdout: stdout,
      stderr: stderr)
  }

  /// Starts a worker in the caller's process group; it dies with the caller.
  /// - Parameters:
  ///   - stdin/stdout: descriptors to give the worker as 0 and 1.
  ///   - keep: one more descriptor the worker keeps at the same number.
  public static func spawn(
    _ role: String, _ arguments: [String], stdin: Int32? = nil, stdout: Int32? = nil,
    keep: Int32? = nil
  ) throws(SystemError) -> ChildProcess {
    do {
      return try ChildProcess.spawnSelf(
        ["worker", role] + arguments, stdin: stdin, stdout: stdout, keep: keep)
    } catch {
      throw SystemError("starting a worker process (\(role))", errno: error.errno)
    }
  }

  /// Reaps every child that has ended (including orphans re-parented to us as a subreaper).
  public static func reapAll() {
    var status: Int32 = 0
    while waitpid(-1, &status, WNOHANG) > 0 {}
  }

  /// Reaps every child left in process group `group` once it has been sent SIGKILL, waiting up
  /// to about `timeout` seconds for the last of them to finish dying: a process killed a moment
  /// ago is not a zombie yet, so `reapAll` alone would leave it behind as one.
  public static func reapGroup(_ group: Int32, timeout: Double = 1) {
    var status: Int32 = 0
    var waits = Int(timeout * 1000)
    while true {
      let pid = waitpid(-group, &status, WNOHANG)
      if pid > 0 || (pid < 0 && errno == EINTR) { continue }
      if pid < 0 || waits <= 0 { return }  // ECHILD: nothing of the group is left
      waits -= 1
      usleep(1000)
    }
  }

  /// Reaps a demo runner that has ended, and everything it left: SIGKILL to its process group
  /// (a worker that ignored the stop), every child of the group and every other ended child
  /// (orphans re-parented to us as a subreaper), then the IPC objects of dead owners.
  /// - Parameters:
  ///   - sweep: removes IPC objects whose owner is dead and returns their names.
  /// - Returns: how the runner ended and what the sweep removed (should be nothing).
  static func reapRunner(
    _ runner: ChildProcess, sweep: () -> [String] = { IPCNames.sweep() }
  ) -> (status: ExitStatus, swept: [String]) {
    let status = (try? runner.wait()) ?? .exited(-1)
    // Anything left in the demo's group (a worker that ignored the signal) goes now.
    Signals.sendToGroup(runner.pid, SIGKILL)
    reapGroup(runner.pid)
    reapAll()
    return (status, sweep())
  }
}
