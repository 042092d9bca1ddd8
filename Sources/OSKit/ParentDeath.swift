public import CProcLab
import Glibc

/// Makes sure a child does not outlive the process that started it.
public enum ParentDeath {
  /// Asks the kernel to send `signal` when our parent dies, then checks that the parent is
  /// still the one we expect (it may have died before the request). Exits at once if not.
  public static func arrange(expectedParent: pid_t, signal: Int32 = SIGKILL) {
    if pl_die_with_parent(signal, expectedParent) != 0 {
      _exit(70)
    }
  }

  /// The expected parent passed down in `PROCLAB_PARENT`, or our current parent.
  public static func arrangeFromEnvironment() {
    let expected = ProcessEnvironment.value("PROCLAB_PARENT").flatMap { Int32($0) } ?? getppid()
    arrange(expectedParent: expected)
  }
}

/// A non-blocking self-pipe that async-signal-safe handlers write to, so a poll loop wakes on
/// signals. Counts per signal are kept in C (`pl_take_signal_count`).
// @unchecked: its only state is the pipe's two descriptors, set in init and never changed;
// reads and writes on a pipe are safe from any thread.
public final class SignalPipe: @unchecked Sendable {
  public let ends: PipeEnds

  public init() throws(SystemError) {
    ends = try PipeEnds()
    FileIO.setNonBlocking(ends.read)
    FileIO.setNonBlocking(ends.write)
  }

  /// Routes `signals` to this pipe. With `restart`, interrupted system calls are restarted.
  public func install(_ signals: [Int32], restart: Bool = false) {
    for s in signals { pl_install_flag_handler(s, ends.write, restart) }
  }

  /// How many times `signal` arrived since last asked.
  public func take(_ signal: Int32) -> Int { Int(pl_take_signal_count(signal)) }
  public func peek(_ signal: Int32) -> Int { Int(pl_peek_signal_count(signal)) }

  /// Empties the pipe (the counts stay).
  public func drain() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while buffer.withUnsafeMutableBytes({ read(ends.read, $0.baseAddress, 64) }) > 0 {}
  }
}
