public import DemoContract
import Glibc
public import Localization

/// Reading the machine environment (`current()`), and presenting it under a timing table. The
/// record itself, `MachineEnvironment`, is DemoContract's: every demo report carries one.
extension MachineEnvironment {
  /// Reads the environment of the running process.
  ///
  /// Never fails: what cannot be read is left empty (no CPU model, no quota, affinity of all
  /// online CPUs).
  public static func current() -> MachineEnvironment {
    let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let model = readTextFile("/proc/cpuinfo").flatMap(parseCPUModel(cpuinfo:))
    var affinity = readTextFile("/proc/self/status").flatMap(parseAllowedCPUs(status:)) ?? []
    if affinity.isEmpty { affinity = Array(0..<online) }
    var load = [Double](repeating: 0, count: 3)
    if getloadavg(&load, 3) != 3 { load = [0, 0, 0] }
    return MachineEnvironment(
      cpusOnline: online, cpuModel: model, cgroupCPUQuota: currentCgroupQuota(),
      affinity: affinity, loadAverage: load, swiftVersion: compilerVersion,
      buildConfiguration: thisBuild, kernel: kernelName())
  }

  // MARK: - Presentation

  /// One line for the foot of a timing table, such as "2 CPUs online (affinity 0-1, no cgroup
  /// quota) · load 0.12 0.30 0.25 · Linux 6.1 · Swift 6.3 release · AMD EPYC 7B13", in the
  /// process's language (`Catalog.language`).
  public var summaryLine: String { summaryLine(in: Catalog.language) }

  /// ``summaryLine`` in `language`: "온라인 CPU 2개(affinity 0-1, cgroup 할당량 없음) · 부하 …".
  public func summaryLine(in language: Language) -> String {
    let cpus = Catalog.plural("demo.machine.summary.cpus", count: cpusOnline, in: language)
    let quota =
      cgroupCPUQuota.map {
        Catalog.text(
          $0 == 1 ? "demo.machine.summary.quota.single" : "demo.machine.summary.quota.several",
          in: language, ["quota": trimmed($0)])
      } ?? Catalog.text("demo.machine.summary.noQuota", in: language)
    var parts = [
      Catalog.text(
        "demo.machine.summary.cpuLine", in: language,
        ["cpus": cpus, "list": MachineEnvironment.formatCPUList(affinity), "quota": quota])
    ]
    if loadAverage.count == 3 {
      parts.append(
        Catalog.text(
          "demo.machine.summary.load", in: language,
          ["load": loadAverage.map { decimal($0, 2) }.joined(separator: " ")]))
    }
    parts.append(shortKernel)
    parts.append("Swift \(swiftVersion) \(buildConfiguration)")
    if let cpuModel { parts.append(cpuModel) }
    return parts.joined(separator: " · ")
  }

  /// What about this machine or build makes timings misleading, in words for a student, in the
  /// process's language.
  public var warnings: [String] { warnings(in: Catalog.language) }

  /// ``warnings`` in `language`.
  public func warnings(in language: Language) -> [String] {
    var warnings: [String] = []
    if buildConfiguration == "debug" {
      warnings.append(Catalog.text("demo.machine.debugBuild", in: language))
    }
    if cpusOnline == 1 {
      warnings.append(Catalog.text("demo.machine.oneCPU", in: language))
    }
    if let quota = cgroupCPUQuota, quota < Double(cpusOnline) {
      warnings.append(
        Catalog.text(
          quota == 1 ? "demo.machine.quota.single" : "demo.machine.quota.several", in: language,
          ["quota": trimmed(quota), "online": String(cpusOnline)]))
    }
    if !affinity.isEmpty && affinity.count < cpusOnline {
      warnings.append(
        Catalog.text(
          "demo.machine.affinity", in: language,
          [
            "count": String(affinity.count), "online": String(cpusOnline),
            "list": MachineEnvironment.formatCPUList(affinity),
          ]))
    }
    if let load = loadAverage.first, load > Double(max(1, usableCPUs)) {
      warnings.append(
        Catalog.text(
          usableCPUs == 1 ? "demo.machine.busy.single" : "demo.machine.busy.several", in: language,
          ["load": decimal(load, 2), "usable": String(usableCPUs)]))
    }
    return warnings
  }

  /// The CPUs this process can keep busy at once: the least of online CPUs, affinity and
  /// quota (rounded up).
  public var usableCPUs: Int {
    var usable = cpusOnline
    if !affinity.isEmpty { usable = min(usable, affinity.count) }
    if let quota = cgroupCPUQuota { usable = min(usable, max(1, Int(quota.rounded(.up)))) }
    return usable
  }

  /// "Linux 6.1" from "Linux 6.1.0-18-amd64".
  private var shortKernel: String {
    let parts = kernel.split(separator: " ", maxSplits: 1)
    guard parts.count == 2 else { return kernel }
    let numbers = parts[1].split(whereSeparator: { !$0.isNumber }).prefix(2)
    guard numbers.count == 2 else { return kernel }
    return "\(parts[0]) \(numbers[0]).\(numbers[1])"
  }

