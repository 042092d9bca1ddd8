import DemoContract

/// What the IPC demos report (`DemoDefinition.metrics`).
enum IPCMetrics {
  static let pipe: [MetricDeclaration] =
    pipeNative + PythonMetrics.run("ipc-tutorial/pipe_send_recv.py") + pythonPipe

  static let pipeNative: [MetricDeclaration] = [
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

  /// pipe_send_recv.py: the IPC tutorial's Pipe(), a child Process sending [42, None, 'hello'].
  static let pythonPipe: [MetricDeclaration] = [
    .fact(
      "python_intact", "CPython's message arrived intact", .boolean,
      "recv() gave back [42, None, 'hello'], as the child sent it"),
    PythonMetrics.measured(
      "parent_pid", "the pid of python3, which recv()s", .pid, "os.getpid() in the parent"),
    PythonMetrics.measured(
      "child_pid", "the pid of the Process that send()s", .pid, "os.getpid() in the child"),
    PythonMetrics.fact(
      "received", "what recv() returned", .text, "its repr(): [42, None, 'hello']"),
    PythonMetrics.fact(
      "received_type", "the type recv() returned", .text, "list: unpickled, not bytes"),
    PythonMetrics.fact(
      "received_item_types", "the types of the items received", .text,
      "int,NoneType,str: each object comes back as it was sent"),
    PythonMetrics.fact(
      "intact", "the message arrived intact", .boolean, "recv() == [42, None, 'hello']"),
    PythonMetrics.fact(
      "duplex_answer", "the child's reply on the same Pipe", .list,
      "2, 4, 6: the parent sent [1, 2, 3] and the child doubled it (a Pipe is duplex)"),
    PythonMetrics.fact("exit_code", "the child Process's exitcode", .exitcode, "0"),
  ]

  static let queue: [MetricDeclaration] =
    queueNative + PythonMetrics.run("ipc-tutorial/queue_kinds.py") + pythonQueue

  static let queueNative: [MetricDeclaration] = [
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

  /// queue_kinds.py: queue.Queue, LifoQueue and PriorityQueue; a bounded queue's Full and
  /// Empty; a multiprocessing.JoinableQueue between processes.
  static let pythonQueue: [MetricDeclaration] =
    [
      PythonMetrics.fact(
        "put", "the items put into each queue", .list, "3, 1, 4, 1, 5, 9, 2, 6, in this order")
    ]
    + [("fifo", "queue.Queue"), ("lifo", "LifoQueue"), ("priority", "PriorityQueue")].map {
      key, name in
      queueNative[path: "order.\(key)"].python("what \(name) gave back")
    } + [
      PythonMetrics.fact(
        "bounded.maxsize", "the bounded queue's maxsize", .count, "2, as the demo asks"),
      PythonMetrics.fact(
        "bounded.full", "the queue was full after maxsize puts", .boolean, "full(): true"),
      PythonMetrics.fact(
        "bounded.qsize", "items in the full queue", .count, "qsize(): maxsize"),
      PythonMetrics.fact(
        "bounded.put_nowait_raised", "what put_nowait() on a full queue raised", .text,
        "Full, at once"),
      PythonMetrics.fact(
        "bounded.put_timeout_raised", "what put(timeout=) on a full queue raised", .text,
        "Full, after the timeout"),
      PythonMetrics.measured(
        "bounded.put_waited_seconds", "time put(timeout=) waited", .seconds, "about timeout="),
      PythonMetrics.fact(
        "bounded.get_nowait_raised", "what get_nowait() on an empty queue raised", .text,
        "Empty, at once"),
      PythonMetrics.fact(
        "bounded.get_timeout_raised", "what get(timeout=) on an empty queue raised", .text,
        "Empty, after the timeout"),
      PythonMetrics.measured(
        "bounded.get_waited_seconds", "time get(timeout=) waited", .seconds, "about timeout="),
      PythonMetrics.fact(
        "bounded.extra_task_done_raised", "what one task_done() too many raised", .text,
        "ValueError: more task_done() calls than items taken"),
      PythonMetrics.fact(
        "joinable.items", "items put into the JoinableQueue", .count, "items="),
      PythonMetrics.fact(
        "joinable.workers", "consumer processes", .count, "consumers="),
      PythonMetrics.fact(
        "joinable.taken", "the items the consumers took, sorted", .list,
        "every item once: join() returned after a task_done() for each"),
      PythonMetrics.measured(
        "joinable.consumer_pids", "the pids of the consumers that took items", .list,
        "sorted; which consumer took what varies"),
      PythonMetrics.fact(
        "joinable.exit_codes", "the consumers' exitcodes", .list, "0 each"),
    ]

  static let shmRace: [MetricDeclaration] =
    raceFields("<sync:none|semaphore|mutex|atomic|local>", "with <sync>")
    + PythonMetrics.run("ipc-tutorial/shm_assignment.py") + pythonShm

  /// shm_assignment.py: two processes add to one int64 in a SharedMemory block (numpy), each
  /// counting locally and adding under a Semaphore(1), or with b[0] += 1 and no lock.
  static let pythonShm: [MetricDeclaration] = [
    PythonMetrics.fact("increments", "what each process adds", .count, "increments=, capped"),
    PythonMetrics.fact("numpy", "the numpy version", .text, "numpy.__version__"),
    PythonMetrics.fact(
      "skipped", "why the assignment did not run", .text, "numpy is not installed"),
    PythonMetrics.fact(
      "semaphore.final", "the final count with a Semaphore(1)", .count,
      "exact: each process adds its local count under the lock"),
    PythonMetrics.measured(
      "unlocked.final", "the final count with b[0] += 1 and no lock", .count,
      "read, add, write in two processes at once: updates are lost"),
    PythonMetrics.fact(
      "semaphore.lost", "updates lost with a Semaphore(1)", .count, "0"),
    PythonMetrics.measured(
      "unlocked.lost", "updates lost with no lock", .count, "expected − final"),
    PythonMetrics.fact(
      "<sync:semaphore|unlocked>.expected", "the count expected (<sync>)", .count,
      "2 processes × what each adds"),
    PythonMetrics.measured(
      "<sync:semaphore|unlocked>.seconds",
      "time from starting the processes to joining them (<sync>)",
      .seconds, "both processes, start to join"),
    PythonMetrics.fact(
      "<sync:semaphore|unlocked>.exit_codes", "the two processes' exitcodes (<sync>)", .list,
      "0 each"),
  ]

  static func raceFields(_ key: String, _ how: String) -> [MetricDeclaration] {
    [
      .measured("\(key).final", "the lowest final count \(how)", .count, "over the runs"),
      .measured("\(key).max_final", "the highest final count \(how)", .count, "over the runs"),
      .fact("\(key).expected", "the count expected \(how)", .count, "processes × increments"),
      .measured("\(key).lost", "updates lost \(how)", .count, "expected − lowest final")
        .bounded(.atMost("\(key).expected")),
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
    ] + PythonMetrics.run("ipc-tutorial/pipe_vs_queue.py") + pythonCompare

  /// pipe_vs_queue.py: the same messages one way from a child Process through a Pipe() and
  /// through a multiprocessing.Queue.
  static let pythonCompare: [MetricDeclaration] = [
    PythonMetrics.fact(
      "messages", "messages sent through each", .count, "rounds=, kept between 1,000 and 20,000"),
    PythonMetrics.fact("size", "bytes per message", .bytes, "size="),
    PythonMetrics.fact("runs", "runs of each way", .count, "3"),
    PythonMetrics.measured(
      "<via:pipe|queue>.seconds_per_message", "median time per message through a <via>",
      .seconds, "the median run's time ÷ messages"),
    PythonMetrics.measured(
      "<via:pipe|queue>.median_seconds", "time for all the messages through a <via>, median",
      .seconds, "median over the runs"),
    PythonMetrics.measured(
      "<via:pipe|queue>.messages_per_second", "messages per second through a <via>",
      .messagesPerSecond, "messages ÷ the median run's time"),
    PythonMetrics.measured(
      "<via:pipe|queue>.samples", "time for all the messages through a <via>, run by run",
      .list, "seconds per run"),
    PythonMetrics.fact(
      "<via:pipe|queue>.in_order", "every message through a <via> arrived in order", .boolean,
      "both are FIFO"),
    PythonMetrics.measured(
      "queue_over_pipe", "a Queue's time over a Pipe's", .ratio,
      "above 1 when the pipe is faster, as the tutorial says"),
  ]
}
