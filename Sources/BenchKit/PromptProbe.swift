import CProcLab
import Glibc
import OSKit

/// What a program looked like once it showed its prompt in a terminal.
public struct PromptSample: Sendable {
  /// From the spawn to the prompt's last byte arriving on the terminal.
  public var secondsToPrompt: Double
  /// Resident memory (`VmRSS` in /proc/<pid>/status) at the prompt, in bytes.
  public var residentBytes: Double
}

/// Starts an interactive program on a pseudo-terminal, waits for its prompt, reads its
/// memory, then asks it to quit.
public enum PromptProbe {
  /// Runs `arguments` on a new pseudo-terminal of 24 × 100 until `prompt` appears.
  ///
  /// - Parameters:
  ///   - arguments: The program's path, then its arguments.
  ///   - prompt: Text that ends the program's prompt ("› ").
  ///   - quit: What to type to leave ("quit\n").
  ///   - settle: Seconds to wait at the prompt before reading the memory.
  ///   - environment: The program's environment.
  ///   - timeout: Seconds to wait for the prompt.
  /// - Returns: The time to the prompt and the resident memory there.
  /// - Throws: `CommandFailure` when the terminal cannot be made or no prompt comes.
  public static func measure(
    _ arguments: [String], prompt: String, quit: String = "quit\n", settle: Double = 0.05,
    environment: [String]? = nil, timeout: Double = 10
  ) throws(CommandFailure) -> PromptSample {
    guard let path = arguments.first else { throw CommandFailure("nothing to run") }
    var master: Int32 = -1
    var slave: Int32 = -1
    guard pl_open_pty(&master, &slave) == 0 else {
      throw CommandFailure("could not open a pseudo-terminal")
    }
    defer { close(master) }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    let started = CommandRunner.now()
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        path, arguments: arguments, newProcessGroup: true, stdin: slave, stdout: slave,
        stderr: slave, environment: environment)
    } catch {
      close(slave)
      throw CommandFailure("could not start \(path): \(error)")
    }
    close(slave)
    defer {
      if child.poll() == nil { child.stop(first: SIGKILL, grace: 0.5) }
    }

    let wanted = Array(prompt.utf8)
    var seen: [UInt8] = []
    var atPrompt: Double?
    while atPrompt == nil {
      let left = started + timeout - CommandRunner.now()
      guard left > 0 else { throw CommandFailure("no prompt within \(Int(timeout)) s") }
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, 1, Int32(min(left, 1) * 1000))
      if ready <= 0 { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw CommandFailure("the program ended before its prompt") }
      seen += buffer[0..<n]
      if seen.count >= wanted.count, Array(seen.suffix(wanted.count)) == wanted {
        atPrompt = CommandRunner.now() - started
      }
    }
    usleep(UInt32(settle * 1e6))
    guard let rss = residentBytes(child.pid) else {
      throw CommandFailure("could not read /proc/\(child.pid)/status")
    }
    try? FileIO.writeAll(master, quit)
    // Drain the terminal so the program never blocks writing its goodbye.
    let deadline = CommandRunner.now() + 5
    while child.poll() == nil && CommandRunner.now() < deadline {
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      if poll(&fds, 1, 20) > 0 {
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      }
    }
    return PromptSample(secondsToPrompt: atPrompt ?? 0, residentBytes: rss)
  }

  /// `VmRSS` of a process in bytes, from /proc/<pid>/status.
  public static func residentBytes(_ pid: Int32) -> Double? {
    ProcStatus.read(pid)?.kibibytes("VmRSS").map { Double($0) * 1024 }
  }
}
