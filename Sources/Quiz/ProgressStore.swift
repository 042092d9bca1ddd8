import FoundationEssentials
import Glibc
import OSKit

/// Loads and saves `progress.json` so that no instant of a kill and no second REPL can leave a
/// broken file: every change is written to a temporary file in the same directory, fsynced,
/// renamed over the old one, and the directory fsynced — all under an exclusive lock, re-reading
/// the file first so two REPLs merge their changes instead of overwriting each other.
public final class ProgressStore: @unchecked Sendable {
  /// The largest progress file ProcLab will read; anything bigger is set aside as corrupt.
  public static let maximumSize = 4 << 20

  public let directory: String
  public var path: String { directory + "/progress.json" }
  var lockPath: String { directory + "/progress.lock" }
  /// False when the directory cannot be written: progress lives in memory only.
  public private(set) var persistent: Bool
  public private(set) var progress: Progress
  /// One line per thing the store had to do on opening (a corrupt file set aside…).
  public private(set) var notices: [String] = []

  /// Opens the store in `directory`, recovering what it can.
  public init(directory: String) {
    self.directory = directory
    progress = Progress()
    persistent = access(directory, W_OK) == 0
    if !persistent {
      notices.append(
        "cannot write to \(directory): progress will be kept for this session only")
    }
    if let loaded = readRecovering() { progress = loaded }
    if persistent { removeStaleTemporaries() }
  }

  /// Removes `progress.json.tmp-<pid>` files left by a ProcLab killed while saving.
  private func removeStaleTemporaries() {
    let prefix = "progress.json.tmp-"
    for name in FileIO.entries(in: directory) ?? [] {
      guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)),
        !Signals.isAlive(pid)
      else { continue }
      unlink(directory + "/" + name)
    }
  }

  /// Reads the file; sets aside a file that cannot be read and says so.
  private func readRecovering() -> Progress? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }  // no file yet: a fresh start
    if (st.st_mode & S_IFMT) == S_IFDIR {
      persistent = false
      notices.append(
        "\(path) is a directory, not a file: progress will be kept for this session only")
      return nil
    }
    if Int(st.st_size) > ProgressStore.maximumSize {
      setAside(reason: "it is \(st.st_size / 1_048_576) MB, far larger than any real progress file")
      return nil
    }
    guard let bytes = FileIO.readFile(path, limit: ProgressStore.maximumSize) else {
      notices.append("cannot read \(path): progress will be kept for this session only")
      persistent = false
      return nil
    }
    if bytes.isEmpty {
      setAside(reason: "it is empty")
      return nil
    }
    do {
      return try JSONDecoder().decode(Progress.self, from: Data(bytes))
    } catch {
      setAside(reason: "it is not valid progress JSON")
      return nil
    }
  }

  private func setAside(reason: String) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let target = "\(path).corrupt-\(now.tv_sec)"
    if rename(path, target) == 0 {
      notices.append(
        "progress.json could not be used (\(reason)); kept it as \(target) and started afresh")
    } else {
      notices.append(
        "progress.json could not be used (\(reason)) nor moved aside; progress will be kept for this session only"
      )
      persistent = false
    }
  }

  /// Applies `change` to the latest progress on disk and saves it atomically.
  /// - Returns: nil on success, or one line saying why it could not be saved.
  @discardableResult
  public func update(_ change: (inout Progress) -> Void) -> String? {
    guard persistent else {
      change(&progress)
      return nil
    }
    let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if lock >= 0 {
      while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    }
    defer {
      if lock >= 0 {
        flock(lock, LOCK_UN)
        close(lock)
      }
    }
    // Another REPL may have saved since we read: start from what is on disk.
    if let bytes = FileIO.readFile(path, limit: ProgressStore.maximumSize), !bytes.isEmpty,
      let latest = try? JSONDecoder().decode(Progress.self, from: Data(bytes))
    {
      progress = latest
    }
    change(&progress)
    do {
      try write(progress)
      return nil
    } catch {
      return "could not save progress to \(path): \(error)"
    }
  }

  private func write(_ value: Progress) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = Array(try encoder.encode(value))
    let temp = "\(path).tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw SystemError("creating \(temp)") }
    do {
      try FileIO.writeAll(fd, data)
      guard fsync(fd) == 0 else { throw SystemError("syncing \(temp)") }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    close(fd)
    guard rename(temp, path) == 0 else {
      let failure = SystemError("renaming \(temp) to \(path)")
      unlink(temp)
      throw failure
    }
    let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dir >= 0 {
      fsync(dir)
      close(dir)
    }
  }

  /// Seconds since 1970, for timestamps in the file.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
