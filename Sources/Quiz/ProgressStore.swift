import FoundationEssentials
import Glibc
import OSKit

/// Loads and saves `progress.json` so that no instant of a kill, no full disk and no second
/// REPL can leave a broken file: every change is written atomically (`FileIO.writeAtomically`:
/// an unpredictable temporary, fsync, rename, fsync of the directory) under an exclusive lock,
/// re-reading the file first so two REPLs merge their changes instead of overwriting each
/// other. The file is opened like every state file (`FileIO.openRegular`): a link, a FIFO or
/// someone else's file is left alone and progress kept in memory. What it keeps is bounded
/// (`Progress.compact()`); a valid file is never set aside, whatever its size.
public final class ProgressStore: @unchecked Sendable {
  // @unchecked: one store belongs to one session's thread; other processes are kept out by
  // the flock on progress.lock, not by Swift.

  /// The largest progress file ProcLab will read (a compacted file stays far below). A larger
  /// one is left untouched and progress kept in memory, never set aside: it may be valid.
  public static let maximumSize = 64 << 20

  /// Where the file lives; nil when there is no usable state directory (`Paths` said why).
  public let directory: String?
  public var path: String { (directory ?? "(memory)") + "/progress.json" }
  var lockPath: String { (directory ?? "") + "/progress.lock" }
  /// False when the file cannot or must not be written: progress lives in memory only.
  public private(set) var persistent: Bool
  public private(set) var progress: Progress
  /// One line per thing the store had to do on opening (a corrupt file set aside…).
  public private(set) var notices: [String] = []

  /// Opens the store in `directory` (nil: in memory, silently), recovering what it can.
  public init(directory: String?) {
    self.directory = directory
    progress = Progress()
    guard let directory else {
      persistent = false
      return
    }
    persistent = access(directory, W_OK) == 0
    if !persistent {
      notices.append(ProgressNotice.readOnly(directory))
    }
    if let loaded = readRecovering() { progress = loaded }
    if persistent { FileIO.removeStaleTemporaries(in: directory, for: "progress.json") }
  }

  /// Reads the file; sets aside a file that is not progress JSON and says so; leaves alone,
  /// and says so, one that is not ProcLab's to read.
  private func readRecovering() -> Progress? {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readRegular(path, limit: ProgressStore.maximumSize)
    } catch {
      if error.isMissing { return nil }  // no file yet: a fresh start
      if persistent {
        notices.append(
          ProgressNotice.leftAlone(error))
      }
      persistent = false
      return nil
    }
    if bytes.isEmpty {
      setAside(reason: ProgressNotice.empty)
      return nil
    }
    guard let (decoded, cut) = ProgressStore.decodeCounting(bytes) else {
      setAside(reason: ProgressNotice.notJSON)
      return nil
    }
    if let cut {
      // Left out in memory only: the file is rewritten, bounded, at the next change.
      notices.append(
        ProgressNotice.exercisesCut(
          passed: cut.passed, checked: cut.checked, kept: decoded.exercises?.count ?? 0,
          keptChecked: decoded.exerciseChecks?.count ?? 0))
    }
    return decoded
  }

  static func decode(_ bytes: [UInt8]) -> Progress? { decodeCounting(bytes)?.progress }

  /// The file's progress, migrated, in range and bounded, and what its exercise section held
  /// when some of it was left out (`Progress.boundExercises`).
  static func decodeCounting(_ bytes: [UInt8]) -> (
    progress: Progress, cut: (passed: Int, checked: Int)?
  )? {
    guard var decoded = try? JSONDecoder().decode(Progress.self, from: Data(bytes)) else {
      return nil
    }
    decoded.migrate()
    decoded.normalize()
    let cut = decoded.boundExercises()
    return (decoded, cut)
  }

  private func setAside(reason: String) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let target = "\(path).corrupt-\(now.tv_sec)"
    if persistent && rename(path, target) == 0 {
      notices.append(ProgressNotice.setAside(reason, as: target))
    } else {
      notices.append(ProgressNotice.notMoved(reason))
      persistent = false
    }
  }

  /// Applies `change` to the latest progress on disk and saves it atomically.
  /// - Returns: nil on success, or one line saying why it could not be saved.
  @discardableResult
  public func update(_ change: (inout Progress) -> Void) -> String? {
    guard persistent, let directory else {
      change(&progress)
      return nil
    }
    return FileIO.withExclusiveLock(lockPath) {
      // Another REPL may have saved since we read: start from what is on disk.
      if let bytes = try? FileIO.readRegular(path, limit: ProgressStore.maximumSize),
        let latest = ProgressStore.decode(bytes)
      {
        progress = latest
      }
      change(&progress)
      progress.compact()
      do {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = Array(try encoder.encode(progress))
        try FileIO.writeAtomically(directory: directory, name: "progress.json", bytes: data)
        return nil
      } catch {
        return ProgressNotice.cannotSave(path, "\(error)")
      }
    }
  }

  /// Seconds since 1970, for timestamps in the file.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
