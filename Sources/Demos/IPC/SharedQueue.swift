import CProcLab
import Glibc
import Localization
import Measure
import OSKit

/// One item of a `SharedQueue`: fixed size, so that it can live in shared memory.
struct QueueItem: Equatable, Sendable {
  /// Orders a priority queue: the lowest comes out first (Python's PriorityQueue).
  var priority: Int64
  var value: Int64
  /// Which producer put it (an index chosen by the demo).
  var producer: Int32
  /// Free for the demo; -1 marks a "no more work" sentinel.
  var tag: Int32

  init(priority: Int64 = 0, value: Int64, producer: Int32 = 0, tag: Int32 = 0) {
    self.priority = priority
    self.value = value
    self.producer = producer
    self.tag = tag
  }
}

/// Why a queue operation did not happen: Python's `queue.Full` and `queue.Empty`, and the
/// `ValueError` of calling `task_done` too often.
enum QueueError: Error, Equatable, CustomStringConvertible {
  case full
  case empty
  case taskDoneTooOften
  case system(String)

  var description: String {
    switch self {
    case .full: "Full"
    case .empty: "Empty"
    case .taskDoneTooOften: "ValueError: task_done() called too many times"
    case .system(let text): text
    }
  }
}

/// A process-safe queue in shared memory with the semantics of Python's `queue` module and
/// the IPC tutorial: FIFO, LIFO or priority order; `maxsize`; `put`/`get` that block, optionally
/// with a timeout, and raise `Full`/`Empty`; `task_done`/`join`.
///
/// Everything lives in the region it is given: a process-shared, robust pthread mutex, three
/// process-shared condition variables (not empty, not full, all tasks done), the counters and
/// the slots. Any process that maps the region can use the queue.
// @unchecked: the struct is only the region's address; every access to the slots and
// counters inside it goes through the region's process-shared mutex.
struct SharedQueue: @unchecked Sendable {
  enum Kind: Int32, CaseIterable, Sendable {
    case fifo = 0
    case lifo = 1
    case priority = 2

    var name: String {
      switch self {
      case .fifo: "FIFO (Queue)"
      case .lifo: "LIFO (LifoQueue)"
      case .priority: "priority (PriorityQueue)"
      }
    }

    /// ``name`` as drawn, in the run's language.
    var shownName: String {
      switch self {
      case .fifo: Catalog.text("demo.queue.kind.fifo")
      case .lifo: Catalog.text("demo.queue.kind.lifo")
      case .priority: Catalog.text("demo.queue.kind.priority")
      }
    }
  }

  /// The bookkeeping at the start of the region.
  struct Header {
    var mutex = pthread_mutex_t()
    var notEmpty = pthread_cond_t()
    var notFull = pthread_cond_t()
    var allDone = pthread_cond_t()
    var kind: Int32 = 0
    var capacity: Int32 = 0
    var maxsize: Int32 = 0
    var head: Int32 = 0
    var count: Int32 = 0
    var unfinished: Int64 = 0
    var nextSequence: Int64 = 0
    /// How many `put`s had to wait for room, and how many `get`s for an item.
    var putWaits: Int64 = 0
    var getWaits: Int64 = 0
  }

  /// A slot: the item and its insertion number (ties in priority keep FIFO order).
  struct Slot {
    var item: QueueItem
    var sequence: Int64
  }

  let header: UnsafeMutablePointer<Header>
  let slots: UnsafeMutablePointer<Slot>

  /// Bytes needed for a queue of `capacity` slots, rounded up to a cache line.
  static func bytes(capacity: Int) -> Int {
    let raw = MemoryLayout<Header>.stride + capacity * MemoryLayout<Slot>.stride
    return (raw + 63) / 64 * 64
  }

  /// The most slots ProcLab gives a queue (Python's unbounded queue grows; this one cannot).
  static let maximumCapacity = 1 << 20

  private init(base: UnsafeMutableRawPointer) {
    header = base.assumingMemoryBound(to: Header.self)
    slots = (base + MemoryLayout<Header>.stride).assumingMemoryBound(to: Slot.self)
  }

