import DemoContract

/// What the IPC demos report (`DemoDefinition.metrics`).
enum IPCMetrics {
  static let pipe: [MetricDeclaration] = [
    .fact("cpus", "where parent and child were placed", .text, "cpus=: any, same or apart"),
    .fact("frames.sent", "messages sent", .count, "framed messages written"),
    .fact("frames.received", "messages received", .count, "framed messages read back whole"),
    .fact("frames.in_order", "messages arrived in order", .boolean, "a pipe is FIFO"),
    .fact("frames.intact", "messages arrived intact", .boolean, "every byte as sent"),
    .measured("frames.reads", "read() calls for the framed messages", .count, "reads taken"),
    .fact("framing.writes", "write() calls without framing", .count, "writes made"),
    .measured(
      "framing.reads", "read() calls without framing", .count,
      "a pipe keeps no message boundaries: fewer reads than writes is common"),
    .fact("framing.bytes", "bytes read without framing", .bytes, "every byte still arrives"),
    .fact("duplex.round_trips", "round trips over two pipes", .count, "request, reply"),
    .fact("duplex.correct", "every reply was right", .boolean, "two pipes make a duplex channel"),
    .measured("latency.cpus_seen", "CPUs the round trips ran on", .list, "parent/child CPU pairs"),
    .measured(
      "latency.<size>.median_seconds", "pipe round trip of <size>, median", .seconds,
      "one message there and back"),
    .measured(
      "latency.<size>.mean_seconds", "pipe round trip of <size>, mean", .seconds,
      "one message there and back"),
    .measured(
      "latency.<size>.stddev_seconds", "pipe round trip of <size>, σ", .seconds,
      "standard deviation of the round trips"),
    .measured(
      "latency.<size>.p99_seconds", "pipe round trip of <size>, 99th percentile", .seconds,
      "99 in 100 round trips were faster"),
    .measured(
      "bandwidth.<size:bytes>.bytes_per_second", "pipe bandwidth at <size> writes",
      .bytesPerSecond, "median over the runs"),
    .measured("bandwidth.cpus_seen", "CPUs the bandwidth runs ran on", .list, "CPU pairs"),
  ]

  static let queue: [MetricDeclaration] = [
    .fact("order.fifo", "what a FIFO queue gave back", .list, "first in, first out"),
    .fact("order.lifo", "what a LIFO queue gave back", .list, "last in, first out"),
    .fact("order.priority", "what a priority queue gave back", .list, "smallest first"),
    .fact("timeouts.put_nonblocking", "put(block=False) on a full queue", .text, "raises Full"),
    .fact("timeouts.put_timeout", "put(timeout=) on a full queue", .text, "raises Full"),
    .measured(
      "timeouts.put_waited_seconds", "time put(timeout=) waited", .seconds, "about timeout="),
    .fact("timeouts.get_nonblocking", "get(block=False) on an empty queue", .text, "raises Empty"),
    .fact("timeouts.get_timeout", "get(timeout=) on an empty queue", .text, "raises Empty"),
    .measured(
      "timeouts.get_waited_seconds", "time get(timeout=) waited", .seconds, "about timeout="),
    .fact("workers.items", "items produced", .count, "producers × items"),
    .fact("workers.consumed", "items consumed", .count, "taken by the consumers"),
    .fact("workers.missing", "items lost", .count, "0: a queue loses nothing"),
    .fact("workers.duplicates", "items taken twice", .count, "0: each item goes to one consumer"),
    .fact(
      "workers.unfinished_after_join", "items unfinished after join()", .count,
      "0: join() waits for every task_done()"),
    .measured("workers.join_seconds", "time until join() returned", .seconds, "from the start"),
    .fact("bounded.items", "items put into the bounded queue", .count, "items="),
    .fact("bounded.maxsize", "the queue's maxsize", .count, "maxsize="),
    .measured(
      "bounded.producer_wait_seconds", "time the producer waited on a full queue", .seconds,
      "put() blocks while the queue is full"),
    .measured("bounded.waiting_puts", "puts that had to wait", .count, "blocked on a full queue"),
    .measured(
      "throughput.queue_messages_per_second", "queue messages per second", .messagesPerSecond,
      "through the shared-memory queue"),
    .measured(
      "throughput.pipe_messages_per_second", "pipe messages per second", .messagesPerSecond,
      "the same messages through a pipe"),
  ]

