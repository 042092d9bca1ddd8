import BenchKit
import DemoContract
import Glibc
import OSKit

// The demos' comparisons: each demo's figures against a reference program in C or
// CPython, run alternately in the same session (`make bench`, bench/run.sh).
extension Comparison {
  /// The `spawn` demo's timing table against bench/reference/spawn.c.
  static func spawn(_ settings: BenchSettings) -> Comparison {
    let runs = settings.pick(7, quick: 5)
    let targetMilliseconds = settings.pick(100, quick: 20)
    let methods: [(key: String, label: String, limit: Double)] = [
      ("fork", "fork + _exit + waitpid", 1.3),
      ("fork-exec", "fork + exec(true) + wait", 1.3),
      ("posix_spawn", "posix_spawn(true) + wait", 1.3),
      ("thread", "thread create + join", 1.5),
    ]
    return Comparison(
      id: "spawn", title: "spawn: process and thread creation",
      specs: methods.map {
        MetricSpec(
          id: "spawn.\($0.key)", label: $0.label, unit: .seconds,
          proclabKey: "\($0.key).median_seconds", referenceKey: $0.key, referenceName: "C",
          target: .ratioAtMost($0.limit))
      },
      referenceProblem: { $0.referenceProblem("spawn") },
      proclab: { tools in
        let report = try tools.demo(
          "spawn",
          [
            "what=fork,fork-exec,posix_spawn,thread", "runs=\(runs)",
            "target=\(Double(targetMilliseconds) / 1000)",
          ]
        ).report
        return metrics(report, methods.map { "\($0.key).median_seconds" })
      },
      reference: { tools in
        try tools.runReference(["spawn", String(runs), String(targetMilliseconds)])
      })
  }

  /// Pipe round trip: the `pipe` demo's latency against `perf bench sched pipe`, both pinned.
  static func pipeLatency(_ settings: BenchSettings) -> Comparison {
    let rounds = settings.pick(20_000, quick: 5_000)
    return Comparison(
      id: "pipe-latency", title: "pipe round trip vs perf bench sched pipe",
      specs: [
        MetricSpec(
          id: "pipe.round_trip", label: "pipe round trip, 1 B (mean)", unit: .seconds,
          proclabKey: "latency.1B.mean_seconds", referenceKey: "round_trip_seconds",
          referenceName: "perf", target: .ratioAtMost(1.15))
      ],
      referenceProblem: { $0.perfProblem },
      proclab: { tools in
        let report = try tools.demo(
          "pipe", ["what=latency", "rounds=\(rounds)"], pin: true
        ).report
        return metrics(report, ["latency.1B.mean_seconds", "latency.1B.median_seconds"])
      },
      reference: { tools in
        guard let perf = tools.perf else { throw CommandFailure("no perf") }
        let output = try CommandRunner.succeed(
          tools.pinned([perf, "bench", "sched", "pipe", "-l", String(rounds)]), timeout: 300)
        guard let micros = Toolbox.perfMicroseconds(output.stdout + output.stderr) else {
          throw CommandFailure("perf printed no usecs/op")
        }
        return ["round_trip_seconds": micros * 1e-6]
      },
      notes: { runs in
        var notes = [
          "both pinned to one CPU with taskset; perf reports the mean per round trip "
            + "(\(rounds) loops), so ProcLab's mean of \(rounds) timed trips is compared"
        ]
        if let median = median(runs.proclab, "latency.1B.median_seconds") {
          notes.append("ProcLab's median round trip: \(ResultTable.format(median, .seconds))")
        }
        return ["pipe.round_trip": notes]
      })
  }

