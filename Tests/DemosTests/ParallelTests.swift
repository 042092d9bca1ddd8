import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Render
import Testing

@testable import Demos

/// The parallelism demos: pure schedule arithmetic and rendering, then the real binary.
@Suite(.serialized)
struct ParallelTests {
  // MARK: - Schedule arithmetic

  @Test func roundsAreTheCeilingOfTasksOverWorkers() {
    #expect(PoolSchedule.rounds(tasks: 10, workers: 3) == 4)  // the GIL tutorial: 4 s
    #expect(PoolSchedule.rounds(tasks: 9, workers: 3) == 3)  // the GIL tutorial: range(0, 9) → 3 s
    #expect(PoolSchedule.rounds(tasks: 10, workers: 4) == 3)  // the GIL tutorial: 4 processes → 3 s
    #expect(PoolSchedule.rounds(tasks: 4, workers: 4) == 1)  // the pool tutorial's apply_async
    #expect(PoolSchedule.rounds(tasks: 0, workers: 3) == 0)
    for tasks in 0...40 {
      for workers in 1...9 {
        let ceiling = Int((Double(tasks) / Double(workers)).rounded(.up))
        #expect(PoolSchedule.rounds(tasks: tasks, workers: workers) == ceiling)
        #expect(
          PoolSchedule.idealDurations(tasks: tasks, workers: workers, chunksize: 1) == ceiling)
      }
    }
  }

  @Test func chunksChangeTheIdealSchedule() {
    // 10 tasks, 3 workers: chunks 2,2,2,2,2 → 4; chunks 3,3,3,1 → 4; chunks 4,4,2 → 4.
    #expect(PoolSchedule.idealDurations(tasks: 10, workers: 3, chunksize: 2) == 4)
    #expect(PoolSchedule.idealDurations(tasks: 10, workers: 3, chunksize: 3) == 4)
    #expect(PoolSchedule.idealDurations(tasks: 10, workers: 3, chunksize: 4) == 4)
    // 12 tasks, 3 workers: chunks of 5 (5,5,2) leave one worker with 5 where 4 would do.
    #expect(PoolSchedule.idealDurations(tasks: 12, workers: 3, chunksize: 5) == 5)
    #expect(PoolSchedule.idealDurations(tasks: 12, workers: 3, chunksize: 1) == 4)
    let costs: [Double] = [1, 1, 1, 1, 1, 0.1]
    let makespan = PoolSchedule.greedyMakespan(costs: costs, workers: 2)
    #expect(makespan == 3)
  }

  /// The GIL tutorial's schedule as recorded events: 10 one-second tasks, 3 workers, round robin.
  static func seedSchedule() -> [TaskOutcome] {
    var outcomes: [TaskOutcome] = []
    for value in 0..<10 {
      let round = Double(value / 3)
      let worker = value % 3
      outcomes.append(
        TaskOutcome(
          id: value, value: Int64(value * value), worker: worker, pid: Int32(101 + worker),
          start: 100 + round, end: 101 + round))
    }
    return outcomes
  }

  @Test func timelineFromRecordedEvents() {
    let outcomes = Self.seedSchedule()
    let text = PoolSchedule.timeline(
      outcomes, title: "the GIL tutorial", workers: 3, workerName: "worker", pidName: "pid"
    ) { String($0.id) }.render(.plain(width: 80))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)  // title, three lanes, axis, tick labels
    #expect(lines.first == "the GIL tutorial")
    #expect(lines[1].hasPrefix("worker 1") && lines[1].contains("pid 101"))
    #expect(lines[3].hasPrefix("worker 3") && lines[3].contains("pid 103"))
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    // Worker 1 ran 0, 3, 6, 9 left to right; worker 3 ran 2, 5, 8 and nothing in round 4.
    let lane1 = lines[1]
    let positions = ["0", "3", "6", "9"].compactMap { label in
      lane1.split(separator: "|").dropFirst().first.flatMap { track in
        track.firstIndex(of: Character(label)).map {
          track.distance(from: track.startIndex, to: $0)
        }
      }
    }
    #expect(positions.count == 4)
    #expect(positions == positions.sorted())
    let lane3Track = lines[3].split(separator: "|").dropFirst().first.map(String.init) ?? ""
    #expect(lane3Track.contains("8") && !lane3Track.contains("9"))
    #expect(
      lines[5].hasPrefix(String(repeating: " ", count: 10)) && lines[5].contains("0 s"), "\(text)")
    let lastTick = lines[5].split(separator: " ").suffix(2).map(String.init)
    #expect(lastTick.count == 2 && Double(lastTick[0]) == 4 && lastTick[1] == "s", "\(text)")

    let rounds = PoolSchedule.roundsByWorker(outcomes)
    #expect((0..<10).map { rounds[$0] } == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4])
    #expect(PoolSchedule.maxConcurrent(outcomes) == 3)
    let table = PoolSchedule.table(
      outcomes, title: "t", workerName: "worker", pidName: "pid", origin: 100,
      argument: { Int64($0) })
    #expect(table.rows.count == 10)
    #expect(table.rows.first?[1] == "worker 1")
    #expect(table.rows.last?[3] == "9")
    #expect(table.rows.last?[7] == "4.00 s")  // finished at: the tutorial's running total
  }

  @Test func anIdleWorkerGetsAnEmptyLane() {
    let outcomes = [
      TaskOutcome(id: 0, value: 0, worker: 0, pid: 7, start: 0, end: 1)
    ]
    let timeline = PoolSchedule.timeline(
      outcomes, title: nil, workers: 2, workerName: "thread", pidName: "tid"
    ) { String($0.id) }
    #expect(timeline.lanes.count == 2)
    #expect(timeline.lanes[1].spans.isEmpty && timeline.lanes[1].label.contains("idle"))
  }

  // MARK: - Primes, heap, scheduler (in process)

  @Test func isPrimeOnTheSeedList() {
    #expect(Primes.numbers.count == 6)
    #expect(Primes.numbers.last == 1_099_726_899_285_419)
    #expect(Primes.numbers.map(Primes.isPrime) == [true, true, true, true, true, false])
    let n = Primes.numbers[5]
    let factor = Primes.smallestFactor(n)
    #expect(factor != nil)
    if let factor { #expect(factor > 1 && n % factor == 0) }
    #expect(
      [0, 1, 2, 3, 4, 9, 25, 97].map { Primes.isPrime(Int64($0)) } == [
        false, false, true, true, false, false, false, true,
      ])
    for n: Int64 in [0, 1, 3, 4, 15, 16, 17, 1 << 40, 999_999_999_999, Int64(Int32.max) * 3] {
      let r = Primes.integerSquareRoot(n)
      #expect(r * r <= n && (r + 1) * (r + 1) > n)
    }
  }

  @Test func minHeapPopsInOrder() {
    var heap = MinHeap<Int>(by: <)
    var generator = SystemRandomNumberGenerator()
    let values = (0..<200).map { _ in Int.random(in: -1000...1000, using: &generator) }
    for v in values { heap.insert(v) }
    var popped: [Int] = []
    while let v = heap.popFirst() { popped.append(v) }
    #expect(popped == values.sorted())
  }

  @Test func eventSchedulerRunsByTimeThenPriority() {
    final class FakeClock {
      var now = 0.0
    }
    let clock = FakeClock()
    let scheduler = EventScheduler(clock: { clock.now }, sleep: { clock.now += $0 })
    var ran: [String] = []
    scheduler.enterAbsolute(2, priority: 1, name: "late") { ran.append("late") }
    scheduler.enterAbsolute(1, priority: 2, name: "second") { ran.append("second") }
    scheduler.enterAbsolute(1, priority: 1, name: "first") { ran.append("first") }
    let cancelled = scheduler.enterAbsolute(1.5, priority: 0, name: "x") { ran.append("x") }
    scheduler.enterAbsolute(1, priority: 1, name: "first-b") { ran.append("first-b") }
    scheduler.cancel(cancelled)
    scheduler.run()
    #expect(ran == ["first", "first-b", "second", "late"])
    #expect(clock.now >= 2)
    #expect(scheduler.pending == 0)
  }

  // MARK: - The real binary

  @Test func primesDemoGivesFiveTrueOneFalse() throws {
    let run = try ParallelRun.demo("primes", ["runs=1", "workers=2"])
    let report = try #require(run.report, "primes failed: \(run.stderr)")
    #expect(report.metric("results") == [true, true, true, true, true, false])
    #expect(report.metric("agree") == true)
    #expect(report.metric("primes")?.double == 5)
    #expect(report.metric("composites")?.double == 1)
    for way in ["process_pool", "thread_pool", "task_group"] {
      #expect(report.metric("\(way).results") == [true, true, true, true, true, false])
    }
    #expect(report.tables.contains { $0.title?.contains("Speedup") == true })
    #expect(report.notes.contains { $0.contains("Amdahl") })
  }

  @Test(arguments: ["process", "thread"])
  func applyIsOneAtATimeAndApplyAsyncKeepsSubmissionOrder(pool: String) throws {
    let run = try ParallelRun.demo(
      "pool", ["mode=apply", "pool=\(pool)", "workers=2", "duration=0.05"])
    let report = try #require(run.report, "pool failed: \(run.stderr)")
    // The pool tutorial: apply(myTask, (4,)), (3,), (2,), (1,) → 8, 6, 4, 2; apply_async of 0…3.
    #expect(report.metric("apply_results") == [8, 6, 4, 2])
    #expect(report.metric("apply_async_results") == [0, 2, 4, 6])
    #expect(report.metric("apply_one_at_a_time") == true)
    let applySeconds = try #require(report.metric("apply_seconds")?.double)
    // Four sleeps one after another cannot take less than four durations.
    #expect(applySeconds >= 4 * 0.05 * 0.99)
    #expect(report.metric("apply_async_seconds")?.double != nil)
    let order = report.metric("apply_async_finish_order")
    if case .array(let finished) = order {
      #expect(Set(finished.compactMap(\.double)) == [0, 1, 2, 3])
    } else {
      Issue.record("apply_async_finish_order missing")
    }
  }

  @Test func scheduleModeReproducesSeed004() throws {
    let run = try ParallelRun.demo("pool", ["workers=3", "tasks=10", "duration=0.05"])
    let report = try #require(run.report, "pool failed: \(run.stderr)")
    #expect(report.metric("rounds")?.double == 4)
    #expect(report.metric("results") == .array((0..<10).map { JSONValue($0 * $0) }))
    let total = try #require(report.metric("total_seconds")?.double)
    let durations = try #require(report.metric("task_durations")?.double)
    // Some worker runs at least four sleeps in a row: the total is at least four durations.
    #expect(total >= 4 * 0.05 * 0.99)
    #expect(abs(durations - total / 0.05) < 1e-6)
    if case .array(let schedule) = report.metric("schedule") {
      #expect(schedule.count == 10)
      let workers = Set(schedule.compactMap { $0["worker"]?.double })
      #expect(workers.isSubset(of: [1, 2, 3]) && !workers.isEmpty)
    } else {
      Issue.record("schedule missing")
    }
    #expect(report.tables.contains { $0.title == "The GIL tutorial's table, measured" })
  }

  @Test func cpuScalingWithoutPythonShowsTheRecordedFigures() throws {
    let run = try ParallelRun.demo(
      "cpu-scaling", ["n=2_000_000", "k=2", "runs=1"], path: "/nonexistent-proclab-test")
    let report = try #require(run.report, "cpu-scaling failed: \(run.stderr)")
    #expect(report.metric("python_available") == false)
    #expect(report.notes.contains { $0.contains("python3 is not on PATH") })
    #expect(
      report.notes.contains {
        $0.contains("the GIL tutorial recorded") && $0.contains("not measured")
      })
    #expect(report.metric("python_recorded.thread.1.seconds")?.double == 8)
    #expect(report.metric("python_recorded.thread.2.seconds")?.double == 16)
    #expect(report.metric("python_recorded.thread.2.speedup")?.double == 1)
    let table = try #require(report.tables.first)
    let recorded = table.rows.filter { $0.first == "CPython, recorded" }
    #expect(recorded.count == 2)
    #expect(
      table.footer.contains {
        $0.hasPrefix("CPython, recorded:") && $0.contains("the GIL tutorial recorded")
          && $0.contains("not measured here")
      })
    for key in ["swift.thread.1", "swift.thread.2", "swift.process.2"] {
      #expect((report.metric("\(key).seconds")?.double ?? 0) > 0)
    }
    if case .array(let measured) = report.metric("rows") {
      #expect(measured.filter { $0["measured"] == true }.count == 3)
      #expect(measured.filter { $0["measured"] == false }.count == 2)
    } else {
      Issue.record("rows missing")
    }
  }

  @Test func schedDemoRunsEventsInOrder() throws {
    let run = try ParallelRun.demo("sched", ["unit=0.02"])
    let report = try #require(run.report, "sched failed: \(run.stderr)")
    #expect(
      report.metric("order") == [
        "print_time('keyword')", "print_time('positional')", "print_time('default')",
        "slow (busy 1.5 units)", "urgent",
      ])
    // The slow event runs for 1.5 units from 3; 'urgent' (due at 3.5) cannot start before 4.5.
    #expect((report.metric("urgent_late_seconds")?.double ?? 0) >= 0.02 * 0.99)
  }

  @Test func parallelDemoReportsBothCases() throws {
    let run = try ParallelRun.demo("parallel", ["work=0.03", "zoom=0.01"])
    let report = try #require(run.report, "parallel failed: \(run.stderr)")
    for key in ["one_cpu", "two_cpus"] {
      #expect((report.metric("\(key).wall_seconds")?.double ?? 0) > 0)
      #expect((report.metric("\(key).cpu_seconds")?.double ?? 0) > 0)
    }
    let allowed = report.environment.affinity.count
    #expect(report.metric("can_differ") == .bool(allowed >= 2))
  }

  @Test func ctrlCStopsAPoolAndLeavesNothingBehind() throws {
    let run = try ParallelRun.demo(
      "pool", ["workers=3", "tasks=12", "duration=1"], interruptAfter: 0.7)
    #expect(run.report == nil)
    #expect(run.status != OSKit.ExitStatus.exited(0))
  }
}

