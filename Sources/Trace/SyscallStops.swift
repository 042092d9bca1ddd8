import CTrace
import Glibc

/// The tracer's IPC state for one run: what the seccomp stops and the /proc scans found.
struct IPCTracking {
  var record = IPCRecord()
  /// The seccomp filter is in place: every pipe, socket and IPC object is seen being made.
  var seccomp: Bool { record.method == .seccomp }
  /// A trapped call per task, between its seccomp stop and its exit stop.
  var pending: [Int32: PendingCall] = [:]
  /// Index in `record.channels` by inode (both ends of a socket pair).
  var channelIndex: [UInt64: Int] = [:]
  /// Index in `record.objects` of the latest object of each name.
  var objectIndex: [String: Int] = [:]
  /// sem_open's temporary files (created, linked to the real name, unlinked): not objects.
  var temporaries: Set<String> = []
  /// ProcLab's own pipes to the command (its stdout, stderr, the spawn report): not the
  /// program's (the /proc-scan fallback sees them in every process).
  var ownInodes: Set<UInt64> = []
  /// /dev/shm's names before the command started (the /proc-scan fallback).
  var shmAtStart: Set<String> = []
  /// /dev/mqueue's queues ("/NAME") before the command started, when it is mounted (the
  /// /proc-scan fallback); nil when it is not.
  var queuesAtStart: Set<String>?
  /// The wall clock when the command started (the fallback's test of a queue's age).
  var startedAt = 0.0
  var lastSample = -1.0
  /// The filter traps every process's reads and writes from its exec (not x86-64, or
  /// PROCLAB_TRACE_BYTES_FROM_START=1), rather than from when it first holds a pipe or socket.
  var bytesFromStart = false
  /// Processes (tgids) whose reads and writes the filter traps: those that made a pipe or
  /// socket (ct_arm_byte_traps), and the processes they forked after.
  var armed: Set<Int32> = []
  /// Readers seen blocked at the previous sample.
  var previousWaits: Set<PipeWait> = []

  mutating func channel(
    _ kind: TracedChannel.Kind, inode: UInt64, creator: Int32?, at time: Double?
  ) -> Int {
    if let i = channelIndex[inode] { return i }
    record.channels.append(TracedChannel(kind: kind, inode: inode, creator: creator, created: time))
    channelIndex[inode] = record.channels.count - 1
    return record.channels.count - 1
  }

  /// The object called `name`, a new record when it is made again after an unlink.
  mutating func object(
    _ kind: TracedIPCObject.Kind, name: String, createdBy creator: Int32?, at time: Double
  ) -> Int {
    if let i = objectIndex[name], record.objects[i].unlinked == nil,
      creator == nil || record.objects[i].creator == nil
    {
      if creator != nil {
        record.objects[i].creator = creator
        record.objects[i].created = time
      }
      return i
    }
    record.objects.append(
      TracedIPCObject(
        kind: kind, name: name, creator: creator, created: creator == nil ? nil : time))
    objectIndex[name] = record.objects.count - 1
    return record.objects.count - 1
  }
}

/// A reader blocked in read() on a pipe.
struct PipeWait: Hashable {
  var tid: Int32
  var pid: Int32
  var inode: UInt64
}

/// A trapped system call, as its seccomp stop saw it.
struct PendingCall {
  var kind: Int32
  var args: [UInt64]
  var path: String?
  var secondPath: String?
  /// The object existed before the call (so O_CREAT opened it, not made it).
  var existed = false
  /// A read, write, connect or accept on a pipe or socket of the tree: its index in
  /// `IPCRecord.channels`.
  var channel: Int?
}