  /// Pipe bandwidth at 64 KiB chunks against bench/reference/pipe_bandwidth.c, both pinned to
  /// one CPU: unpinned, the writer and reader land on one CPU or on two from run to run, and the
  /// rate jumps between about 1 and 4 GB/s for either program.
  static func pipeBandwidth(_ settings: BenchSettings) -> Comparison {
    let volume = settings.pick(64, quick: 16)
    return Comparison(
      id: "pipe-bandwidth", title: "pipe bandwidth at 64 KiB",
      specs: [
        MetricSpec(
          id: "pipe.bandwidth_64k", label: "pipe bandwidth, 64 KiB writes",
          unit: .bytesPerSecond, proclabKey: "bandwidth.65536.bytes_per_second",
          referenceKey: "bytes_per_second", referenceName: "C", target: .ratioAtLeast(0.8))
      ],
      referenceProblem: { $0.referenceProblem("pipe_bandwidth") },
      proclab: { tools in
        let report = try tools.demo("pipe", ["what=bandwidth", "volume=\(volume)"], pin: true)
          .report
        return metrics(report, ["bandwidth.65536.bytes_per_second"])
      },
      reference: { tools in
        try tools.runReference(["pipe_bandwidth", "65536", String(volume), "3"], pin: true)
      },
      notes: { _ in
        [
          "pipe.bandwidth_64k": [
            "both pinned to one CPU with taskset; \(volume) MiB per transfer, median of 3 "
              + "transfers per run"
          ]
        ]
      })
  }

  /// `shm-race` atomic and semaphore ns/increment against bench/reference/shm_counter.c.
  static func shmRace(_ settings: BenchSettings) -> Comparison {
    let increments = settings.pick(2_000_000, quick: 500_000)
    let syncs: [(key: String, label: String)] = [
      ("atomic", "shm-race atomic, per increment"),
      ("semaphore", "shm-race semaphore, per incr."),
    ]
    return Comparison(
      id: "shm-race", title: "shm-race: atomic and semaphore",
      specs: syncs.map {
        MetricSpec(
          id: "shm-race.\($0.key)", label: $0.label, unit: .seconds,
          proclabKey: "\($0.key).ns_per_increment", referenceKey: $0.key, referenceName: "C",
          target: .ratioAtMost(1.2))
      },
      referenceProblem: { $0.referenceProblem("shm_counter") },
      proclab: { tools in
        let report = try tools.demo(
          "shm-race", ["processes=2", "increments=\(increments)", "sync=atomic,semaphore"]
        ).report
        return metrics(report, syncs.map { "\($0.key).ns_per_increment" }, scale: 1e-9)
      },
      reference: { tools in
        var figures: Figures = [:]
        for sync in syncs {
          let out = try tools.runReference(["shm_counter", sync.key, "2", String(increments)])
          if let ns = out["ns_per_increment"] { figures[sync.key] = ns * 1e-9 }
        }
        return figures
      },
      notes: { _ in
        [
          "shm-race.atomic": [
            "2 processes × \(increments) increments, first start to last finish"
          ]
        ]
      })
  }

  /// Socketpair and message-queue round trips (`ipc-compare`) against roundtrip.c, pinned.
  static func ipcCompare(_ settings: BenchSettings) -> Comparison {
    let rounds = settings.pick(5_000, quick: 2_000)
    let mechanisms: [(key: String, label: String)] = [
      ("socketpair", "socketpair round trip, 64 B"),
      ("mqueue", "mqueue round trip, 64 B"),
    ]
    return Comparison(
      id: "ipc-compare", title: "socketpair and message queue round trips",
      specs: mechanisms.map {
        MetricSpec(
          id: "ipc.\($0.key)", label: $0.label, unit: .seconds,
          proclabKey: "\($0.key).median_seconds", referenceKey: $0.key, referenceName: "C",
          target: .none)
      },
      referenceProblem: { $0.referenceProblem("roundtrip") },
      proclab: { tools in
        let report = try tools.demo(
          "ipc-compare",
          ["via=socketpair,mqueue", "size=64", "rounds=\(rounds)", "volume=1"], pin: true
        ).report
        return metrics(report, mechanisms.map { "\($0.key).median_seconds" })
      },
      reference: { tools in
        var figures: Figures = [:]
        for m in mechanisms {
          let out = try tools.runReference(
            ["roundtrip", m.key, "64", String(rounds), "200"], pin: true)
          figures[m.key] = out["median_seconds"]
        }
        return figures
      },
      notes: { _ in
        ["ipc.socketpair": ["both pinned to one CPU; \(rounds) timed round trips after 200"]]
      })
  }

