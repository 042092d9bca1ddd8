import DemoContract

/// What the thread demos report (`DemoDefinition.metrics`).
enum ThreadMetrics {
  static let threads: [MetricDeclaration] =
    threadsNative + PythonMetrics.run("process-tutorial/thread_stop_flag.py") + pythonThreads

  static let threadsNative: [MetricDeclaration] = [
    .fact("distinct_tids", "distinct thread ids", .count, "how many different gettid() values"),
    .fact("expected_sum", "the sum the threads should reach", .count, "1 + 2 + … + count"),
    .fact("shared_sum", "the sum in shared memory", .count, "what the threads added together"),
    .measured("overwork_lines", "the worker's lines", .count, "lines printed before the stop flag"),
    .measured("pid", "the demo's pid", .pid, "one process for every thread"),
    .measured("stopped_by", "what set the stop flag", .text, "Enter, or the time running out"),
    .fact("threads", "threads started", .count, "count="),
    .measured(
      "join_waited_seconds", "time join() waited after the stop flag was set", .seconds,
      "from setting the flag until the worker had ended and join() returned"),
  ]

  /// thread_stop_flag.py: threads that meet at a barrier and are joined, then the tutorial's
  /// "do Overwork" worker stopped by a module-level flag.
  static let pythonThreads: [MetricDeclaration] = [
    PythonMetrics.measured("pid", "the pid of python3", .pid, "one process for every thread"),
    PythonMetrics.fact("threads", "threads started and joined", .count, "count="),
    PythonMetrics.measured(
      "greeter_pids", "the pid each thread saw", .list, "os.getpid() in each thread: all the same"),
    PythonMetrics.fact(
      "distinct_idents", "distinct thread idents", .count,
      "threading.get_ident() of threads alive at once (they meet at a barrier)"),
    PythonMetrics.measured(
      "overwork_lines", "the worker's \"do Overwork\" lines", .count,
      "printed, one per round, before it saw the stop flag"),
    PythonMetrics.fact(
      "retired", "the worker printed \"retired..\" and ended", .boolean,
      "it saw the flag and left its loop"),
    PythonMetrics.fact(
      "alive_after_join", "the worker was alive after join()", .boolean,
      "false: join() returns once the thread has ended"),
    threadsNative[path: "join_waited_seconds"].python(
      meaning: "the worker checks the flag once per round, after its sleep: up to one interval"),
    PythonMetrics.fact("sleep", "the worker's sleep per round", .seconds, "interval="),
    PythonMetrics.fact(
      "for", "time before the stop flag was set", .seconds, "for=, at most 0.5 s"),
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

  static let timeit: [MetricDeclaration] =
    timeitNative + PythonMetrics.run("process-tutorial/timeit_collections.py") + pythonTimeit

  static let timeitNative: [MetricDeclaration] = [
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

  /// timeit_collections.py: the process tutorial's eight ways, timed by Python's timeit.
  static let pythonWay =
    "<way:set|list|tuple|string|set_add|list_append|set_comprehension|list_comprehension>"

  static let pythonTimeit: [MetricDeclaration] = [
    PythonMetrics.measured(
      "\(pythonWay).median_seconds", "median time of one call of the tutorial's <way>",
      .seconds,
      "timeit, per call: set(range(100)), list(…), tuple(…), str(…), a set.add or list.append loop, {i for i…}, [i for i…]"
    ),
    PythonMetrics.measured(
      "\(pythonWay).samples", "time per call of <way>, run by run", .list,
      "seconds per call in each timed run"),
    PythonMetrics.measured(
      "\(pythonWay).loops", "calls per run of <way>", .count, "timeit's auto-ranged loop count"),
    PythonMetrics.fact("\(pythonWay).runs", "timed runs of <way>", .count, "runs="),
    PythonMetrics.measured(
      "fastest", "the fastest of the tutorial's ways", .text, "the way with the smallest median"),
    PythonMetrics.fact(
      "string_value", "what str(range(100)) builds", .text,
      "'range(0, 100)': text, not 100 numbers"),
  ]
}