/// The seccomp side of a trace: the tracee stops at the entry of the few calls the filter
/// traps (Sources/CTrace) and, for those that matter, again at their exit.
extension TraceSession {
  /// A seccomp stop: reads the call; resumes to its exit when its result is needed.
  func seccompStop(_ tid: Int32) {
    ipc.record.syscallStops += 1
    var call = ct_syscall()
    guard ct_get_syscall(tid, &call) == 0, call.at == Int32(CT_SYSCALL_AT_SECCOMP) else {
      _ = ct_continue(tid, 0)
      return
    }
    let args = withUnsafeBytes(of: call.args) { Array($0.bindMemory(to: UInt64.self)) }
    var p = PendingCall(kind: call.kind, args: args)
    func path(_ index: Int, dirfd: Int32 = AT_FDCWD) -> String? {
      IPCReading.string(tid: tid, at: args[index]).map {
        IPCReading.absolute($0, tid: tid, dirfd: dirfd)
      }
    }
    let dirfd0 = Int32(truncatingIfNeeded: args[0])
    switch call.kind {
    case Int32(CT_SYS_PIPE), Int32(CT_SYS_PIPE2), Int32(CT_SYS_SOCKETPAIR), Int32(CT_SYS_SOCKET):
      break
    case Int32(CT_SYS_READ), Int32(CT_SYS_READV), Int32(CT_SYS_RECV), Int32(CT_SYS_WRITE),
      Int32(CT_SYS_WRITEV), Int32(CT_SYS_SEND), Int32(CT_SYS_CONNECT), Int32(CT_SYS_ACCEPT):
      // On a pipe or socket of the tree its result counts; on any other file it goes on at once.
      guard let i = trackedChannel(tid: tid, fd: dirfd0) else {
        _ = ct_continue(tid, 0)
        return
      }
      p.channel = i
    case Int32(CT_SYS_OPEN), Int32(CT_SYS_UNLINK):
      p.path = path(0)
    case Int32(CT_SYS_OPENAT), Int32(CT_SYS_UNLINKAT):
      p.path = path(1, dirfd: dirfd0)
    case Int32(CT_SYS_LINK):
      (p.secondPath, p.path) = (path(0), path(1))
    case Int32(CT_SYS_LINKAT):
      (p.secondPath, p.path) = (
        path(1, dirfd: dirfd0), path(3, dirfd: Int32(truncatingIfNeeded: args[2]))
      )
    case Int32(CT_SYS_MQ_OPEN), Int32(CT_SYS_MQ_UNLINK):
      p.path = IPCReading.string(tid: tid, at: args[0])
      if call.kind == Int32(CT_SYS_MQ_OPEN), let name = p.path {
        p.existed = ct_mq_exists(name) == 1
      }
    default:
      _ = ct_continue(tid, 0)
      return
    }
    let pathBased = [
      CT_SYS_OPEN, CT_SYS_OPENAT, CT_SYS_UNLINK, CT_SYS_UNLINKAT, CT_SYS_LINK,
      CT_SYS_LINKAT,
    ].map(Int32.init).contains(call.kind)
    if pathBased {
      // Any other file: let it run on without a second stop.
      guard let target = p.path, IPCReading.shmKind(target) != nil else {
        _ = ct_continue(tid, 0)
        return
      }
      p.existed = IPCReading.inodeAndOwner(target) != nil
      if finishedAtEntry(p, tid: tid) {
        _ = ct_continue(tid, 0)
        return
      }
    }
    ipc.pending[tid] = p
    _ = ct_continue_to_syscall_exit(tid, 0)
  }

  /// The channel (pipe or socket the tree made) descriptor `fd` of task `tid` is an end of.
  private func trackedChannel(tid: Int32, fd: Int32) -> Int? {
    guard !ipc.record.channels.isEmpty, fd >= 0, let target = IPCReading.target(tid: tid, fd: fd),
      let inode = IPCReading.inode(target, prefix: "pipe")
        ?? IPCReading.inode(target, prefix: "socket"),
      !ipc.ownInodes.contains(inode)
    else { return nil }
    return ipc.channelIndex[inode]
  }

  /// Records an unlink, or an open that cannot create, at its seccomp stop: one stop, not two
  /// (each stop waits for ProcLab to be scheduled). An unlink that fails leaves the file, which
  /// the sweep then finds by its inode. Returns whether `p` was such a call.
  private func finishedAtEntry(_ p: PendingCall, tid: Int32) -> Bool {
    guard let path = p.path, let kind = IPCReading.shmKind(path) else { return false }
    let pid = tasks[tid]?.tgid ?? tid
    switch p.kind {
    case Int32(CT_SYS_UNLINK), Int32(CT_SYS_UNLINKAT):
      guard p.existed, ipc.temporaries.remove(path) == nil else { return true }
      let i = ipc.object(kind, name: path, createdBy: nil, at: now)
      ipc.record.objects[i].unlinkedBy = pid
      ipc.record.objects[i].unlinked = now
      return true
    case Int32(CT_SYS_OPEN), Int32(CT_SYS_OPENAT):
      let flags = Int32(truncatingIfNeeded: p.args[p.kind == Int32(CT_SYS_OPEN) ? 1 : 2])
      guard flags & O_CREAT == 0 else { return false }
      // Opens an existing object (or fails): nothing is made.
      if p.existed {
        let i = ipc.object(kind, name: path, createdBy: nil, at: now)
        ipc.record.objects[i].openedBy.insert(pid)
      }
      return true
    default:
      return false
    }
  }

