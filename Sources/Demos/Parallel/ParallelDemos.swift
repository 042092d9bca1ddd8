/// The parallelism demos: pool, primes, cpu-scaling, parallel, sched.
public enum ParallelDemos {
  static let all: [DemoDefinition] = []
  static let workerRoles: [String: Workers.Role] = [:]
}
