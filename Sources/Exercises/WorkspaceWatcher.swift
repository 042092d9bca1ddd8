import Glibc
public import OSKit

/// Waits for a save in a workspace directory: inotify on the directory, debounced, woken by
/// Ctrl-C too (`watch`, docs/exercises.md "Commands").
public struct WorkspaceWatcher: ~Copyable {
  let fd: Int32
  /// Names whose events are not saves: the program a C variant's build writes there.
  let ignoring: Set<String>
  /// Quiet time after the last event before a save counts (editors write in several steps).
  public static let debounce = 0.2

  /// Watches `directory` for files written, moved in or created.
  /// - Parameters:
  ///   - directory: the workspace folder.
  ///   - ignoring: file names whose changes are not the student's saves (the program `check`
  ///     builds, or every build would start the next check).
  /// - Throws: `SystemError` when inotify cannot be set up.
  public init(directory: String, ignoring: Set<String> = []) throws(SystemError) {
    self.ignoring = ignoring
    let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { throw SystemError("inotify_init1") }
    let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
    guard inotify_add_watch(fd, directory, mask) >= 0 else {
      let error = SystemError("watching \(directory)")
      close(fd)
      throw error
    }
    self.fd = fd
  }

  deinit { close(fd) }

  /// What ended a wait.
  public enum Wake: Sendable, Equatable {
    /// A file of the directory was saved (and nothing more for `debounce` seconds).
    case saved
    /// Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) was counted on the signal pipe.
    case interrupted
  }

  /// Waits until a save settles or a signal arrives.
  public func wait(signals: SignalPipe) -> Wake {
    var changed = false
    while true {
      if signals.take(SIGINT) > 0
        || [SIGTERM, SIGHUP, SIGQUIT].contains(where: { signals.peek($0) > 0 })
      {
        return .interrupted
      }
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signals.ends.read, events: Int16(POLLIN), revents: 0),
      ]
      let timeout: Int32 = changed ? Int32(Self.debounce * 1000) : -1
      let n = poll(&fds, 2, timeout)
      if n < 0 {
        if errno == EINTR { continue }
        return .interrupted
      }
      if n == 0 { return .saved }  // quiet for `debounce` after a change
      if fds[1].revents != 0 { signals.drain() }
      if fds[0].revents != 0, drainEvents() { changed = true }
    }
  }

  /// Reads every pending event; whether there was one about a name not ignored.
  func drainEvents() -> Bool {
    var any = false
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
      guard n > 0 else { break }
      // struct inotify_event: wd, mask, cookie, len (4 bytes each), then `len` bytes of name
      // padded with NULs.
      var offset = 0
      while offset + 16 <= n {
        let length = buffer[offset + 12..<offset + 16].reversed().reduce(0) { $0 << 8 | Int($1) }
        let end = min(n, offset + 16 + length)
        let name = String(
          decoding: buffer[offset + 16..<end].prefix { $0 != 0 }, as: UTF8.self)
        if !ignoring.contains(name) { any = true }
        offset = end
      }
    }
    return any
  }
}
