import Glibc

/// What a child process wrote on its stdout and stderr pipes.
public struct CapturedOutput: Sendable, Equatable {
  public var stdout: [UInt8] = []
  public var stderr: [UInt8] = []

  public init(stdout: [UInt8] = [], stderr: [UInt8] = []) {
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Both as text (invalid UTF-8 repaired).
  public var text: (stdout: String, stderr: String) {
    (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }
}

/// Reads a child's stdout and stderr at the same time, until both are closed: reading one to
/// its end before the other would hang as soon as the child fills the other pipe's buffer.
public enum OutputCapture {
  /// Why reading ended.
  public enum End: Sendable, Equatable {
    /// Both pipes reached end of file: every process holding their write ends has closed them.
    case closed
    /// `stop` asked to stop first; what had arrived is kept.
    case stopped
  }

  /// Reads `stdout` and `stderr` (read ends of pipes) until both reach end of file, or `stop`
  /// returns true. `stop` is asked before each wait of at most `interval` seconds.
  /// - Returns: what was read, and why reading ended. The descriptors stay open.
  public static func collect(
    stdout: Int32, stderr: Int32, interval: Double = 0.1, stop: () -> Bool = { false }
  ) -> (output: CapturedOutput, end: End) {
    var output = CapturedOutput()
    var open = [stdout, stderr]
    let milliseconds = Int32(max(0.001, min(interval, 60)) * 1000)
    while !open.isEmpty {
      if stop() { return (output, .stopped) }
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), milliseconds)
      if ready < 0 && errno != EINTR { break }
      guard ready > 0 else { continue }
      for entry in fds where entry.revents != 0 {
        // A read error ends that pipe as end of file would.
        let chunk = (try? FileIO.read(entry.fd, upTo: 65536)) ?? []
        if chunk.isEmpty {
          open.removeAll { $0 == entry.fd }
        } else if entry.fd == stdout {
          output.stdout += chunk
        } else {
          output.stderr += chunk
        }
      }
    }
    return (output, .closed)
  }
}
