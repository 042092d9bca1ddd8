import CProcLab
import Glibc

/// Start-up hygiene for descriptors a parent may have closed.
public enum StandardDescriptors {
  /// Opens /dev/null onto each of 0, 1 and 2 that is closed. Started as `proclab <&- >&-`,
  /// ProcLab's first pipe would otherwise take 0 and 1, and it would read its own output back as
  /// commands. Call it first thing in `main`, before anything opens a file.
  /// The corresponding C function is `pl_reserve_standard_fds`.
  public static func reserve() { pl_reserve_standard_fds() }
}

/// Ctrl-Z for a program whose children run in process groups of their own: the terminal stops
/// only its foreground group (ProcLab), so ProcLab stops its demo itself, then itself.
public enum JobControl {
  /// The signals an interactive ProcLab routes to its `SignalPipe`: Ctrl-C, resizes, the ways a
  /// session is ended (SIGHUP, SIGTERM, Ctrl-\ as SIGQUIT) and job control (SIGTSTP, SIGCONT).
  public static let sessionSignals: [Int32] = [
    SIGINT, SIGWINCH, SIGHUP, SIGTERM, SIGQUIT, SIGTSTP, SIGCONT,
  ]

  /// What is said when Ctrl-Z cannot stop ProcLab.
  public static let cannotStopLine =
    "Ctrl-Z: no job-control shell started ProcLab, so nothing could resume it (fg); it goes on"

  /// Stops this process as Ctrl-Z would and returns when it is continued (`fg`).
  /// - Returns: false when the stop was discarded: the process group is orphaned, so no
  ///   job-control shell could continue it.
  /// The corresponding C function is `pl_stop_self`.
  public static func stopSelf() -> Bool { pl_stop_self() != 0 }

  /// Stops the demo's process group and every other descendant (a CPython helper in a group of
  /// its own) with SIGSTOP, stops this process, and continues them all once it is continued.
  /// - Parameter group: the process group the demo leads.
  /// - Returns: the seconds spent stopped, for the demo's time budget to leave out.
  public static func suspend(withGroup group: Int32) -> Double {
    signalEverything(below: group, SIGSTOP)
    let stoppedAt = monotonicSeconds()
    if !stopSelf() { Console.warn(cannotStopLine) }
    let paused = monotonicSeconds() - stoppedAt
    signalEverything(below: group, SIGCONT)
    return paused
  }

  private static func signalEverything(below group: Int32, _ sig: Int32) {
    Signals.sendToGroup(group, sig)
    for process in ProcessTree.descendants(of: getpid()) { _ = kill(process.pid, sig) }
  }

  private static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

extension SignalPipe {
  /// The signal that asks the session to end, if one came: SIGTERM, SIGQUIT (Ctrl-\) or
  /// SIGHUP, the most deliberate first.
  public var endingSignal: Int32? { [SIGTERM, SIGQUIT, SIGHUP].first { peek($0) > 0 } }
}
