public import Glibc

/// Why ProcLab did not use a file: the path, what was wrong with it, and one line for the person.
public struct FileRefusal: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Problem: Sendable, Equatable {
    /// The last component is a symbolic link (and links are not followed).
    case symbolicLink
    /// Not a regular file: "a FIFO", "a directory", "a socket", "a device".
    case notRegular(String)
    /// Owned by another user.
    case foreignOwner(uid_t)
    /// Larger than the caller's bound.
    case tooLarge(size: Int, limit: Int)
    /// The system call failed with this errno (ENOENT: there is no such file).
    case system(Int32)
  }

  public var path: String
  public var problem: Problem

  public init(_ path: String, _ problem: Problem) {
    self.path = path
    self.problem = problem
  }

  /// The errno of a failed system call, or nil for a refusal ProcLab decided.
  public var errno: Int32? {
    if case .system(let code) = problem { return code }
    return nil
  }

  /// Whether the file simply does not exist (yet).
  public var isMissing: Bool { errno == ENOENT }

  /// What was wrong, without the path: "not a regular file (a FIFO)".
  public var reason: String {
    switch problem {
    case .symbolicLink: "a symbolic link"
    case .notRegular(let kind): "not a regular file (\(kind))"
    case .foreignOwner(let uid): "owned by uid \(uid), not by you (uid \(geteuid()))"
    case .tooLarge(let size, let limit):
      "\(FileRefusal.size(size)), larger than the \(FileRefusal.size(limit)) allowed"
    case .system(let code): strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
  }

  /// One line: "<path> is a FIFO, not a regular file", "<path>: Permission denied".
  public var description: String {
    switch problem {
    case .system: "\(path): \(reason)"
    case .notRegular(let kind): "\(path) is \(kind), not a regular file"
    default: "\(path) is \(reason)"
    }
  }

  /// A size for people: "100 MiB", "512 KiB", "12 bytes".
  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  /// What kind of file a `st_mode` describes, for `notRegular`.
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO"
    case S_IFDIR: "a directory"
    case S_IFSOCK: "a socket"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFLNK: "a symbolic link"
    default: "not a file"
    }
  }
}

/// The primitives every file ProcLab owns goes through (progress, history, the session log),
/// as OpenSSH and git treat theirs: never through a symbolic link, never a FIFO or a device
/// (which could block forever), never someone else's file, and replaced only atomically.
extension FileIO {
  /// `O_RDONLY`, as a default argument may name it (a default value is compiled into the
  /// caller, and there `O_RDONLY` would resolve through the C module that re-exports it).
  public static let readOnly: Int32 = O_RDONLY

  /// Who must own a file that `openRegular` opens.
  public enum Owner: Sendable {
    /// The effective user (ProcLab's own state files).
    case user
    /// Anyone (lesson files, shared by a teacher or installed by root).
    case anyone
  }

  /// Opens a regular file, refusing anything else, without ever blocking in `open`.
  ///
  /// The file is opened with `O_NOFOLLOW` (unless `followLinks`), `O_CLOEXEC` and
  /// `O_NONBLOCK`; `fstat` must then show a regular file owned as `owner` says, and only then
  /// is `O_TRUNC` applied (as `ftruncate`) and `O_NONBLOCK` cleared.
  /// - Parameters:
  ///   - path: the file.
  ///   - flags: `O_RDONLY`, `O_WRONLY`, `O_RDWR`, with `O_CREAT`, `O_TRUNC`, `O_APPEND`.
  ///   - mode: the mode of a file `O_CREAT` makes.
  /// - Returns: the open descriptor, which the caller closes.
  /// - Throws: `FileRefusal` saying what was wrong.
  public static func openRegular(
    _ path: String, _ flags: Int32 = FileIO.readOnly, mode: mode_t = 0o600, owner: Owner = .user,
    followLinks: Bool = false
  ) throws(FileRefusal) -> Int32 {
    var openFlags = (flags & ~O_TRUNC) | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
    if !followLinks { openFlags |= O_NOFOLLOW }
    var fd: Int32
    repeat { fd = open(path, openFlags, mode) } while fd < 0 && Glibc.errno == EINTR
    if fd < 0 {
      let code = Glibc.errno
      var st = stat()
      let found = lstat(path, &st) == 0
      if code == ELOOP && !followLinks && found && (st.st_mode & S_IFMT) == S_IFLNK {
        throw FileRefusal(path, .symbolicLink)
      }
      // A FIFO without a reader opened for writing, a directory, a socket, a device.
      if [ENXIO, EISDIR, EOPNOTSUPP, ENODEV].contains(code) && found {
        throw FileRefusal(path, .notRegular(FileRefusal.kind(st.st_mode)))
      }
      throw FileRefusal(path, .system(code))
    }
    do throws(FileRefusal) {
      var st = stat()
      guard fstat(fd, &st) == 0 else { throw FileRefusal(path, .system(Glibc.errno)) }
      guard (st.st_mode & S_IFMT) == S_IFREG else {
        throw FileRefusal(path, .notRegular(FileRefusal.kind(st.st_mode)))
      }
      if case .user = owner, st.st_uid != geteuid() {
        throw FileRefusal(path, .foreignOwner(st.st_uid))
      }
      if flags & O_TRUNC != 0 {
        try retrying(path) { ftruncate(fd, 0) }
      }
      try retrying(path) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
    } catch {
      closeQuietly(fd)
      throw error
    }
    return fd
  }

