/// The parallelism demos: pool, primes, cpu-scaling, parallel, sched.
public enum ParallelDemos {
  static let all: [DemoDefinition] = [pool, primes, cpuScaling, parallel, sched]

  static let workerRoles: [String: Workers.Role] = [
    // A process-pool worker: tasks from stdin, outcomes to stdout (ProcessPool.swift).
    "pool-worker": { ProcessPool.workerMain($0) },
    // Counts down from its argument and reports the nanoseconds it took (CPUScaling.swift).
    "countdown": { CPUScaling.workerMain($0) },
  ]
}