/// Runs `proclab run <demo> --json` and checks that nothing it started is left behind.
private struct ParallelRun {
  var report: DemoReport?
  var status: OSKit.ExitStatus
  var stderr: String

  /// The binary under test: `$PROCLAB_BIN` (a scratch build), or `.build/debug/proclab`.
  static let binary = TestBinary.proclab

  /// - Parameters:
  ///   - path: the PATH the demo sees (nil: ours).
  ///   - interruptAfter: send SIGINT (Ctrl-C) to the host after this many seconds.
  static func demo(
    _ demo: String, _ arguments: [String], path: String? = nil, interruptAfter: Double? = nil
  ) throws -> ParallelRun {
    // Every process of this run inherits the tag, so leftovers can be found by it even while
    // other suites run their own demos.
    let tag = "parallel-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    var environment = ProcessEnvironment.current.filter {
      !$0.hasPrefix("PROCLAB_") && !(path != nil && $0.hasPrefix("PATH="))
    }
    environment += ["PROCLAB_TEST_TAG=\(tag)", "NO_COLOR=1", TestIPC.environmentEntry]
    if let path { environment.append("PATH=\(path)") }
    let ipcBefore = Set(TestIPC.orphanedObjects())

    let run = try CapturedRun.run(
      ["proclab", "run", demo, "--json"] + arguments, executable: binary,
      environment: environment, input: .inherit, timeout: 90, graceAfterTimeout: 0,
      interruptAfter: interruptAfter)
    let (stdout, stderr, status) = (run.stdout, run.stderr, run.status)
    if interruptAfter != nil { #expect(run.interrupted, "the demo ended before Ctrl-C was sent") }

    // Nothing of this run may outlive it: no process carrying the tag, no new IPC object
    // of these tests' namespace whose owner is dead.
    var left: [String] = []
    for _ in 0..<50 {
      left = ParallelRun.processes(tagged: tag)
      if left.isEmpty { break }
      usleep(20_000)
    }
    #expect(left.isEmpty, "left behind: \(left)")
    let leaked = Set(TestIPC.orphanedObjects()).subtracting(ipcBefore)
    #expect(leaked.isEmpty, "IPC objects left behind: \(leaked)")

    let report =
      status.isSuccess ? try? JSONDecoder().decode(DemoReport.self, from: Data(stdout)) : nil
    return ParallelRun(
      report: report, status: status, stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Live processes (zombies included) whose environment carries `tag`.
  static func processes(tagged tag: String) -> [String] {
    let needle = Array("PROCLAB_TEST_TAG=\(tag)".utf8)
    return ProcessTree.allPids().compactMap { pid -> String? in
      guard pid != getpid(), let environ = FileIO.readFile("/proc/\(pid)/environ") else {
        return nil
      }
      let found = environ.split(separator: 0).contains { Array($0) == needle }
      return found ? ProcessTree.describe(pid) : nil
    }
  }
}