  /// The whole content of a regular file that `openRegular` accepts, refusing one larger than
  /// `limit` bytes before reading any of it.
  /// - Throws: `FileRefusal` (`isMissing` when there is no file).
  public static func readRegular(
    _ path: String, limit: Int, owner: Owner = .user, followLinks: Bool = false
  ) throws(FileRefusal) -> [UInt8] {
    let fd = try openRegular(path, O_RDONLY, owner: owner, followLinks: followLinks)
    defer { closeQuietly(fd) }
    return try readToEnd(fd, path: path, limit: limit)
  }

  /// Everything `path` holds, whatever it is (a regular file, a pipe such as `<(command)`),
  /// up to `limit` bytes: one byte more is a refusal, never a silent truncation. Follows links;
  /// for files the person names on the command line, not for ProcLab's own.
  /// - Throws: `FileRefusal`.
  public static func readBounded(_ path: String, limit: Int) throws(FileRefusal) -> [UInt8] {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY) } while fd < 0 && Glibc.errno == EINTR
    guard fd >= 0 else { throw FileRefusal(path, .system(Glibc.errno)) }
    defer { closeQuietly(fd) }
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
      throw FileRefusal(path, .notRegular("a directory"))
    }
    return try readToEnd(fd, path: path, limit: limit)
  }

  /// Reads `fd` to its end; more than `limit` bytes (by `fstat` first, for a regular file, or
  /// as they arrive) is a `tooLarge` refusal.
  static func readToEnd(_ fd: Int32, path: String, limit: Int) throws(FileRefusal) -> [UInt8] {
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) > limit {
      throw FileRefusal(path, .tooLarge(size: Int(st.st_size), limit: limit))
    }
    var out: [UInt8] = []
    while true {
      let chunk: [UInt8]
      do { chunk = try read(fd, upTo: 65536) } catch {
        throw FileRefusal(path, .system(error.errno.rawValue))
      }
      if chunk.isEmpty { return out }
      out += chunk
      if out.count > limit {
        let size = (fstat(fd, &st) == 0 && st.st_size > 0) ? Int(st.st_size) : out.count
        throw FileRefusal(path, .tooLarge(size: size, limit: limit))
      }
    }
  }

  /// Replaces `directory/name` with `bytes` so that no crash, kill or full disk can leave a
  /// partial file: a temporary file with an unpredictable name is created beside it with
  /// `O_EXCL|O_NOFOLLOW`, written, fsynced and renamed over the old one, then the directory is
  /// fsynced. On failure the temporary is removed and the old file is left as it was. A
  /// symbolic link at `name` is replaced, never written through.
  /// - Throws: `SystemError` naming the step that failed.
  public static func writeAtomically(
    directory: String, name: String, bytes: [UInt8], mode: mode_t = 0o600
  ) throws(SystemError) {
    let dir = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard dir >= 0 else { throw SystemError("opening \(directory)") }
    defer { closeQuietly(dir) }
    var temp = ""
    var fd: Int32 = -1
    for _ in 0..<8 {
      temp = temporaryName(for: name)
      fd = openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if fd >= 0 || (Glibc.errno != EEXIST && Glibc.errno != EINTR) { break }
    }
    guard fd >= 0 else { throw SystemError("creating a temporary file in \(directory)") }
    let path = directory + "/" + name
    do throws(SystemError) {
      try writeAll(fd, bytes)
      try retryingInterrupts("syncing a temporary file for \(path)") { fsync(fd) }
      let closed = close(fd)
      fd = -1
      guard closed == 0 || Glibc.errno == EINTR else {
        throw SystemError("closing a temporary file for \(path)")
      }
      guard renameat(dir, temp, dir, name) == 0 else {
        throw SystemError("renaming a temporary file to \(path)")
      }
    } catch {
      closeQuietly(fd)
      unlinkat(dir, temp, 0)
      throw error
    }
    _ = fsync(dir)
  }

  /// `<name>.tmp-<pid>-<16 random hex digits>`: the pid lets a later start remove what a
  /// killed writer left; the random part means no one can plant a link under the name first.
  static func temporaryName(for name: String) -> String {
    var random = SystemRandomNumberGenerator()
    let suffix = String(random.next() as UInt64, radix: 16)
    return "\(name).tmp-\(getpid())-\(String(repeating: "0", count: 16 - suffix.count))\(suffix)"
  }

  /// Removes the temporary files of `name` in `directory` whose writer is dead (killed while
  /// saving). Unlinking removes a link itself, never what it points to.
  public static func removeStaleTemporaries(in directory: String, for name: String) {
    let prefix = name + ".tmp-"
    for entry in entries(in: directory) ?? [] where entry.hasPrefix(prefix) {
      let rest = entry.dropFirst(prefix.count)
      guard let pid = Int32(rest.prefix { $0 != "-" }), !Signals.isAlive(pid) else { continue }
      unlink(directory + "/" + entry)
    }
  }

  /// Runs `body` holding an exclusive `flock` on the lock file `path` (created mode 0600,
  /// opened like any state file). When the lock file cannot be used, `body` runs unlocked:
  /// every write is atomic anyway, only a merge with another process may be missed.
  public static func withExclusiveLock<T>(_ path: String, _ body: () -> T) -> T {
    guard let fd = try? openRegular(path, O_RDWR | O_CREAT) else { return body() }
    defer { closeQuietly(fd) }
    while flock(fd, LOCK_EX) != 0 && Glibc.errno == EINTR {}
    defer { flock(fd, LOCK_UN) }
    return body()
  }

  private static func retrying(_ path: String, _ call: () -> Int32) throws(FileRefusal) {
    while call() != 0 {
      if Glibc.errno != EINTR { throw FileRefusal(path, .system(Glibc.errno)) }
    }
  }
}
