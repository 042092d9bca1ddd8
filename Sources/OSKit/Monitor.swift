import Glibc

/// A value guarded by a mutex, with a condition variable to wait until it changes: the
/// building block of the pools' task queues and result tables, and of parallel lesson loading.
///
/// `Synchronization.Mutex` cannot wait; this pairs a `pthread_mutex_t` with a
/// `pthread_cond_t` on the monotonic clock, so timed waits are immune to wall-clock changes.
// @unchecked: `state` is read and written only with `mutex` held; that is what a monitor is.
public final class Monitor<State>: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>
  private var state: State

  public init(_ initial: State) {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    condition = .allocate(capacity: 1)
    condition.initialize(to: pthread_cond_t())
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
    state = initial
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deinitialize(count: 1)
    condition.deallocate()
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` with the lock held.
  public func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&state)
  }

  /// Changes the state with the lock held and wakes every waiter.
  public func update<R>(_ body: (inout State) throws -> R) rethrows -> R {
    pthread_mutex_lock(mutex)
    defer {
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
    }
    return try body(&state)
  }

  /// Wakes every waiter, to re-check a change made with `withLock`.
  public func broadcast() {
    pthread_mutex_lock(mutex)
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Waits until `body` returns a value, at most `timeout` seconds (nil: forever).
  ///
  /// `body` runs with the lock held, first at once and again after every change.
  /// - Returns: what `body` returned, or nil when the time ran out first.
  public func wait<R>(timeout: Double? = nil, until body: (inout State) -> R?) -> R? {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    var deadline = timespec()
    if let timeout {
      clock_gettime(CLOCK_MONOTONIC, &deadline)
      let whole = Int(max(0, min(timeout, 1e6)))
      var nanoseconds = Int(deadline.tv_nsec) + Int((max(0, timeout) - Double(whole)) * 1e9)
      deadline.tv_sec += whole + nanoseconds / 1_000_000_000
      nanoseconds %= 1_000_000_000
      deadline.tv_nsec = nanoseconds
    }
    while true {
      if let result = body(&state) { return result }
      if timeout == nil {
        pthread_cond_wait(condition, mutex)
      } else if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT {
        return body(&state)
      }
    }
  }
}
