import CProcLab
import Glibc

/// What /proc says about one process.
public struct ProcStat: Sendable, Equatable {
  public var pid: Int32
  public var command: String
  /// R running, S sleeping, D disk wait, Z zombie, T stopped, X dead…
  public var state: Character
  public var ppid: Int32
  public var pgid: Int32
  public var sid: Int32
  /// The CPU the process last ran on (field 39, `processor`); nil if the line is too short.
  public var lastCPU: Int?

  /// Reads `/proc/<pid>/stat`; nil once the process is gone (reaped).
  public static func read(_ pid: Int32) -> ProcStat? {
    guard let text = FileIO.readText("/proc/\(pid)/stat") else { return nil }
    return parse(text)
  }

  /// Parses the text of a stat file. The command sits in parentheses and may itself contain
  /// spaces and parentheses, so fields are counted from the last ')'.
  public static func parse(_ text: String) -> ProcStat? {
    guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else {
      return nil
    }
    let pid = Int32(text[..<open].trimmingSpaces)
    let command = String(text[text.index(after: open)..<close])
    let rest = text[text.index(after: close)...].split(separator: " ")
    guard let pid, rest.count >= 5, let state = rest[0].first, let ppid = Int32(rest[1]),
      let pgid = Int32(rest[2]), let sid = Int32(rest[3])
    else { return nil }
    // Field 39 is the 37th after the command (fields 1 and 2 are the pid and the command).
    let lastCPU = rest.count > 36 ? Int(rest[36]) : nil
    return ProcStat(
      pid: pid, command: command, state: state, ppid: ppid, pgid: pgid, sid: sid,
      lastCPU: lastCPU)
  }

  /// A word for the state letter, for students.
  public var stateName: String {
    switch state {
    case "R": "running"
    case "S": "sleeping"
    case "D": "waiting for I/O"
    case "Z": "zombie"
    case "T", "t": "stopped"
    case "X": "dead"
    case "I": "idle"
    default: "state \(state)"
    }
  }
}

/// The `Name:<tab>value …` lines of /proc/<pid>/status, split into words.
public struct ProcStatus: Sendable, Equatable {
  private var fields: [String: [String]]

  /// Reads `/proc/<pid>/status` (`/proc/self/status` when `pid` is nil); nil once it is gone.
  public static func read(_ pid: Int32? = nil) -> ProcStatus? {
    guard let text = FileIO.readText("/proc/\(pid.map(String.init) ?? "self")/status") else {
      return nil
    }
    return parse(text)
  }

  /// Parses the text of a status file; lines without a colon are skipped.
  public static func parse(_ text: String) -> ProcStatus {
    var fields: [String: [String]] = [:]
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = line[line.index(after: colon)...]
        .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
    return ProcStatus(fields: fields)
  }

  /// The words after `name:` (`Uid` → real, effective, saved, filesystem uid); empty if absent.
  public func values(_ name: String) -> [String] { fields[name] ?? [] }

  /// A size field such as `VmRSS` or `VmPTE` ("13108 kB"), in KiB.
  public func kibibytes(_ name: String) -> Int? { values(name).first.flatMap { Int($0) } }
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " || s.last == "\n" { s.removeLast() }
    return s
  }
}

/// Process-tree queries over /proc, used by demos (who is my subreaper?) and by tests
/// (nothing of ours is left behind).
public enum ProcessTree {
  /// Every pid currently in /proc.
  public static func allPids() -> [Int32] {
    (FileIO.entries(in: "/proc") ?? []).compactMap { Int32($0) }
  }

  /// All descendants of `root` (children, grandchildren…), found by following ppid links.
  public static func descendants(of root: Int32) -> [ProcStat] {
    let stats = allPids().compactMap(ProcStat.read)
    var byParent: [Int32: [ProcStat]] = [:]
    for s in stats { byParent[s.ppid, default: []].append(s) }
    var out: [ProcStat] = []
    var queue = [root]
    while let next = queue.popLast() {
      for child in byParent[next] ?? [] {
        out.append(child)
        queue.append(child.pid)
      }
    }
    return out
  }

  /// A short name for a pid: `1 (init)`, `412 (tmux: server)`.
  public static func describe(_ pid: Int32) -> String {
    guard let stat = ProcStat.read(pid) else { return "\(pid)" }
    return "\(pid) (\(stat.command))"
  }
}
