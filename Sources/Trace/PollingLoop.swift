import Glibc
import OSKit

/// The fallback where ptrace is refused: /proc read every millisecond. Processes that live
/// less than a poll may be missed; start, exit and reap times are known to about a millisecond;
/// an exit status only for the processes ProcLab itself reaps (docs/trace.md).
extension TraceSession {
  func pollingLoop() {
    ownCommandLine = ProcReading.cmdline(tracerPid) ?? []
    let hardEnd = limits.timeout + 10
    while true {
      var reapedAny = reapOwnChildren()
      scan()
      // Own children seen as zombies by the scan are reaped at once: their zombie time is
      // then ProcLab's, a few microseconds, not a poll.
      reapedAny = reapOwnChildren() || reapedAny
      samplePipeWaits()
      let running = tasks.values.contains { !$0.isThread && ($0.end == nil || $0.reaped == nil) }
      if (!running && !reapedAny) || now > hardEnd { break }
      checkLimits()
      waitForActivity(milliseconds: 1)
    }
  }

  /// Reaps ProcLab's own children (the command, and orphans re-parented to ProcLab).
  private func reapOwnChildren() -> Bool {
    var any = false
    var status: Int32 = 0
    while true {
      let pid = waitpid(-1, &status, __WALL | WNOHANG)
      if pid == -1 && errno == EINTR { continue }
      guard pid > 0 else { break }
      any = true
      let t = now
      if tasks[pid] == nil {
        add(TracedTask(tid: pid, tgid: pid, parent: tracerPid, isThread: false, start: t))
      }
      let exit = ExitStatus(waitStatus: status)
      // ProcLab reaps its own children as soon as it sees them end, so their zombie time is
      // ProcLab's, not the program's: the end is the reap, even when the scan that saw the
      // zombie was a preempted millisecond or more before (on a busy machine it can be).
      tasks[pid]?.end = t
      switch exit {
      case .exited(let code): tasks[pid]?.exitCode = code
      case .signaled(let sig): tasks[pid]?.signal = sig
      }
      tasks[pid]?.reaped = t
      tasks[pid]?.reaper = tracerPid
      if tasks[pid]?.parentAtExit == nil { tasks[pid]?.parentAtExit = tracerPid }
    }
    return any
  }

  private func scan() {
    let t = now
    var seen: Set<Int32> = []
    for stat in ProcReading.descendants(of: tracerPid) {
      let pid = stat.pid
      seen.insert(pid)
      if tasks[pid] == nil {
        var task = TracedTask(tid: pid, tgid: pid, parent: stat.ppid, isThread: false, start: t)
        task.command = stat.command
        task.argv = ProcReading.cmdline(pid) ?? []
        add(task)
      }
      observe(pid: pid, tgid: pid, state: stat.state, at: t)
      for tid in ProcReading.threadIDs(pid) where tid != pid {
        seen.insert(tid)
        if tasks[tid] == nil {
          var thread = TracedTask(tid: tid, tgid: pid, parent: pid, isThread: true, start: t)
          thread.command = ProcReading.comm(tid) ?? ""
          add(thread)
        }
        observe(pid: tid, tgid: pid, state: nil, at: t)
      }
    }
    for (tid, task) in tasks where !seen.contains(tid) {
      if task.end == nil { tasks[tid]?.end = t }
      if !task.isThread && task.reaped == nil {
        tasks[tid]?.reaped = t
        if task.reaper == nil { tasks[tid]?.reaper = task.parentAtExit ?? task.parent }
      }
    }
  }

  /// Updates what is known of a task still in /proc: its argv after an exec, its counters,
  /// and its end once it is a zombie.
  private func observe(pid: Int32, tgid: Int32, state: Character?, at t: Double) {
    guard let task = tasks[pid], task.end == nil else { return }
    if !task.isThread, let argv = ProcReading.cmdline(pid), argv != task.argv,
      argv != ownCommandLine  // the command before its exec is a copy of ProcLab
    {
      if !task.argv.isEmpty || task.tid == rootPid { tasks[pid]?.execs.append(argv) }
      tasks[pid]?.argv = argv
    }
    let usage = ProcReading.usage(tgid: tgid, tid: pid)
    tasks[pid]?.cpuSeconds = usage.cpuSeconds ?? task.cpuSeconds
    tasks[pid]?.voluntarySwitches = usage.voluntary ?? task.voluntarySwitches
    tasks[pid]?.involuntarySwitches = usage.involuntary ?? task.involuntarySwitches
    if !task.isThread && !task.killedByTracer {
      tasks[pid]?.parentAtExit = usage.ppid ?? task.parentAtExit
    }
    if state == "Z" || usage.state == "Z" || usage.state == "X" { tasks[pid]?.end = t }
  }
}
