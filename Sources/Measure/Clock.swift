import Glibc

/// The monotonic clock: time that only moves forward, unaffected by changes to the wall
/// clock, for measuring intervals.
public enum MonotonicClock {
  /// Nanoseconds since an arbitrary fixed point (usually boot).
  ///
  /// The corresponding C function is `clock_gettime(CLOCK_MONOTONIC)`.
  @inline(__always)
  public static func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
  }

  /// Seconds since the same fixed point as ``nanoseconds()``.
  @inline(__always)
  public static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  /// The clock's resolution in seconds, as the kernel reports it.
  ///
  /// The corresponding C function is `clock_getres(CLOCK_MONOTONIC)`.
  public static func resolution() -> Double {
    var resolution = timespec()
    clock_getres(CLOCK_MONOTONIC, &resolution)
    return Double(resolution.tv_sec) + Double(resolution.tv_nsec) * 1e-9
  }
}

/// Consumes `value` in a way the optimizer cannot see through, so that a benchmark's result
/// is computed even though nothing else uses it.
///
/// Without it, a release build may delete the work being timed (and report that an addition
/// takes 0 ns). The function is never inlined and never optimized, so at every call site the
/// compiler must materialize `value` and assume the call may use it. The call itself costs a
/// few nanoseconds: time a batch of work per call, not a single addition.
///
/// ```swift
/// let result = TimeIt.measure("sum") { blackHole((0..<opaque(1000)).reduce(0, +)) }
/// ```
@inline(never)
@_optimize(none)
public func blackHole<T>(_ value: T) {}

/// Returns `value` unchanged, through a call the optimizer cannot see through, so that a
/// benchmark's input is not constant-folded at compile time.
///
/// ```swift
/// let n = opaque(1_000_000)  // the loop below cannot be computed in advance
/// ```
@inline(never)
@_optimize(none)
public func opaque<T>(_ value: T) -> T {
  value
}
