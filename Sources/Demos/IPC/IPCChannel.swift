import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

// The channel ipc-compare measures: one message at a time over each compared mechanism.

/// One end of a two-way message channel over one of the compared mechanisms. `send` and
/// `receive` move exactly `n` bytes as one message.
final class Channel {
  /// The failure of a message that arrived with the wrong length.
  static func sizeError(got: some BinaryInteger, expected: Int) -> String {
    Catalog.text("demo.error.messageSize", ["got": "\(got)", "expected": "\(expected)"])
  }

  let mechanism: IPCCompare.Mechanism
  let isParent: Bool
  /// Called while a wait drags on, to notice a dead worker or Ctrl-C.
  var watch: () throws -> Void = {}
  private var readFD: Int32 = -1
  private var writeFD: Int32 = -1
  private var queues: [MessageQueue] = []
  private var memory: SharedMemory?
  private var fileFD: Int32 = -1
  private var maxMessage: Int
  private var mqBuffer: UnsafeMutableRawPointer?
  // File slots: what this end has written and consumed.
  private var written: Int64 = 0
  private var consumed: Int64 = 0

  private init(_ m: IPCCompare.Mechanism, parent: Bool, maxMessage: Int) {
    mechanism = m
    isParent = parent
    self.maxMessage = maxMessage
  }

  deinit {
    close()
    mqBuffer?.deallocate()
  }

  func close() {
    FileIO.closeQuietly(readFD)
    if writeFD != readFD { FileIO.closeQuietly(writeFD) }
    readFD = -1
    writeFD = -1
    for q in queues { q.unlink() }
    queues = []
    memory?.unlink()
    if fileFD >= 0 && isParent { FileIO.closeQuietly(fileFD) }
    fileFD = -1
  }

  // Shared memory: per direction a slot of [sem full][sem empty][length][bytes…].
  private var slotSize: Int { (128 + maxMessage + 63) / 64 * 64 }
  private func slot(_ toWorker: Bool) -> UnsafeMutableRawPointer {
    memory!.base + 64 + (toWorker ? 0 : slotSize)
  }
  // Files: per direction a slot of [written][consumed][length] then bytes from 64.
  private var fileSlotSize: Int64 { Int64((64 + maxMessage + 4095) / 4096 * 4096) }

  static func parentSide(
    _ m: IPCCompare.Mechanism, maxMessage: Int, workers: WorkerGroup, args: [String],
    context: DemoContext
  ) throws -> Channel {
    let c = Channel(m, parent: true, maxMessage: maxMessage)
    switch m {
    case .pipe:
      let (_, toChild, fromChild) = try PipeDemo.start("ipc-echo", args, workers: workers)
      c.writeFD = toChild
      c.readFD = fromChild
    case .socketpair:
      var fds: [Int32] = [-1, -1]
      try retryingInterrupts("creating a socketpair") {
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds)
      }
      defer { FileIO.closeQuietly(fds[1]) }
      do {
        try workers.spawn("ipc-echo", args, stdin: fds[1], stdout: fds[1])
      } catch {
        FileIO.closeQuietly(fds[0])
        throw error
      }
      c.readFD = fds[0]
      c.writeFD = fds[0]
    case .mqueue:
      let down = try MessageQueue.create(
        "down", maxMessages: 10, messageSize: IPCCompare.mqMessageSize)
      c.queues.append(down)
      let up = try MessageQueue.create("up", maxMessages: 10, messageSize: IPCCompare.mqMessageSize)
      c.queues.append(up)
      context.onCleanup {
        mq_unlink(down.name)
        mq_unlink(up.name)
      }
      c.mqBuffer = UnsafeMutableRawPointer.allocate(
        byteCount: IPCCompare.mqMessageSize, alignment: 64)
      try workers.spawn("ipc-echo", args + [down.name, up.name])
      // The worker announces itself with one message once it has both queues open.
      try workers.wait(
        until: Catalog.text("demo.wait.workerQueues"), timeout: 30, context: context
      ) {
        var attr = mq_attr()
        return mq_getattr(up.descriptor, &attr) == 0 && attr.mq_curmsgs > 0
      }
      down.unlink()
      up.unlink()
      try c.receive(c.mqBuffer!, 1)
    case .shm:
      let memory = try SharedMemory.create("compare", size: 64 + 2 * c.slotSize)
      c.memory = memory
      context.onCleanup { memory.unlink() }
      for toWorker in [true, false] {
        let s = c.slot(toWorker)
        _ = try SharedSemaphore.initialize(at: s.assumingMemoryBound(to: sem_t.self), value: 0)
        _ = try SharedSemaphore.initialize(
          at: (s + 32).assumingMemoryBound(to: sem_t.self), value: 1)
      }
      try workers.spawn("ipc-echo", args + [memory.name])
      let attached = memory.pointer(at: 0, as: Int64.self)
      try workers.wait(
        until: Catalog.text("demo.wait.workerAttach"), timeout: 30, context: context
      ) {
        pl_atomic_load(attached) > 0
      }
      memory.unlink()
    case .file:
      var template = Array(
        "\(ProcessEnvironment.value("TMPDIR") ?? "/tmp")/proclab-XXXXXX".utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { throw SystemError("creating a temporary file") }
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      // The name goes at once; both processes use the open descriptor.
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
      c.fileFD = fd
      try workers.spawn("ipc-echo", args, stdin: fd)
    }
    return c
  }

