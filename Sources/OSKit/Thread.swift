import CProcLab
import Glibc

/// A POSIX thread running a closure, joined explicitly. Swift threads have no GIL: several of
/// these run Swift code on several CPUs at once.
// @unchecked: `handle` is set once in init, and `joined` only by `join`, which the thread's
// owner calls once.
public final class Thread: @unchecked Sendable {
  private var handle = pthread_t()
  private var joined = false

  private final class Box {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  /// Starts a thread running `body`. The corresponding C function is `pthread_create`.
  public init(starting body: @escaping @Sendable () -> Void) throws(SystemError) {
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    let rc = pthread_create(
      &handle, nil,
      { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
      }, box)
    if rc != 0 {
      Unmanaged<Box>.fromOpaque(box).release()
      throw SystemError("starting a thread", errno: .init(rawValue: rc))
    }
  }

  /// Waits for the thread to finish. The corresponding C function is `pthread_join`.
  public func join() {
    guard !joined else { return }
    joined = true
    pthread_join(handle, nil)
  }

  /// The kernel's id for the calling thread (what `ps -L` shows). The C function is `gettid`.
  public static var currentID: Int32 { pl_gettid() }
}
