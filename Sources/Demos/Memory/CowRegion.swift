import Glibc
import OSKit

/// Anonymous memory the cow demo maps and writes in the demo process, in small pages only.
///
/// Every page is written once after the mapping, so each has a page-table entry and a page of
/// its own: after a fork, parent and child share all of them copy-on-write.
final class CowRegion: @unchecked Sendable {
  // @unchecked: the pointer is written only by `init` (before anyone else can see the region)
  // and unmapped only by `unmap`, which the demo calls once, from its one thread.
  let base: UnsafeMutablePointer<UInt8>
  let bytes: Int
  let pageSize: Int
  /// Whether madvise(MADV_NOHUGEPAGE) was accepted for the region.
  let smallPagesOnly: Bool
  private var mapped = true

  var pages: Int { bytes / pageSize }

  /// Maps `mebibytes` MiB and writes one byte in every page.
  init(mebibytes: Int) throws(SystemError) {
    pageSize = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
    bytes = mebibytes << 20
    guard
      let region = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      region != MAP_FAILED
    else { throw SystemError("mapping \(mebibytes) MiB") }
    // Small pages only, whatever the machine's transparent huge page setting: one 2 MiB page
    // would be copied whole on the first write to any of its bytes, and 512 small pages' worth
    // of faults would be one.
    smallPagesOnly = madvise(region, bytes, MADV_NOHUGEPAGE) == 0
    base = region.assumingMemoryBound(to: UInt8.self)
    for offset in stride(from: 0, to: bytes, by: pageSize) { base[offset] = 1 }
  }

  func unmap() {
    guard mapped else { return }
    mapped = false
    munmap(base, bytes)
  }

  /// The region's own line of /proc/self/smaps: its AnonHugePages (KiB in huge pages).
  func hugePageKiB() -> Int? {
    guard let text = FileIO.readText("/proc/self/smaps", limit: 16 << 20) else { return nil }
    let start = String(UInt(bitPattern: base), radix: 16)
    return Smaps.fields(ofMappingStarting: start, in: text)["AnonHugePages"]
  }
}

/// The `Name: N kB` lines of /proc/<pid>/smaps and smaps_rollup, in KiB.
enum Smaps {
  /// Every `Name: N kB` line of `text` (smaps_rollup: the whole process).
  static func fields(_ text: Substring) -> [String: Int] {
    var out: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let words = line[line.index(after: colon)...].split(separator: " ")
      guard words.count == 2, words[1] == "kB", let kib = Int(words[0]) else { continue }
      out[String(line[..<colon])] = kib
    }
    return out
  }

  /// The fields of the one mapping in an smaps text whose range starts at `start` (hex).
  static func fields(ofMappingStarting start: String, in text: String) -> [String: Int] {
    guard let header = text.firstRange(of: "\n" + start + "-") ?? text.prefixRange(start + "-")
    else { return [:] }
    let rest = text[header.upperBound...]
    // The next mapping's header is the next line whose first word is an address range.
    var end = rest.endIndex
    var index = rest.startIndex
    while let newline = rest[index...].firstIndex(of: "\n") {
      let next = rest.index(after: newline)
      if next < rest.endIndex, let first = rest[next...].split(separator: " ").first,
        first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" })
      {
        end = next
        break
      }
      index = next
    }
    return fields(rest[..<end])
  }

  /// What the cow demo reads of a process: smaps_rollup's Rss, Pss, Private_Dirty and
  /// Shared_Dirty, in KiB; nil once the process is gone.
  static func rollup(_ pid: pid_t) -> Rollup? {
    guard let text = FileIO.readText("/proc/\(pid)/smaps_rollup") else { return nil }
    let f = fields(text[...])
    guard let rss = f["Rss"], let pss = f["Pss"], let privateDirty = f["Private_Dirty"],
      let sharedDirty = f["Shared_Dirty"]
    else { return nil }
    return Rollup(rss: rss, pss: pss, privateDirty: privateDirty, sharedDirty: sharedDirty)
  }

  struct Rollup: Sendable, Equatable {
    var rss: Int
    var pss: Int
    var privateDirty: Int
    var sharedDirty: Int
  }
}

extension String {
  fileprivate func prefixRange(_ prefix: String) -> Range<Index>? {
    hasPrefix(prefix) ? startIndex..<index(startIndex, offsetBy: prefix.count) : nil
  }
}

/// The machine's transparent huge page setting: the bracketed word of
/// /sys/kernel/mm/transparent_hugepage/enabled (`always`, `madvise`, `never`), nil without THP.
enum TransparentHugePages {
  static func setting() -> String? {
    guard let text = FileIO.readText("/sys/kernel/mm/transparent_hugepage/enabled"),
      let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]")
    else { return nil }
    return String(text[text.index(after: open)..<close])
  }
}
