import Glibc

/// Writes the session's output so that it never blocks past a signal. Standard output may be a
/// pipe nobody reads: a plain `write` would then wait forever, restarted after every signal
/// (the handlers use SA_RESTART), and Ctrl-C or SIGTERM could never end the session.
public struct InterruptibleOutput: Sendable {
  public let fd: Int32
  public let signals: SignalPipe

  public init(fd: Int32, signals: SignalPipe) {
    self.fd = fd
    self.signals = signals
  }

  /// Writes all of `text`, unless a signal that ends the session arrives first (SIGTERM, SIGQUIT,
  /// SIGHUP), or Ctrl-C (SIGINT) arrives while `fd` cannot take more: then the rest is dropped.
  /// Each write follows a poll that says `fd` can take some, and is at most PIPE_BUF bytes,
  /// which a pipe with room then takes without blocking.
  /// - Returns: whether everything was written.
  @discardableResult
  public func write(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      if signals.endingSignal != nil { return false }
      let interrupted = signals.peek(SIGINT) > 0
      var fds = [
        pollfd(fd: fd, events: Int16(POLLOUT), revents: 0),
        pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, interrupted ? 0 : -1)
      if ready < 0 && errno == EINTR { continue }
      if ready < 0 || fds[0].revents != 0 {
        let count = min(bytes.count - offset, Int(PIPE_BUF))
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, count) }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        if n <= 0 { return false }
        offset += n
        continue
      }
      if interrupted { return false }
      // Only the self-pipe woke us: empty it (the signal counts stay) and look again.
      if fds[1].revents != 0 { signals.drain() }
    }
    return true
  }

  /// Writes `text` (at most PIPE_BUF bytes of it) only if `fd` can take it now, whatever
  /// signals came: for the last newline of a session a signal is ending.
  public func writeIfReady(_ text: String) {
    var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
    guard poll(&fds, 1, 0) == 1, fds[0].revents & Int16(POLLOUT) != 0 else { return }
    let bytes = Array(text.utf8.prefix(Int(PIPE_BUF)))
    _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
  }
}
