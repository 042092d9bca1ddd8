import DemoContract

/// What the `mp-inside` demo reports (`DemoDefinition.metrics`): what the tracer saw a
/// tutorial program's multiprocessing start, counted by the part each process and thread plays.
enum InsideMetrics {
  static func all(_ files: [String]) -> [MetricDeclaration] {
    [PythonMetrics.available]
      + [
        .fact(
          "python.version", "the Python version that ran the program", .text,
          "platform.python_version() of the interpreter traced (\(files.joined(separator: ", ")))"),
        .fact(
          "interpreter", "the interpreter traced", .text,
          "the python3 on PATH, or the interpreter a launcher script there (a pyenv shim) runs"),
        .fact(
          "start_method", "the start method", .text,
          "multiprocessing.get_start_method() in the program: fork, forkserver or spawn"),
        .fact(
          "method", "how it was traced", .text,
          "ptrace (every event, exactly) or polling (/proc every 1 ms)"),
        .measured(
          "processes", "processes", .count, "processes the trace saw, the program included"),
        .measured(
          "workers", "worker processes", .count,
          "processes that are neither the program, nor the resource tracker, nor the forkserver"),
        .measured(
          "workers_as_program_says", "the workers are the ones the program names", .boolean,
          "the traced workers' pids are exactly the pids the program reported for its workers"),
        .measured(
          "resource_tracker", "resource trackers", .count,
          "processes running multiprocessing.resource_tracker"),
        .measured(
          "forkserver", "forkservers", .count, "processes running multiprocessing.forkserver"),
        .measured(
          "threads.program", "threads in the program's process", .count,
          "threads the trace saw in the program's own process, besides its first"),
        .measured(
          "threads.workers", "threads in the workers", .count,
          "threads the trace saw in the worker processes, besides their first"),
        .measured(
          "threads.pool_handlers", "the Pool's handler threads", .count,
          "traced threads the program named Thread-N (_handle_workers|_handle_tasks|_handle_results)"
        ),
        .measured(
          "threads.feeders", "Queue feeder threads", .count,
          "traced threads the program named QueueFeederThread"),
        .measured(
          "threads.feeders_in_program", "Queue feeder threads in the program's process", .count,
          "of those, the ones in the program's own process"),
        .measured(
          "threads.named", "threads the program named", .count,
          "traced threads whose thread id the program reported with a name"),
        .measured(
          "tasks", "tasks", .count, "values the Pool's map returned (program=pool)"),
        .measured(
          "tasks_in_workers", "tasks run by a traced worker", .count,
          "values whose pid, as the program recorded it, is a worker the trace saw"),
        .measured(
          "task_pids", "worker processes that ran a task", .count,
          "distinct pids among the values' (program=pool)"),
        .measured(
          "killed", "processes ProcLab killed at the end", .count,
          "processes still running when the program ended"),
        .measured(
          "ipc_left", "IPC objects ProcLab removed", .count,
          "POSIX objects the run made and left, which ProcLab removed"),
        .measured(
          "exit_status", "the program's exit status", .exitStatus, "what it passed to exit()"),
        .measured("wall", "wall time", .seconds, "from the start to the last process's end"),
      ]
  }
}
