import CProcLab
import Glibc

/// The message queues ProcLab processes create, recorded in the state directory, because the
/// kernel lists queues only in /dev/mqueue, which is often not mounted (a killed run's queues
/// would otherwise stay, invisible, until they fill the per-user limit). Like PostgreSQL's
/// postmaster.pid, the record is written before the object is created, and read at start-up.
///
/// `<state>/ipc/<owner pid>`: one queue name a line, appended (`O_APPEND`, `O_NOFOLLOW`, mode
/// 0600). A sweep unlinks the names in the records of dead owners and deletes those records.
public enum IPCRecord {
  /// `$XDG_STATE_HOME/proclab/ipc`, or `~/.local/state/proclab/ipc` (the REPL's state
  /// directory, by the same rule as its `Paths.stateDirectory`).
  public static var directory: String {
    if let xdg = ProcessEnvironment.value("XDG_STATE_HOME"), xdg.hasPrefix("/") {
      return xdg + "/proclab/ipc"
    }
    let home = ProcessEnvironment.value("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return home + "/.local/state/proclab/ipc"
  }

  /// Adds `name` to this process's record; call it before creating the object.
  /// - Returns: whether the name was recorded (false if the state directory is unusable).
  @discardableResult
  public static func note(_ name: String) -> Bool {
    let dir = directory
    guard makeDirectories(dir) else { return false }
    let fd = open(
      "\(dir)/\(getpid())", O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard isOwnRegularFile(fd) else { return false }
    return (try? FileIO.writeAll(fd, name + "\n")) != nil
  }

  /// The names recorded by `pid`.
  public static func names(of pid: Int32) -> [String] {
    let fd = open("\(directory)/\(pid)", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    guard isOwnRegularFile(fd) else { return [] }
    var bytes: [UInt8] = []
    while bytes.count < 1 << 20, let chunk = try? FileIO.read(fd, upTo: 65536), !chunk.isEmpty {
      bytes += chunk
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("/") && IPCNames.owner(of: $0) == pid }
  }

  /// The pids that have a record.
  public static func owners() -> [Int32] {
    (FileIO.entries(in: directory) ?? []).compactMap { Int32($0) }.filter { $0 > 0 }.sorted()
  }

  /// Unlinks the queues recorded by owners that are dead and deletes their records.
  /// - Returns: the names unlinked (a name already gone is not listed).
  static func sweepDeadOwners() -> [String] {
    var removed: [String] = []
    for pid in owners() where !IPCNames.isRunning(pid) {
      for name in names(of: pid) where mq_unlink(name) == 0 { removed.append(name) }
      unlink("\(directory)/\(pid)")
    }
    return removed
  }

  static func isOwnRegularFile(_ fd: Int32) -> Bool {
    var st = stat()
    return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && st.st_uid == geteuid()
  }

  /// Creates `path` and its parents (mode 0700); whether it is a directory now.
  static func makeDirectories(_ path: String) -> Bool {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
    }
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }
}
