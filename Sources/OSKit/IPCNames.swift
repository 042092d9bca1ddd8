import CProcLab
import Glibc

/// Names of ProcLab's POSIX IPC objects: `/proclab-<owner pid>-<nonce>-<what>`, so that a
/// sweep can tell whose they are and remove the ones whose owner is dead.
public enum IPCNames {
  public static let prefix = "proclab-"

  /// A fresh name owned by this process.
  public static func make(_ what: String) -> String {
    var nonce: UInt64 = 0
    withUnsafeMutableBytes(of: &nonce) { _ = pl_random_bytes($0.baseAddress!, 8) }
    let safe = what.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(24)
    let hex = String(nonce & 0xffff_ffff, radix: 16)
    return "/\(prefix)\(getpid())-\(hex)-\(safe)"
  }

  /// The owner pid encoded in a name (with or without the leading slash or `sem.` prefix).
  public static func owner(of name: String) -> Int32? {
    var body = Substring(name)
    if body.hasPrefix("/") { body = body.dropFirst() }
    if body.hasPrefix("sem.") { body = body.dropFirst(4) }
    guard body.hasPrefix(prefix) else { return nil }
    body = body.dropFirst(prefix.count)
    guard let dash = body.firstIndex(of: "-") else { return nil }
    return Int32(body[..<dash])
  }

  /// Where the kernel lists the objects: `/dev/shm` (shared memory, named semaphores) and
  /// `/dev/mqueue` (message queues, when that file system is mounted).
  public static let shmDirectory = "/dev/shm"
  public static let mqueueDirectory = "/dev/mqueue"

  /// The names in `directory` that belong to ProcLab.
  public static func list(_ directory: String) -> [String] {
    (FileIO.entries(in: directory) ?? []).filter { owner(of: $0) != nil }.sorted()
  }

  /// Every ProcLab object in /dev/shm and /dev/mqueue (for tests and `doctor`).
  public static func listAll() -> [String] {
    list(shmDirectory).map { "\(shmDirectory)/\($0)" }
      + list(mqueueDirectory).map { "\(mqueueDirectory)/\($0)" }
  }

  /// Removes leftover objects whose owner process is dead (a killed REPL or demo).
  /// Objects of live owners — another ProcLab running now — are left alone.
  /// - Returns: the paths removed.
  @discardableResult
  public static func sweep() -> [String] {
    var removed: [String] = []
    for name in list(shmDirectory) {
      guard let pid = owner(of: name), !Signals.isAlive(pid) else { continue }
      let rc: Int32 =
        name.hasPrefix("sem.") ? sem_unlink("/" + name.dropFirst(4)) : shm_unlink("/" + name)
      if rc == 0 { removed.append("\(shmDirectory)/\(name)") }
    }
    for name in list(mqueueDirectory) {
      guard let pid = owner(of: name), !Signals.isAlive(pid) else { continue }
      if mq_unlink("/" + name) == 0 { removed.append("\(mqueueDirectory)/\(name)") }
    }
    return removed
  }
}
