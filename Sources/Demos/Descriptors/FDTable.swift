import Glibc
import OSKit

/// One open descriptor of a process, as /proc shows it: /proc/<pid>/fd/<n> (what it points
/// at) and /proc/<pid>/fdinfo/<n> (the open file description's flags and offset).
struct FDEntry: Sendable, Equatable {
  var fd: Int32
  /// The link's text: a path, `pipe:[inode]`, `socket:[inode]`, `anon_inode:…`.
  var target: String
  /// `flags:` of fdinfo, as the kernel prints it (octal): access mode, O_APPEND, O_CLOEXEC…
  var flags: Int32
  /// `pos:` of fdinfo: the description's file offset.
  var position: Int64

  var closeOnExec: Bool { flags & O_CLOEXEC != 0 }
  var append: Bool { flags & O_APPEND != 0 }

  /// `r`, `w` or `rw`: the access mode of the description.
  var mode: String {
    switch flags & O_ACCMODE {
    case O_RDONLY: "r"
    case O_WRONLY: "w"
    default: "rw"
    }
  }

  var writes: Bool { flags & O_ACCMODE != O_RDONLY }
}

/// Reading a process's descriptor table live from /proc.
enum FDTable {
  /// Every open descriptor of `pid`, by number, or nil when its /proc entry cannot be read
  /// (the process is gone). The descriptor this process opens to read its own table is left
  /// out (as `ls /proc/self/fd` would show it).
  static func read(_ pid: Int32) -> [FDEntry]? {
    let directory = "/proc/\(pid)/fd"
    guard let names = FileIO.entries(in: directory) else { return nil }
    var table: [FDEntry] = []
    for name in names {
      guard let fd = Int32(name), let target = link("\(directory)/\(name)") else { continue }
      if pid == getpid(), target == directory { continue }
      let info = FileIO.readText("/proc/\(pid)/fdinfo/\(name)", limit: 64 << 10) ?? ""
      table.append(
        FDEntry(
          fd: fd, target: target, flags: field(info, "flags", radix: 8).map(Int32.init) ?? 0,
          position: field(info, "pos", radix: 10) ?? 0))
    }
    return table.sorted { $0.fd < $1.fd }
  }

  /// The table the `fd-list` worker prints for itself: `fd flags pos target` lines.
  static func encode(_ table: [FDEntry]) -> String {
    table.map { "\($0.fd) \(String($0.flags, radix: 8)) \($0.position) \($0.target)\n" }.joined()
  }

  /// The lines `encode` wrote, back as entries (a line that does not parse is skipped).
  static func decode(_ text: String) -> [FDEntry] {
    text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
      guard parts.count == 4, let fd = Int32(parts[0]), let flags = Int32(parts[1], radix: 8),
        let position = Int64(parts[2])
      else { return nil }
      return FDEntry(fd: fd, target: String(parts[3]), flags: flags, position: position)
    }
  }

  /// The target of a symbolic link (readlink), or nil.
  static func link(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n >= 0 else { return nil }
    return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The number after `name:` in an fdinfo text.
  static func field(_ info: String, _ name: String, radix: Int) -> Int64? {
    for line in info.split(separator: "\n") where line.hasPrefix(name + ":") {
      let value = line.dropFirst(name.count + 1).trimmingCharacters(in: " \t")
      return Int64(value, radix: radix)
    }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var s = self
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return s
  }
}

/// A private directory for a demo's files, `$TMPDIR/proclab-fds-<pid>-XXXXXX` (mode 0700),
/// removed with everything in it when the demo ends (`DemoContext.onCleanup`). A directory left
/// by a demo process that was killed is removed by the next run (`sweep`).
struct ScratchDirectory: Sendable {
  static let prefix = "proclab-fds-"
  let path: String

  static var parent: String {
    let tmp = ProcessEnvironment.value("TMPDIR") ?? ""
    return tmp.hasPrefix("/") ? tmp : "/tmp"
  }

  /// Creates the directory and registers its removal with `context`.
  static func make(_ context: DemoContext) throws -> ScratchDirectory {
    sweep()
    var template = Array("\(parent)/\(prefix)\(getpid())-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw SystemError("creating a directory in \(parent) for the demo's files")
    }
    let directory = ScratchDirectory(path: String(cString: made))
    context.onCleanup { directory.remove() }
    return directory
  }

  func file(_ name: String) -> String { "\(path)/\(name)" }

  /// Opens (creating, emptying) `name` in the directory.
  func open(_ name: String, _ flags: Int32) throws -> Int32 {
    let fd = Glibc.open(file(name), flags | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw SystemError("opening \(file(name))") }
    return fd
  }

  /// Removes the files in the directory (one level of subdirectories too), then it.
  func remove() {
    for name in FileIO.entries(in: path) ?? [] {
      let inner = file(name)
      for entry in FileIO.entries(in: inner) ?? [] { unlink("\(inner)/\(entry)") }
      if unlink(inner) != 0 { rmdir(inner) }
    }
    rmdir(path)
  }

  /// Removes the directories of demo processes that are dead (or zombies), owned by this user.
  static func sweep() {
    for name in FileIO.entries(in: parent) ?? [] where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      guard let pid = Int32(rest.prefix { $0 != "-" }), !holdsFiles(pid) else { continue }
      var info = stat()
      let full = "\(parent)/\(name)"
      guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid()
      else { continue }
      ScratchDirectory(path: full).remove()
    }
  }

  /// Whether `pid` may still use its directory: alive, and not a zombie (a demo process
  /// killed with its host stays one until whoever adopted it reaps it).
  static func holdsFiles(_ pid: Int32) -> Bool {
    Signals.isAlive(pid) && ProcStat.read(pid).map { $0.state != "Z" && $0.state != "X" } ?? true
  }

  /// `target` as a reader sees it: the directory's files by their names alone.
  func short(_ target: String) -> String {
    target.hasPrefix(path + "/") ? String(target.dropFirst(path.count + 1)) : target
  }
}
