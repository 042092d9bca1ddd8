import CProcLab
import Glibc

/// The set-up every ProcLab process that starts children does first: the REPL, `proclab run`,
/// `quiz --answers` and the demo runner.
public enum ChildHost {
  /// Ignores SIGPIPE (a child that ends early makes a write fail with EPIPE instead of ending
  /// us), becomes a child subreaper (orphans of our children are re-parented to us, so we reap
  /// them) and routes `signals` to a new self-pipe, restarting the calls they interrupt.
  /// - Returns: the self-pipe the signals are counted on and wake.
  /// - Throws: `SystemError` when the pipe cannot be made; SIGPIPE and the subreaper are set
  ///   up even then.
  /// The corresponding C calls are `signal(SIGPIPE, SIG_IGN)` and
  /// `prctl(PR_SET_CHILD_SUBREAPER)`.
  public static func prepare(routing signals: [Int32]) throws(SystemError) -> SignalPipe {
    signal(SIGPIPE, SIG_IGN)
    _ = pl_set_child_subreaper(1)
    let pipe = try SignalPipe()
    pipe.install(signals, restart: true)
    return pipe
  }
}
