import DemoContract
import Glibc
import Testing

@testable import Demos

/// The signals demo, run for real through the built binary (`proclab run signals --json`).
@Suite("Signals demo, run for real", .serialized)
struct SignalsDemoTests {
  @Test("kill: the child's handlers catch both signals and name the demo as the sender")
  func handler() throws {
    let r = try ProcessDemoRunner.report("signals", ["show=kill"])
    #expect(r.metric("handler.caught")?.double == 2)
    #expect(r.metric("handler.sender_is_parent") == .bool(true))
    #expect(r.metric("handler.default_status") == .string("killed by SIGUSR1"))
    #expect(r.metric("latency.median_seconds") == nil, "show=kill ran another part")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("mask: blocked signals are pending in /proc, and three SIGUSR1 are delivered once")
  func mask() throws {
    for _ in 0..<5 {
      let r = try ProcessDemoRunner.report("signals", ["show=mask"])
      #expect(r.metric("mask.blocked") == .string("SIGUSR1,SIGUSR2"))
      #expect(r.metric("mask.pending") == .string("SIGUSR1,SIGUSR2"))
      #expect(r.metric("mask.delivered_usr1")?.double == 1)
      #expect(r.metric("mask.delivered_usr2")?.double == 1)
      #expect(r.metric("mask.pending_after") == .string("none"))
    }
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("sigchld: the handler reaps all, SIG_IGN leaves waitpid ECHILD, nobody leaves zombies")
  func sigchld() throws {
    for _ in 0..<3 {
      let r = try ProcessDemoRunner.report("signals", ["show=sigchld", "children=8"])
      #expect(r.metric("sigchld.children")?.double == 8)
      #expect(r.metric("sigchld.reaped")?.double == 8)
      #expect(r.metric("sigchld.zombies")?.double == 0)
      let runs = r.metric("sigchld.handler_runs")?.double ?? -1
      #expect(runs >= 1 && runs <= 8, "handler runs: \(runs)")
      #expect(r.metric("ignored.waitpid_errno") == .string("ECHILD"))
      #expect(r.metric("ignored.zombies")?.double == 0)
      #expect(r.metric("unreaped.zombies")?.double == 8)
    }
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("term: a handled SIGTERM ends with the child's own status; SIGKILL is never caught")
  func term() throws {
    let r = try ProcessDemoRunner.report("signals", ["show=term"])
    #expect(r.metric("term.default_status") == .string("killed by SIGTERM"))
    #expect(r.metric("term.exit_status")?.double == 0)
    #expect(r.metric("term.killed_by") == .string("none"))
    #expect(r.metric("term.cleaned_up") == .bool(true))
    #expect(r.metric("kill.killed_by") == .string("SIGKILL"))
    #expect(r.metric("kill.handler_ran") == .bool(false))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("ctrlc: killpg reaches the group's two processes and not the third")
  func ctrlc() throws {
    for _ in 0..<3 {
      let r = try ProcessDemoRunner.report("signals", ["show=ctrlc"])
      #expect(r.metric("ctrlc.group_interrupted")?.double == 2)
      #expect(r.metric("ctrlc.other_interrupted")?.double == 0)
      #expect(r.metric("ctrlc.demo_own_group") == .bool(true))
    }
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("latency: the timed sends in runs of equal size, with ordered statistics")
  func latency() throws {
    let r = try ProcessDemoRunner.report("signals", ["show=latency", "repeats=50"])
    #expect(r.metric("latency.runs")?.double == 25)
    #expect(r.metric("latency.loops")?.double == 2)
    let low = r.metric("latency.min_seconds")?.double ?? -1
    let median = r.metric("latency.median_seconds")?.double ?? -1
    let high = r.metric("latency.max_seconds")?.double ?? -1
    #expect(low > 0 && low <= median && median <= high, "\(low) \(median) \(high)")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("with its defaults: every part runs, and every metric is declared with its type")
  func declared() throws {
    let r = try ProcessDemoRunner.report("signals")
    let demo = try #require(DemoCatalog.listed("signals"))
    let violations = demo.metrics.violations(in: r.metrics)
    #expect(violations.isEmpty, "\(violations)")
    for declaration in demo.metrics {
      #expect(r.metric(declaration.path) != nil, "\(declaration.path) is declared, not reported")
    }
    #expect(r.notes.count >= 12, "notes: \(r.notes.count)")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("SigBlk/SigPnd masks decode into signal names")
  func decode() {
    #expect(SignalSet.names(hex: "0000000000000a00") == ["SIGUSR1", "SIGUSR2"])
    #expect(SignalSet.names(hex: "0000000000010002") == ["SIGINT", "SIGCHLD"])
    #expect(SignalSet.names(hex: "0000000000000000") == [])
    #expect(SignalSet.names(hex: "zz") == nil)
    #expect(SignalSet.names(hex: "") == nil)
    #expect(SignalSet.text([]) == "none")
  }
}
