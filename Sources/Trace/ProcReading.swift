import Glibc
import OSKit

/// What the tracer reads from /proc about one task.
enum ProcReading {
  static let ticksPerSecond = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))

  /// argv from /proc/<pid>/cmdline (NUL-separated), or nil when it is gone or empty.
  static func cmdline(_ pid: Int32) -> [String]? {
    guard let bytes = FileIO.readFile("/proc/\(pid)/cmdline", limit: 1 << 16), !bytes.isEmpty
    else { return nil }
    var parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  static func comm(_ pid: Int32) -> String? {
    guard let text = FileIO.readText("/proc/\(pid)/comm", limit: 256) else { return nil }
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The fields after "(comm)" of /proc/<tgid>/task/<tid>/stat: state is [0], ppid [1],
  /// utime [11], stime [12].
  static func statFields(tgid: Int32, tid: Int32) -> [Substring]? {
    guard let text = FileIO.readText("/proc/\(tgid)/task/\(tid)/stat", limit: 4096),
      let close = text.lastIndex(of: ")")
    else { return nil }
    return text[text.index(after: close)...].split(separator: " ")
  }

  struct Usage {
    var ppid: Int32?
    var state: Character?
    var cpuSeconds: Double?
    var voluntary: Int?
    var involuntary: Int?
  }

  /// CPU time, context switches, parent and state of one task (a thread's own, not its
  /// process's totals).
  static func usage(tgid: Int32, tid: Int32) -> Usage {
    var u = Usage()
    if let f = statFields(tgid: tgid, tid: tid), f.count > 12 {
      u.state = f[0].first
      u.ppid = Int32(f[1])
      if let ut = Double(f[11]), let st = Double(f[12]) {
        u.cpuSeconds = (ut + st) / ticksPerSecond
      }
    }
    if let text = FileIO.readText("/proc/\(tgid)/task/\(tid)/status", limit: 1 << 16) {
      let status = ProcStatus.parse(text)
      u.voluntary = status.values("voluntary_ctxt_switches").first.flatMap { Int($0) }
      u.involuntary = status.values("nonvoluntary_ctxt_switches").first.flatMap { Int($0) }
    }
    return u
  }

  /// The thread group id of `tid` (Tgid: in /proc/<tid>/status), or nil.
  static func tgid(_ tid: Int32) -> Int32? {
    guard let text = FileIO.readText("/proc/\(tid)/status", limit: 1 << 16) else { return nil }
    return ProcStatus.parse(text).values("Tgid").first.flatMap { Int32($0) }
  }

  /// The thread ids of process `pid` (/proc/<pid>/task).
  static func threadIDs(_ pid: Int32) -> [Int32] {
    guard let dir = opendir("/proc/\(pid)/task") else { return [] }
    defer { closedir(dir) }
    var ids: [Int32] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if let id = Int32(name) { ids.append(id) }
    }
    return ids
  }

  /// The children of process `pid`: the union of /proc/<pid>/task/<tid>/children over its
  /// threads (a child belongs to the thread that forked it).
  static func children(_ pid: Int32) -> [Int32] {
    var found: [Int32] = []
    for tid in threadIDs(pid) {
      guard let text = FileIO.readText("/proc/\(pid)/task/\(tid)/children", limit: 1 << 16)
      else { continue }
      found += text.split(separator: " ").compactMap { Int32($0.filter { $0 != "\n" }) }
    }
    return found
  }

  struct Entry {
    var pid: Int32
    var ppid: Int32
    var state: Character?
    var command: String
  }

  /// Every descendant of `root`, found by following the children files from it: a few files
  /// per process, instead of reading all of /proc.
  static func descendants(of root: Int32) -> [Entry] {
    var out: [Entry] = []
    var queue = [root]
    var seen: Set<Int32> = [root]
    while let next = queue.popLast() {
      for child in children(next) where seen.insert(child).inserted {
        let fields = statFields(tgid: child, tid: child)
        out.append(
          Entry(
            pid: child, ppid: next, state: fields?.first?.first, command: comm(child) ?? ""))
        queue.append(child)
      }
    }
    return out
  }
}