  static func workerSide(
    _ m: IPCCompare.Mechanism, maxMessage: Int, names: [String]
  ) throws -> Channel {
    let c = Channel(m, parent: false, maxMessage: maxMessage)
    switch m {
    case .pipe, .socketpair:
      c.readFD = 0
      c.writeFD = 1
    case .mqueue:
      guard names.count == 2 else { throw DemoError("two queue names needed") }
      c.queues = [try MessageQueue.attach(names[0]), try MessageQueue.attach(names[1])]
      c.mqBuffer = UnsafeMutableRawPointer.allocate(
        byteCount: IPCCompare.mqMessageSize, alignment: 64)
      try c.send(c.mqBuffer!, 1)
    case .shm:
      guard let name = names.first else { throw DemoError("a shared memory name is needed") }
      let probe = 64 + 2 * c.slotSize
      c.memory = try SharedMemory.attach(name, size: probe)
      pl_atomic_store(c.memory!.pointer(at: 0, as: Int64.self), 1)
    case .file:
      c.fileFD = 0
    }
    return c
  }

  // MARK: Moving messages

  func send(_ p: UnsafeRawPointer, _ n: Int) throws {
    switch mechanism {
    case .pipe, .socketpair:
      try FileIO.writeAll(writeFD, UnsafeRawBufferPointer(start: p, count: n))
    case .mqueue:
      try queues[isParent ? 0 : 1].send(UnsafeRawBufferPointer(start: p, count: n))
    case .shm:
      let s = slot(isParent)
      try wait((s + 32).assumingMemoryBound(to: sem_t.self))
      (s + 64).storeBytes(of: n, as: Int.self)
      (s + 128).copyMemory(from: p, byteCount: n)
      sem_post(s.assumingMemoryBound(to: sem_t.self))
    case .file:
      let base: Int64 = isParent ? 0 : fileSlotSize
      var spins = 0
      while try fileWord(base + 8) != written { try pause(&spins) }
      try filePut(p, n, at: base + 64)
      var length = Int64(n)
      try filePut(&length, 8, at: base + 16)
      written += 1
      var w = written
      try filePut(&w, 8, at: base)
    }
  }

  func receive(_ p: UnsafeMutableRawPointer, _ n: Int) throws {
    switch mechanism {
    case .pipe, .socketpair:
      var got = 0
      while got < n {
        let r = read(readFD, p + got, n - got)
        if r < 0 && errno == EINTR { continue }
        if r < 0 { throw SystemError("reading from the \(mechanism.rawValue)") }
        if r == 0 {
          try watch()
          throw DemoError(
            Catalog.text("demo.error.closedEarly", ["mechanism": mechanism.rawValue]))
        }
        got += r
      }
    case .mqueue:
      let q = queues[isParent ? 1 : 0]
      let buffer = UnsafeMutableRawBufferPointer(start: mqBuffer, count: IPCCompare.mqMessageSize)
      while true {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_sec += 1
        let r = mq_timedreceive(
          q.descriptor, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), buffer.count, nil,
          &deadline)
        if r >= 0 {
          guard r == n else { throw DemoError(Channel.sizeError(got: r, expected: n)) }
          p.copyMemory(from: buffer.baseAddress!, byteCount: n)
          return
        }
        if errno == ETIMEDOUT {
          try watch()
          continue
        }
        if errno != EINTR { throw SystemError("receiving from a message queue") }
      }
    case .shm:
      let s = slot(!isParent)
      try wait(s.assumingMemoryBound(to: sem_t.self))
      let length = (s + 64).load(as: Int.self)
      guard length == n else { throw DemoError(Channel.sizeError(got: length, expected: n)) }
      p.copyMemory(from: s + 128, byteCount: n)
      sem_post((s + 32).assumingMemoryBound(to: sem_t.self))
    case .file:
      let base: Int64 = isParent ? fileSlotSize : 0
      var spins = 0
      while try fileWord(base) == consumed { try pause(&spins) }
      let length = try fileWord(base + 16)
      guard length == Int64(n) else {
        throw DemoError(Channel.sizeError(got: length, expected: n))
      }
      var got = 0
      while got < n {
        let r = pread(fileFD, p + got, n - got, off_t(base + 64) + off_t(got))
        if r < 0 && errno == EINTR { continue }
        if r <= 0 { throw SystemError("reading the exchange file") }
        got += r
      }
      consumed += 1
      var c = consumed
      try filePut(&c, 8, at: base + 8)
    }
  }

  private func wait(_ sem: UnsafeMutablePointer<sem_t>) throws {
    while sem_trywait(sem) != 0 {
      if pl_sem_timedwait_relative(sem, 0.5) == 0 { return }
      if errno != ETIMEDOUT { throw SystemError("waiting on a semaphore") }
      try watch()
    }
  }

  private func pause(_ spins: inout Int) throws {
    spins += 1
    if spins % 4096 == 0 { try watch() }
    sched_yield()
  }

  private func fileWord(_ offset: Int64) throws -> Int64 {
    var v: Int64 = 0
    let r = pread(fileFD, &v, 8, off_t(offset))
    if r == 8 { return v }
    if r < 0 && errno != EINTR { throw SystemError("reading the exchange file") }
    return 0
  }

  private func filePut(_ p: UnsafeRawPointer, _ n: Int, at offset: Int64) throws {
    var done = 0
    while done < n {
      let r = pwrite(fileFD, p + done, n - done, off_t(offset) + off_t(done))
      if r < 0 && errno == EINTR { continue }
      if r <= 0 { throw SystemError("writing the exchange file") }
      done += r
    }
  }
}
