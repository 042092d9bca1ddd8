import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import Testing

@testable import Demos

/// The demos with `python=on` run the lessons' Python programs and put CPython's rows and
/// figures in their own tables and report; without python3 they say so once and still
/// report their own figures.
@Suite("Demos beside CPython", .serialized)
struct PythonDemoTests {
  typealias P = PythonSupport
  static var hasPython: Bool { PythonSupport.python3 != nil }

  /// A directory with no python3 in it: the PATH of a machine without Python.
  static let noPython: String = {
    let dir = "/tmp/proclab-no-python-\(getpid())"
    mkdir(dir, 0o700)
    return dir
  }()

  // MARK: - In process: the contract's flat metrics, and cpu-scaling's reading

  @Test func flatMetricsNestAgainWithArrays() {
    let flat: [String: JSONValue] = [
      "thread.2.seconds": 1.5, "pids.0": 10, "pids.1": 11, "pids.2": 12, "list": "small",
      "schedule.0.pid": 7, "schedule.1.pid": 8, "odd.1": 1,
    ]
    let nested = JSONValue.object(CPython.unflatten(flat))
    #expect(nested.path("thread.2.seconds") == 1.5)
    #expect(nested["pids"] == [10, 11, 12])
    #expect(nested["list"] == "small")
    if case .array(let schedule)? = nested["schedule"] {
      #expect(schedule.map { $0["pid"] } == [7, 8])
    } else {
      Issue.record("schedule is not an array: \(nested)")
    }
    // Names that are not 0, 1, 2… stay an object.
    #expect(nested.path("odd.1") == 1)
  }

  static func rows(
    pythonThreads: Double, pythonProcesses: Double, cpuShare: Double = 1,
    swiftSpeedup: Double = 1.9
  ) -> [CPUScaling.Row] {
    let n = 1_000_000
    func row(_ runtime: String, _ kind: String, _ workers: Int, _ speedup: Double) -> CPUScaling.Row
    {
      let seconds = Double(workers) / speedup
      return CPUScaling.Row(
        runtime: runtime, kind: kind, workers: workers, n: n, seconds: seconds,
        cpuSeconds: seconds * (workers == 1 || kind == "process" ? 1 : cpuShare),
        speedup: speedup, measured: true)
    }
    return [
      row("swift", "thread", 1, 1), row("swift", "thread", 2, swiftSpeedup),
      row("swift", "process", 2, swiftSpeedup), row("cpython", "thread", 1, 1),
      row("cpython", "thread", 2, pythonThreads), row("cpython", "process", 2, pythonProcesses),
    ]
  }

  @Test func theGILNoteFollowsATypicalRun() {
    let reading = CPUScaling.Reading(
      rows: Self.rows(pythonThreads: 1.0, pythonProcesses: 1.9), k: 2, usable: 2, load: 0.1)
    let notes = reading.pythonNotes()
    #expect(notes.count == 2)
    #expect(notes[0].contains("no more than one thread's worth"))
    #expect(notes[1].contains("own GIL") && notes[1].contains("1.90×"))
    #expect(!notes.joined().contains("Run it again"))
  }

  @Test func aThreadGainOnABusyMachineIsNotCalledNoGain() {
    // The issue's case: 1.28× for two CPython threads, measured on a busy machine.
    let reading = CPUScaling.Reading(
      rows: Self.rows(pythonThreads: 1.28, pythonProcesses: 1.1, cpuShare: 0.5), k: 2, usable: 2,
      load: 3.2)
    #expect(reading.busy)
    let notes = reading.pythonNotes().joined(separator: " ")
    #expect(!notes.contains("no more than one thread's worth"))
    #expect(notes.contains("1.28×"))
    #expect(notes.contains("load 3.2"))
    #expect(notes.contains("Run it again"))
    #expect(notes.contains("reached only 1.10×"))
  }

  @Test func threadsAheadOfProcessesIsCalledNoise() {
    let reading = CPUScaling.Reading(
      rows: Self.rows(pythonThreads: 1.2, pythonProcesses: 0.9, cpuShare: 0.5), k: 2, usable: 2,
      load: 2.5)
    let notes = reading.pythonNotes().joined(separator: " ")
    #expect(notes.contains("threads even came out ahead of processes"))
    #expect(notes.contains("Run it again"))
  }

