import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit

/// The `nice` demo's worker processes: CPU-bound spinners (at a nice value, yielding, or
/// SCHED_FIFO) and a sleeper, each pinned where it is told, and what /proc says of them.
enum Spinners {
  /// What one worker does once it is placed.
  enum Mode: String {
    case spin, yield, sleep, fifo
  }

  /// `proclab worker sched-spin <cpu> <mode> <nice or priority> <lifetime>`: pins itself to
  /// `cpu` (unless it is -1), takes its nice value or SCHED_FIFO priority, says `ok` (or
  /// `err <errno>`) on stdout, then spins or sleeps until it is killed; `alarm(lifetime)` ends
  /// it if nobody does (a SCHED_FIFO spinner must never outlive its demo).
  static func main(_ args: [String]) -> Int32 {
    guard args.count == 4, let cpu = Int32(args[0]), let mode = Mode(rawValue: args[1]),
      let value = Int32(args[2]), let lifetime = UInt32(args[3]), lifetime > 0
    else {
      try? FileIO.writeAll(
        2, "proclab worker sched-spin: usage: sched-spin <cpu> spin|yield|sleep|fifo <n> <s>\n")
      return 64
    }
    alarm(lifetime)
    if cpu >= 0, !CPUAffinity.pin([cpu]) {
      try? FileIO.writeAll(1, "err \(errno)\n")
      return 1
    }
    let error: Int32 =
      switch mode {
      case .spin, .yield: value == 0 ? 0 : pl_set_nice(value)
      case .fifo: pl_set_fifo(value)
      case .sleep: 0
      }
    try? FileIO.writeAll(1, error == 0 ? "ok\n" : "err \(error)\n")
    guard error == 0 else { return 1 }
    switch mode {
    case .sleep:
      while true { usleep(1_000) }
    case .yield: pl_spin_forever(1)
    case .spin, .fifo: pl_spin_forever(0)
    }
  }

  /// One started worker and what it said when it was placed.
  struct Started {
    var pid: Int32
    /// 0, or the errno the worker met pinning itself or taking its policy.
    var error: Int32
  }

  /// Starts one worker per `(cpu, mode, value)` and waits until each has placed itself.
  /// - Returns: one `Started` per worker, in order.
  /// - Throws: when a worker cannot start or says nothing within 5 s (all are killed then).
  static func start(
    _ specs: [(cpu: Int32, mode: Mode, value: Int32)], lifetime: Int, workers: WorkerGroup
  ) throws -> [Started] {
    var started: [Started] = []
    for spec in specs {
      let pipe = try PipeEnds()
      defer { FileIO.closeQuietly(pipe.read) }
      let child: ChildProcess
      do {
        child = try workers.spawn(
          "sched-spin",
          [String(spec.cpu), spec.mode.rawValue, String(spec.value), String(lifetime)],
          stdout: pipe.write)
      } catch {
        FileIO.closeQuietly(pipe.write)
        workers.killAll()
        throw error
      }
      FileIO.closeQuietly(pipe.write)
      guard FileIO.waitReadable(pipe.read, timeout: 5),
        let bytes = try? FileIO.read(pipe.read, upTo: 64), !bytes.isEmpty
      else {
        workers.killAll()
        throw DemoError(
          Catalog.text("demo.error.spinnerNotStarted", ["mode": spec.mode.rawValue]))
      }
      let line = String(decoding: bytes, as: UTF8.self)
      let error = line.hasPrefix("ok") ? 0 : Int32(line.dropFirst(4).prefix { $0.isNumber }) ?? -1
      started.append(Started(pid: child.pid, error: error))
    }
    return started
  }

  /// The CPU time `pid` has run, in seconds: /proc/<pid>/schedstat (nanoseconds), else
  /// utime + stime from /proc/<pid>/stat (clock ticks).
  static func cpuSeconds(_ pid: Int32) -> Double? {
    if let text = FileIO.readText("/proc/\(pid)/schedstat"),
      let ns = text.split(separator: " ").first.flatMap({ Double($0) })
    {
      return ns / 1e9
    }
    guard let text = FileIO.readText("/proc/\(pid)/stat"),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12])
    else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Voluntary and involuntary context switches of `pid` so far (/proc/<pid>/status).
  static func switches(_ pid: Int32) -> (voluntary: Int, involuntary: Int) {
    let status = ProcStatus.read(pid)
    return (
      status?.values("voluntary_ctxt_switches").first.flatMap { Int($0) } ?? 0,
      status?.values("nonvoluntary_ctxt_switches").first.flatMap { Int($0) } ?? 0
    )
  }

  /// The CPU time each of `pids` ran during one window of `seconds` (checking for a stop
  /// every 50 ms), and the window's wall time.
  static func window(
    _ pids: [Int32], seconds: Double, workers: WorkerGroup, context: DemoContext
  ) throws -> (cpu: [Double], wall: Double) {
    // The wall time spans both readings, so CPU time over wall time can never pass the CPUs
    // that ran the processes.
    let start = MonotonicClock.seconds()
    let before = pids.map { cpuSeconds($0) ?? 0 }
    while MonotonicClock.seconds() - start < seconds {
      try workers.check(context)
      let left = seconds - (MonotonicClock.seconds() - start)
      if left > 0 { usleep(UInt32(min(left, 0.05) * 1e6)) }
    }
    let after = pids.map { cpuSeconds($0) ?? 0 }
    let wall = MonotonicClock.seconds() - start
    return (zip(after, before).map { max(0, $0 - $1) }, wall)
  }

  /// The first process's share of the two processes' CPU time in each of `runs` windows,
  /// after a 0.1 s warm-up window that is not counted.
  static func shares(
    _ a: Int32, _ b: Int32, runs: Int, seconds: Double, workers: WorkerGroup,
    context: DemoContext
  ) throws -> Stats {
    _ = try window([a, b], seconds: 0.1, workers: workers, context: context)
    var samples: [Double] = []
    for _ in 0..<runs {
      let (cpu, _) = try window([a, b], seconds: seconds, workers: workers, context: context)
      let total = cpu[0] + cpu[1]
      samples.append(total > 0 ? cpu[0] / total : 0)
    }
    return Stats(samples)
  }
}
