import Glibc
import Localization
import Measure
import OSKit

/// A pool of worker processes (`proclab worker pool-worker`), fed through one task pipe that
/// all workers read from (a free worker takes the next chunk, as in Python's `Pool`), with
/// their outcomes coming back on one shared result pipe, read by a collector thread.
// @unchecked: what tasks and results share lives in `Monitor`s; `collector` is set while the
// pool starts and cleared at shutdown, both by the thread that owns the pool.
final class ProcessPool: TaskPool, @unchecked Sendable {
  let size: Int
  let kind = "process"
  let maxChunk: Int
  /// The workers' pids, in worker order.
  let pids: [Int32]
  private let messageBytes: Int
  private let workers: [ChildProcess]
  private let taskWrite: Int32
  private let resultRead: Int32
  private let results = Monitor(PoolResults())
  private let shouldStop: @Sendable () -> Bool
  private var collector: Thread?
  private let ended = Monitor(false)
  /// Held while writing tasks, so that messages from two submitting threads never interleave.
  private let writing = Monitor(())

  /// Starts `size` worker processes.
  /// - Parameters:
  ///   - maxChunk: the largest chunk this pool will be given (at most `PoolWire.maxChunk`).
  ///   - shouldStop: polled while waiting, so Ctrl-C ends a wait.
  /// - Throws: one line when a pipe or a worker cannot be made (EAGAIN at the process
  ///   limit); the workers already started are stopped and reaped first.
  init(size: Int, maxChunk: Int = 1, shouldStop: @escaping @Sendable () -> Bool) throws {
    let count = max(1, size)
    let chunk = min(max(1, maxChunk), PoolWire.maxChunk)
    let messageBytes = PoolWire.messageBytes(chunk: chunk)
    self.size = count
    self.maxChunk = chunk
    self.shouldStop = shouldStop
    self.messageBytes = messageBytes
    let tasks = try PipeEnds()
    let outcomes: PipeEnds
    do { outcomes = try PipeEnds() } catch {
      tasks.closeBoth()
      throw error
    }
    var started: [ChildProcess] = []
    for index in 0..<count {
      do {
        started.append(
          try Workers.spawn(
            "pool-worker", [String(index), String(messageBytes)], stdin: tasks.read,
            stdout: outcomes.write))
      } catch {
        // The workers already started read end of file and leave.
        tasks.closeBoth()
        outcomes.closeBoth()
        for worker in started { worker.stop(first: SIGTERM, grace: 1) }
        throw DemoError(
          Catalog.text(
            error.errno.rawValue == EAGAIN
              ? "demo.error.poolWorkerLimit" : "demo.error.poolWorkerStart",
            ["index": String(index + 1), "count": String(count), "why": "\(error)"]))
      }
    }
    // Only the workers keep the read end of the task pipe and the write end of the result
    // pipe: when they are all gone, the parent's write fails and its read sees end of file.
    FileIO.closeQuietly(tasks.read)
    FileIO.closeQuietly(outcomes.write)
    workers = started
    pids = started.map(\.pid)
    taskWrite = tasks.write
    resultRead = outcomes.read
    do {
      collector = try Thread { [results, resultRead, workers, ended] in
        ProcessPool.collect(results: results, from: resultRead, workers: workers)
        ended.update { $0 = true }
      }
    } catch {
      FileIO.closeQuietly(taskWrite)
      for worker in workers { worker.stop(first: SIGKILL) }
      FileIO.closeQuietly(resultRead)
      throw error
    }
  }

  /// The collector thread: reads outcome records until every worker has closed the result
  /// pipe, and notices a worker that died while the pool was open.
  private static func collect(
    results: Monitor<PoolResults>, from fd: Int32, workers: [ChildProcess]
  ) {
    var pending: [UInt8] = []
    var received = 0
    let recordBytes = PoolWire.outcomeBytes
    let batch = 64
    while true {
      if FileIO.waitReadable(fd, timeout: 0.05) {
        guard let chunk = try? FileIO.read(fd, upTo: recordBytes * batch), !chunk.isEmpty else {
          results.update { state in
            if !state.closing && state.broken == nil {
              state.broken = Catalog.text("demo.error.poolBroken")
            }
          }
          return
        }
        pending += chunk
        let whole = pending.count / recordBytes
        guard whole > 0 else { continue }
        var outcomes: [TaskOutcome] = []
        for i in 0..<whole {
          outcomes.append(PoolWire.decodeOutcome(pending, at: i * recordBytes))
        }
        pending.removeFirst(whole * recordBytes)
        received += whole
        let backlog = results.record(outcomes) - received
        // Many tasks in flight and only a few outcomes read: let more pile up before the
        // next read, so that this thread is not woken (taking a CPU from a worker) for
        // every single task. Few tasks in flight (apply) are collected at once.
        if whole < batch && backlog > 4 * workers.count { usleep(200) }
      } else if !results.withLock({ $0.closing || $0.broken != nil }) {
        // A worker that ends while the pool is open died (Ctrl-C, SIGKILL, a crash): like
        // Python's BrokenProcessPool, the tasks it held cannot finish.
        for (index, worker) in workers.enumerated() {
          guard let status = worker.poll() else { continue }
          results.update { state in
            if !state.closing && state.broken == nil {
              state.broken =
                "pool worker \(index + 1) (pid \(worker.pid)) \(status) while the pool was open; "
                + "its tasks cannot finish"
            }
          }
          break
        }
      }
    }
  }

