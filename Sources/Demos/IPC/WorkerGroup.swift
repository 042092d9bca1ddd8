import CProcLab
import Glibc
import Localization
import Measure
import OSKit
import Synchronization

/// The worker processes of one IPC demo step: started together, watched together, and
/// killed and reaped together when anything goes wrong (a worker killed with SIGKILL, a
/// worker that cannot start, Ctrl-C), so that no process outlives the step.
final class WorkerGroup: Sendable {
  private let children = Mutex<[(role: String, child: ChildProcess)]>([])

  /// The pids started so far, in order.
  var pids: [Int32] { children.withLock { $0.map(\.child.pid) } }

  /// Starts `proclab worker <role> arguments…`.
  /// - Throws: `SystemError` when the process cannot be started (EAGAIN at the process limit).
  @discardableResult
  func spawn(
    _ role: String, _ arguments: [String], stdin: Int32? = nil, stdout: Int32? = nil
  ) throws(SystemError) -> ChildProcess {
    let child = try Workers.spawn(role, arguments, stdin: stdin, stdout: stdout)
    children.withLock { $0.append((role, child)) }
    return child
  }

  /// Kills every worker still running (SIGKILL) and reaps them all.
  func killAll() {
    let all = children.withLock { list -> [ChildProcess] in
      defer { list = [] }
      return list.map(\.child)
    }
    for child in all where child.poll() == nil { child.signal(SIGKILL, group: false) }
    for child in all { _ = try? child.wait() }
  }

  /// The first worker that ended badly (non-zero status or a signal), as one line.
  func firstFailure() -> String? {
    let all = children.withLock { $0 }
    for (role, child) in all {
      guard let status = child.poll(), !status.isSuccess else { continue }
      return Catalog.text(
        "demo.error.workerFailed",
        ["pid": String(child.pid), "role": role, "status": DemoText.status(status)])
    }
    return nil
  }

  /// Waits until `condition` holds, watching the workers meanwhile.
  /// - Throws: `DemoError` when a worker ends badly, the student stops the demo, or
  ///   `timeout` seconds pass; every worker is killed and reaped first.
  func wait(
    until what: String, timeout: Double, context: DemoContext, _ condition: () -> Bool
  ) throws(DemoError) {
    let deadline = MonotonicClock.seconds() + timeout
    var spins = 0
    while !condition() {
      try check(context)
      if MonotonicClock.seconds() > deadline {
        killAll()
        throw DemoError(
          Catalog.text(
            "demo.error.timedOut", ["seconds": String(Int(timeout)), "what": what]))
      }
      spins += 1
      if spins < 200 { sched_yield() } else { usleep(500) }
    }
  }

  /// Waits for every worker to exit with status 0.
  /// - Throws: `DemoError` as for `wait(until:)`.
  func waitForAll(context: DemoContext, timeout: Double = 600) throws(DemoError) {
    let all = children.withLock { $0.map(\.child) }
    try wait(until: Catalog.text("demo.wait.workersFinish"), timeout: timeout, context: context) {
      all.allSatisfy { $0.poll() != nil }
    }
    try check(context)
    children.withLock { $0 = [] }
  }

  /// Throws (after killing everyone) when a worker failed or a stop was requested.
  func check(_ context: DemoContext) throws(DemoError) {
    if let failure = firstFailure() {
      killAll()
      throw DemoError(failure)
    }
    if context.stopRequested {
      killAll()
      throw DemoError(Catalog.text("demo.error.stopped"))
    }
  }
}

/// Small helpers shared by the IPC demos.
enum IPC {
  /// Nanoseconds on the monotonic clock, comparable between processes on one machine.
  static func now() -> Int64 { Int64(bitPattern: MonotonicClock.nanoseconds()) }

  /// The conventional name of an errno value, as a C programmer would write it.
  static func errnoName(_ code: Int32) -> String {
    switch code {
    case 0: "0 (success)"
    case EPERM: "EPERM"
    case EDEADLK: "EDEADLK"
    case EOWNERDEAD: "EOWNERDEAD"
    case ETIMEDOUT: "ETIMEDOUT"
    case EBUSY: "EBUSY"
    case EAGAIN: "EAGAIN"
    case EINVAL: "EINVAL"
    default: "errno \(code)"
    }
  }

  /// Parses a worker argument, or ends the worker with status 64 (a usage error).
  static func argument<T: LosslessStringConvertible>(_ args: [String], _ index: Int) -> T? {
    guard index < args.count else { return nil }
    return T(args[index])
  }

  /// A worker's complaint goes to its stderr (the runner's), one line, then status 1.
  static func fail(_ text: String) -> Int32 {
    try? FileIO.writeAll(2, "proclab worker: \(text)\n")
    return 1
  }

  /// The integer at `offset` in a shared region, as an atomic cell.
  static func cell(_ memory: SharedMemory, _ offset: Int) -> UnsafeMutablePointer<Int64> {
    memory.pointer(at: offset, as: Int64.self)
  }
}