  /// Sets up a new queue at `base`, which must hold `bytes(capacity:)` bytes.
  /// - Parameters:
  ///   - maxsize: at most this many items at once; 0 or less means "no limit" (up to
  ///     `capacity`, since shared memory cannot grow), as in Python.
  static func create(
    at base: UnsafeMutableRawPointer, kind: Kind, maxsize: Int, capacity: Int
  ) throws(QueueError) -> SharedQueue {
    guard capacity > 0, capacity <= maximumCapacity else {
      throw .system("a queue holds 1…\(maximumCapacity) items")
    }
    let q = SharedQueue(base: base)
    q.header.initialize(to: Header())
    q.header.pointee.kind = kind.rawValue
    q.header.pointee.capacity = Int32(capacity)
    q.header.pointee.maxsize = Int32(maxsize <= 0 ? capacity : min(maxsize, capacity))
    var rc = pl_mutex_init_shared(q.mutex, false, true)
    if rc == 0 { rc = pl_cond_init_shared(q.notEmpty) }
    if rc == 0 { rc = pl_cond_init_shared(q.notFull) }
    if rc == 0 { rc = pl_cond_init_shared(q.allDone) }
    if rc != 0 { throw .system("initialising the queue's lock failed: \(IPC.errnoName(rc))") }
    return q
  }

  /// The queue another process set up at `base` (its mapping of the same region).
  static func attach(at base: UnsafeMutableRawPointer) -> SharedQueue {
    SharedQueue(base: base)
  }

  /// Destroys the lock and condition variables (once no process uses the queue).
  func destroy() {
    pthread_cond_destroy(allDone)
    pthread_cond_destroy(notFull)
    pthread_cond_destroy(notEmpty)
    pthread_mutex_destroy(mutex)
  }

  private func field<T>(_ path: KeyPath<Header, T>) -> UnsafeMutablePointer<T> {
    let offset = MemoryLayout<Header>.offset(of: path) ?? 0
    return (UnsafeMutableRawPointer(header) + offset).assumingMemoryBound(to: T.self)
  }
  private var mutex: UnsafeMutablePointer<pthread_mutex_t> { field(\.mutex) }
  private var notEmpty: UnsafeMutablePointer<pthread_cond_t> { field(\.notEmpty) }
  private var notFull: UnsafeMutablePointer<pthread_cond_t> { field(\.notFull) }
  private var allDone: UnsafeMutablePointer<pthread_cond_t> { field(\.allDone) }

  var kind: Kind { Kind(rawValue: header.pointee.kind) ?? .fifo }
  var maxsize: Int { Int(header.pointee.maxsize) }

  // MARK: Locking

  /// Locks the queue. The mutex is robust: if a process died holding it, the lock is made
  /// consistent again (the queue's counters are updated in single steps, so they still hold).
  private func lock() throws(QueueError) {
    let rc = pthread_mutex_lock(mutex)
    if rc == EOWNERDEAD {
      pthread_mutex_consistent(mutex)
    } else if rc != 0 {
      throw .system("locking the queue failed: \(IPC.errnoName(rc))")
    }
  }

  private func unlock() { pthread_mutex_unlock(mutex) }

  /// Waits on `cond` until `deadline` (monotonic ns; nil: forever). Returns false on time-out.
  private func wait(_ cond: UnsafeMutablePointer<pthread_cond_t>, until deadline: UInt64?)
    -> Bool
  {
    let rc: Int32
    if let deadline {
      rc = pl_cond_wait_until(cond, mutex, deadline)
    } else {
      rc = pthread_cond_wait(cond, mutex)
    }
    if rc == EOWNERDEAD { pthread_mutex_consistent(mutex) }
    return rc != ETIMEDOUT
  }

  private static func deadline(block: Bool, timeout: Double?) -> UInt64? {
    guard block, let timeout else { return nil }
    return MonotonicClock.nanoseconds() &+ UInt64(max(0, timeout) * 1e9)
  }

  // MARK: Python's API

  /// Puts `item` in the queue.
  /// - Parameters:
  ///   - block: wait for a free slot (false: raise `Full` at once when there is none).
  ///   - timeout: with `block`, wait at most this many seconds, then raise `Full`.
  func put(_ item: QueueItem, block: Bool = true, timeout: Double? = nil) throws(QueueError) {
    let deadline = SharedQueue.deadline(block: block, timeout: timeout)
    try lock()
    defer { unlock() }
    let h = header
    if h.pointee.count >= h.pointee.maxsize {
      guard block else { throw .full }
      h.pointee.putWaits += 1
      while h.pointee.count >= h.pointee.maxsize {
        if !wait(notFull, until: deadline) && h.pointee.count >= h.pointee.maxsize {
          throw .full
        }
      }
    }
    insert(item)
    h.pointee.unfinished += 1
    pthread_cond_signal(notEmpty)
  }

