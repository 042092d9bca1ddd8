public import CProcLab
import Glibc
import SystemPackage

/// A POSIX message queue (`mq_open`), mode 0600, named with `IPCNames`.
// @unchecked: the descriptor is safe to use from several threads (the kernel serialises
// mq_send and mq_receive); `unlinked` is set only by `unlink`, called by the queue's owner.
public final class MessageQueue: @unchecked Sendable {
  public let name: String
  public let descriptor: mqd_t
  public let maxMessages: Int
  public let messageSize: Int
  private var unlinked = false

  private init(name: String, descriptor: mqd_t, maxMessages: Int, messageSize: Int) {
    self.name = name
    self.descriptor = descriptor
    self.maxMessages = maxMessages
    self.messageSize = messageSize
  }

  /// Creates a queue. Sizes beyond the system's limits (see /proc/sys/fs/mqueue) fail with EINVAL.
  public static func create(
    _ what: String, maxMessages: Int = 10, messageSize: Int = 8192
  ) throws(SystemError) -> MessageQueue {
    guard maxMessages * messageSize <= SharedMemory.maximumSize else {
      throw SystemError("creating a message queue over 64 MiB", errno: .invalidArgument)
    }
    let name = IPCNames.make(what)
    // Recorded before it exists: a kill between the two leaves a name the sweep can find.
    IPCRecord.note(name)
    let q = pl_mq_create(name, maxMessages, messageSize)
    guard q >= 0 else {
      let code = errno
      throw SystemError(
        "creating message queue \(name)", errno: Errno(rawValue: code),
        explanation: creationFailure(code, bytes: maxMessages * (messageSize + 64)))
    }
    return MessageQueue(
      name: name, descriptor: q, maxMessages: maxMessages, messageSize: messageSize)
  }

  /// What really happened when `mq_open(O_CREAT)` failed, where the errno alone misleads: the
  /// per-user limit on queue memory (RLIMIT_MSGQUEUE) fails with EMFILE, like the open-file
  /// limit, and the system's count of queues (`queues_max`) with ENOSPC, like a full disk.
  static func creationFailure(_ code: Int32, bytes: Int) -> String? {
    switch code {
    case EMFILE:
      let open = FileIO.entries(in: "/proc/self/fd")?.count ?? 0
      let fileLimit = pl_open_file_limit()
      if fileLimit > 0 && open + 4 >= fileLimit { return nil }  // the open-file limit indeed
      let limit = pl_msgqueue_limit()
      let allowed = limit < 0 ? "" : " allows \(limit) bytes"
      return
        "the per-user message-queue limit is reached: RLIMIT_MSGQUEUE (ulimit -q)\(allowed) for all of this user's queues, and this one needs about \(bytes)"
    case ENOSPC:
      let max = FileIO.readText("/proc/sys/fs/mqueue/queues_max")?.filter(\.isNumber) ?? "?"
      return
        "the system's limit on the number of message queues is reached (/proc/sys/fs/mqueue/queues_max = \(max))"
    default:
      return nil
    }
  }

  /// Opens an existing queue by name.
  public static func attach(_ name: String) throws(SystemError) -> MessageQueue {
    let q = pl_mq_open(name)
    guard q >= 0 else { throw SystemError("opening message queue \(name)") }
    var attr = mq_attr()
    mq_getattr(q, &attr)
    return MessageQueue(
      name: name, descriptor: q, maxMessages: attr.mq_maxmsg, messageSize: attr.mq_msgsize)
  }

  public func unlink() {
    guard !unlinked else { return }
    unlinked = true
    mq_unlink(name)
  }

  public func send(_ bytes: UnsafeRawBufferPointer, priority: UInt32 = 0) throws(SystemError) {
    try retryingInterrupts("sending on message queue \(name)") {
      mq_send(
        descriptor, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), bytes.count, priority)
    }
  }

  /// Receives one message into `buffer` (which must hold `messageSize` bytes).
  public func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
    try retryingInterrupts("receiving on message queue \(name)") {
      mq_receive(
        descriptor, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), buffer.count, nil)
    }
  }

  deinit { mq_close(descriptor) }
}
