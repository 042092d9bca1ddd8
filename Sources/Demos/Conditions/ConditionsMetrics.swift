import DemoContract

/// What the condvar and deadlock demos report (`DemoDefinition.metrics`).
enum ConditionsMetrics {
  /// The bounded buffer's figures, once re-checked with `while` and once with `if`.
  static func buffer(_ way: String, _ words: String) -> [MetricDeclaration] {
    [
      .measured(
        "\(way).consumed", "items taken \(words)", .count,
        "items the consumers took out of the buffer"
      ).bounded(.atMost("items")),
      .measured(
        "\(way).consumed_once", "every item taken exactly once \(words)", .boolean,
        "each numbered item was taken once: none twice, none never"),
      .measured(
        "\(way).waits_not_full", "waits on not_full \(words)", .count,
        "pthread_cond_wait calls of producers that found the buffer full"),
      .measured(
        "\(way).waits_not_empty", "waits on not_empty \(words)", .count,
        "pthread_cond_wait calls of consumers that found the buffer empty"),
      .measured(
        "\(way).empty_wakeups", "wake-ups to an empty buffer \(words)", .count,
        "a consumer returned from its wait and the buffer was empty (another took the item)"),
      .measured(
        "\(way).empty_takes", "takes from an empty buffer \(words)", .count,
        "a consumer went past its check with the buffer empty (counted, never done)"),
      .measured(
        "\(way).full_puts", "puts into a full buffer \(words)", .count,
        "a producer went past its check with the buffer full (counted, never done)"),
      .measured(
        "\(way).seconds", "time \(words)", .seconds, "from the first thread to the last join"),
      .measured(
        "\(way).items_per_second", "throughput \(words)", .messagesPerSecond,
        "items taken per second"),
    ]
  }

  static let condvar: [MetricDeclaration] =
    [
      .fact("items", "items put in each run", .count, "producers × items"),
      .fact("capacity", "buffer capacity", .count, "the capacity= parameter"),
    ] + buffer("with_while", "(while)") + buffer("with_if", "(if)")
    + PythonMetrics.run("concepts-tutorial/condition_buffer.py") + pythonBuffer

  /// condition_buffer.py's figures: the same buffer with threading.Condition.
  static let pythonBuffer: [MetricDeclaration] =
    [
      "consumed", "consumed_once", "empty_wakeups", "empty_takes", "full_puts", "seconds",
    ].flatMap { ["with_while." + $0, "with_if." + $0] }.map { path in
      (buffer("with_while", "(while)") + buffer("with_if", "(if)"))[path: path].python(
        meaning: "the same figure in CPython, with threading.Condition")
    } + [PythonMetrics.fact("items", "items put in each run", .count, "producers × items")]

  static let deadlock: [MetricDeclaration] = [
    .measured(
      "deadlocked", "the two threads deadlocked", .boolean,
      "both were seen asleep in a futex wait, each holding the lock the other waits for"),
    .measured(
      "detected_after", "time to detect the deadlock", .seconds,
      "from the second thread's request to ProcLab's verdict (it watches 100 ms of no progress)"),
    .measured(
      "wait_for", "the wait-for cycle", .text,
      "thread → the lock it waits for → the thread holding it → …"),
    .measured("cycle_length", "threads in the cycle", .count, "edges thread → thread in the cycle"),
    .measured(
      "threads_asleep", "threads asleep in a futex wait", .count,
      "/proc/<pid>/task/<tid>/stat state S and wchan or syscall in futex"),
    .measured(
      "wchan", "where a blocked thread sleeps", .text,
      "/proc/<pid>/task/<tid>/wchan of a deadlocked thread (kernel-dependent)"),
    .fact(
      "ended_by", "how ProcLab ended it", .text,
      "the signal that ended the worker process the threads were in"),
    .measured(
      "fcntl.edeadlk", "fcntl(F_SETLKW) refused with EDEADLK", .boolean,
      "the kernel saw that the second process's wait would close a cycle"),
    .measured(
      "fcntl.refused", "what the second request got", .text,
      "the errno of the request that would have closed the cycle"),
    .measured(
      "fcntl.other", "what the first request got", .text,
      "the request that waited, once the refused process let go"),
    .measured(
      "fcntl.waiting_in", "the system call the waiting process sleeps in", .text,
      "/proc/<pid>/syscall of the process blocked in F_SETLKW, by name (fcntl)"),
    .fact("rounds", "rounds asked of the two threads", .count, "2 × the rounds= parameter"),
    .measured(
      "ordered.rounds", "rounds done, one lock order", .count,
      "both threads take lock A, then lock B; both threads' rounds"
    ).bounded(.atMost("rounds")),
    .measured("ordered.seconds", "time, one lock order", .seconds, "both threads' rounds"),
    .measured(
      "trylock.rounds", "rounds done, trylock and back off", .count,
      "opposite orders; the second lock with pthread_mutex_trylock"
    ).bounded(.atMost("rounds")),
    .measured(
      "trylock.retries", "trylock retries", .count,
      "times the second lock was busy: let go of the first, paused, tried again"),
    .measured("trylock.seconds", "time, trylock and back off", .seconds, "both threads' rounds"),
    .measured(
      "timedlock.rounds", "rounds done, timed lock", .count,
      "opposite orders; the second lock with pthread_mutex_clocklock"
    ).bounded(.atMost("rounds")),
    .measured(
      "timedlock.giveups", "timed lock gave up", .count,
      "times the timed wait for the second lock ran out (ETIMEDOUT)"),
    .measured("timedlock.seconds", "time, timed lock", .seconds, "both threads' rounds"),
  ]
}
