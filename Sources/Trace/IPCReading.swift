import CTrace
import Glibc
import OSKit

/// What the tracer reads from /proc and from a stopped tracee's memory about pipes, sockets
/// and IPC objects.
enum IPCReading {
  /// One open descriptor of a process: where /proc/<pid>/fd/N points.
  struct Descriptor {
    var fd: Int32
    var target: String
  }

  /// The open descriptors of `pid` (its fd table, shared by its threads).
  static func descriptors(_ pid: Int32) -> [Descriptor] {
    guard let names = FileIO.entries(in: "/proc/\(pid)/fd") else { return [] }
    return names.compactMap { name in
      guard let fd = Int32(name), let target = link("/proc/\(pid)/fd/\(name)") else { return nil }
      return Descriptor(fd: fd, target: target)
    }
  }

  /// readlink(2) of `path`, or nil.
  static func link(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The inode of "pipe:[N]" (`prefix` "pipe") or "socket:[N]".
  static func inode(_ target: String, prefix: String) -> UInt64? {
    guard target.hasPrefix(prefix + ":["), target.hasSuffix("]") else { return nil }
    return UInt64(target.dropFirst(prefix.count + 2).dropLast())
  }

  /// Where descriptor `fd` of task `tid` points.
  static func target(tid: Int32, fd: Int32) -> String? { link("/proc/\(tid)/fd/\(fd)") }

  /// Whether descriptor `fd` of `pid` is open for writing only (a pipe's write end), from the
  /// `flags:` line (octal) of /proc/<pid>/fdinfo/<fd>.
  static func isWriteOnly(pid: Int32, fd: Int32) -> Bool {
    guard let text = FileIO.readText("/proc/\(pid)/fdinfo/\(fd)", limit: 4096) else {
      return false
    }
    for line in text.split(separator: "\n") where line.hasPrefix("flags:") {
      let digits = line.dropFirst("flags:".count).trimmingCharacters(in: " \t")
      guard let flags = Int32(digits, radix: 8) else { return false }
      return flags & O_ACCMODE == O_WRONLY
    }
    return false
  }

  /// A blocked task's system call from /proc/<pid>/task/<tid>/syscall ("NR ARG0 …" with hex
  /// arguments): its CT_SYS_* kind and first argument. Nil when it is running, not in a call,
  /// gone, or the file is not ours to read.
  static func blockedCall(pid: Int32, tid: Int32) -> (kind: Int32, arg0: UInt64)? {
    guard let text = FileIO.readText("/proc/\(pid)/task/\(tid)/syscall", limit: 512) else {
      return nil
    }
    let words = text.split(separator: " ")
    guard words.count > 1, let nr = Int(words[0]), nr >= 0,
      let arg0 = UInt64(words[1].dropFirst(2), radix: 16)
    else { return nil }
    return (ct_syscall_kind(nr), arg0)
  }

  /// The state letter of a task (R, S, D, Z, …) from its stat file.
  static func state(pid: Int32, tid: Int32) -> Character? {
    ProcReading.statFields(tgid: pid, tid: tid)?.first?.first
  }

  /// A NUL-terminated string of a stopped tracee's memory, up to 4 KiB.
  static func string(tid: Int32, at address: UInt64) -> String? {
    guard address != 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = buffer.withUnsafeMutableBytes {
      ct_read_memory(tid, address, $0.baseAddress!, UInt(256))
    }
    guard n > 0 else { return nil }
    var bytes = Array(buffer[0..<n])
    if let end = bytes.firstIndex(of: 0) { return String(decoding: bytes[..<end], as: UTF8.self) }
    // Longer than 256 bytes: read the rest once.
    let more = buffer.withUnsafeMutableBytes {
      ct_read_memory(tid, address, $0.baseAddress!, UInt($0.count))
    }
    guard more > 0 else { return nil }
    bytes = Array(buffer[0..<more])
    guard let end = bytes.firstIndex(of: 0) else { return nil }
    return String(decoding: bytes[..<end], as: UTF8.self)
  }

  /// Two ints of a stopped tracee's memory (the fds pipe() and socketpair() filled in).
  static func fdPair(tid: Int32, at address: UInt64) -> (Int32, Int32)? {
    var pair: (Int32, Int32) = (-1, -1)
    let n = withUnsafeMutableBytes(of: &pair) {
      ct_read_memory(tid, address, $0.baseAddress!, UInt($0.count))
    }
    return n == 8 ? pair : nil
  }

  /// The absolute path a call named: `path` itself when absolute, else relative to `dirfd`
  /// (AT_FDCWD: the task's working directory).
  static func absolute(_ path: String, tid: Int32, dirfd: Int32) -> String {
    if path.hasPrefix("/") { return normalized(path) }
    let base =
      dirfd == AT_FDCWD ? link("/proc/\(tid)/cwd") : link("/proc/\(tid)/fd/\(dirfd)")
    return normalized((base ?? "") + "/" + path)
  }

  /// `path` with empty and "." components removed (enough to match /dev/shm/NAME).
  static func normalized(_ path: String) -> String {
    "/" + path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
  }

  /// The kind of IPC object a path under /dev/shm is, or nil for any other path. Names with
  /// a further "/" are not objects (shm_open's names have none).
  static func shmKind(_ path: String) -> TracedIPCObject.Kind? {
    guard path.hasPrefix("/dev/shm/") else { return nil }
    let name = path.dropFirst("/dev/shm/".count)
    guard !name.isEmpty, !name.contains("/") else { return nil }
    return name.hasPrefix("sem.") ? .sem : .shm
  }

  /// The inode and owner of a file (lstat), or nil when it is not there.
  static func inodeAndOwner(_ path: String) -> (inode: UInt64, uid: UInt32)? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return (UInt64(st.st_ino), st.st_uid)
  }

  /// The inode of a descriptor's file (stat through /proc/<tid>/fd/N).
  static func inode(tid: Int32, fd: Int32) -> UInt64? {
    var st = stat()
    guard stat("/proc/\(tid)/fd/\(fd)", &st) == 0 else { return nil }
    return UInt64(st.st_ino)
  }

  /// The names under /dev/shm now.
  static func shmNames() -> Set<String> {
    Set((FileIO.entries(in: "/dev/shm") ?? []).map { "/dev/shm/" + $0 })
  }

  /// The /dev/shm files `pid` has mapped (sem_open closes its descriptor but keeps the map).
  static func mappedShm(_ pid: Int32) -> Set<String> {
    guard let text = FileIO.readText("/proc/\(pid)/maps", limit: 1 << 22) else { return [] }
    var found: Set<String> = []
    // "start-end perms offset dev inode   /dev/shm/NAME": the path is the sixth field.
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
      guard fields.count == 6 else { continue }
      let path = fields[5].trimmingCharacters(in: " ")
      if path.hasPrefix("/dev/shm/"), !path.hasSuffix(" (deleted)") { found.insert(path) }
    }
    return found
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters of `set`.
  func trimmingCharacters(in set: String) -> String {
    let chars = Set(set)
    var s = Substring(self)
    while let f = s.first, chars.contains(f) { s.removeFirst() }
    while let l = s.last, chars.contains(l) { s.removeLast() }
    return String(s)
  }
}
