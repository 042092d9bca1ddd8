import CProcLab
import Glibc
import Synchronization

/// Where ProcLab's own messages to the person go. In the REPL, descriptor 2 is redirected to a
/// log file, so that a Swift runtime error never reaches the screen; `errorDescriptor` then
/// holds the terminal's original standard error.
public enum Console {
  private static let errorFD = Atomic<Int32>(2)
  private static let logFile = Mutex<String?>(nil)

  /// The descriptor for warnings and progress bars: the terminal's standard error.
  public static var errorDescriptor: Int32 { errorFD.load(ordering: .relaxed) }

  /// Writes one line for the person (a warning, a recovery), adding the newline.
  public static func warn(_ text: String) {
    try? FileIO.writeAll(errorDescriptor, "proclab: " + text + "\n")
  }

  /// Appends `text` to the session log, when there is one.
  /// - Returns: the log's path, or nil when there is no log (outside the REPL).
  public static func appendToLog(_ text: String) -> String? {
    guard let path = logFile.withLock({ $0 }) else { return nil }
    guard let fd = try? FileIO.openRegular(path, O_WRONLY | O_APPEND) else { return nil }
    defer { close(fd) }
    try? FileIO.writeAll(fd, text.hasSuffix("\n") ? text : text + "\n")
    return path
  }

  /// Sends the runtime's own standard error to `logPath`, keeps the terminal's for our
  /// messages, and arranges that a crash restores the terminal and says where the details are.
  /// - Returns: false if the log could not be opened (then nothing is redirected).
  @discardableResult
  public static func guardTerminal(logPath: String) -> Bool {
    let log: Int32
    do {
      log = try FileIO.openRegular(logPath, O_WRONLY | O_CREAT | O_TRUNC)
    } catch {
      // A link, a FIFO, someone else's file: said. A read-only directory was said already.
      if error.errno != EACCES && error.errno != EROFS {
        warn("\(error.description): not used as the session log")
      }
      return false
    }
    let saved = fcntl(2, F_DUPFD_CLOEXEC, 10)
    guard saved >= 0 else {
      close(log)
      return false
    }
    dup2(log, 2)
    close(log)
    errorFD.store(saved, ordering: .relaxed)
    logFile.withLock { $0 = logPath }
    let message =
      "\nproclab: ProcLab hit an internal error and stopped. Your terminal is restored and your "
      + "progress was already saved. Details: \(logPath)\n"
    pl_install_crash_guard(saved, message)
    return true
  }
}
