import Glibc
public import SystemPackage

/// A failed system call: what was being done, and the errno it failed with.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What ProcLab was doing, e.g. "creating shared memory /proclab-12-ab-counter".
  public var action: String
  public var errno: Errno
  /// What really happened, when the errno alone would mislead (message-queue limits report
  /// EMFILE, which would otherwise read as the open-file limit); said instead of the errno.
  public var explanation: String?

  public init(_ action: String, errno: Errno, explanation: String? = nil) {
    self.action = action
    self.errno = errno
    self.explanation = explanation
  }

  /// Captures the current `errno`.
  public init(_ action: String) {
    self.init(action, errno: Errno(rawValue: Glibc.errno))
  }

  public var description: String {
    // The errno's own text would mislead where there is an explanation ("Too many open files").
    if let explanation { return "\(action) failed: \(explanation)" }
    var text = "\(action) failed: \(errno)"
    switch errno {
    case .resourceTemporarilyUnavailable where action.contains("start"):
      text += " — the per-user process limit (ulimit -u) is reached; try fewer processes"
    case .tooManyOpenFiles: text += " (the open-file limit is reached)"
    case .noSpace: text += " (no space left, e.g. in /dev/shm)"
    default: break
    }
    return text
  }
}

/// Calls `body` until it does not fail with EINTR; throws `SystemError` on another failure.
/// Never use this for `close`, which must not be retried.
@discardableResult
public func retryingInterrupts<T: BinaryInteger>(
  _ action: @autoclosure () -> String, _ body: () -> T
) throws(SystemError) -> T {
  while true {
    let result = body()
    if result != -1 { return result }
    let code = Glibc.errno
    if code == EINTR { continue }
    throw SystemError(action(), errno: Errno(rawValue: code))
  }
}

/// Checks a call that returns its error number (posix_spawn*, pthread_*): 0 is success.
public func check(_ action: @autoclosure () -> String, _ code: Int32) throws(SystemError) {
  if code != 0 { throw SystemError(action(), errno: Errno(rawValue: code)) }
}