  func submit(chunks: [[PoolTask]]) throws -> [PoolFuture] {
    let chunks = chunks.filter { !$0.isEmpty }
    let total = chunks.reduce(0) { $0 + $1.count }
    guard total > 0 else { return [] }
    if let large = chunks.first(where: { $0.count > maxChunk }) {
      throw DemoError(
        Catalog.text(
          "demo.error.poolChunk", ["count": String(large.count), "max": String(maxChunk)]))
    }
    var id = try results.withLock { state throws -> Int in
      if let why = state.broken { throw DemoError(why) }
      if state.closing { throw DemoError(Catalog.text("demo.error.poolClosed")) }
      defer { state.nextID += total }
      return state.nextID
    }
    var futures: [PoolFuture] = []
    futures.reserveCapacity(total)
    // Messages go out in writes of up to PIPE_BUF bytes, each a whole number of messages, so
    // every write is atomic and a worker never sees part of a message.
    let perWrite = max(1, Int(PIPE_BUF) / messageBytes)
    var batch: [UInt8] = []
    batch.reserveCapacity(perWrite * messageBytes)
    var inBatch = 0
    func flush() throws {
      guard !batch.isEmpty else { return }
      do {
        try FileIO.writeAll(taskWrite, batch)
      } catch {
        throw DemoError(Catalog.text("demo.error.poolSend", ["why": "\(error)"]))
      }
      batch.removeAll(keepingCapacity: true)
      inBatch = 0
    }
    try writing.withLock { _ in
      for chunk in chunks {
        var numbered: [(id: Int, task: PoolTask)] = []
        for task in chunk {
          numbered.append((id, task))
          futures.append(PoolFuture(id: id, pool: self))
          id += 1
        }
        batch += PoolWire.encode(numbered, messageBytes: messageBytes)
        inBatch += 1
        if inBatch == perWrite { try flush() }
      }
      try flush()
    }
    return futures
  }

  func outcome(of id: Int) throws -> TaskOutcome {
    try awaitOutcome(id, in: results, shouldStop: shouldStop)
  }

  func outcomes(of ids: [Int]) throws -> [TaskOutcome] {
    try awaitOutcomes(ids, in: results, shouldStop: shouldStop)
  }

  func close() { shutDown(kill: false) }
  func terminate() { shutDown(kill: true) }

  private func shutDown(kill: Bool) {
    let already = results.update { state -> Bool in
      defer { state.closing = true }
      return state.closing
    }
    guard !already else { return }
    // End of file on the task pipe tells every worker to leave once the queue is empty.
    FileIO.closeQuietly(taskWrite)
    if kill {
      for worker in workers { worker.signal(SIGKILL, group: false) }
    }
    // The collector ends when the last worker closes the result pipe; a worker stuck in a
    // long task is killed after a grace period.
    if ended.wait(timeout: kill ? 5 : 30, until: { $0 ? true : nil }) == nil {
      for worker in workers { worker.signal(SIGKILL, group: false) }
    }
    collector?.join()
    collector = nil
    for worker in workers {
      if worker.wait(timeout: 5) == nil {
        worker.signal(SIGKILL, group: false)
        _ = try? worker.wait()
      }
    }
    FileIO.closeQuietly(resultRead)
  }

  /// The body of `proclab worker pool-worker <index> <message bytes>`: reads one message at a
  /// time from stdin, runs its tasks, writes one outcome record per task to stdout, and
  /// leaves at end of file.
  static func workerMain(_ arguments: [String]) -> Int32 {
    guard arguments.count == 2, let index = Int(arguments[0]), let size = Int(arguments[1]),
      size >= 8, size <= Int(PIPE_BUF)
    else { return 64 }
    let pid = getpid()
    while true {
      guard let message = try? FileIO.readExactly(0, size) else { return 1 }
      if message.count < size { return 0 }  // end of file: the pool is closing
      guard let tasks = PoolWire.decode(message) else { return 65 }
      // A chunk's outcomes go back together (as in Python's Pool), in writes of at most
      // PIPE_BUF bytes so that they never interleave with another worker's.
      let perWrite = Int(PIPE_BUF) / PoolWire.outcomeBytes
      var records: [UInt8] = []
      for (place, (id, task)) in tasks.enumerated() {
        let start = MonotonicClock.seconds()
        let value = task.perform()
        let end = MonotonicClock.seconds()
        records += PoolWire.encode(
          TaskOutcome(id: id, value: value, worker: index, pid: pid, start: start, end: end))
        if (place + 1) % perWrite == 0 || place == tasks.count - 1 {
          guard (try? FileIO.writeAll(1, records)) != nil else { return 1 }  // parent gone
          records.removeAll(keepingCapacity: true)
        }
      }
    }
  }
}
