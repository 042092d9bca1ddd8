/// The demos of lesson conditions-and-deadlock: `condvar` (a bounded buffer with a mutex and
/// two condition variables, and the `if` that should be a `while`) and `deadlock` (two threads
/// and two processes that wait for each other, detected, ended, and the three fixes measured).
enum ConditionsDemos {
  static let all: [DemoDefinition] = [CondvarDemo.definition, DeadlockDemo.definition]

  /// `proclab worker <role> …` entry points of these demos.
  static let workerRoles: [String: Workers.Role] = [
    "deadlock-threads": DeadlockDemo.threadsWorker,
    "fcntl-lock": FcntlDeadlock.worker,
  ]
}
