import DemoContract

/// What the `nice` demo reports (`DemoDefinition.metrics`).
enum SchedulingMetrics {
  static let nice: [MetricDeclaration] = [
    .fact("cpu", "the CPU the processes shared", .cpu, "the last CPU this process may use"),
    .fact(
      "weight.nice0", "the nice 0 process's weight", .count,
      "the kernel's sched_prio_to_weight table at nice 0"),
    .fact(
      "weight.niced", "the niced process's weight", .count,
      "the kernel's sched_prio_to_weight table at nice="),
    .fact(
      "share.expected", "the nice 0 process's expected share", .fraction,
      "its weight over the sum of both weights"),
    .measured(
      "share.nice0", "the nice 0 process's share", .fraction,
      "median over the runs of its CPU time over both processes' CPU time (/proc/<pid>/schedstat)"
    ),
    .measured(
      "share.niced", "the niced process's share", .fraction,
      "median over the runs of its CPU time over both processes' CPU time"),
    .fact(
      "share.expected_ratio", "the CPU time the weights give nice 0 over the niced one", .ratio,
      "the nice 0 weight over the niced one's"),
    .measured(
      "share.ratio", "the nice 0 process's CPU time over the niced one's", .ratio,
      "median over the runs of the two processes' CPU times divided"),
    .measured(
      "switches.sleeper.voluntary", "the sleeper's voluntary context switches", .count,
      "voluntary_ctxt_switches in /proc/<pid>/status over the timed runs"),
    .measured(
      "switches.sleeper.involuntary", "the sleeper's involuntary context switches", .count,
      "nonvoluntary_ctxt_switches in /proc/<pid>/status over the timed runs"),
    .measured(
      "switches.spinner.voluntary", "the nice 0 spinner's voluntary context switches", .count,
      "voluntary_ctxt_switches in /proc/<pid>/status over the timed runs"),
    .measured(
      "switches.spinner.involuntary", "the nice 0 spinner's involuntary context switches",
      .count, "nonvoluntary_ctxt_switches in /proc/<pid>/status over the timed runs"),
    .measured(
      "yield.share", "the yielding process's share", .fraction,
      "median over the runs of its CPU time over both processes' CPU time"),
    .fact(
      "fifo.permitted", "SCHED_FIFO permitted", .boolean,
      "whether sched_setscheduler(SCHED_FIFO) succeeded"),
    .measured(
      "fifo.normal_share", "the normal process's share beside a SCHED_FIFO one", .fraction,
      "median over the runs; absent when SCHED_FIFO is not permitted"),
    .fact(
      "quota.cpus", "the cgroup's CPU quota", .ratio,
      "CPUs' worth of time per second (cpu.max or cpu.cfs_quota_us); absent when none is set"),
    .measured(
      "quota.used", "CPU time two spinners got per second", .ratio,
      "median over the runs of their CPU time over the wall time: CPUs' worth"
    ).bounded(.cpusOnline),
  ]
}
