public import CProcLab
import Glibc

/// A POSIX shared-memory object (`shm_open` + `mmap`), mode 0600, named with `IPCNames`.
// @unchecked: the mapping is shared memory on purpose (the lessons' races happen in it);
// its address and size never change, and `unlinked` is set only by the owner's `unlink`.
public final class SharedMemory: @unchecked Sendable {
  /// The largest object ProcLab will create: a demo needs a few bytes, and /dev/shm is RAM.
  public static let maximumSize = 64 << 20

  public let name: String
  public let size: Int
  public let base: UnsafeMutableRawPointer
  private let fd: Int32
  private var unlinked = false

  private init(name: String, size: Int, base: UnsafeMutableRawPointer, fd: Int32) {
    self.name = name
    self.size = size
    self.base = base
    self.fd = fd
  }

  /// Creates a new object of `size` bytes, zero-filled.
  /// - Throws: `SystemError`; a size over `maximumSize` is refused before any system call.
  public static func create(_ what: String, size: Int) throws(SystemError) -> SharedMemory {
    guard size > 0, size <= maximumSize else {
      throw SystemError(
        "creating shared memory of \(size) bytes (ProcLab refuses more than 64 MiB: /dev/shm is RAM)",
        errno: .invalidArgument)
    }
    let name = IPCNames.make(what)
    let fd = pl_shm_create(name, size)
    guard fd >= 0 else { throw SystemError("creating shared memory \(name)") }
    do {
      return try map(name: name, size: size, fd: fd)
    } catch {
      shm_unlink(name)
      close(fd)
      throw error
    }
  }

  /// Opens an existing object by name, as a second process attaches to it.
  public static func attach(_ name: String, size: Int) throws(SystemError) -> SharedMemory {
    let fd = shm_open(name, O_RDWR | O_CLOEXEC, 0)
    guard fd >= 0 else { throw SystemError("attaching to shared memory \(name)") }
    do {
      return try map(name: name, size: size, fd: fd)
    } catch {
      close(fd)
      throw error
    }
  }

  private static func map(name: String, size: Int, fd: Int32) throws(SystemError) -> SharedMemory {
    let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
    guard let p, p != MAP_FAILED else { throw SystemError("mapping shared memory \(name)") }
    return SharedMemory(name: name, size: size, base: p, fd: fd)
  }

  /// Removes the name; the memory lives on while any process has it mapped.
  public func unlink() {
    guard !unlinked else { return }
    unlinked = true
    shm_unlink(name)
  }

  deinit {
    munmap(base, size)
    close(fd)
  }

  /// A pointer to a value at `offset` bytes into the object.
  public func pointer<T>(at offset: Int, as type: T.Type) -> UnsafeMutablePointer<T> {
    precondition(offset >= 0 && offset + MemoryLayout<T>.size <= size)
    return (base + offset).assumingMemoryBound(to: T.self)
  }
}

/// A process-shared unnamed semaphore living inside shared memory (`sem_init(…, 1, …)`).
// @unchecked: a semaphore is made to be used from several threads and processes at once;
// the struct holds only its address.
public struct SharedSemaphore: @unchecked Sendable {
  public let pointer: UnsafeMutablePointer<sem_t>

  public init(at pointer: UnsafeMutablePointer<sem_t>) { self.pointer = pointer }

  /// Initialises the semaphore with `value`. Only the creator calls this, once.
  public static func initialize(
    at pointer: UnsafeMutablePointer<sem_t>, value: UInt32
  ) throws(SystemError) -> SharedSemaphore {
    try retryingInterrupts("initialising a semaphore") { sem_init(pointer, 1, value) }
    return SharedSemaphore(at: pointer)
  }

  /// Decrements, waiting while the value is 0. The corresponding C function is `sem_wait`.
  public func acquire() throws(SystemError) {
    try retryingInterrupts("waiting on a semaphore") { sem_wait(pointer) }
  }

  /// Like `acquire`, but gives up after `timeout` seconds. Returns false on time-out.
  public func acquire(timeout: Double) throws(SystemError) -> Bool {
    if pl_sem_timedwait_relative(pointer, timeout) == 0 { return true }
    if errno == ETIMEDOUT { return false }
    throw SystemError("waiting on a semaphore")
  }

  /// Increments, waking one waiter. The corresponding C function is `sem_post`.
  public func release() throws(SystemError) {
    try retryingInterrupts("posting a semaphore") { sem_post(pointer) }
  }

  /// The current value. The corresponding C function is `sem_getvalue`.
  public var value: Int32 {
    var v: Int32 = 0
    sem_getvalue(pointer, &v)
    return v
  }
}
