import DemoContract
import Demos
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The `nice` demo, run for real. Shares are statistical: the assertions are what the weights
/// make certain (1024 against 335 or less), never an exact share.
@Suite("The scheduling demo, run for real", .serialized)
struct SchedulingDemoTests {
  @Test("nice: the nice 0 spinner gets the larger share, as the weights predict")
  func share() throws {
    let r = try ProcessDemoRunner.report("nice", ["show=share", "nice=5", "for=0.3", "runs=3"])
    let expected = try #require(r.metric("share.expected")?.double)
    #expect(abs(expected - 1024.0 / 1359.0) < 1e-9)
    #expect(r.metric("weight.nice0")?.double == 1024)
    #expect(r.metric("weight.niced")?.double == 335)
    let nice0 = try #require(r.metric("share.nice0")?.double)
    let niced = try #require(r.metric("share.niced")?.double)
    #expect(nice0 > niced, "nice 0 got \(nice0), nice 5 got \(niced)")
    #expect(abs(nice0 + niced - 1) < 1e-9)
    let cpu = try #require(r.metric("cpu")?.double)
    #expect(CPUAffinity.allowed().contains(Int32(cpu)))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("nice: the sleeper switches voluntarily, the spinner involuntarily")
  func switches() throws {
    let r = try ProcessDemoRunner.report("nice", ["show=share", "for=0.3", "runs=2"])
    let sleeperVoluntary = try #require(r.metric("switches.sleeper.voluntary")?.double)
    let sleeperInvoluntary = try #require(r.metric("switches.sleeper.involuntary")?.double)
    let spinnerVoluntary = try #require(r.metric("switches.spinner.voluntary")?.double)
    let spinnerInvoluntary = try #require(r.metric("switches.spinner.involuntary")?.double)
    #expect(sleeperVoluntary > sleeperInvoluntary)
    #expect(spinnerInvoluntary > spinnerVoluntary)
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("nice: SCHED_FIFO takes the CPU from a normal process, or the demo says it may not")
  func fifo() throws {
    let r = try ProcessDemoRunner.report("nice", ["show=fifo", "for=0.2", "runs=2"])
    if CPUAffinity.allowed().count < 2 {
      #expect(r.metric("fifo.permitted") == nil)
    } else if r.metric("fifo.permitted") == .bool(true) {
      let normal = try #require(r.metric("fifo.normal_share")?.double)
      #expect(normal < 0.5, "a normal process got \(normal) beside a SCHED_FIFO one")
    } else {
      #expect(r.metric("fifo.permitted") == .bool(false))
      #expect(r.metric("fifo.normal_share") == nil)
      #expect(r.notes.contains { $0.contains("SCHED_FIFO is not permitted") })
    }
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("nice: two free spinners get at most the CPUs there are, and the quota is reported")
  func quota() throws {
    let r = try ProcessDemoRunner.report("nice", ["show=quota", "for=0.2", "runs=2"])
    let used = try #require(r.metric("quota.used")?.double)
    #expect(used > 0)
    #expect(used <= Double(sysconf(Int32(_SC_NPROCESSORS_ONLN))) + 1e-6)
    #expect((r.metric("quota.cpus") != nil) == (r.environment.cgroupCPUQuota != nil))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("nice: a sched-spin worker given bad arguments says how to call it")
  func workerUsage() throws {
    let run = try CapturedRun.run(
      ["proclab", "worker", "sched-spin", "0", "dance", "0", "1"],
      executable: TestBinary.proclab, environment: ProcessEnvironment.current,
      stderr: .capture, timeout: 10)
    #expect(run.status == .exited(64))
  }
}
