import DemoContract

/// What the thread demos report (`DemoDefinition.metrics`).
enum ThreadMetrics {
  static let threads: [MetricDeclaration] = [
    .fact("distinct_tids", "distinct thread ids", .count, "how many different gettid() values"),
    .fact("expected_sum", "the sum the threads should reach", .count, "1 + 2 + … + count"),
    .fact("shared_sum", "the sum in shared memory", .count, "what the threads added together"),
    .measured("overwork_lines", "the worker's lines", .count, "lines printed before the stop flag"),
    .measured("pid", "the demo's pid", .pid, "one process for every thread"),
    .measured("stopped_by", "what set the stop flag", .text, "Enter, or the time running out"),
    .fact("threads", "threads started", .count, "count="),
  ]

  static let memory: [MetricDeclaration] = [
    .fact(
      "child_write_visible", "the child's write is seen by the parent", .boolean,
      "false: after fork each process has its own copy"),
    .fact(
      "same_address", "the same virtual address in both", .boolean,
      "the variable's address is the same in parent and child"),
    .fact(
      "thread_write_visible", "a thread's write is seen by main", .boolean,
      "true: threads share one address space"),
  ]

  static let timeit: [MetricDeclaration] = [
    .measured(
      "<way:set|array|contiguous|string|insert|append|reserve|map>.median_seconds",
      "median time of one <way> build", .seconds, "median over the timed runs, per call"),
    .measured(
      "<way:set|array|contiguous|string|insert|append|reserve|map>.loops",
      "calls per run of <way>", .count, "the auto-ranged loop count"),
    .fact(
      "<way:set|array|contiguous|string|insert|append|reserve|map>.runs",
      "timed runs of <way>", .count, "runs="),
    .measured("fastest", "the fastest way", .text, "the row with the smallest median"),
  ]
}
