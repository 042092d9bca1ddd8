import Glibc
import OSKit

/// The table of worker roles; each demo family adds its own.
enum WorkerRoles {
  static let all: [String: Workers.Role] = base.merging(IPCDemos.workerRoles) { a, _ in a }
    .merging(ParallelDemos.workerRoles) { a, _ in a }
    .merging(SchedulingDemos.workerRoles) { a, _ in a }
    .merging(DescriptorDemos.workerRoles) { a, _ in a }
    .merging(ConditionsDemos.workerRoles) { a, _ in a }

  static let base: [String: Workers.Role] = [
    // A worker that exits at once with the status it is given (spawn's "join").
    "exit-with": { args in Int32(args.first ?? "0") ?? 0 },
    // A worker that never ends on its own (spawn's "terminate"; tests of budgets and Ctrl-C).
    "hang": { _ in
      while true { pause() }
    },
    // `exec <path> <argv0> <args…>`: becomes another program (python3) that keeps this
    // worker's parent-death signal, which execve does not clear: it dies with the demo.
    "exec": { args in
      guard args.count >= 2 else {
        try? FileIO.writeAll(2, "proclab worker exec: usage: exec <path> <argv0> [args…]\n")
        return 64
      }
      _ = withCStrings(Array(args.dropFirst())) { argv in execv(args[0], argv) }
      try? FileIO.writeAll(
        2, "proclab worker exec: cannot run \(args[0]): \(String(cString: strerror(errno)))\n")
      return 127
    },
  ]
}
