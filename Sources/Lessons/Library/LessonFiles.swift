import BuiltinLessons
import Glibc
import OSKit

/// Reading lesson files and directories with plain POSIX calls, and the lessons this
/// executable carries (`BuiltinLessons`) at the path `<built-in>` the same way.
public enum LessonFiles {
  /// Lesson files larger than this are refused (a lesson is a few kilobytes).
  static let maximumSize = 1 << 20

  /// A failure to read a file or a directory: one line for the user.
  struct Failure: Error {
    var reason: String
    var code: Int32 = 0
  }

  /// The contents of a regular file.
  /// - Throws: `Failure` with the system's reason (`No such file or directory`), or when the
  ///   file is not a regular file or is larger than `maximumSize`.
  static func read(_ path: String) throws(Failure) -> [UInt8] {
    if BuiltinLessons.contains(path) {
      guard let bytes = BuiltinLessons.contents(path) else { throw failure(ENOENT) }
      return bytes
    }
    // Never blocks (a FIFO is refused, not waited on); links are followed, any owner will do.
    let fd: Int32
    do {
      fd = try FileIO.openRegular(path, owner: .anyone, followLinks: true)
    } catch {
      throw refused(error)
    }
    defer { _ = close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(errno) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "not a regular file") }
    guard info.st_size <= maximumSize else {
      throw Failure(reason: "larger than \(maximumSize / 1024) KiB")
    }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var filled = 0
    while true {
      if filled == bytes.count {
        guard bytes.count <= maximumSize else {
          throw Failure(reason: "larger than \(maximumSize / 1024) KiB")
        }
        bytes.append(contentsOf: repeatElement(0, count: 4096))
      }
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.read(fd, base + filled, buffer.count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure(errno)
      }
      if n == 0 { break }
      filled += n
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  /// A refusal to open as a `Failure`. Out of line: the optimiser of Swift 6.3.1 crashes
  /// (CopyPropagation, "Found outside of lifetime use") when this is inlined into `read`'s
  /// typed-throws catch.
  @inline(never)
  static func refused(_ refusal: FileRefusal) -> Failure {
    if let code = refusal.errno { return failure(code) }
    return Failure(reason: refusal.reason)
  }

  /// The names of the entries of a directory (without `.` and `..`), unsorted.
  /// - Throws: `Failure` with the system's reason.
  static func entries(_ directory: String) throws(Failure) -> [String] {
    if BuiltinLessons.contains(directory) {
      guard let names = BuiltinLessons.entries(directory) else { throw failure(ENOENT) }
      return names
    }
    guard let names = FileIO.entries(in: directory) else { throw failure(errno) }
    return names
  }

  /// Whether `path` names a directory (following symbolic links).
  static func isDirectory(_ path: String) -> Bool {
    if BuiltinLessons.contains(path) { return BuiltinLessons.isDirectory(path) }
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The lesson files of a directory: every `*.md` but `README.md`, not hidden, sorted by
  /// name, as paths (`dir/name`).
  static func lessonFiles(in directory: String) throws(Failure) -> [String] {
    let names = try entries(directory).filter { name in
      name.hasSuffix(".md") && !name.hasPrefix(".") && name.lowercased() != "readme.md"
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { prefix + $0 }
  }

  /// Whether `path` is one of the carried files or directories (`<built-in>/…`).
  static func isBuiltIn(_ path: String) -> Bool { BuiltinLessons.contains(path) }

  /// Whether `path` names a file or directory that exists (a carried one too).
  static func exists(_ path: String) -> Bool {
    if BuiltinLessons.contains(path) {
      return BuiltinLessons.contents(path) != nil || BuiltinLessons.isDirectory(path)
    }
    return access(path, F_OK) == 0
  }

  static func failure(_ code: Int32) -> Failure { Failure(reason: reason(code), code: code) }

  /// The canonical absolute path (symbolic links resolved), or the path as given.
  static func canonical(_ path: String) -> String {
    if BuiltinLessons.contains(path) { return path }
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// A lesson directory left out because it holds the same lessons as one read before it.
  public struct Copy: Sendable, Hashable {
    /// The directory left out, as given.
    public var directory: String
    /// The directory read instead (earlier in the order of precedence), as given.
    public var original: String

    /// One line saying which one is used (for `lint`).
    public var note: String {
      "same lesson files as \(original), which is used instead"
    }
  }

  /// `directories` without repeats, in order: a directory is left out when its real path
  /// (links and `..` resolved) is that of an earlier one, or when its lesson files have the
  /// same names and the same bytes as an earlier one's: the installed share directory and
  /// the build tree it was installed from are one set of lessons, never duplicates of each
  /// other. A directory that cannot be read is kept (whoever reads it reports why).
  /// - Returns: the directories kept, and each one left out for its contents with the one
  ///   it copies (a second path to the same directory is no news and is not listed).
  public static func distinct(_ directories: [String]) -> (kept: [String], copies: [Copy]) {
    var kept: [String] = []
    var copies: [Copy] = []
    var realPaths: Set<String> = []
    var contents: [(directory: String, files: [String: [UInt8]])] = []
    for directory in directories {
      guard realPaths.insert(canonical(directory)).inserted else { continue }
      if let files = lessonContents(directory) {
        if let same = contents.first(where: { $0.files == files }) {
          copies.append(Copy(directory: directory, original: same.directory))
          continue
        }
        contents.append((directory, files))
      }
      kept.append(directory)
    }
    return (kept, copies)
  }

  /// Every lesson file of a directory, by name: its bytes. Nil when the directory or one of
  /// its files cannot be read, or when it has no lesson files (nothing to be a copy of).
  static func lessonContents(_ directory: String) -> [String: [UInt8]]? {
    guard let files = try? lessonFiles(in: directory), !files.isEmpty else { return nil }
    var contents: [String: [UInt8]] = [:]
    for file in files {
      guard let bytes = try? read(file) else { return nil }
      contents[baseName(file)] = bytes
    }
    return contents
  }

  /// Whether two paths name files with the same bytes (the same lesson, wherever it lies).
  static func sameContents(_ a: String, _ b: String) -> Bool {
    guard let x = try? read(a), let y = try? read(b) else { return false }
    return x == y
  }

  /// The lesson id on a plain `id: name` line of a file's front matter, found without parsing
  /// the file; nil unless it is that simple (a first `---` line, one `id:` line whose value
  /// is letters, digits, `-` and `_` only and is not folded onto a later line, a closing
  /// `---` within the first 4 KiB), so that whoever asks parses the file as usual instead.
  /// It reads the lines as `LessonParser`'s front matter does.
  static func frontMatterID(_ bytes: [UInt8]) -> String? {
    let lines = bytes.prefix(4096).split(separator: 10, omittingEmptySubsequences: false)
    func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
      let blank: Set<UInt8> = [9, 13, 32]
      guard let start = line.firstIndex(where: { !blank.contains($0) }),
        let end = line.lastIndex(where: { !blank.contains($0) })
      else { return [] }
      return line[start...end]
    }
    func isKeyByte(_ b: UInt8) -> Bool {
      (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) || b == 45
        || b == 95
    }
    guard let first = lines.first, trimmed(first).elementsEqual("---".utf8) else { return nil }
    var id: String?
    // Whether the last value the front matter holds is the id's (a later indented line
    // would be folded onto it).
    var idIsLast = false
    for line in lines.dropFirst() {
      let text = trimmed(line)
      if text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) { return id }
      if text.isEmpty || text.first == UInt8(ascii: "#") { continue }
      if let lead = line.first, lead == 9 || lead == 32 || text.first == UInt8(ascii: "-") {
        if idIsLast { return nil }
        continue
      }
      guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let key = trimmed(text[..<colon])
      guard !key.isEmpty, key.allSatisfy(isKeyByte) else { continue }
      guard String(decoding: key, as: UTF8.self).lowercased() == "id" else {
        idIsLast = false
        continue
      }
      let value = trimmed(text[(colon + 1)...])
      guard id == nil, !value.isEmpty, value.allSatisfy(isKeyByte) else { return nil }
      id = String(decoding: value, as: UTF8.self)
      idIsLast = true
    }
    return nil
  }

  /// The last component of a path.
  static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
