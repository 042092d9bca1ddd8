import DemoContract
import Localization
import Measure
import Testing

@Suite("Machine environment")
struct MachineEnvironmentTests {
  @Test(
    "cgroup v2 cpu.max",
    arguments: [
      ("max 100000", nil),
      ("max 100000\n", nil),
      ("200000 100000", 2.0),
      ("150000 100000\n", 1.5),
      ("50000 100000", 0.5),
      ("", nil),
      ("garbage", nil),
      ("0 100000", nil),
    ] as [(String, Double?)])
  func cgroupV2(text: String, expected: Double?) {
    #expect(MachineEnvironment.parseCgroupCPUMax(text) == expected)
  }

  @Test("cgroup v1 quota and period")
  func cgroupV1() {
    #expect(MachineEnvironment.parseCgroupV1Quota(quota: "-1\n", period: "100000\n") == nil)
    #expect(MachineEnvironment.parseCgroupV1Quota(quota: "50000\n", period: "100000\n") == 0.5)
    #expect(MachineEnvironment.parseCgroupV1Quota(quota: "300000", period: "100000") == 3)
    #expect(MachineEnvironment.parseCgroupV1Quota(quota: "x", period: "100000") == nil)
  }

  @Test("/proc/self/cgroup paths, v2 and v1")
  func processCgroups() {
    let hybrid = "4:memory:/a\n2:cpu,cpuacct:/docker/abc\n0::/user.slice/session.scope\n"
    let parsed = MachineEnvironment.parseProcessCgroups(hybrid)
    #expect(parsed.unified == "/user.slice/session.scope")
    #expect(parsed.cpu == "/docker/abc")
    let v2 = MachineEnvironment.parseProcessCgroups("0::/\n")
    #expect(v2.unified == "/")
    #expect(v2.cpu == nil)
  }

  @Test("CPU lists")
  func cpuLists() {
    #expect(MachineEnvironment.parseCPUList("0-3,5,7-8\n") == [0, 1, 2, 3, 5, 7, 8])
    #expect(MachineEnvironment.parseCPUList("0") == [0])
    #expect(MachineEnvironment.parseCPUList("") == [])
    #expect(MachineEnvironment.formatCPUList([0, 1, 2, 3, 5, 7, 8]) == "0-3,5,7-8")
    #expect(MachineEnvironment.formatCPUList([1, 0]) == "0-1")
    #expect(MachineEnvironment.formatCPUList([]) == "none")
    let status = "Name:\tx\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed:\t1\n"
    #expect(MachineEnvironment.parseAllowedCPUs(status: status) == [0, 1])
  }

  @Test("CPU model from /proc/cpuinfo")
  func cpuModel() {
    let cpuinfo =
      "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)  CPU @ 2.20GHz\n"
    #expect(MachineEnvironment.parseCPUModel(cpuinfo: cpuinfo) == "Intel(R) Xeon(R) CPU @ 2.20GHz")
    #expect(MachineEnvironment.parseCPUModel(cpuinfo: "processor\t: 0\nHardware\t: BCM\n") == nil)
  }

  let sample = MachineEnvironment(
    cpusOnline: 2, cpuModel: "AMD EPYC", cgroupCPUQuota: nil, affinity: [0, 1],
    loadAverage: [0.12, 0.3, 0.25], swiftVersion: "6.3", buildConfiguration: "release",
    kernel: "Linux 6.1.0-18-amd64")

  @Test("summary line")
  func summary() {
    #expect(
      sample.summaryLine
        == "2 CPUs online (affinity 0-1, no cgroup quota) · load 0.12 0.30 0.25 · Linux 6.1 "
        + "· Swift 6.3 release · AMD EPYC")
    var limited = sample
    limited.cgroupCPUQuota = 1.5
    limited.cpuModel = nil
    #expect(limited.summaryLine.hasPrefix("2 CPUs online (affinity 0-1, cgroup quota 1.5 CPUs)"))
    #expect(limited.summaryLine.hasSuffix("Swift 6.3 release"))
  }

  @Test("summary line in Korean: every field in Korean words, English unchanged")
  func summaryKorean() {
    #expect(
      sample.summaryLine(in: .ko)
        == "온라인 CPU 2개(affinity 0-1, cgroup 할당량 없음) · 부하 0.12 0.30 0.25 · Linux 6.1 "
        + "· Swift 6.3 release · AMD EPYC")
    var limited = sample
    limited.cgroupCPUQuota = 1.5
    limited.cpusOnline = 1
    #expect(limited.summaryLine(in: .ko).hasPrefix("온라인 CPU 1개(affinity 0-1, cgroup 할당량 1.5 CPU)"))
    #expect(
      limited.summaryLine(in: .en).hasPrefix("1 CPU online (affinity 0-1, cgroup quota 1.5 CPUs)"))
    var debug = sample
    debug.buildConfiguration = "debug"
    #expect(debug.warnings(in: .ko) == ["디버그 빌드입니다. 릴리스 빌드보다 시간이 느리게 나옵니다. `make run`을 쓰세요"])
  }

  @Test("warnings: debug build, quota, affinity, load")
  func warnings() {
    #expect(sample.warnings.isEmpty)
    var debug = sample
    debug.buildConfiguration = "debug"
    #expect(
      debug.warnings == [
        "this is a debug build: timings are slower than a release build — use `make run`"
      ])
    var limited = sample
    limited.cgroupCPUQuota = 1
    limited.affinity = [1]
    limited.loadAverage = [3, 1, 1]
    let text = limited.warnings.joined(separator: "\n")
    #expect(text.contains("cgroup CPU quota (1 CPU) is lower than the 2 CPUs online"))
    #expect(text.contains("only 1 of the 2 CPUs (affinity 1)"))
    #expect(text.contains("the machine is busy (load 3.00 on 1 usable CPU)"))
    #expect(limited.usableCPUs == 1)
  }

  @Test("the real machine")
  func current() {
    let environment = MachineEnvironment.current()
    #expect(environment.cpusOnline >= 1)
    #expect(!environment.affinity.isEmpty)
    #expect(environment.loadAverage.count == 3)
    #expect(environment.swiftVersion.hasPrefix("6."))
    #expect(environment.kernel.hasPrefix("Linux "))
    #if DEBUG
      #expect(environment.buildConfiguration == "debug")
    #else
      #expect(environment.buildConfiguration == "release")
    #endif
    #expect(!environment.summaryLine.isEmpty)
  }
}
