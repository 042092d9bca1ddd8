import CBuiltinLessons
import Glibc

/// The files of lessons/ as this executable carries them (CBuiltinLessons), seen as a
/// read-only directory tree at the path `<built-in>`: `<built-in>/01-processes.md`,
/// `<built-in>/python/sources.json`, `<built-in>/ko/…`. A lesson folder on disk overrides a
/// carried lesson by id; the carried ones are what a copied binary plays.
public enum BuiltinLessons {
  /// The path the carried files are found under. Not a path any file system has: `<` and `>`
  /// never start a real lesson directory, and `:` in `$PROCLAB_LESSONS` cannot name it.
  public static let root = "<built-in>"

  /// Every carried file's bytes, by its path relative to lessons/.
  static let files: [String: [UInt8]] = {
    var files: [String: [UInt8]] = [:]
    for index in 0..<pl_builtin_file_count() {
      let file = pl_builtin_file_at(index).pointee
      let count = file.end - file.start
      files[String(cString: file.path)] = Array(
        UnsafeBufferPointer(start: file.start, count: count))
    }
    return files
  }()

  /// The relative paths of every carried file (`python/gil-tutorial/countdown.py`), sorted.
  public static var paths: [String] {
    files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Whether the executable carries any lesson (a `*.md` file at the top).
  public static var hasLessons: Bool {
    files.keys.contains { !$0.contains("/") && $0.hasSuffix(".md") }
  }

  /// The path relative to lessons/ of a path under `root` (`""` for `root` itself), or nil
  /// when `path` is not under `root`. Empty and `.` components are dropped.
  public static func relative(_ path: String) -> String? {
    guard path == root || path.hasPrefix(root + "/") else { return nil }
    let parts = path.dropFirst(root.count).split(separator: "/").filter { $0 != "." }
    return parts.joined(separator: "/")
  }

  /// Whether `path` is `root` or below it.
  public static func contains(_ path: String) -> Bool { relative(path) != nil }

  /// The bytes of the carried file at `path` (under `root`), or nil.
  public static func contents(_ path: String) -> [UInt8]? {
    relative(path).flatMap { files[$0] }
  }

  /// Whether `path` (under `root`) is a directory of the carried tree: `root`, or a folder
  /// some carried file is in.
  public static func isDirectory(_ path: String) -> Bool {
    guard let dir = relative(path) else { return false }
    if dir.isEmpty { return true }
    return files.keys.contains { $0.hasPrefix(dir + "/") }
  }

  /// The names of the entries of a carried directory (files and folders, each once), or nil
  /// when `path` is not one.
  public static func entries(_ path: String) -> [String]? {
    guard isDirectory(path), let dir = relative(path) else { return nil }
    let prefix = dir.isEmpty ? "" : dir + "/"
    var names = Set<String>()
    for file in files.keys where file.hasPrefix(prefix) {
      if let first = file.dropFirst(prefix.count).split(separator: "/").first {
        names.insert(String(first))
      }
    }
    return Array(names)
  }

  /// An anonymous in-memory file (memfd) holding the carried file at `path`, for a program
  /// that must be opened by path: `/proc/<this pid>/fd/<descriptor>` opens it while the
  /// descriptor is open, and nothing is ever written to a disk, so nothing is left behind
  /// however the process ends. The caller closes the descriptor.
  /// - Returns: the descriptor, or nil (with `errno` set) when `path` is not carried or the
  ///   file cannot be made.
  public static func memoryFile(_ path: String) -> Int32? {
    guard let bytes = contents(path) else {
      errno = ENOENT
      return nil
    }
    let name = path.split(separator: "/").last.map(String.init) ?? "lesson-file"
    let fd = pl_builtin_memfd(name)
    guard fd >= 0 else { return nil }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let saved = errno
        _ = close(fd)
        errno = saved
        return nil
      }
      written += n
    }
    return fd
  }
}