  /// The IPC tutorial's assignment against a CPython + numpy program doing the same, timed over
  /// the span the tutorial itself timed: from creating the shared objects to the last join.
  static func assignment(_ settings: BenchSettings) -> Comparison {
    let count = settings.pick(50_000_000, quick: 2_000_000)
    let scaled = count == 50_000_000 ? "" : " (QUICK)"
    return Comparison(
      id: "assignment", title: "the IPC tutorial's assignment vs CPython",
      specs: [
        MetricSpec(
          id: "assignment.local",
          label: "IPC assignment, 2 × \(count.short) local\(scaled)",
          unit: .seconds, proclabKey: "local.span_seconds", referenceKey: "seconds",
          referenceName: "CPython", ratio: .referenceOverProclab, target: .ratioAtLeast(50))
      ],
      referenceProblem: { $0.numpyProblem },
      proclab: { tools in
        let (report, wall) = try tools.demo(
          "shm-race", ["processes=2", "increments=\(count)", "sync=local"])
        var figures = metrics(report, ["local.span_seconds", "local.seconds", "local.final"])
        figures["wall_seconds"] = wall
        return figures
      },
      reference: { tools in try tools.runPython("ipc_assignment.py", [String(count)]) },
      notes: { runs in
        var notes = [
          "create shared memory → last join, in both: ProcLab's local.span_seconds vs the span "
            + "bench/python/ipc_assignment.py times (numpy, shared_memory, Semaphore)"
        ]
        if let a = median(runs.proclab, "wall_seconds"),
          let b = median(runs.reference, "wall_seconds")
        {
          notes.append(
            "whole programs, start to exit: \(ResultTable.format(a, .seconds)) vs "
              + "\(ResultTable.format(b, .seconds))")
        }
        return ["assignment.local": notes]
      })
  }

  /// Process-pool cost per empty task against CPython's multiprocessing.Pool.map(chunksize=1).
  static func pool(_ settings: BenchSettings) -> Comparison {
    let tasks = settings.pick(2000, quick: 1000)
    return Comparison(
      id: "pool", title: "pool per-task overhead vs CPython",
      specs: [
        MetricSpec(
          id: "pool.per_task", label: "pool, processes, per empty task",
          unit: .seconds, proclabKey: "overhead.process_pool_seconds",
          referenceKey: "seconds_per_task", referenceName: "CPython",
          ratio: .referenceOverProclab, target: .ratioAtLeast(10))
      ],
      problem: { tools in
        if tools.python == nil { return "python3 is not on PATH" }
        return settings.quick
          ? "not in QUICK runs: the pool demo's overhead mode times six kinds of task "
            + "(about 4 s a run); make bench runs it" : nil
      },
      proclab: { tools in
        let report = try tools.demo("pool", ["mode=overhead", "python=off", "workers=2"]).report
        return metrics(report, ["overhead.process_pool_seconds"])
      },
      reference: { tools in try tools.runPython("pool_overhead.py", ["2", String(tasks), "5"]) },
      notes: { _ in
        [
          "pool.per_task": [
            "2 workers each; CPython: multiprocessing.Pool(2).map over \(tasks) tasks, median of 5"
          ]
        ]
      })
  }

  /// The countdown in one Swift thread (`cpu-scaling`) against one CPython thread, per step.
  static func countdown(_ settings: BenchSettings) -> Comparison {
    let n = settings.pick(500_000_000, quick: 50_000_000)
    let pythonN = settings.pick(2_000_000, quick: 1_000_000)
    let runs = settings.pick(3, quick: 1)
    return Comparison(
      id: "countdown", title: "countdown, one thread, vs CPython",
      specs: [
        MetricSpec(
          id: "countdown.one_thread", label: "countdown, 1 thread, per step",
          unit: .seconds, proclabKey: "step_seconds", referenceKey: "seconds_per_step",
          referenceName: "CPython", ratio: .referenceOverProclab, target: .ratioAtLeast(50))
      ],
      problem: { $0.python == nil ? "python3 is not on PATH" : nil },
      proclab: { tools in
        let report = try tools.demo(
          "cpu-scaling", ["n=\(n)", "k=2", "runs=\(runs)", "python=off"]
        ).report
        guard let seconds = report["metrics"]?.value(at: "swift.thread.1.seconds")?.number
        else { return [:] }
        return ["step_seconds": seconds / Double(n)]
      },
      reference: { tools in try tools.runPython("countdown.py", [String(pythonN), "3"]) },
      notes: { _ in
        [
          "countdown.one_thread": [
            "Swift: n=\(n.grouped) (median of \(runs)); "
              + "CPython: n=\(pythonN.grouped) (median of 3); compared per step"
          ]
        ]
      })
  }
}
