import CTrace
import Glibc
import OSKit

/// Who holds which end (/proc/<pid>/fd, read at forks, execs and exits), readers blocked on a
/// pipe nobody can write any more (sampled every 50 ms), and the IPC objects left at the end,
/// swept (docs/trace.md, "Pipes, sockets and POSIX IPC").
extension TraceSession {
  /// How often blocked readers are looked for.
  static let waitSampleInterval = 0.05

  /// Before the command starts: ProcLab's own pipes and sockets (the command's copy of them
  /// before its exec is not the program's) and, for the fallback, /dev/shm's names.
  func prepareIPC(seccomp: Bool) {
    ipc.record.method = seccomp ? .seccomp : .procScan
    for d in IPCReading.descriptors(tracerPid) {
      if let inode = IPCReading.inode(d.target, prefix: "pipe")
        ?? IPCReading.inode(d.target, prefix: "socket")
      {
        ipc.ownInodes.insert(inode)
      }
    }
    if !seccomp {
      ipc.shmAtStart = IPCReading.shmNames()
      ipc.queuesAtStart = FileIO.entries(in: IPCNames.mqueueDirectory).map {
        Set($0.map { "/" + $0 })
      }
      var t = timespec()
      clock_gettime(CLOCK_REALTIME, &t)
      ipc.startedAt = Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
  }

  /// Reads the descriptors of process `pid`: which pipe and socket ends it holds and, without
  /// seccomp, the pipes, sockets and /dev/shm objects it has open.
  func scanDescriptors(_ pid: Int32) {
    if ipc.seccomp && ipc.record.channels.isEmpty { return }
    let t = now
    for d in IPCReading.descriptors(pid) {
      if let inode = IPCReading.inode(d.target, prefix: "pipe"), !ipc.ownInodes.contains(inode) {
        guard ipc.channelIndex[inode] != nil || !ipc.seccomp else { continue }
        let i = ipc.channel(.pipe, inode: inode, creator: nil, at: nil)
        if IPCReading.isWriteOnly(pid: pid, fd: d.fd) {
          ipc.record.channels[i].writers.insert(pid)
        } else {
          ipc.record.channels[i].readers.insert(pid)
        }
      } else if let inode = IPCReading.inode(d.target, prefix: "socket"),
        !ipc.ownInodes.contains(inode)
      {
        guard ipc.channelIndex[inode] != nil || !ipc.seccomp else { continue }
        let i = ipc.channel(.socket, inode: inode, creator: nil, at: nil)
        ipc.record.channels[i].readers.insert(pid)
      } else if !ipc.seccomp, let kind = IPCReading.shmKind(d.target) {
        noticeScanned(kind, d.target, by: pid, at: t)
      } else if !ipc.seccomp, d.target.hasPrefix("/"), !d.target.dropFirst().contains("/") {
        // A message queue's descriptor links to "/NAME" (a file at the root would too: its
        // file system tells them apart).
        var changed = 0.0
        if ct_queue_changed("/proc/\(pid)/fd/\(d.fd)", &changed) == 1 {
          noticeQueue(d.target, changed: changed, by: pid, at: t)
        }
      }
    }
    if !ipc.seccomp {
      for path in IPCReading.mappedShm(pid) {
        if let kind = IPCReading.shmKind(path) { noticeScanned(kind, path, by: pid, at: t) }
      }
    }
  }

  /// The fallback's guess at who made an object: a name that was not in /dev/shm at the start,
  /// first seen held by `pid`.
  private func noticeScanned(
    _ kind: TracedIPCObject.Kind, _ path: String, by pid: Int32, at t: Double
  ) {
    let isNew = !ipc.shmAtStart.contains(path)
    let known = ipc.objectIndex[path] != nil
    let i = ipc.object(kind, name: path, createdBy: isNew && !known ? pid : nil, at: t)
    ipc.record.objects[i].openedBy.insert(pid)
    if isNew && !known { ipc.record.objects[i].inode = IPCReading.inodeAndOwner(path)?.inode }
  }

  /// The fallback's guess at who made a queue: one not in /dev/mqueue at the start where that
  /// is mounted; else one changed since the start (its ctime, which mqueue keeps in whole
  /// seconds: from the second the run started), first seen held by `pid`.
  private func noticeQueue(_ name: String, changed: Double, by pid: Int32, at t: Double) {
    let isNew =
      ipc.queuesAtStart.map { !$0.contains(name) } ?? (changed >= ipc.startedAt.rounded(.down))
    let known = ipc.objectIndex[name] != nil
    let i = ipc.object(.mq, name: name, createdBy: isNew && !known ? pid : nil, at: t)
    ipc.record.objects[i].openedBy.insert(pid)
  }

  /// Every 50 ms: when every thread of every live process is blocked in read() or waiting for
  /// a child, at this sample and the one before, each reader of a pipe is stuck, and every write
  /// end of its pipe still open in the tree is an end left open.
  func samplePipeWaits() {
    guard now - ipc.lastSample >= Self.waitSampleInterval else { return }
    ipc.lastSample = now
    if ipc.seccomp && !ipc.record.channels.contains(where: { $0.kind == .pipe }) { return }
    let live = tasks.values.filter { !$0.isThread && $0.end == nil }.map(\.tid)
    guard !live.isEmpty else { return }
    var waits: Set<PipeWait> = []
    var everyoneWaits = true
    for pid in live {
      if !ipc.seccomp { scanDescriptors(pid) }
      for tid in ProcReading.threadIDs(pid) {
        guard let state = IPCReading.state(pid: pid, tid: tid), state == "S" || state == "D"
        else {
          everyoneWaits = false
          continue
        }
        guard let call = IPCReading.blockedCall(pid: pid, tid: tid) else {
          if access("/proc/\(pid)/task/\(tid)/syscall", R_OK) != 0 {
            ipc.record.waitsVisible = false
          }
          everyoneWaits = false
          continue
        }
        switch call.kind {
        case Int32(CT_SYS_READ), Int32(CT_SYS_READV):
          let fd = Int32(truncatingIfNeeded: call.arg0)
          if let inode = IPCReading.target(tid: tid, fd: fd).flatMap({
            IPCReading.inode($0, prefix: "pipe")
          }), let i = ipc.channelIndex[inode], ipc.record.channels[i].kind == .pipe {
            waits.insert(PipeWait(tid: tid, pid: pid, inode: inode))
          }
        case Int32(CT_SYS_WAIT):
          break
        default:
          everyoneWaits = false
        }
      }
    }
    let stuck = everyoneWaits ? waits.intersection(ipc.previousWaits) : []
    ipc.previousWaits = everyoneWaits ? waits : []
    guard !stuck.isEmpty else { return }
    let inodes = Set(stuck.map(\.inode))
    for pid in live {
      for d in IPCReading.descriptors(pid) {
        guard let inode = IPCReading.inode(d.target, prefix: "pipe"), inodes.contains(inode),
          let i = ipc.channelIndex[inode], IPCReading.isWriteOnly(pid: pid, fd: d.fd)
        else { continue }
        ipc.record.channels[i].writers.insert(pid)
        ipc.record.channels[i].endsLeftOpen.insert(PipeEnd(pid: pid, fd: d.fd))
      }
    }
    for w in stuck {
      if let i = ipc.channelIndex[w.inode] { ipc.record.channels[i].waitingReaders.insert(w.pid) }
    }
  }

  /// After the last process has ended: which objects the run made are still there; those of
  /// this user whose file is the one the run made are removed.
  func sweepIPC() {
    ipc.pending.removeAll()
    let uid = getuid()
    for i in ipc.record.objects.indices where ipc.record.objects[i].creator != nil {
      let o = ipc.record.objects[i]
      // Unlinks are recorded when they are asked for: one that failed left the file.
      guard o.unlinked == nil || o.kind != .mq else { continue }
      switch o.kind {
      case .shm, .sem:
        guard let found = IPCReading.inodeAndOwner(o.name) else { continue }
        // Another file of that name (made after an unlink we did not see): not ours to remove.
        if let inode = o.inode, inode != found.inode { continue }
        if o.unlinked != nil && o.inode == nil { continue }
        ipc.record.objects[i].leftAtEnd = true
        ipc.record.objects[i].unlinked = nil
        ipc.record.objects[i].unlinkedBy = nil
        if found.uid != uid {
          ipc.record.objects[i].removalFailure = "owned by uid \(found.uid)"
        } else if unlink(o.name) == 0 {
          ipc.record.objects[i].removedByProcLab = true
        } else {
          ipc.record.objects[i].removalFailure = String(cString: strerror(errno))
        }
      case .mq:
        let name = String(o.name.dropFirst())
        guard ct_mq_exists(name) == 1 else { continue }
        ipc.record.objects[i].leftAtEnd = true
        if ct_mq_unlink(name) == 0 {
          ipc.record.objects[i].removedByProcLab = true
        } else {
          ipc.record.objects[i].removalFailure = String(cString: strerror(errno))
        }
      }
    }
  }
}
