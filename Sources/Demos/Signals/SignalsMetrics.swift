import DemoContract

/// What the signals demo reports (`DemoDefinition.metrics`), section by section: each path
/// appears in a report only when its section ran (`show=`).
enum SignalsMetrics {
  static let all: [MetricDeclaration] = handler + latency + mask + sigchld + term + ctrlc

  static let handler: [MetricDeclaration] = [
    .fact(
      "handler.caught", "signals the child's handlers caught", .count,
      "SIGUSR1 and SIGUSR2, one kill() each: 2 handler runs"),
    .measured(
      "handler.sender_pid", "the sender the handler saw", .pid,
      "si_pid in the handler's siginfo_t: the demo process, which called kill()"),
    .fact(
      "handler.sender_is_parent", "the handler saw its parent as the sender", .boolean,
      "every si_pid equals the demo's pid"),
    .fact(
      "handler.default_status", "a child with no handler, sent SIGUSR1", .text,
      "what waitpid reported: SIGUSR1's default action ends the process"),
  ]

  static let latencyFields: [(String, String, String)] = [
    ("median_seconds", "median signal delivery latency", "median of the runs' per-send means"),
    ("mean_seconds", "mean signal delivery latency", "mean per send over every timed send"),
    ("stddev_seconds", "σ of the signal delivery latency", "σ of the runs' per-send means"),
    ("min_seconds", "signal delivery latency, fastest run", "the fastest run's per-send mean"),
    ("max_seconds", "signal delivery latency, slowest run", "the slowest run's per-send mean"),
  ]

  static let latency: [MetricDeclaration] =
    latencyFields.map { path, label, meaning in
      .measured(
        "latency." + path, label, .seconds,
        meaning
          + "; each send timed alone, CLOCK_MONOTONIC just before kill() to the other process's handler's first line"
      )
    } + [
      .fact(
        "latency.runs", "timed runs", .count,
        "about 20: the timed sends (repeats=) in runs of latency.loops, each its sends' mean"),
      .fact(
        "latency.loops", "sends per run", .count,
        "repeats= ÷ 20 (at least 1); each send is still timed alone"),
    ]

  static let mask: [MetricDeclaration] = [
    .fact(
      "mask.blocked", "signals the child blocked", .text,
      "SigBlk in /proc/<pid>/status after sigprocmask(SIG_BLOCK), decoded"),
    .fact("mask.sent", "signals sent while blocked", .count, "SIGUSR1 three times, SIGUSR2 once"),
    .fact(
      "mask.pending", "signals pending while blocked", .text,
      "SigPnd and ShdPnd in /proc/<pid>/status after the kill() calls, decoded"),
    .fact(
      "mask.delivered_usr1", "SIGUSR1 handler runs after unblocking", .count,
      "standard signals do not queue: three sends while blocked make one pending SIGUSR1"
    ).bounded(.atMost("mask.sent")),
    .fact(
      "mask.delivered_usr2", "SIGUSR2 handler runs after unblocking", .count,
      "the one SIGUSR2 sent while blocked"
    ).bounded(.atMost("mask.sent")),
    .fact(
      "mask.pending_after", "signals pending after unblocking", .text,
      "SigPnd and ShdPnd after sigprocmask(SIG_UNBLOCK): none"),
  ]

  static let sigchld: [MetricDeclaration] = [
    .fact("sigchld.children", "children forked", .count, "children="),
    .fact(
      "sigchld.reaped", "children reaped by the SIGCHLD handler", .count,
      "waitpid(-1, WNOHANG) in a loop inside the handler"
    ).bounded(.sameAs("sigchld.children")),
    .measured(
      "sigchld.handler_runs", "SIGCHLD handler runs", .count,
      "one SIGCHLD may stand for several children: at most one run per child"
    ).bounded(.atMost("sigchld.children")),
    .fact(
      "sigchld.zombies", "zombies left with the handler", .count,
      "children of the reaping parent in state Z (/proc/<pid>/stat)"),
    .fact(
      "ignored.waitpid_errno", "waitpid's error with SIGCHLD ignored", .text,
      "ECHILD: the kernel reaped the children, none is left to wait for"),
    .fact(
      "ignored.zombies", "zombies left with SIGCHLD ignored", .count,
      "children of that parent in state Z (/proc/<pid>/stat)"),
    .fact(
      "unreaped.zombies", "zombies left when nobody reaps", .count,
      "SIGCHLD left at its default and no wait: every child stays Z"
    ).bounded(.atMost("sigchld.children")),
  ]

  static let term: [MetricDeclaration] = [
    .fact(
      "term.default_status", "a child with no handler, sent SIGTERM", .text,
      "what waitpid reported: SIGTERM's default action ends the process"),
    .fact(
      "term.exit_status", "exit status of the child that handled SIGTERM", .exitStatus,
      "its handler set a flag; its main loop tidied up and called _exit(0)"),
    .fact(
      "term.killed_by", "the signal that killed the SIGTERM-handling child", .text,
      "none: it ended by itself"),
    .fact(
      "term.cleaned_up", "the SIGTERM-handling child tidied up", .boolean,
      "it reported its clean-up before it exited"),
    .fact(
      "kill.killed_by", "the signal that killed the child sent SIGKILL", .text,
      "SIGKILL: no handler can catch it"),
    .fact(
      "kill.handler_ran", "a handler ran for SIGKILL", .boolean,
      "false: the child had handlers, and none ran"),
  ]

  static let ctrlc: [MetricDeclaration] = [
    .fact(
      "ctrlc.group_interrupted", "processes of the signalled group that caught SIGINT",
      .count, "the group's leader and the member that joined it: 2"),
    .fact(
      "ctrlc.other_interrupted", "processes of another group that caught SIGINT", .count,
      "0: killpg reaches one process group only"),
    .measured("ctrlc.group", "the signalled process group", .id, "the leader's pid"),
    .fact(
      "ctrlc.demo_own_group", "the demo runs in a process group of its own", .boolean,
      "getpgrp() of the demo differs from its parent's: ProcLab's Ctrl-C is not the demo's"),
  ]
}
