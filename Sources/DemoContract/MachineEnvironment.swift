/// The facts about the machine that explain a timing: how many CPUs this process can use
/// (online, allowed by affinity, allowed by a cgroup quota), how busy the machine is, and how
/// the program was built. Pure data: Measure reads it (`MachineEnvironment.current()`) and
/// words it for a timing table's footer.
public struct MachineEnvironment: Sendable, Codable, Equatable {
  /// CPUs online (`sysconf(_SC_NPROCESSORS_ONLN)`).
  public var cpusOnline: Int
  /// The CPU model from /proc/cpuinfo ("model name"), if it names one.
  public var cpuModel: String?
  /// The cgroup CPU bandwidth limit in CPUs (cgroup v2 `cpu.max` or v1 `cpu.cfs_quota_us`
  /// over `cpu.cfs_period_us`, the tightest along the process's cgroup path); nil when there
  /// is none.
  public var cgroupCPUQuota: Double?
  /// The CPUs this process may run on (its affinity mask), in ascending order.
  public var affinity: [Int]
  /// The 1, 5 and 15 minute load averages.
  public var loadAverage: [Double]
  /// The Swift compiler version the program was built with, such as "6.3".
  public var swiftVersion: String
  /// "debug" or "release".
  public var buildConfiguration: String
  /// The operating system and kernel release, such as "Linux 6.1.0-18-amd64".
  public var kernel: String

  /// Creates an environment record; Measure's `MachineEnvironment.current()` reads the real one.
  public init(
    cpusOnline: Int, cpuModel: String?, cgroupCPUQuota: Double?, affinity: [Int],
    loadAverage: [Double], swiftVersion: String, buildConfiguration: String, kernel: String
  ) {
    self.cpusOnline = cpusOnline
    self.cpuModel = cpuModel
    self.cgroupCPUQuota = cgroupCPUQuota
    self.affinity = affinity
    self.loadAverage = loadAverage
    self.swiftVersion = swiftVersion
    self.buildConfiguration = buildConfiguration
    self.kernel = kernel
  }
}
