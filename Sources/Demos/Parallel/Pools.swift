import Glibc
import Localization
import Measure
import OSKit

// What both pools share: the `TaskPool` protocol, futures, and waiting for outcomes (the
// pools themselves are in ProcessPool.swift and ThreadPool.swift).

/// A pool of workers started once and reused for many tasks, with Python's `Pool` API:
/// `map` (with `chunksize`), `apply` (blocking) and `apply_async` (a future).
protocol TaskPool: AnyObject, Sendable {
  /// How many workers the pool has.
  var size: Int { get }
  /// "process" or "thread".
  var kind: String { get }
  /// The largest chunk `submit` accepts.
  var maxChunk: Int { get }
  /// Queues chunks of tasks; each chunk is run in order by one worker. Returns a future per
  /// task, in order.
  func submit(chunks: [[PoolTask]]) throws -> [PoolFuture]
  /// Waits for the outcome of task `id` and takes it (each outcome can be taken once).
  func outcome(of id: Int) throws -> TaskOutcome
  /// Waits for the outcomes of several tasks and takes them, in the order of `ids`.
  func outcomes(of ids: [Int]) throws -> [TaskOutcome]
  /// Lets queued tasks finish, then stops and reaps every worker.
  func close()
  /// Stops every worker now (SIGKILL for processes) and reaps them; queued tasks are dropped.
  func terminate()
}

/// The promise of one task's outcome (Python's `AsyncResult`).
struct PoolFuture: Sendable {
  let id: Int
  let pool: any TaskPool

  /// Waits for the task to end. Throws when the pool broke or Ctrl-C arrived.
  func get() throws -> TaskOutcome { try pool.outcome(of: id) }
}

extension TaskPool {
  /// Queues one chunk of tasks, which one worker runs in order.
  func submit(_ chunk: [PoolTask]) throws -> [PoolFuture] { try submit(chunks: [chunk]) }

  /// Python's `apply_async`: queues the task and returns at once.
  func applyAsync(_ task: PoolTask) throws -> PoolFuture {
    guard let future = try submit([task]).first else {
      throw DemoError(Catalog.text("demo.error.poolNoTask"))
    }
    return future
  }

  /// Python's `apply`: queues the task and waits for it, so tasks run one at a time.
  func apply(_ task: PoolTask) throws -> TaskOutcome { try applyAsync(task).get() }

  /// Python's `map`: cuts `tasks` into chunks of `chunksize`, queues them all, and returns
  /// the outcomes in the order of `tasks`.
  func map(_ tasks: [PoolTask], chunksize: Int = 1) throws -> [TaskOutcome] {
    let size = min(max(1, chunksize), maxChunk)
    var chunks: [[PoolTask]] = []
    chunks.reserveCapacity(tasks.count / size + 1)
    var start = 0
    while start < tasks.count {
      let end = min(tasks.count, start + size)
      chunks.append(Array(tasks[start..<end]))
      start = end
    }
    return try outcomes(of: submit(chunks: chunks).map(\.id))
  }
}

/// The outcomes a pool has collected and whether it can still work.
struct PoolResults {
  var outcomes: [Int: TaskOutcome] = [:]
  /// The ids someone is waiting for (with how many waiters): new outcomes wake the waiters
  /// only when they bring one of these, so a long map is not woken for every task.
  var awaited: [Int: Int] = [:]
  /// Why the pool cannot finish its tasks (a worker died), or nil.
  var broken: String?
  var nextID = 0
  var closing = false
}

extension Monitor where State == PoolResults {
  /// Stores outcomes, waking the waiters only if one of them waits for one of these.
  /// - Returns: how many tasks were submitted so far.
  @discardableResult
  func record(_ outcomes: [TaskOutcome]) -> Int {
    let (wake, submitted) = withLock { state -> (Bool, Int) in
      var wake = false
      for outcome in outcomes {
        state.outcomes[outcome.id] = outcome
        if state.awaited[outcome.id] != nil { wake = true }
      }
      return (wake, state.nextID)
    }
    if wake { broadcast() }
    return submitted
  }
}

/// Takes the outcomes of `ids` in order: whatever is there already in one go under the lock,
/// then waits for the first one missing, and so on.
func awaitOutcomes(
  _ ids: [Int], in results: Monitor<PoolResults>, shouldStop: @Sendable () -> Bool
) throws -> [TaskOutcome] {
  var taken: [TaskOutcome] = []
  taken.reserveCapacity(ids.count)
  while taken.count < ids.count {
    results.withLock { state in
      while taken.count < ids.count,
        let outcome = state.outcomes.removeValue(forKey: ids[taken.count])
      {
        taken.append(outcome)
      }
    }
    if taken.count < ids.count {
      taken.append(try awaitOutcome(ids[taken.count], in: results, shouldStop: shouldStop))
    }
  }
  return taken
}

/// Waits for `id` in `results`, checking for Ctrl-C ten times a second.
func awaitOutcome(
  _ id: Int, in results: Monitor<PoolResults>, shouldStop: @Sendable () -> Bool
) throws -> TaskOutcome {
  enum Waited {
    case done(TaskOutcome)
    case broken(String)
  }
  results.withLock { $0.awaited[id, default: 0] += 1 }
  defer {
    results.withLock { state in
      state.awaited[id, default: 1] -= 1
      if state.awaited[id] == 0 { state.awaited[id] = nil }
    }
  }
  while true {
    let waited = results.wait(timeout: 0.1) { state -> Waited? in
      if let outcome = state.outcomes.removeValue(forKey: id) { return .done(outcome) }
      if let why = state.broken { return .broken(why) }
      return nil
    }
    switch waited {
    case .done(let outcome): return outcome
    case .broken(let why): throw DemoError(why)
    case nil:
      if shouldStop() {
        throw DemoError(Catalog.text("demo.error.stoppedPoolTask", ["task": String(id + 1)]))
      }
    }
  }
}