  /// Removes and returns the next item (by the queue's order).
  /// - Parameters:
  ///   - block: wait for an item (false: raise `Empty` at once when there is none).
  ///   - timeout: with `block`, wait at most this many seconds, then raise `Empty`.
  func get(block: Bool = true, timeout: Double? = nil) throws(QueueError) -> QueueItem {
    let deadline = SharedQueue.deadline(block: block, timeout: timeout)
    try lock()
    defer { unlock() }
    let h = header
    if h.pointee.count == 0 {
      guard block else { throw .empty }
      h.pointee.getWaits += 1
      while h.pointee.count == 0 {
        if !wait(notEmpty, until: deadline) && h.pointee.count == 0 { throw .empty }
      }
    }
    let item = remove()
    pthread_cond_signal(notFull)
    return item
  }

  /// Says that an item taken with `get` has been dealt with; wakes `join` when none is left.
  func taskDone() throws(QueueError) {
    try lock()
    defer { unlock() }
    guard header.pointee.unfinished > 0 else { throw .taskDoneTooOften }
    header.pointee.unfinished -= 1
    if header.pointee.unfinished == 0 { pthread_cond_broadcast(allDone) }
  }

  /// Blocks until every item ever put has been marked done with `taskDone`.
  /// - Parameter timeout: give up after this many seconds (nil: wait forever).
  /// - Returns: true when all tasks are done, false on time-out.
  @discardableResult
  func join(timeout: Double? = nil) throws(QueueError) -> Bool {
    let deadline = SharedQueue.deadline(block: true, timeout: timeout)
    try lock()
    defer { unlock() }
    while header.pointee.unfinished > 0 {
      if !wait(allDone, until: deadline) && header.pointee.unfinished > 0 { return false }
    }
    return true
  }

  /// How many items are in the queue now (Python's `qsize()`).
  var count: Int {
    guard (try? lock()) != nil else { return 0 }
    defer { unlock() }
    return Int(header.pointee.count)
  }
  var isEmpty: Bool { count == 0 }
  var isFull: Bool { count >= maxsize }
  /// Items put but not yet marked done.
  var unfinished: Int {
    guard (try? lock()) != nil else { return 0 }
    defer { unlock() }
    return Int(header.pointee.unfinished)
  }
  /// How many items have ever been put.
  var totalPuts: Int {
    guard (try? lock()) != nil else { return 0 }
    defer { unlock() }
    return Int(header.pointee.nextSequence)
  }
  /// (puts that waited for room, gets that waited for an item).
  var waits: (puts: Int, gets: Int) {
    guard (try? lock()) != nil else { return (0, 0) }
    defer { unlock() }
    return (Int(header.pointee.putWaits), Int(header.pointee.getWaits))
  }

  // MARK: Storage (called with the lock held)

  private func insert(_ item: QueueItem) {
    let h = header
    let capacity = Int(h.pointee.capacity)
    let count = Int(h.pointee.count)
    let sequence = h.pointee.nextSequence
    h.pointee.nextSequence += 1
    let slot = Slot(item: item, sequence: sequence)
    switch kind {
    case .fifo:
      slots[(Int(h.pointee.head) + count) % capacity] = slot
    case .lifo:
      slots[count] = slot
    case .priority:
      // A binary min-heap on (priority, sequence).
      var child = count
      slots[child] = slot
      while child > 0 {
        let parent = (child - 1) / 2
        guard SharedQueue.before(slots[child], slots[parent]) else { break }
        slots.swapAt(child, parent)
        child = parent
      }
    }
    h.pointee.count += 1
  }

  private func remove() -> QueueItem {
    let h = header
    let capacity = Int(h.pointee.capacity)
    let count = Int(h.pointee.count)
    h.pointee.count -= 1
    switch kind {
    case .fifo:
      let item = slots[Int(h.pointee.head)].item
      h.pointee.head = Int32((Int(h.pointee.head) + 1) % capacity)
      return item
    case .lifo:
      return slots[count - 1].item
    case .priority:
      let item = slots[0].item
      let last = count - 1
      slots[0] = slots[last]
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < last && SharedQueue.before(slots[left], slots[smallest]) { smallest = left }
        if right < last && SharedQueue.before(slots[right], slots[smallest]) { smallest = right }
        if smallest == parent { break }
        slots.swapAt(parent, smallest)
        parent = smallest
      }
      return item
    }
  }

  private static func before(_ a: Slot, _ b: Slot) -> Bool {
    (a.item.priority, a.sequence) < (b.item.priority, b.sequence)
  }
}

extension UnsafeMutablePointer {
  fileprivate func swapAt(_ i: Int, _ j: Int) {
    let t = self[i]
    self[i] = self[j]
    self[j] = t
  }
}
