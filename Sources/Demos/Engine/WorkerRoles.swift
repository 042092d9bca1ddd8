import Glibc

/// The table of worker roles; each demo family adds its own.
enum WorkerRoles {
  static let all: [String: Workers.Role] = base.merging(IPCDemos.workerRoles) { a, _ in a }
    .merging(ParallelDemos.workerRoles) { a, _ in a }

  static let base: [String: Workers.Role] = [
    // A worker that exits at once with the status it is given (spawn's "join").
    "exit-with": { args in Int32(args.first ?? "0") ?? 0 },
    // A worker that never ends on its own (spawn's "terminate"; tests of budgets and Ctrl-C).
    "hang": { _ in
      while true { pause() }
    },
  ]
}
