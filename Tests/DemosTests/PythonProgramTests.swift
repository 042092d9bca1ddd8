import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import Testing

@testable import Demos

/// Every program in lessons/python runs under `python3 -I … --json` with small options and
/// does what its tutorial's example does. Skipped when python3 is not on PATH (the demos then
/// show no CPython rows; PythonDemoTests checks that they say so).
@Suite(
  "The tutorials' Python programs",
  .serialized,
  .enabled(if: PythonSupport.python3 != nil, "python3 is not on PATH: nothing to run them with"))
struct PythonProgramTests {
  typealias P = PythonSupport

  /// Each program file and the test below that runs it: a new program must get a test.
  static let tested: Set<String> = [
    "gil-tutorial/countdown.py", "gil-tutorial/pool_map_schedule.py",
    "pool-tutorial/apply_vs_apply_async.py", "process-tutorial/primes.py",
    "process-tutorial/timeit_collections.py", "process-tutorial/thread_stop_flag.py",
    "process-tutorial/process_lifecycle.py", "process-tutorial/ids.py",
    "process-tutorial/pool_overhead.py", "concepts-tutorial/fork_exec_wait.py",
    "concepts-tutorial/zombie_orphan.py", "ipc-tutorial/queue_kinds.py",
    "ipc-tutorial/pipe_send_recv.py", "ipc-tutorial/shm_assignment.py",
    "ipc-tutorial/pipe_vs_queue.py", "concepts-tutorial/condition_buffer.py",
  ]

  @Test func everyProgramHasATest() throws {
    var found: Set<String> = []
    for folder in FileIO.entries(in: P.programs) ?? [] where !folder.hasPrefix(".") {
      for file in FileIO.entries(in: "\(P.programs)/\(folder)") ?? [] where file.hasSuffix(".py") {
        found.insert("\(folder)/\(file)")
      }
    }
    #expect(found == Self.tested)
  }

  @Test func countdownRunsThreeRows() throws {
    let run = try P.program("gil-tutorial/countdown.py", ["--n", "20_000", "--k", "2"])
    #expect(run.program == "gil-tutorial/countdown")
    #expect(run.version.split(separator: ".").count >= 2)
    #expect(run.double("n") == 20_000)
    for key in ["thread.1", "thread.2", "process.2"] {
      #expect((run.double("\(key).seconds") ?? 0) > 0, "\(key)")
      #expect(run.double("\(key).cpu_seconds") != nil, "\(key)")
    }
    #expect(run.double("thread.1.speedup") == 1)
  }

  @Test func poolMapHasThreeProcessesAndTheSquares() throws {
    let run = try P.program(
      "gil-tutorial/pool_map_schedule.py", ["--workers", "3", "--tasks", "10", "--seconds", "0.02"])
    let workers = run.integers("worker_pids")
    #expect(workers.count == 3 && Set(workers).count == 3, "Pool(3) has exactly 3 processes")
    let pids = run.integers("pids")
    #expect(pids.count == 10)
    #expect(Set(pids).isSubset(of: Set(workers)), "every value ran in one of the pool's processes")
    #expect(run.double("distinct_pids") == Double(Set(pids).count))
    #expect(run.integers("results") == (0..<10).map { $0 * $0 })
    #expect(run.double("rounds") == 4)
    // Some process ran at least four sleeps one after another.
    #expect((run.double("total_seconds") ?? 0) >= 4 * 0.02 * 0.99)
    if case .array(let schedule)? = run.metric("schedule") {
      #expect(schedule.count == 10)
      #expect(schedule.allSatisfy { ($0["end"]?.double ?? 0) >= ($0["start"]?.double ?? 1) })
    } else {
      Issue.record("no schedule")
    }
  }

  @Test func threadPoolScheduleRunsInThreadsOfOneProcess() throws {
    let run = try P.program(
      "gil-tutorial/pool_map_schedule.py",
      ["--threads", "--workers", "3", "--tasks", "10", "--seconds", "0.02"])
    #expect(run.metric("kind") == .string("thread"))
    let workers = run.integers("worker_tids")
    #expect(workers.count == 3 && Set(workers).count == 3, "ThreadPool(3) has exactly 3 threads")
    let idents = run.integers("tids")
    #expect(idents.count == 10)
    #expect(Set(idents).isSubset(of: Set(workers)), "every value ran in one of the pool's threads")
    #expect(run.metric("pids") == nil && run.metric("worker_pids") == nil)
    #expect(run.integers("results") == (0..<10).map { $0 * $0 })
    #expect(run.double("rounds") == 4)
  }

