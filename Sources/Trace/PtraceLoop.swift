import CTrace
import Glibc

/// The ptrace side of a trace: every stop and exit of every tracee, in the order the kernel
/// reports them (docs/trace.md).
extension TraceSession {
  func ptraceLoop() {
    let hardEnd = limits.timeout + 10  // a stopped run gives its processes 10 s to die
    while true {
      var noneLeft = false
      var status: Int32 = 0
      while true {
        let pid = ct_wait_any(&status, 1)
        if pid > 0 {
          handle(pid, status)
          continue
        }
        if pid == -1 && errno == EINTR { continue }
        if pid == -1 && errno == ECHILD { noneLeft = true }
        break
      }
      checkZombies()
      samplePipeWaits()
      if noneLeft || now > hardEnd { break }
      checkLimits()
      waitForActivity(milliseconds: nextWait())
    }
  }

  /// One report of `waitpid`: a stop (resumed here) or an end.
  func handle(_ pid: Int32, _ status: Int32) {
    if ct_status_stopped(status) != 0 {
      stopped(pid, signal: ct_status_stop_signal(status), event: ct_status_event(status))
    } else if ct_status_exited(status) != 0 || ct_status_signaled(status) != 0 {
      ended(pid, status)
    }
  }

  private func stopped(_ pid: Int32, signal sig: Int32, event: Int32) {
    if sig == SIGTRAP && event == Int32(CT_EVENT_SECCOMP) {
      seccompStop(pid)
      return
    }
    if sig == Int32(CT_SYSCALL_STOP_SIGNAL) {
      syscallExitStop(pid)
      return
    }
    if sig == SIGTRAP && event != 0 {
      traceEvent(pid, event)
      resume(pid, 0)
      return
    }
    if tasks[pid] == nil {
      // A new task's first stop, before its parent's fork/clone event.
      appeared(pid, parentTid: nil)
      if sig == SIGSTOP {
        resume(pid, 0)
        return
      }
    }
    if sig == SIGSTOP, awaitingStop.remove(pid) != nil {
      resume(pid, 0)
      return
    }
    if [SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU].contains(sig), ct_is_group_stop(pid) == 1 {
      resume(pid, 0)
      return
    }
    resume(pid, sig)  // a signal for the program: delivered as if untraced
  }

  /// Resumes a stopped task: to the exit of the call it is in when a seccomp stop left one
  /// pending (a signal came between), else freely.
  private func resume(_ pid: Int32, _ sig: Int32) {
    if ipc.pending[pid] != nil {
      _ = ct_continue_to_syscall_exit(pid, sig)
    } else {
      _ = ct_continue(pid, sig)
    }
  }

  private func traceEvent(_ pid: Int32, _ event: Int32) {
    var message: UInt = 0
    _ = ct_event_message(pid, &message)
    switch event {
    case Int32(CT_EVENT_FORK), Int32(CT_EVENT_VFORK), Int32(CT_EVENT_CLONE):
      let child = Int32(truncatingIfNeeded: message)
      if tasks[child] == nil {
        awaitingStop.insert(child)
        appeared(child, parentTid: pid)
      } else {
        adopt(child, parentTid: pid)  // its first stop came first
      }
      if tasks[child]?.isThread == false {
        // A child inherits its parent's filters: the reads and writes are trapped in it too.
        if ipc.armed.contains(tasks[pid]?.tgid ?? pid) { ipc.armed.insert(child) }
        scanDescriptors(child)
      }
    case Int32(CT_EVENT_EXEC):
      let former = Int32(truncatingIfNeeded: message)
      if former != pid, tasks[former]?.end == nil { tasks[former]?.end = now }
      let argv = ProcReading.cmdline(pid) ?? []
      tasks[pid]?.execs.append(argv)
      tasks[pid]?.argv = argv
      scanDescriptors(pid)
    case Int32(CT_EVENT_EXIT):
      ipc.pending[pid] = nil
      guard let t = tasks[pid] else { return }
      if !t.isThread { scanDescriptors(pid) }
      let usage = ProcReading.usage(tgid: t.tgid, tid: pid)
      tasks[pid]?.cpuSeconds = usage.cpuSeconds
      tasks[pid]?.voluntarySwitches = usage.voluntary
      tasks[pid]?.involuntarySwitches = usage.involuntary
      if !t.isThread && !t.killedByTracer { tasks[pid]?.parentAtExit = usage.ppid }
    default: break
    }
  }

  /// A task seen for the first time: from its parent's event (`parentTid`) or its own stop.
  private func appeared(_ tid: Int32, parentTid: Int32?) {
    let tgid = ProcReading.tgid(tid) ?? tid
    var task = TracedTask(tid: tid, tgid: tgid, parent: 0, isThread: tgid != tid, start: now)
    task.command = ProcReading.comm(tid) ?? ""
    add(task)
    if let parentTid { adopt(tid, parentTid: parentTid) }
  }

  /// Fills in who made `tid`: for a thread its process, for a process the creator's process.
  private func adopt(_ tid: Int32, parentTid: Int32) {
    guard var task = tasks[tid], let creator = tasks[parentTid] else { return }
    task.parent = task.isThread ? task.tgid : creator.tgid
    task.argv = tasks[creator.tgid]?.argv ?? creator.argv
    tasks[tid] = task
  }

  private func ended(_ pid: Int32, _ status: Int32) {
    guard var task = tasks[pid] else { return }
    if task.end == nil {
      task.end = now
      if ct_status_exited(status) != 0 {
        task.exitCode = ct_status_exit_code(status)
      } else {
        task.signal = ct_status_term_signal(status)
      }
      if !task.isThread {
        if kill(pid, 0) == -1 && errno == ESRCH {
          task.reaped = now
          task.reaper = task.parentAtExit ?? task.parent
        } else {
          zombies.insert(pid)
        }
      }
    } else if !task.isThread, task.reaped == nil {
      // Reported again: its parent died, it was re-parented to us and we reaped it.
      task.reaped = now
      task.reaper = tracerPid
      zombies.remove(pid)
    }
    tasks[pid] = task
  }
}
