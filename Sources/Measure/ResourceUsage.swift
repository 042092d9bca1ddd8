import Glibc

/// CPU time, context switches and page faults, as the kernel accounts them (`getrusage`).
///
/// Take one reading before and one after the work and subtract: the difference tells how much
/// of the elapsed time was spent on a CPU in user code or in the kernel, and how often the
/// thread gave up the CPU (voluntary: it waited) or had it taken away (involuntary: its time
/// slice ran out).
public struct ResourceUsage: Sendable, Equatable, Codable {
  /// Whose usage to read.
  public enum Who: Sendable, Equatable {
    /// The whole process: all its threads, past and present.
    case process
    /// The calling thread only (`RUSAGE_THREAD`, Linux).
    case thread
    /// The terminated children that have been waited for, and their waited-for descendants.
    case children
  }

  /// CPU time spent in user mode, in seconds.
  public var userSeconds: Double
  /// CPU time spent in the kernel on behalf of the caller, in seconds.
  public var systemSeconds: Double
  /// Context switches because the caller waited (I/O, a lock, sleep).
  public var voluntarySwitches: Int
  /// Context switches because the scheduler preempted the caller.
  public var involuntarySwitches: Int
  /// Page faults served without I/O (for example a copy-on-write after fork).
  public var minorFaults: Int
  /// Page faults that needed I/O.
  public var majorFaults: Int

  /// Creates a usage record.
  public init(
    userSeconds: Double = 0, systemSeconds: Double = 0, voluntarySwitches: Int = 0,
    involuntarySwitches: Int = 0, minorFaults: Int = 0, majorFaults: Int = 0
  ) {
    self.userSeconds = userSeconds
    self.systemSeconds = systemSeconds
    self.voluntarySwitches = voluntarySwitches
    self.involuntarySwitches = involuntarySwitches
    self.minorFaults = minorFaults
    self.majorFaults = majorFaults
  }

  /// No usage at all.
  public static let zero = ResourceUsage()

  /// User plus system CPU time, in seconds.
  public var cpuSeconds: Double { userSeconds + systemSeconds }

  /// All context switches, voluntary and involuntary.
  public var contextSwitches: Int { voluntarySwitches + involuntarySwitches }

  /// The usage so far of `who`.
  ///
  /// - Parameter who: The process, the calling thread, or the waited-for children.
  /// - Returns: The totals since `who` started; zero if the kernel refuses (it does not for
  ///   these arguments).
  ///
  /// The corresponding C function is `getrusage`.
  public static func current(_ who: Who) -> ResourceUsage {
    let code: Int32 =
      switch who {
      case .process: 0  // RUSAGE_SELF
      case .thread: 1  // RUSAGE_THREAD
      case .children: -1  // RUSAGE_CHILDREN
      }
    var usage = rusage()
    guard getrusage(__rusage_who_t(code), &usage) == 0 else { return .zero }
    return ResourceUsage(
      userSeconds: seconds(usage.ru_utime),
      systemSeconds: seconds(usage.ru_stime),
      voluntarySwitches: Int(usage.ru_nvcsw),
      involuntarySwitches: Int(usage.ru_nivcsw),
      minorFaults: Int(usage.ru_minflt),
      majorFaults: Int(usage.ru_majflt))
  }

  private static func seconds(_ time: timeval) -> Double {
    Double(time.tv_sec) + Double(time.tv_usec) * 1e-6
  }

  /// The usage between two readings: `later - earlier`.
  public static func - (later: ResourceUsage, earlier: ResourceUsage) -> ResourceUsage {
    ResourceUsage(
      userSeconds: later.userSeconds - earlier.userSeconds,
      systemSeconds: later.systemSeconds - earlier.systemSeconds,
      voluntarySwitches: later.voluntarySwitches - earlier.voluntarySwitches,
      involuntarySwitches: later.involuntarySwitches - earlier.involuntarySwitches,
      minorFaults: later.minorFaults - earlier.minorFaults,
      majorFaults: later.majorFaults - earlier.majorFaults)
  }

  /// The combined usage of two records, for example of several workers.
  public static func + (lhs: ResourceUsage, rhs: ResourceUsage) -> ResourceUsage {
    ResourceUsage(
      userSeconds: lhs.userSeconds + rhs.userSeconds,
      systemSeconds: lhs.systemSeconds + rhs.systemSeconds,
      voluntarySwitches: lhs.voluntarySwitches + rhs.voluntarySwitches,
      involuntarySwitches: lhs.involuntarySwitches + rhs.involuntarySwitches,
      minorFaults: lhs.minorFaults + rhs.minorFaults,
      majorFaults: lhs.majorFaults + rhs.majorFaults)
  }
}