  static let shmRace: [MetricDeclaration] = raceFields(
    "<sync:none|semaphore|mutex|atomic|local>", "with <sync>")

  static func raceFields(_ key: String, _ how: String) -> [MetricDeclaration] {
    [
      .measured("\(key).final", "the lowest final count \(how)", .count, "over the runs"),
      .measured("\(key).max_final", "the highest final count \(how)", .count, "over the runs"),
      .fact("\(key).expected", "the count expected \(how)", .count, "processes × increments"),
      .measured("\(key).lost", "updates lost \(how)", .count, "expected − lowest final"),
      .measured("\(key).seconds", "time of the increments \(how)", .seconds, "the slowest run"),
      .measured(
        "\(key).span_seconds", "time from creating the memory to the last join \(how)", .seconds,
        "the whole span, as the IPC tutorial timed it"),
      .measured(
        "\(key).ns_per_increment", "time per increment \(how)", .nanoseconds, "seconds ÷ count"),
      .fact("\(key).runs", "runs \(how)", .count, "repeat="),
      .measured(
        "\(key).exact_runs", "runs that kept every update \(how)", .count, "final = expected"),
      .measured("\(key).race_runs", "runs that lost updates \(how)", .count, "final < expected"),
    ]
  }

  static let semaphore: [MetricDeclaration] = [
    .fact("workers", "worker processes", .count, "workers="),
    .fact("limit", "the semaphore's initial value", .count, "limit="),
    .fact(
      "max_concurrent", "most workers inside at once", .count,
      "never more than the limit"),
    .fact("timeout.acquired", "sem_timedwait acquired it", .boolean, "false: it timed out"),
    .measured("timeout.waited_seconds", "time sem_timedwait waited", .seconds, "about timeout="),
    .fact("over_release.value", "the value after three extra posts", .count, "no upper bound"),
    .fact(
      "over_release.entered", "workers let in after the extra posts", .count,
      "a semaphore counts; it does not remember its initial value"),
  ]

  static let mutex: [MetricDeclaration] = [
    .measured(
      "<sync:none|mutex|binary_semaphore>.final", "the final count with <sync>", .count,
      "what the threads' increments added up to"),
    .fact(
      "<sync:none|mutex|binary_semaphore>.expected", "the count expected with <sync>", .count,
      "threads × increments"),
    .measured(
      "<sync:none|mutex|binary_semaphore>.ns_per_increment", "time per increment with <sync>",
      .nanoseconds, "seconds ÷ count"),
    .fact("errorcheck.lock", "an error-checking mutex's lock", .text, "0 (success)"),
    .fact(
      "errorcheck.unlock_by_other", "unlock by a thread that does not own it", .text,
      "EPERM: a mutex has an owner"),
    .fact(
      "errorcheck.relock_by_owner", "lock again by its owner", .text,
      "EDEADLK: an error-checking mutex refuses"),
    .fact("errorcheck.unlock_by_owner", "unlock by its owner", .text, "0 (success)"),
    .fact(
      "semaphore.released_by_other_thread", "a semaphore posted by another thread", .boolean,
      "true: a semaphore has no owner"),
    .fact(
      "semaphore.released_by_other_process", "a semaphore posted by another process",
      .boolean, "true: anyone may post"),
    .fact(
      "robust.lock_after_owner_died", "locking a robust mutex whose owner died", .text,
      "EOWNERDEAD: the next locker is told"),
    .fact("named_semaphore.existed", "the named semaphore existed", .boolean, "in /dev/shm"),
    .fact("named_semaphore.removed", "it was removed by sem_unlink", .boolean, "gone after"),
  ]

  static let ipcCompare: [MetricDeclaration] =
    [
      "median_seconds": ("round trip over <via>, median", MetricUnit.seconds),
      "mean_seconds": ("round trip over <via>, mean", .seconds),
      "p99_seconds": ("round trip over <via>, 99th percentile", .seconds),
      "bytes_per_second": ("bandwidth over <via>", .bytesPerSecond),
    ].sorted { $0.key < $1.key }.map { field, described in
      .measured(
        "<via:pipe|socketpair|mqueue|shm|file>.\(field)", described.0, described.1,
        "measured in this run, mechanism by mechanism")
    } + [
      .measured("order", "mechanisms from fastest to slowest", .list, "by median round trip")
    ]
}