  /// The inode of the socket at the other end of socket `inode`: a Unix socket's peer, else a
  /// TCP or UDP socket's (the one whose addresses are its own swapped), else 0 (sock_diag).
  static func socketPeer(_ inode: UInt64) -> UInt64 {
    let unix = ct_unix_peer(inode)
    return unix != 0 ? unix : ct_inet_peer(inode)
  }

  /// Gives process `pid`, which now holds a pipe or socket, the filter that traps its reads
  /// and writes (through its task `tid`, in a syscall-exit stop), once. Returns whether another
  /// report came for `tid` meanwhile (it is going away), which has been handled.
  private func armByteTraps(tid: Int32, pid: Int32) -> Bool {
    guard ipc.seccomp, !ipc.bytesFromStart, !ipc.armed.contains(pid) else { return false }
    var status: Int32 = 0
    switch ct_arm_byte_traps(tid, pid, &status) {
    case 0:
      ipc.armed.insert(pid)
      return false
    case -2:
      handle(tid, status)
      return true
    default:
      // Its reads and writes are not seen: the byte counts would be short.
      ipc.record.bytesUncounted.insert(pid)
      return false
    }
  }

  /// A syscall-exit stop: records what the call made, opened or removed; resumes the task.
  func syscallExitStop(_ tid: Int32) {
    var handedOver = false
    defer { if !handedOver { _ = ct_continue(tid, 0) } }
    ipc.record.syscallStops += 1
    guard let p = ipc.pending.removeValue(forKey: tid) else { return }
    var call = ct_syscall()
    guard ct_get_syscall(tid, &call) == 0, call.at == Int32(CT_SYSCALL_AT_EXIT),
      call.is_error == 0
    else { return }
    let pid = tasks[tid]?.tgid ?? tid
    let t = now
    let result = Int32(truncatingIfNeeded: call.rval)
    switch p.kind {
    case Int32(CT_SYS_READ), Int32(CT_SYS_READV), Int32(CT_SYS_RECV):
      if let i = p.channel, call.rval > 0 {
        ipc.record.channels[i].bytesRead[pid, default: 0] += Int(call.rval)
      }
    case Int32(CT_SYS_WRITE), Int32(CT_SYS_WRITEV), Int32(CT_SYS_SEND):
      if let i = p.channel, call.rval > 0 {
        ipc.record.channels[i].bytesWritten[pid, default: 0] += Int(call.rval)
      }
    case Int32(CT_SYS_CONNECT):
      // Connected: a Unix socket's peer is the socket the listener's accept() will return (a
      // TCP one's has no inode until then: the accept finds the pair); a UDP socket's is the
      // socket it connected to, which learns its peer here when it connected first.
      guard let i = p.channel else { return }
      let peer = Self.socketPeer(ipc.record.channels[i].inode)
      guard peer != 0 else { return }
      ipc.record.channels[i].peerInode = peer
      if let j = ipc.channelIndex[peer], j != i, ipc.record.channels[j].peerInode == nil {
        ipc.record.channels[j].peerInode = ipc.record.channels[i].inode
      }
    case Int32(CT_SYS_ACCEPT):
      guard
        let inode = IPCReading.target(tid: tid, fd: result).flatMap({
          IPCReading.inode($0, prefix: "socket")
        })
      else { return }
      let i = ipc.channel(.accepted, inode: inode, creator: pid, at: t)
      ipc.record.channels[i].readers.insert(pid)
      handedOver = armByteTraps(tid: tid, pid: pid)
      let peer = Self.socketPeer(inode)
      guard peer != 0 else { return }
      ipc.record.channels[i].peerInode = peer
      // A TCP connect, and a Unix one that did not wait for its answer (non-blocking), learns
      // its peer here.
      if let j = ipc.channelIndex[peer], j != i, ipc.record.channels[j].peerInode == nil {
        ipc.record.channels[j].peerInode = inode
      }
    case Int32(CT_SYS_PIPE), Int32(CT_SYS_PIPE2):
      guard let (r, w) = IPCReading.fdPair(tid: tid, at: p.args[0]),
        let inode = IPCReading.target(tid: tid, fd: r).flatMap({
          IPCReading.inode($0, prefix: "pipe")
        })
      else { return }
      let i = ipc.channel(.pipe, inode: inode, creator: pid, at: t)
      ipc.record.channels[i].readers.insert(pid)
      ipc.record.channels[i].writers.insert(pid)
      _ = w
      handedOver = armByteTraps(tid: tid, pid: pid)
    case Int32(CT_SYS_SOCKETPAIR):
      guard let (a, b) = IPCReading.fdPair(tid: tid, at: p.args[3]),
        let first = IPCReading.target(tid: tid, fd: a).flatMap({
          IPCReading.inode($0, prefix: "socket")
        })
      else { return }
      let i = ipc.channel(.socketPair, inode: first, creator: pid, at: t)
      defer { handedOver = armByteTraps(tid: tid, pid: pid) }
      if let second = IPCReading.target(tid: tid, fd: b).flatMap({
        IPCReading.inode($0, prefix: "socket")
      }) {
        ipc.record.channels[i].peerInode = second
        ipc.channelIndex[second] = i
      }
      ipc.record.channels[i].readers.insert(pid)
    case Int32(CT_SYS_SOCKET):
      guard
        let inode = IPCReading.target(tid: tid, fd: result).flatMap({
          IPCReading.inode($0, prefix: "socket")
        })
      else { return }
      let i = ipc.channel(.socket, inode: inode, creator: pid, at: t)
      ipc.record.channels[i].readers.insert(pid)
      handedOver = armByteTraps(tid: tid, pid: pid)
    case Int32(CT_SYS_OPEN), Int32(CT_SYS_OPENAT):
      guard let path = p.path, let kind = IPCReading.shmKind(path) else { return }
      let flags = Int32(truncatingIfNeeded: p.args[p.kind == Int32(CT_SYS_OPEN) ? 1 : 2])
      let made = flags & O_CREAT != 0 && !p.existed
      let i = ipc.object(kind, name: path, createdBy: made ? pid : nil, at: t)
      ipc.record.objects[i].openedBy.insert(pid)
      if made { ipc.record.objects[i].inode = IPCReading.inode(tid: tid, fd: result) }
    case Int32(CT_SYS_LINK), Int32(CT_SYS_LINKAT):
      // sem_open: a temporary file, linked to its real name, then unlinked.
      guard let path = p.path, let kind = IPCReading.shmKind(path) else { return }
      if let old = p.secondPath, let j = ipc.objectIndex[old], ipc.record.objects[j].creator == pid
      {
        ipc.temporaries.insert(old)
        ipc.record.objects.remove(at: j)
        ipc.objectIndex = Dictionary(
          ipc.record.objects.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { _, b in b })
      }
      let i = ipc.object(kind, name: path, createdBy: pid, at: t)
      ipc.record.objects[i].openedBy.insert(pid)
      ipc.record.objects[i].inode = IPCReading.inodeAndOwner(path)?.inode
    case Int32(CT_SYS_MQ_OPEN):
      guard let name = p.path else { return }
      let made = Int32(truncatingIfNeeded: p.args[1]) & O_CREAT != 0 && !p.existed
      let i = ipc.object(.mq, name: "/" + name, createdBy: made ? pid : nil, at: t)
      ipc.record.objects[i].openedBy.insert(pid)
    case Int32(CT_SYS_MQ_UNLINK):
      guard let name = p.path else { return }
      let i = ipc.object(.mq, name: "/" + name, createdBy: nil, at: t)
      ipc.record.objects[i].unlinkedBy = pid
      ipc.record.objects[i].unlinked = t
    default:
      break
    }
  }
}