  private func trimmed(_ x: Double) -> String {
    var text = decimal(x, 2)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  // MARK: - Parsing (pure, for tests)

  /// The CPU limit in a cgroup v2 `cpu.max` file: "200000 100000" → 2.0, "max 100000" → nil.
  ///
  /// - Parameter text: The file's contents: a quota ("max" for none) and a period, in µs.
  /// - Returns: Quota over period in CPUs, or nil for no limit or unreadable text.
  public static func parseCgroupCPUMax(_ text: String) -> Double? {
    let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    guard let first = fields.first, first != "max", let quota = Double(first), quota > 0 else {
      return nil
    }
    let period = fields.count > 1 ? Double(fields[1]) ?? 100_000 : 100_000
    return period > 0 ? quota / period : nil
  }

  /// The CPU limit from cgroup v1 files `cpu.cfs_quota_us` ("-1" for none) and
  /// `cpu.cfs_period_us`.
  public static func parseCgroupV1Quota(quota: String, period: String) -> Double? {
    let trim: (String) -> Substring = { $0.split(whereSeparator: \.isWhitespace).first ?? "" }
    guard let quota = Double(trim(quota)), quota > 0,
      let period = Double(trim(period)), period > 0
    else { return nil }
    return quota / period
  }

  /// The first "model name" in /proc/cpuinfo, with runs of spaces collapsed.
  public static func parseCPUModel(cpuinfo: String) -> String? {
    for line in cpuinfo.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters() == "model name" else { continue }
      let words = parts[1].split(whereSeparator: \.isWhitespace)
      return words.isEmpty ? nil : words.joined(separator: " ")
    }
    return nil
  }

  /// The CPUs in /proc/self/status's "Cpus_allowed_list" line.
  public static func parseAllowedCPUs(status: String) -> [Int]? {
    for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed_list:") {
      return parseCPUList(String(line.dropFirst("Cpus_allowed_list:".count)))
    }
    return nil
  }

  /// A kernel CPU list such as "0-3,5,7-8" as CPU numbers, ascending and without repeats.
  public static func parseCPUList(_ text: String) -> [Int] {
    var cpus = Set<Int>()
    for item in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
      let bounds = item.split(separator: "-", maxSplits: 1)
      if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high,
        high - low < 65_536
      {
        cpus.formUnion(low...high)
      } else if bounds.count == 1, let cpu = Int(bounds[0]) {
        cpus.insert(cpu)
      }
    }
    return cpus.sorted()
  }

  /// CPU numbers as a kernel CPU list: [0, 1, 2, 5] → "0-2,5"; [] → "none".
  public static func formatCPUList(_ cpus: [Int]) -> String {
    let sorted = Set(cpus).sorted()
    guard var start = sorted.first else { return "none" }
    var parts: [String] = []
    var previous = start
    for cpu in sorted.dropFirst() {
      if cpu == previous + 1 {
        previous = cpu
        continue
      }
      parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
      start = cpu
      previous = cpu
    }
    parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
    return parts.joined(separator: ",")
  }

  /// The cgroup paths in /proc/self/cgroup: the unified (v2) one ("0::/path") and the v1 one
  /// of the cpu controller ("4:cpu,cpuacct:/path").
  public static func parseProcessCgroups(_ text: String) -> (unified: String?, cpu: String?) {
    var unified: String?
    var cpu: String?
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      if fields[0] == "0" && fields[1].isEmpty {
        unified = String(fields[2])
      } else if fields[1].split(separator: ",").contains("cpu") {
        cpu = String(fields[2])
      }
    }
    return (unified, cpu)
  }

  // MARK: - Reading

  /// The tightest CPU quota along this process's cgroup path, v2 first, then v1.
  private static func currentCgroupQuota() -> Double? {
    let cgroups = readTextFile("/proc/self/cgroup").map(parseProcessCgroups)
    let unifiedPath = cgroups?.unified ?? "/"
    let cpuPath = cgroups?.cpu ?? "/"
    var quotas: [Double] = []
    // In a container the process's cgroup is usually the root of the mounted hierarchy, so
    // both the full path and the mount root are tried.
    for directory in candidateDirectories(root: "/sys/fs/cgroup", path: unifiedPath) {
      if let text = readTextFile(directory + "/cpu.max"), let quota = parseCgroupCPUMax(text) {
        quotas.append(quota)
      }
    }
    if quotas.isEmpty {
      for root in ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"] {
        for directory in candidateDirectories(root: root, path: cpuPath) {
          if let quota = readTextFile(directory + "/cpu.cfs_quota_us"),
            let period = readTextFile(directory + "/cpu.cfs_period_us"),
            let value = parseCgroupV1Quota(quota: quota, period: period)
          {
            quotas.append(value)
          }
        }
      }
    }
    return quotas.min()
  }

  /// `root` + `path` and each of its ancestors up to `root`.
  private static func candidateDirectories(root: String, path: String) -> [String] {
    var components = path.split(separator: "/").map(String.init)
    var directories: [String] = []
    while !components.isEmpty {
      directories.append(root + "/" + components.joined(separator: "/"))
      components.removeLast()
    }
    directories.append(root)
    return directories
  }

  private static func kernelName() -> String {
    var name = utsname()
    guard uname(&name) == 0 else { return "unknown" }
    let system = withUnsafeBytes(of: name.sysname) { String(nulTerminated: $0) }
    let release = withUnsafeBytes(of: name.release) { String(nulTerminated: $0) }
    return system + " " + release
  }

  private static var thisBuild: String {
    #if DEBUG
      "debug"
    #else
      "release"
    #endif
  }

  private static var compilerVersion: String {
    #if compiler(>=6.5)
      "6.5 or later"
    #elseif compiler(>=6.4)
      "6.4"
    #elseif compiler(>=6.3)
      "6.3"
    #elseif compiler(>=6.2)
      "6.2"
    #elseif compiler(>=6.1)
      "6.1"
    #elseif compiler(>=6.0)
      "6.0"
    #else
      "5.x"
    #endif
  }
}

extension String {
  /// Builds a string from a NUL-terminated C string in `bytes`.
  fileprivate init(nulTerminated bytes: UnsafeRawBufferPointer) {
    let end = bytes.firstIndex(of: 0) ?? bytes.count
    self = String(decoding: bytes[0..<end], as: UTF8.self)
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> Substring {
    var text = self
    while text.first?.isWhitespace == true { text = text.dropFirst() }
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return text
  }
}