  @Test func applyBlocksAndApplyAsyncDoesNot() throws {
    let run = try P.program("pool-tutorial/apply_vs_apply_async.py", ["--seconds", "0.02"])
    #expect(run.integers("apply_results") == [8, 6, 4, 2])
    #expect(run.integers("apply_async_results") == [0, 2, 4, 6])
    #expect(run.double("apply_max_concurrent") == 1, "apply runs one task at a time")
    #expect((run.double("apply_async_max_concurrent") ?? 0) >= 1)
    #expect((run.double("apply_seconds") ?? 0) >= 4 * 0.02 * 0.99)
    #expect(run.integers("apply_pids").count == 4)
  }

  @Test func primesFiveTrueOneFalseBothWays() throws {
    let run = try P.program("process-tutorial/primes.py", ["--numbers", "small", "--workers", "2"])
    let expected: [JSONValue] = [true, true, true, true, true, false]
    #expect(run.metric("serial.results") == .array(expected))
    #expect(run.metric("process_pool.results") == .array(expected))
    #expect(run.metric("agree") == true)
    #expect(run.double("workers") == 2)
    #expect(run.metric("list") == "small")
  }

  @Test func timeitTimesEightWays() throws {
    let run = try P.program(
      "process-tutorial/timeit_collections.py", ["--runs", "2", "--target", "0.001"])
    for key in [
      "set", "list", "tuple", "string", "set_add", "list_append", "set_comprehension",
      "list_comprehension",
    ] {
      #expect((run.double("\(key).median_seconds") ?? 0) > 0, "\(key)")
      #expect(run.double("\(key).runs") == 2, "\(key)")
      if case .array(let samples)? = run.metric("\(key).samples") {
        #expect(samples.count == 2, "\(key)")
      } else {
        Issue.record("\(key): no samples")
      }
    }
    #expect(run.metric("string_value") == "range(0, 100)")
    let only = try P.program(
      "process-tutorial/timeit_collections.py",
      ["--runs", "1", "--target", "0.001", "--what", "set"])
    #expect(only.metric("list") == nil && only.metric("set.median_seconds") != nil)
  }

  @Test func stopFlagEndsTheWorker() throws {
    let run = try P.program(
      "process-tutorial/thread_stop_flag.py", ["--sleep", "0.02", "--for", "0.1", "--threads", "3"])
    #expect(run.metric("retired") == true)
    #expect(run.metric("alive_after_join") == false)
    #expect(run.double("distinct_idents") == 3)
    let pid = try #require(run.double("pid"))
    #expect(run.integers("greeter_pids") == [Int](repeating: Int(pid), count: 3), "one process")
    #expect((run.double("overwork_lines") ?? 0) >= 1)
  }

