import CProcLab
import Glibc
import Measure

/// One task for a pool: what to do, with which argument, and what to return. Small and fixed
/// in size, so a process pool can send it down a pipe as five 64-bit numbers.
struct PoolTask: Sendable, Equatable {
  /// What the task does.
  enum Work: Int64, Sendable {
    /// Returns at once: what is left is the pool's own cost per task.
    case nothing = 0
    /// Sleeps for `seconds`, like the tutorials' `time.sleep(1)`: the worker waits, the CPU is free.
    case sleep = 1
    /// Keeps a CPU busy for `seconds`.
    case spin = 2
    /// The process tutorial's `is_prime(argument)`: returns 1 or 0.
    case isPrime = 3
    /// Counts `argument` down to zero (the GIL tutorial's loop).
    case countdown = 4
  }

  /// What a `nothing`, `sleep` or `spin` task returns for its argument.
  enum Returns: Int64, Sendable {
    /// `x * x`, like the GIL tutorial's `f(x)`.
    case square = 0
    /// `n * 2`, like the pool tutorial's `myTask(n)`.
    case double = 1
  }

  var work: Work
  var argument: Int64
  /// How long a `sleep` or `spin` task lasts, in nanoseconds.
  var nanoseconds: Int64 = 0
  var returns: Returns = .square

  /// Runs the task in the calling thread and returns its value.
  func perform() -> Int64 {
    switch work {
    case .nothing:
      return value(of: argument)
    case .sleep:
      PoolTask.sleep(nanoseconds: nanoseconds)
      return value(of: argument)
    case .spin:
      let end = MonotonicClock.nanoseconds() &+ UInt64(max(0, nanoseconds))
      var spins: UInt64 = 0
      while MonotonicClock.nanoseconds() < end { spins &+= pl_spin(1000) }
      blackHole(spins)
      return value(of: argument)
    case .isPrime:
      return Primes.isPrime(argument) ? 1 : 0
    case .countdown:
      return pl_countdown_register(argument)
    }
  }

  private func value(of x: Int64) -> Int64 {
    switch returns {
    case .square: x &* x
    case .double: x &* 2
    }
  }

  /// Sleeps the whole time even when a signal interrupts `nanosleep`.
  static func sleep(nanoseconds: Int64) {
    guard nanoseconds > 0 else { return }
    var request = timespec(
      tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }
}

/// What became of one task: its value, who ran it, and when (monotonic seconds, the same
/// clock in every process, so the timelines of several workers line up).
struct TaskOutcome: Sendable, Equatable {
  /// The pool's number for the task, in submission order from 0.
  var id: Int
  var value: Int64
  /// The worker's index in its pool, from 0.
  var worker: Int
  /// The worker's pid (a process pool) or thread id (a thread pool).
  var pid: Int32
  var start: Double
  var end: Double
}

/// How tasks and outcomes travel through a process pool's pipes.
///
/// The parent writes messages of a fixed size to one task pipe that every worker reads from;
/// a message is at most `PIPE_BUF` bytes, so each `write` is atomic and each worker's `read`
/// of exactly one message size takes one whole message. Workers write fixed-size outcome
/// records to one shared result pipe, again atomically.
enum PoolWire {
  /// Bytes per task inside a message: id, work, argument, nanoseconds, returns.
  static let taskBytes = 40
  /// Bytes per outcome record: id, value, worker, pid, start and end in nanoseconds.
  static let outcomeBytes = 48
  /// The most tasks one message (one chunk) may carry, so that it fits in `PIPE_BUF`.
  static let maxChunk = 100

  /// The size of every message of a pool whose chunks hold at most `chunk` tasks.
  static func messageBytes(chunk: Int) -> Int { 8 + taskBytes * max(1, chunk) }

  static func encode(_ tasks: [(id: Int, task: PoolTask)], messageBytes: Int) -> [UInt8] {
    var words: [Int64] = [Int64(tasks.count)]
    for (id, task) in tasks {
      words += [
        Int64(id), task.work.rawValue, task.argument, task.nanoseconds, task.returns.rawValue,
      ]
    }
    var bytes = [UInt8](repeating: 0, count: messageBytes)
    words.withUnsafeBytes { raw in
      for i in 0..<min(raw.count, messageBytes) { bytes[i] = raw[i] }
    }
    return bytes
  }

  /// The tasks in one message, or nil if the message is malformed.
  static func decode(_ bytes: [UInt8]) -> [(id: Int, task: PoolTask)]? {
    func word(_ index: Int) -> Int64 {
      bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index * 8, as: Int64.self) }
    }
    guard bytes.count >= 8 else { return nil }
    let count = Int(word(0))
    guard count >= 0, 8 + count * taskBytes <= bytes.count else { return nil }
    var tasks: [(id: Int, task: PoolTask)] = []
    for i in 0..<count {
      let base = 1 + i * 5
      guard let work = PoolTask.Work(rawValue: word(base + 1)),
        let returns = PoolTask.Returns(rawValue: word(base + 4))
      else { return nil }
      tasks.append(
        (
          Int(word(base)),
          PoolTask(
            work: work, argument: word(base + 2), nanoseconds: word(base + 3), returns: returns)
        ))
    }
    return tasks
  }

  static func encode(_ outcome: TaskOutcome) -> [UInt8] {
    let words: [Int64] = [
      Int64(outcome.id), outcome.value, Int64(outcome.worker), Int64(outcome.pid),
      Int64(outcome.start * 1e9), Int64(outcome.end * 1e9),
    ]
    return words.withUnsafeBytes { Array($0) }
  }

  /// The outcome record at `offset` in `bytes`.
  static func decodeOutcome(_ bytes: [UInt8], at offset: Int) -> TaskOutcome {
    func word(_ index: Int) -> Int64 {
      bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + index * 8, as: Int64.self) }
    }
    return TaskOutcome(
      id: Int(word(0)), value: word(1), worker: Int(word(2)),
      pid: Int32(truncatingIfNeeded: word(3)),
      start: Double(word(4)) * 1e-9, end: Double(word(5)) * 1e-9)
  }
}
