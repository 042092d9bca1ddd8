import Glibc
import Localization
import Measure
import OSKit

/// A pool of threads in this process with the same API: a queue of chunks under a monitor,
/// from which a free thread takes the next one.
// @unchecked: the queue and the results are `Monitor`s; `threads` is written only while the
// pool starts and at shutdown, by the thread that owns the pool.
final class ThreadPool: TaskPool, @unchecked Sendable {
  let size: Int
  let kind = "thread"
  let maxChunk = PoolWire.maxChunk
  private struct Queue {
    var chunks: [[(id: Int, task: PoolTask)]] = []
    var head = 0
    var closing = false
    var dropQueued = false
  }
  private let queue = Monitor(Queue())
  private let results = Monitor(PoolResults())
  private let shouldStop: @Sendable () -> Bool
  private var threads: [Thread] = []
  /// The threads' kernel ids, in worker order, once they have started.
  let tids: Monitor<[Int: Int32]> = Monitor([:])

  /// Starts `size` threads.
  /// - Throws: one line when a thread cannot be started; those already started are joined.
  init(size: Int, shouldStop: @escaping @Sendable () -> Bool) throws {
    self.size = max(1, size)
    self.shouldStop = shouldStop
    for index in 0..<self.size {
      do {
        threads.append(
          try Thread { [queue, results, tids] in
            ThreadPool.work(index: index, queue: queue, results: results, tids: tids)
          })
      } catch {
        terminate()
        throw DemoError(
          Catalog.text(
            "demo.error.poolThreadStart",
            ["index": String(index + 1), "count": String(self.size), "why": "\(error)"]))
      }
    }
  }

  private static func work(
    index: Int, queue: Monitor<Queue>, results: Monitor<PoolResults>, tids: Monitor<[Int: Int32]>
  ) {
    let tid = Thread.currentID
    tids.update { $0[index] = tid }
    while true {
      let next = queue.wait { state -> [(id: Int, task: PoolTask)]?? in
        if state.closing && (state.dropQueued || state.head == state.chunks.count) {
          return .some(nil)
        }
        guard state.head < state.chunks.count else { return nil }
        defer { state.head += 1 }
        return .some(state.chunks[state.head])
      }
      guard let chunk = next ?? nil else { return }
      for (id, task) in chunk {
        let start = MonotonicClock.seconds()
        let value = task.perform()
        let end = MonotonicClock.seconds()
        results.record([
          TaskOutcome(id: id, value: value, worker: index, pid: tid, start: start, end: end)
        ])
      }
    }
  }

  func submit(chunks: [[PoolTask]]) throws -> [PoolFuture] {
    let chunks = chunks.filter { !$0.isEmpty }
    let total = chunks.reduce(0) { $0 + $1.count }
    guard total > 0 else { return [] }
    var id = try results.withLock { state throws -> Int in
      if state.closing { throw DemoError(Catalog.text("demo.error.poolClosed")) }
      defer { state.nextID += total }
      return state.nextID
    }
    var futures: [PoolFuture] = []
    futures.reserveCapacity(total)
    var numberedChunks: [[(id: Int, task: PoolTask)]] = []
    for chunk in chunks {
      var numbered: [(id: Int, task: PoolTask)] = []
      for task in chunk {
        numbered.append((id, task))
        futures.append(PoolFuture(id: id, pool: self))
        id += 1
      }
      numberedChunks.append(numbered)
    }
    queue.update { $0.chunks += numberedChunks }
    return futures
  }

  func outcome(of id: Int) throws -> TaskOutcome {
    try awaitOutcome(id, in: results, shouldStop: shouldStop)
  }

  func outcomes(of ids: [Int]) throws -> [TaskOutcome] {
    try awaitOutcomes(ids, in: results, shouldStop: shouldStop)
  }

  func close() { shutDown(drop: false) }
  /// Threads cannot be killed: queued chunks are dropped and running tasks finish.
  func terminate() { shutDown(drop: true) }

  private func shutDown(drop: Bool) {
    results.update { $0.closing = true }
    queue.update {
      $0.closing = true
      $0.dropQueued = $0.dropQueued || drop
    }
    for thread in threads { thread.join() }
    threads = []
  }
}
