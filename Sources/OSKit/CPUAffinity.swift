import CProcLab
import Glibc

/// Which CPUs the calling thread may run on (sched_getaffinity / sched_setaffinity), and which
/// one it is on now.
public enum CPUAffinity {
  /// The CPUs the calling thread may use, ascending; empty if they cannot be read.
  public static func allowed() -> [Int32] {
    var cpus = [Int32](repeating: 0, count: 1024)
    let count = Int(pl_get_affinity(0, &cpus, Int32(cpus.count)))
    return count > 0 ? Array(cpus[..<count]) : []
  }

  /// Limits the calling thread (and the processes and threads it starts from now on) to `cpus`.
  /// - Returns: false if the kernel refused (errno says why).
  @discardableResult
  public static func pin(_ cpus: [Int32]) -> Bool {
    cpus.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      return pl_set_affinity(0, base, Int32(buffer.count)) == 0
    }
  }

  /// The CPU the calling thread runs on at this instant (sched_getcpu), or nil.
  public static func current() -> Int32? {
    let cpu = pl_current_cpu()
    return cpu >= 0 ? cpu : nil
  }
}
