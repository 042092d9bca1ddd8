// The child processes the queue demo starts (registered as worker roles): producer, consumer,
// the queue flood and the pipe flood it is compared with.
import CProcLab
import Glibc
import OSKit

extension QueueDemo {
  // MARK: Workers

  /// Attaches a worker to the queue's shared memory, says so, and waits at the start line.
  /// - Returns: nil when the start signal never came.
  static func attachAtStartLine(
    _ name: String, _ size: Int
  ) throws -> (SharedMemory, SharedQueue, UnsafeMutableRawPointer)? {
    let (memory, queue, area) = try attach(name, size)
    let cell = { (o: Int) in (area + o).assumingMemoryBound(to: Int64.self) }
    pl_atomic_add(cell(Area.attached), 1)
    guard pl_spin_until_set(cell(Area.start), 60_000_000_000) == 1 else { return nil }
    return (memory, queue, area)
  }

  /// `queue-producer <shm> <size> <index> <count> <delay µs> <log 0|1>`.
  static let producerWorker: Workers.Role = { args in
    guard args.count == 6, let size: Int = IPC.argument(args, 1),
      let index: Int = IPC.argument(args, 2), let count: Int = IPC.argument(args, 3),
      let delay: UInt32 = IPC.argument(args, 4), let log: Int = IPC.argument(args, 5)
    else { return IPC.fail("usage: queue-producer <shm> <size> <index> <count> <delay µs> <log>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      let plog = (area + Area.producerLog).assumingMemoryBound(to: Int64.self)
      for i in 0..<count {
        let t0 = IPC.now()
        try queue.put(QueueItem(priority: Int64(i), value: Int64(i), producer: Int32(index)))
        if log == 1 && i < Area.maxLog {
          plog[2 * i] = t0
          plog[2 * i + 1] = IPC.now()
        }
        if delay > 0 { usleep(delay) }
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `queue-consumer <shm> <size> <index> <delay µs> <log 0|1> <items per producer>`.
  static let consumerWorker: Workers.Role = { args in
    guard args.count == 6, let size: Int = IPC.argument(args, 1),
      let index: Int = IPC.argument(args, 2), let delay: UInt32 = IPC.argument(args, 3),
      let log: Int = IPC.argument(args, 4), let items: Int = IPC.argument(args, 5)
    else { return IPC.fail("usage: queue-consumer <shm> <size> <index> <delay µs> <log> <items>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      let cell = { (o: Int) in (area + o).assumingMemoryBound(to: Int64.self) }
      let matrix = (area + Area.matrix).assumingMemoryBound(to: Int32.self)
      let clog = (area + Area.consumerLog).assumingMemoryBound(to: Int64.self)
      let limit =
        (memory.size - SharedQueue.bytes(capacity: Int(queue.header.pointee.capacity)) - Area.matrix)
        / 4
      while true {
        let item = try queue.get()
        if item.tag == -1 {
          try queue.taskDone()
          return 0
        }
        let t0 = IPC.now()
        let slot = Int(item.producer) * items + Int(item.value)
        if slot >= 0 && slot < limit {
          // Each item reaches one consumer; a second mark would mean it was taken twice.
          if matrix[slot] != 0 { pl_atomic_add(cell(Area.duplicates), 1) }
          matrix[slot] = Int32(index + 1)
        }
        if delay > 0 { usleep(delay) }
        if log == 1 {
          let n = Int(pl_atomic_add(cell(Area.logCursor), 1))
          if n < Area.maxLog {
            clog[3 * n] = Int64(index)
            clog[3 * n + 1] = t0
            clog[3 * n + 2] = IPC.now()
          }
        }
        pl_atomic_add(cell(Area.consumed), 1)
        try queue.taskDone()
      }
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `queue-flood <shm> <size> <count>`: puts `count` items as fast as it can, then a sentinel.
  static let floodWorker: Workers.Role = { args in
    guard args.count == 3, let size: Int = IPC.argument(args, 1),
      let count: Int = IPC.argument(args, 2)
    else { return IPC.fail("usage: queue-flood <shm> <size> <count>") }
    do {
      guard let (memory, queue, area) = try attachAtStartLine(args[0], size) else {
        return IPC.fail("no start")
      }
      defer { withExtendedLifetime(memory) {} }
      for i in 0..<count { try queue.put(QueueItem(value: Int64(i))) }
      try queue.put(QueueItem(value: -1, tag: -1))
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-flood <count>`: waits for one byte on stdin, then sends `count` 8-byte frames.
  static let pipeFloodWorker: Workers.Role = { args in
    guard let count: Int = IPC.argument(args, 0) else {
      return IPC.fail("usage: pipe-flood <count>")
    }
    do {
      _ = try FileIO.readExactly(0, 1)
      var frame = [UInt8](repeating: 0, count: 12)
      frame[0] = 8
      for i in 0..<count {
        withUnsafeBytes(of: Int64(i).littleEndian) { raw in
          for b in 0..<8 { frame[4 + b] = raw[b] }
        }
        try FileIO.writeAll(1, frame)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