  @Test func threadsUsingTwoCPUsMeanNoGIL() {
    let reading = CPUScaling.Reading(
      rows: Self.rows(pythonThreads: 1.9, pythonProcesses: 1.9, cpuShare: 2), k: 2, usable: 2,
      load: 0)
    #expect(reading.pythonNotes()[0].contains("free-threaded"))
  }

  @Test func aQuietShortfallIsNotBlamedOnTheLoad() {
    let reading = CPUScaling.Reading(
      rows: Self.rows(pythonThreads: 1.0, pythonProcesses: 1.2, swiftSpeedup: 1.2), k: 2,
      usable: 2, load: 0.2)
    #expect(!reading.busy)
    let all = (reading.swiftNotes() + reading.pythonNotes()).joined(separator: " ")
    #expect(!all.contains("other programs"))
    #expect(all.contains("starting"))
  }

  // MARK: - The demos, run for real, with python3

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func threadPoolScheduleHasCPythonsThreadPool() throws {
    let report = try P.demo("pool", ["pool=thread", "workers=3", "tasks=10", "duration=0.03"])
    #expect(report.metric("python.kind") == .string("thread"))
    let workers = Set(P.integers(report.metric("python.worker_tids")))
    #expect(workers.count == 3)
    #expect(Set(P.integers(report.metric("python.tids"))).isSubset(of: workers))
    #expect(P.integers(report.metric("python.results")) == (0..<10).map { $0 * $0 })
    let table = try #require(report.tables.first { $0.title?.contains("ThreadPool(3)") ?? false })
    #expect(table.columns.contains { $0.name == "CPython: thread · tid" })
    #expect(table.rows.count == 11)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func poolScheduleHasCPythonsPids() throws {
    let report = try P.demo("pool", ["workers=3", "tasks=10", "duration=0.03"])
    let workers = Set(P.integers(report.metric("python.worker_pids")))
    #expect(workers.count == 3)
    #expect(Set(P.integers(report.metric("python.pids"))).isSubset(of: workers))
    #expect(P.integers(report.metric("python.results")) == (0..<10).map { $0 * $0 })
    #expect(report.metric("python.rounds")?.double == 4)
    #expect(report.metric("python.version") != nil)
    let table = try #require(report.tables.first { $0.title?.contains("CPython") ?? false })
    #expect(table.columns.contains { $0.name.hasPrefix("CPython") })
    #expect(table.rows.count == 11)  // ten values and map's total
    // The footer names what CPython started in plain English: "started 3 processes".
    #expect(table.footer.contains { $0.contains("started 3 processes in") })
    #expect(!table.footer.contains { $0.contains("processs") })
    // The native figures are still there.
    #expect(report.metric("rounds")?.double == 4)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func poolApplyHasFourRows() throws {
    let report = try P.demo("pool", ["mode=apply", "duration=0.03"])
    #expect(P.integers(report.metric("python.apply_results")) == [8, 6, 4, 2])
    #expect(P.integers(report.metric("python.apply_async_results")) == [0, 2, 4, 6])
    #expect(report.metric("python.apply_max_concurrent")?.double == 1)
    let rows = P.pythonRows(report)
    #expect(rows.map { $0[1] } == ["apply", "apply_async"])
    #expect(report.metric("apply_results") == [8, 6, 4, 2])
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func poolOverheadTimesCPythonsPool() throws {
    let report = try P.demo("pool", ["mode=overhead", "workers=2"])
    #expect((report.metric("overhead.python_pool_seconds")?.double ?? 0) > 0)
    #expect((report.metric("overhead.python_ratio")?.double ?? 0) > 0)
    #expect(
      report.metric("python.seconds_per_task") == report.metric("overhead.python_pool_seconds"))
    let labels = report.tables.flatMap(\.rows).compactMap(\.first)
    #expect(labels.contains { $0.hasPrefix("CPython ") && $0.contains("multiprocessing.Pool.map") })
    #expect((report.metric("overhead.process_pool_seconds")?.double ?? 0) > 0)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func cpuScalingMeasuresCPythonWithTheShippedProgram() throws {
    let report = try P.demo("cpu-scaling", ["n=2_000_000", "k=2", "runs=1"])
    #expect(report.metric("python_available") == true)
    for key in ["thread.1", "thread.2", "process.2"] {
      #expect((report.metric("python.\(key).seconds")?.double ?? 0) > 0, "\(key)")
    }
    let rows = try #require(report.tables.first).rows
    #expect(rows.filter { $0.first?.hasPrefix("CPython ") ?? false }.count == 3)
    #expect(rows.filter { $0.first == "ProcLab (Swift)" }.count == 3)
    #expect(report.metric("load_average")?.double != nil)
    #expect(
      report.tables.first?.footer.contains { $0.contains("gil-tutorial/countdown.py") } ?? false)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func primesShowsCPythonsPoolInTheSpeedupTable() throws {
    let report = try P.demo("primes", ["runs=1", "workers=2", "ways=serial,process"])
    let expected: JSONValue = [true, true, true, true, true, false]
    #expect(report.metric("python.serial.results") == expected)
    #expect(report.metric("python.process_pool.results") == expected)
    #expect(P.pythonRows(report).count == 2)
    #expect(report.metric("results") == expected)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func timeitAddsCPythonRows() throws {
    let report = try P.demo("timeit", ["what=set,append", "runs=2", "target=0.005"])
    let labels = report.tables.flatMap(\.rows).compactMap(\.first)
    #expect(labels.contains { $0.hasPrefix("CPython ") && $0.hasSuffix("set(range(100))") })
    #expect(labels.contains { $0.hasPrefix("CPython ") && $0.hasSuffix("list.append loop") })
    #expect((report.metric("python.set.median_seconds")?.double ?? 0) > 0)
    #expect(report.metric("fastest").map { "\($0)" }.map { !$0.contains("CPython") } ?? false)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func queueHasCPythonsOrders() throws {
    let report = try P.demo("queue", ["what=order,timeouts", "timeout=0.05"])
    #expect(P.integers(report.metric("python.order.lifo")) == [6, 2, 9, 5, 1, 4, 1, 3])
    #expect(report.metric("python.bounded.get_timeout_raised") == "Empty")
    let rows = P.pythonRows(report)
    #expect(rows.contains { $0 == [rows[0][0], "PriorityQueue", "1 1 2 3 4 5 6 9"] })
    #expect(report.metric("order.lifo") == [6, 2, 9, 5, 1, 4, 1, 3])
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func pipeRoundTripsTheListInBoth() throws {
    let report = try P.demo("pipe", ["what=message", "messages=3"])
    #expect(report.metric("python.received") == "[42, None, 'hello']")
    #expect(report.metric("python_intact") == true)
    let rows = P.pythonRows(report)
    #expect(rows.count == 1 && rows[0][2] == "[42, None, 'hello']")
    #expect(report.metric("frames.intact") == true)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func shmRaceRunsTheAssignment() throws {
    let report = try P.demo("shm-race", ["increments=10000", "sync=local,none"])
    if P.hasNumpy {
      #expect(report.metric("python.semaphore.final")?.double == 20_000)
      #expect(report.metric("python.semaphore.lost")?.double == 0)
      let labels = report.tables.flatMap(\.rows).compactMap(\.first)
      #expect(labels.contains("CPython local") && labels.contains("CPython none"))
    } else {
      #expect(report.notes.filter { $0.contains("numpy is not installed") }.count == 1)
      #expect(report.metric("python.skipped") == "numpy is not installed")
    }
    #expect(report.metric("local.final")?.double == 20_000)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func ipcCompareTimesPipeAndQueue() throws {
    let report = try P.demo("ipc-compare", ["via=pipe", "rounds=50", "volume=1"])
    #expect(report.metric("python.pipe.in_order") == true)
    #expect(report.metric("python.queue.in_order") == true)
    let labels = report.tables.flatMap(\.rows).compactMap(\.first)
    #expect(labels.contains("CPython Pipe()") && labels.contains("CPython Queue"))
    #expect(report.metric("pipe.median_seconds") != nil)
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func processDemosHaveCPythonsRows() throws {
    let ids = try P.demo("ids", [])
    #expect(ids.metric("python.ppid") == ids.metric("pid"), "python3 is the demo's child")
    #expect(ids.tables.first?.columns.last?.name.hasPrefix("CPython ") ?? false)

    let threads = try P.demo("threads", ["count=2", "interval=0.05", "for=0.1"])
    #expect(threads.metric("python.retired") == true)
    #expect(threads.metric("python.distinct_idents")?.double == 2)

    let spawn = try P.demo("spawn", ["what=thread", "runs=1", "target=0.005"])
    #expect(spawn.metric("python.terminate_exitcode")?.double == -15)
    #expect(spawn.metric("python.join_exitcode")?.double == 0)

    let fork = try P.demo("fork", ["children=2"])
    #expect(P.integers(fork.metric("python.exit_statuses")) == [1, 2])
    #expect(P.pythonRows(fork).count == 1)

    let zombie = try P.demo("zombie", ["hold=0"])
    #expect(zombie.metric("python.zombie.state_before_reap") == "Z")
    #expect(zombie.metric("python.zombie.reaped") == true)
    #expect(zombie.metric("state_before_reap") == "Z")
  }

  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func pythonOffRunsNoPython() throws {
    let report = try P.demo("pool", ["mode=apply", "duration=0.02", "python=off"])
    #expect(report.metric("python") == nil)
    #expect(P.pythonRows(report).isEmpty)
    #expect(!report.notes.contains { $0.contains("python3") })
  }

  /// Ctrl-C while CPython runs for a demo: the host's SIGINT reaches the demo's group, the
  /// demo stops python3's own group, and nothing of either is left.
  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func ctrlCStopsPythonWithTheDemo() throws {
    let out = try PipeEnds()
    defer { FileIO.closeQuietly(out.read) }  // the write end is closed once the runner has it
    let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
    defer { FileIO.closeQuietly(devNull) }
    // The tutorial's full PRIMES list: a few seconds of CPython, long enough to interrupt.
    let runner = try ChildProcess.spawn(
      P.binary,
      arguments: [
        "proclab", "run", "primes", "--json", "ways=serial", "runs=1", "python_list=full",
      ], newProcessGroup: true, stdin: devNull, stdout: out.write, stderr: devNull)
    FileIO.closeQuietly(out.write)
    var python: [Int32] = []
    for _ in 0..<600 where python.isEmpty {
      usleep(50_000)
      python = ProcessTree.descendants(of: runner.pid).filter { $0.command.hasPrefix("python") }
        .map(\.pid)
    }
    #expect(!python.isEmpty, "python3 never started")
    usleep(300_000)
    Signals.sendToGroup(runner.pid, SIGINT)
    var status: OSKit.ExitStatus?
    for _ in 0..<200 where status == nil {
      status = runner.poll()
      usleep(50_000)
    }
    if status == nil { runner.stop(first: SIGKILL, grace: 0.5) }
    #expect(
      status != nil && status != .exited(0),
      "the demo did not stop on Ctrl-C: \(String(describing: status))")
    var left: [Int32] = []
    for _ in 0..<100 {
      left = python.filter { pid in ProcStat.read(pid).map { $0.state != "Z" } ?? false }
      if left.isEmpty { break }
      usleep(20_000)
    }
    #expect(left.isEmpty, "python3 outlived its demo: \(left)")
    for pid in left { kill(pid, SIGKILL) }
  }

  // MARK: - Without python3 on PATH

  @Test func withoutPythonOneNoteAndTheNativeFigures() throws {
    let pool = try P.demo("pool", ["mode=all", "duration=0.02"], path: Self.noPython)
    #expect(pool.notes.filter { $0 == CPython.absentNote }.count == 1, "\(pool.notes)")
    #expect(pool.metric("python_available") == false)
    #expect(pool.metric("python") == nil)
    #expect(pool.metric("rounds")?.double != nil && pool.metric("apply_results") != nil)

    for (demo, arguments, native) in [
      ("ids", [String](), "pid"), ("queue", ["what=order"], "order.fifo"),
      ("pipe", ["what=message", "messages=2"], "frames.intact"),
      ("fork", ["children=1"], "exit_statuses"),
    ] {
      let report = try P.demo(demo, arguments, path: Self.noPython)
      #expect(report.notes.filter { $0 == CPython.absentNote }.count == 1, "\(demo)")
      #expect(report.metric(native) != nil, "\(demo): \(native)")
      #expect(P.pythonRows(report).isEmpty, "\(demo)")
    }
  }
}

extension PythonSupport {
  static func integers(_ value: JSONValue?) -> [Int] {
    if case .array(let values)? = value { return values.compactMap(\.double).map(Int.init) }
    return []
  }
}
