import CProcLab
import Glibc

/// Names of ProcLab's POSIX IPC objects, so that a sweep can tell whose they are and remove the
/// ones whose owner is dead:
/// - `/proclab-<owner pid>-<nonce>-<what>` normally;
/// - `/proclab.<namespace>.<owner pid>-<nonce>-<what>` when `PROCLAB_IPC_NAMESPACE` is set
///   (letters and digits; the tests set `t<test process pid>`).
///
/// A sweep touches only its own namespace (none, or the one it runs in), so objects a test
/// planted are safe from every other ProcLab on the machine. A namespace that ends in digits
/// names its keeper's pid: once that process is dead too, any sweep may remove its objects, so
/// a killed test run leaves nothing for ever.
public enum IPCNames {
  public static let prefix = "proclab-"
  static let namespacedPrefix = "proclab."

  /// This process's namespace: `PROCLAB_IPC_NAMESPACE` if it is letters and digits, else none.
  public static let namespace: String? = {
    guard let ns = ProcessEnvironment.value("PROCLAB_IPC_NAMESPACE"), !ns.isEmpty, ns.count <= 24,
      ns.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else { return nil }
    return ns
  }()

  /// A fresh name owned by this process.
  public static func make(_ what: String) -> String {
    var nonce: UInt64 = 0
    withUnsafeMutableBytes(of: &nonce) { _ = pl_random_bytes($0.baseAddress!, 8) }
    let safe = what.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(24)
    let hex = String(nonce & 0xffff_ffff, radix: 16)
    let start = namespace.map { "\(namespacedPrefix)\($0)." } ?? prefix
    return "/\(start)\(getpid())-\(hex)-\(safe)"
  }

  /// A name split into its namespace (nil: none) and owner pid.
  struct Parts: Equatable {
    var namespace: String?
    var owner: Int32
  }

  /// The parts of a name (with or without the leading slash or `sem.` prefix); nil if it is
  /// not a ProcLab name.
  static func parts(of name: String) -> Parts? {
    var body = Substring(name)
    if body.hasPrefix("/") { body = body.dropFirst() }
    if body.hasPrefix("sem.") { body = body.dropFirst(4) }
    var ns: String?
    if body.hasPrefix(prefix) {
      body = body.dropFirst(prefix.count)
    } else if body.hasPrefix(namespacedPrefix) {
      body = body.dropFirst(namespacedPrefix.count)
      guard let dot = body.firstIndex(of: "."), dot > body.startIndex else { return nil }
      ns = String(body[..<dot])
      body = body[body.index(after: dot)...]
    } else {
      return nil
    }
    guard let dash = body.firstIndex(of: "-"), let pid = Int32(body[..<dash]), pid > 0 else {
      return nil
    }
    return Parts(namespace: ns, owner: pid)
  }

  /// The owner pid encoded in a name (with or without the leading slash or `sem.` prefix).
  public static func owner(of name: String) -> Int32? {
    parts(of: name)?.owner
  }

  /// The namespace of a name, nil if it has none (or is not a ProcLab name).
  public static func namespace(of name: String) -> String? {
    parts(of: name)?.namespace
  }

  /// Whether a sweep run in `namespace` may remove this object: it is a ProcLab name, its owner
  /// is dead, and it is of the sweep's namespace, or of one whose keeper pid is dead.
  public static func isLeftover(_ name: String, sweepingIn namespace: String?) -> Bool {
    guard let p = parts(of: name), !isRunning(p.owner) else { return false }
    if p.namespace == namespace { return true }
    guard let ns = p.namespace else { return false }
    let digits = ns.reversed().prefix(while: \.isNumber)
    guard let keeper = Int32(String(digits.reversed())), keeper > 0 else { return false }
    return !isRunning(keeper)
  }

  /// Whether `pid` can still use its objects: it exists and is not a zombie (a process killed
  /// with its host stays one until whoever adopted it reaps it; kill(pid, 0) still finds it).
  static func isRunning(_ pid: Int32) -> Bool {
    Signals.isAlive(pid) && ProcStat.read(pid).map { $0.state != "Z" && $0.state != "X" } ?? true
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

  /// Whether `directory/name` belongs to this user (the sweep leaves other users' alone).
  static func ownedByUser(_ directory: String, _ name: String) -> Bool {
    var st = stat()
    return lstat("\(directory)/\(name)", &st) == 0 && st.st_uid == geteuid()
  }

  /// Removes leftover objects whose owner process is dead (a killed REPL or demo): those in
  /// /dev/shm and /dev/mqueue of this user and namespace, and the message queues recorded in
  /// the state directory (`IPCRecord`), which are found whether /dev/mqueue is mounted or not.
  /// Objects of live owners — another ProcLab running now — are left alone.
  /// - Parameter namespace: whose objects to sweep; this process's namespace by default.
  /// - Returns: the paths (or, for recorded queues, the names) removed.
  @discardableResult
  public static func sweep(namespace: String? = IPCNames.namespace) -> [String] {
    var removed: [String] = []
    for name in list(shmDirectory)
    where isLeftover(name, sweepingIn: namespace) && ownedByUser(shmDirectory, name) {
      let rc: Int32 =
        name.hasPrefix("sem.") ? sem_unlink("/" + name.dropFirst(4)) : shm_unlink("/" + name)
      if rc == 0 { removed.append("\(shmDirectory)/\(name)") }
    }
    for name in list(mqueueDirectory)
    where isLeftover(name, sweepingIn: namespace) && ownedByUser(mqueueDirectory, name) {
      if mq_unlink("/" + name) == 0 { removed.append("\(mqueueDirectory)/\(name)") }
    }
    // Mounted or not: the queues recorded by dead owners (those unlinked above are gone).
    removed += IPCRecord.sweepDeadOwners().map { "message queue \($0)" }
    return removed
  }
}
