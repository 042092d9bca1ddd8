import Glibc
import OSKit

/// The history file, kept by ProcLab rather than by libedit's `H_LOAD`/`H_SAVE` (which follow
/// links, block on a FIFO, chmod what a link points to, rewrite the file in place so that a
/// full disk cuts it, and write back a whole session's list over another session's).
///
/// Loading reads at most the last `maximumReadSize` bytes of a regular file of the user's
/// (`FileIO.openRegular`). Saving, under an exclusive lock on `history.lock`, re-reads the
/// file, appends this session's new entries, keeps the last `maximumEntries` entries of at
/// most `maximumEntryLength` bytes each, and replaces the file atomically. The format is
/// libedit's (`_HiStOrY_V2_`, one entry per line, blanks and backslashes escaped), so files
/// written by earlier versions load as they were.
public final class HistoryFile {
  public static let maximumEntries = 1000
  public static let maximumEntryLength = 4096
  public static let maximumReadSize = 1 << 20
  static let header = "_HiStOrY_V2_"

  public let path: String
  var directory: String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "." }
  var name: String { path.split(separator: "/").last.map(String.init) ?? path }
  /// One line per thing that went wrong on loading (a link or a FIFO left alone).
  public private(set) var notices: [String] = []
  /// Called once, the first time a save fails (the session goes on; history stays in memory).
  public var report: (String) -> Void = { _ in }
  /// Entries of this session not saved yet.
  private var pending: [String] = []
  /// Set when the file is not ours to touch: it is then neither read nor written.
  private var refused = false
  /// Set when the directory may only be read: history is read, never written.
  private var readOnly = false
  private var reportedFailure = false

  public init(path: String) {
    self.path = path
  }

  /// The saved entries, oldest first; records in `notices` why the file was not read. In a
  /// directory that may only be read, history is read and kept in memory, silently: the
  /// progress store says so for the whole directory, once.
  public func load() -> [String] {
    if access(directory, W_OK) != 0 {
      readOnly = true
    } else {
      FileIO.removeStaleTemporaries(in: directory, for: name)
    }
    switch readEntries() {
    case .success(let entries): return entries
    case .failure(let refusal):
      refused = true
      notices.append("\(refusal.description): left alone; history is kept for this session only")
      return []
    }
  }

  /// Records `entry` and saves it with what other sessions saved meanwhile.
  public func add(_ entry: String) {
    guard entry.utf8.count <= HistoryFile.maximumEntryLength, pending.last != entry else { return }
    pending.append(entry)
    // While saving fails (a full disk), what waits is bounded like the file.
    if pending.count > HistoryFile.maximumEntries { pending.removeFirst() }
    save()
  }

  /// Saves the entries not saved yet; keeps them for the next try if that fails.
  public func save() {
    guard !refused, !readOnly, !pending.isEmpty else { return }
    let failure: String? = FileIO.withExclusiveLock(directory + "/history.lock") {
      var entries: [String]
      switch readEntries() {
      case .success(let saved): entries = saved
      case .failure(let refusal):
        refused = true
        return "\(refusal.description): left alone; history is kept for this session only"
      }
      for entry in pending where entries.last != entry { entries.append(entry) }
      let kept = entries.suffix(HistoryFile.maximumEntries)
      let text = ([HistoryFile.header] + kept.map(HistoryFile.encode)).joined(separator: "\n")
      do {
        try FileIO.writeAtomically(
          directory: directory, name: name, bytes: Array((text + "\n").utf8))
      } catch {
        return "could not save history to \(path): \(error); it is kept for this session only"
      }
      pending = []
      return nil
    }
    if let failure, !reportedFailure {
      reportedFailure = true
      report(failure)
    }
  }

  /// The entries on disk, oldest first, bounded; `[]` when there is no file yet.
  private func readEntries() -> Result<[String], FileRefusal> {
    let fd: Int32
    do {
      fd = try FileIO.openRegular(path)
    } catch {
      return error.isMissing ? .success([]) : .failure(error)
    }
    defer { FileIO.closeQuietly(fd) }
    var st = stat()
    var start = 0
    if fstat(fd, &st) == 0 && Int(st.st_size) > HistoryFile.maximumReadSize {
      start = Int(st.st_size) - HistoryFile.maximumReadSize
      lseek(fd, off_t(start), SEEK_SET)
    }
    var bytes: [UInt8] = []
    while bytes.count < HistoryFile.maximumReadSize,
      let chunk = try? FileIO.read(fd, upTo: HistoryFile.maximumReadSize - bytes.count),
      !chunk.isEmpty
    {
      bytes += chunk
    }
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if start > 0 && !lines.isEmpty { lines.removeFirst() }  // the tail of a line cut by the seek
    // libedit's files start with the header; a file without it holds plain lines.
    let header = Array(HistoryFile.header.utf8)
    var encoded = start > 0
    if let first = lines.first, Array(first) == header {
      encoded = true
      lines.removeFirst()
    }
    let entries = lines.compactMap { line -> String? in
      // An escaped byte takes four: a longer line cannot be a kept entry.
      guard !line.isEmpty, line.count <= 4 * HistoryFile.maximumEntryLength else { return nil }
      let text = String(decoding: line, as: UTF8.self)
      let entry = encoded ? HistoryFile.decode(text) : text
      return entry.utf8.count <= HistoryFile.maximumEntryLength ? entry : nil
    }
    return .success(Array(entries.suffix(HistoryFile.maximumEntries)))
  }

  /// libedit's escaping (`strvis` with `VIS_WHITE`), as octal: blanks, control characters and
  /// backslashes become `\ooo`, so one entry is one line.
  static func encode(_ entry: String) -> String {
    var out: [UInt8] = []
    for byte in entry.utf8 {
      if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
        let octal = String(byte, radix: 8)
        out += Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8)
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Undoes `strvis`: `\ooo`, `\\`, `\^X`, `\M-X`, `\M^X` and the C escapes.
  static func decode(_ line: String) -> String {
    let b = Array(line.utf8)
    var out: [UInt8] = []
    var i = 0
    func at(_ k: Int) -> UInt8? { k < b.count ? b[k] : nil }
    while i < b.count {
      guard b[i] == UInt8(ascii: "\\"), let next = at(i + 1) else {
        out.append(b[i])
        i += 1
        continue
      }
      switch next {
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = 0
        var k = i + 1
        while k < i + 4, let d = at(k), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(d) {
          value = value * 8 + Int(d - UInt8(ascii: "0"))
          k += 1
        }
        out.append(UInt8(truncatingIfNeeded: value))
        i = k
      case UInt8(ascii: "^"):
        if let c = at(i + 2) { out.append(c == UInt8(ascii: "?") ? 0x7F : c & 0x1F) }
        i += 3
      case UInt8(ascii: "M"):
        if at(i + 2) == UInt8(ascii: "-"), let c = at(i + 3) {
          out.append(c | 0x80)
        } else if at(i + 2) == UInt8(ascii: "^"), let c = at(i + 3) {
          out.append((c == UInt8(ascii: "?") ? 0x7F : c & 0x1F) | 0x80)
        }
        i += 4
      default:
        let escapes: [UInt8: UInt8] = [
          UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
          UInt8(ascii: "b"): 0x08, UInt8(ascii: "a"): 0x07, UInt8(ascii: "v"): 0x0B,
          UInt8(ascii: "f"): 0x0C, UInt8(ascii: "s"): 0x20, UInt8(ascii: "E"): 0x1B,
        ]
        out.append(escapes[next] ?? next)
        i += 2
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
