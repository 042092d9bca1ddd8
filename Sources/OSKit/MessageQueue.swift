public import CProcLab
import Glibc

/// A POSIX message queue (`mq_open`), mode 0600, named with `IPCNames`.
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
    let q = pl_mq_create(name, maxMessages, messageSize)
    guard q >= 0 else { throw SystemError("creating message queue \(name)") }
    return MessageQueue(
      name: name, descriptor: q, maxMessages: maxMessages, messageSize: messageSize)
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