  @Test func processStartJoinTerminate() throws {
    let run = try P.program("process-tutorial/process_lifecycle.py", [])
    #expect(run.double("join_exitcode") == 0)
    #expect(
      run.double("terminate_after_join_exitcode") == 0, "terminate() after join() is too late")
    #expect(run.metric("alive_before_terminate") == true)
    #expect(run.double("terminate_exitcode") == -15, "SIGTERM")
    #expect(run.double("child_ppid") == run.double("parent_pid"))
    #expect(run.double("child_pid") != run.double("parent_pid"))
  }

  @Test func idsOfThePythonProcess() throws {
    let run = try P.program("process-tutorial/ids.py", [])
    #expect(run.double("uid") == Double(getuid()))
    #expect(run.double("gid") == Double(getgid()))
    #expect(run.double("pgid") == run.double("pid"), "started in a process group of its own")
    #expect(run.metric("cwd") != nil)
  }

  @Test func poolOverheadPerTask() throws {
    let run = try P.program(
      "process-tutorial/pool_overhead.py", ["--workers", "2", "--tasks", "20", "--runs", "2"])
    #expect((run.double("seconds_per_task") ?? 0) > 0)
    if case .array(let samples)? = run.metric("samples") {
      #expect(samples.count == 2 && samples.allSatisfy { ($0.double ?? 0) > 0 })
    } else {
      Issue.record("no samples")
    }
  }

  @Test func forkWaitCollectsEachStatus() throws {
    let run = try P.program("concepts-tutorial/fork_exec_wait.py", ["--children", "4"])
    #expect(run.double("children") == 4)
    #expect(run.metric("children_ppids_match") == true)
    #expect(run.integers("exit_statuses") == [1, 2, 3, 4])
    #expect(run.double("exec_exit_status") == 7)
  }

  @Test func zombieSeenAndOrphanReparented() throws {
    let run = try P.program("concepts-tutorial/zombie_orphan.py", [])
    #expect(run.metric("zombie.state_before_reap") == "Z")
    #expect(run.double("zombie.exit_status") == 3)
    #expect(run.metric("zombie.reaped") == true)
    #expect(run.metric("orphan.reparented") == true)
    #expect(run.double("orphan.new_ppid") != run.double("orphan.original_ppid"))
  }

  @Test func conditionBufferWhileNeverTakesFromEmpty() throws {
    let run = try P.program(
      "concepts-tutorial/condition_buffer.py",
      ["--capacity", "1", "--consumers", "4", "--items", "500"])
    #expect(run.double("items") == 1000)
    #expect(run.metric("with_while.consumed_once") == true)
    #expect(run.double("with_while.empty_takes") == 0)
    #expect(run.metric("with_if.consumed_once") == true)
    #expect(run.double("with_if.consumed") == 1000)
  }

  @Test func queueOrdersTimeoutsAndJoin() throws {
    let run = try P.program(
      "ipc-tutorial/queue_kinds.py",
      ["--maxsize", "2", "--timeout", "0.05", "--items", "6", "--workers", "2"])
    #expect(run.integers("order.fifo") == [3, 1, 4, 1, 5, 9, 2, 6])
    #expect(run.integers("order.lifo") == [6, 2, 9, 5, 1, 4, 1, 3])
    #expect(run.integers("order.priority") == [1, 1, 2, 3, 4, 5, 6, 9])
    #expect(run.metric("bounded.full") == true && run.double("bounded.qsize") == 2)
    #expect(run.metric("bounded.put_nowait_raised") == "Full")
    #expect(run.metric("bounded.put_timeout_raised") == "Full")
    #expect(run.metric("bounded.get_nowait_raised") == "Empty")
    #expect(run.metric("bounded.get_timeout_raised") == "Empty")
    #expect(run.metric("bounded.extra_task_done_raised") == "ValueError")
    // A blocked put or get gives up only once its timeout has passed.
    #expect((run.double("bounded.put_waited_seconds") ?? 0) >= 0.05 * 0.98)
    #expect((run.double("bounded.get_waited_seconds") ?? 0) >= 0.05 * 0.98)
    #expect(run.integers("joinable.taken") == Array(0..<6), "join() returned after every item")
    #expect(run.integers("joinable.exit_codes") == [0, 0])
  }

  @Test func pipeCarriesTheListIntact() throws {
    let run = try P.program("ipc-tutorial/pipe_send_recv.py", [])
    #expect(run.metric("received") == "[42, None, 'hello']")
    #expect(run.metric("received_type") == "list")
    #expect(run.metric("received_item_types") == "int,NoneType,str")
    #expect(run.metric("intact") == true)
    #expect(run.integers("duplex_answer") == [2, 4, 6])
    #expect(run.double("child_pid") != run.double("parent_pid"))
    #expect(run.double("exit_code") == 0)
  }

  @Test(.enabled(if: PythonSupport.hasNumpy, "numpy is not installed for python3"))
  func shmAssignmentExactUnderTheSemaphore() throws {
    let run = try P.program(
      "ipc-tutorial/shm_assignment.py", ["--increments", "10000", "--unlocked", "1000"])
    #expect(run.skipped == nil)
    #expect(run.double("semaphore.final") == 20_000)
    #expect(run.double("semaphore.expected") == 20_000)
    #expect(run.double("semaphore.lost") == 0)
    #expect(run.integers("semaphore.exit_codes") == [0, 0])
    // Without a lock no update can be invented, only lost.
    let unlocked = try #require(run.double("unlocked.final"))
    #expect(unlocked >= 1 && unlocked <= 2000)
    #expect(run.double("unlocked.expected") == 2000)
  }

  /// Without numpy the assignment says so and skips, with or without numpy installed here:
  /// `sys.modules["numpy"] = None` makes `import numpy` fail as it would on a machine without it.
  @Test func shmAssignmentSaysNumpyIsMissing() throws {
    let python3 = try #require(P.python3)
    let file = "\(P.programs)/ipc-tutorial/shm_assignment.py"
    let output = try P.run(
      python3,
      [
        "-I", "-c",
        "import runpy, sys; sys.modules['numpy'] = None; sys.argv = [sys.argv[1], '--json', '--increments', '10']; runpy.run_path(sys.argv[0], run_name='__main__')",
        file,
      ])
    #expect(output.status == .exited(0), "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "one plain line, then the JSON line: \(lines)")
    #expect(lines.first?.contains("numpy is not installed") ?? false)
    let object = try JSONDecoder().decode(JSONValue.self, from: Data((lines.last ?? "").utf8))
    #expect(object["skipped"] == "numpy is not installed")
    #expect(object["program"] == "ipc-tutorial/shm_assignment")
    #expect(object["metrics"] == .object([:]))
  }

  @Test func pipeAndQueueCarryTheSameMessages() throws {
    let run = try P.program(
      "ipc-tutorial/pipe_vs_queue.py", ["--messages", "200", "--size", "16", "--runs", "1"])
    for key in ["pipe", "queue"] {
      #expect(run.metric("\(key).in_order") == true, "\(key)")
      #expect((run.double("\(key).messages_per_second") ?? 0) > 0, "\(key)")
    }
    #expect(run.double("messages") == 200)
    #expect((run.double("queue_over_pipe") ?? 0) > 0)
  }
}
