import DemoContract
import Glibc
import OSKit
import Testing

@testable import Demos

/// The condvar and deadlock demos (lesson conditions-and-deadlock), run for real with the
/// built binary. Where chance decides (which consumer gets the mutex first), a test asks for
/// what must hold on every run, and for what must happen at least once in several.
@Suite("Conditions and deadlock demos, run for real", .serialized)
struct ConditionsDemoTests {
  static let runs = 4

  @Test(
    "condvar: with while every item is taken once and none from an empty buffer; if takes from one")
  func condvarWhileAndIf() throws {
    var ifTakes = 0
    var whileWokeEmpty = 0
    for _ in 0..<Self.runs {
      let r = try ProcessDemoRunner.report(
        "condvar", ["python=off", "capacity=1", "consumers=4", "items=1500"])
      #expect(r.metric("items")?.double == 3000)
      #expect(r.metric("with_while.consumed")?.double == 3000)
      #expect(r.metric("with_while.consumed_once") == .bool(true))
      #expect(r.metric("with_while.empty_takes")?.double == 0)
      #expect(r.metric("with_while.full_puts")?.double == 0)
      // The `if` run counts its bad takes instead of doing them, so it too ends whole.
      #expect(r.metric("with_if.consumed_once") == .bool(true))
      ifTakes += Int(r.metric("with_if.empty_takes")?.double ?? 0)
      whileWokeEmpty += Int(r.metric("with_while.empty_wakeups")?.double ?? 0)
      ProcessDemoRunner.expectNothingLeft()
    }
    #expect(
      ifTakes > 0, "in \(Self.runs) runs with 4 consumers, `if` never went on to an empty buffer")
    #expect(whileWokeEmpty > 0, "in \(Self.runs) runs no consumer ever woke to an empty buffer")
  }

  @Test("condvar: CPython's threading.Condition row, or one plain line without python3")
  func condvarPython() throws {
    let r = try ProcessDemoRunner.report("condvar", ["items=500"])
    guard r.metric("python_available") == .bool(true) else {
      #expect(r.notes.contains(CPython.absentNote))
      return
    }
    #expect(r.metric("python.items")?.double == 1000)
    #expect(r.metric("python.with_while.consumed_once") == .bool(true))
    #expect(r.metric("python.with_while.empty_takes")?.double == 0)
    #expect(r.metric("python.with_if.consumed_once") == .bool(true))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test(
    "deadlock: seen from /proc, drawn as a cycle, ended; EDEADLK between processes; nothing left")
  func deadlockEveryTime() throws {
    for _ in 0..<Self.runs {
      let r = try ProcessDemoRunner.report("deadlock", ["rounds=50", "--time-budget", "20"])
      #expect(r.metric("deadlocked") == .bool(true))
      #expect(r.metric("threads_asleep")?.double == 2)
      #expect(r.metric("cycle_length")?.double == 2)
      #expect(
        r.metric("wait_for") == .string("thread 1 → lock B → thread 2 → lock A → thread 1"))
      #expect(r.metric("ended_by") == .string("SIGKILL"))
      #expect((r.metric("detected_after")?.double ?? -1) >= DeadlockDemo.stillFor)
      #expect(r.metric("fcntl.edeadlk") == .bool(true))
      #expect(r.metric("fcntl.refused") == .string("EDEADLK"))
      #expect(r.metric("fcntl.other") == .string("0 (success)"))
      #expect(r.metric("fcntl.waiting_in") == .string("fcntl"))
      #expect(r.metric("rounds")?.double == 100)
      for fix in ["ordered", "trylock", "timedlock"] {
        #expect(r.metric("\(fix).rounds")?.double == 100, "\(fix) did not finish its rounds")
      }
      ProcessDemoRunner.expectNothingLeft()
    }
  }

  @Test(
    "deadlock: the heaviest parameters still end by themselves within the budget, stopping the fixes short"
  )
  func heaviestEndsWithinBudget() throws {
    let asked = ["rounds=100000", "hold=10000", "timeout=100000", "gap=1000"]
    let r = try ProcessDemoRunner.report("deadlock", asked)
    #expect(r.metric("rounds")?.double == 200_000)
    for fix in ["ordered", "trylock", "timedlock"] {
      #expect((r.metric("\(fix).rounds")?.double ?? .infinity) < 200_000, "\(fix) was not stopped")
      #expect((r.metric("\(fix).seconds")?.double ?? .infinity) < 2 * LockFixes.timeLimit)
    }
    #expect(r.metric("fcntl.refused") == .string("EDEADLK"))
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("deadlock: trylock with opposite orders retries; one order never has to")
  func fixesRetry() throws {
    var retries = 0
    for _ in 0..<2 {
      let r = try ProcessDemoRunner.report("deadlock", ["rounds=200", "hold=200"])
      retries += Int(r.metric("trylock.retries")?.double ?? 0)
      #expect(r.metric("ordered.rounds")?.double == 400)
      ProcessDemoRunner.expectNothingLeft()
    }
    #expect(retries > 0, "400 rounds in opposite orders never found the second lock busy")
  }

  @Test("the wait-for cycle is followed from what the threads hold and want")
  func cycleFromClaims() {
    var claims = DeadlockDemo.Claims()
    claims.holds = [0: 0, 1: 1]
    claims.wants = [0: 1, 1: 0]
    let path = DeadlockDemo.cycle(claims)
    #expect(path?.map(\.thread) == [0, 1])
    #expect(path?.map(\.waitsFor) == [1, 0])
    if let path {
      #expect(
        DeadlockDemo.cycleText(path, thread: { "t\($0)" }, lock: { "L\($0)" })
          == "t0 → L1 → t1 → L0 → t0")
    }
    // Thread 2 waits for nothing: no cycle, no deadlock.
    claims.wants = [0: 1]
    #expect(DeadlockDemo.cycle(claims) == nil)
    // Thread 2 waits for the lock it holds itself: the walk never comes back to thread 1.
    claims.holds = [0: 0, 1: 1]
    claims.wants = [0: 1, 1: 1]
    #expect(DeadlockDemo.cycle(claims) == nil)
  }
}
