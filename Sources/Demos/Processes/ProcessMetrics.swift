import DemoContract

/// What the process demos report (`DemoDefinition.metrics`): every path their reports carry,
/// with a label, a unit, and whether it is measured or a fact.
enum ProcessMetrics {
  static let ids: [MetricDeclaration] =
    idFields(prefix: "", who: "the child's").map(inherited)
    + idFields(prefix: "parent.", who: "the REPL's")
    + PythonMetrics.run("process-tutorial/ids.py") + pythonIDs

  /// ids.py's answers: os.getpid() and the rest, asked in a python3 process the demo starts
  /// in a process group of its own (it reports no command name). Its pid, its parent (the
  /// demo) and its group are new on every run.
  static let pythonIDs: [MetricDeclaration] =
    idFields(prefix: "", who: "the python3 child's").filter { $0.path != "command" }.map {
      $0.python(
        kind: ["pid", "ppid", "pgid"].contains($0.path) ? .measured : .fact,
        meaning: "os." + $0.meaning
          + (["ppid": ": the demo's pid", "pgid": ": its own pid, a group of its own"][$0.path]
            ?? ""))
    }

  /// The child's user and group ids are its parent's: a report where they differ was not made
  /// by a run (the teacher's plausibility check).
  static func inherited(_ d: MetricDeclaration) -> MetricDeclaration {
    ["uid", "euid", "gid"].contains(d.path) ? d.bounded(.sameAs("parent." + d.path)) : d
  }

  static func idFields(prefix: String, who: String) -> [MetricDeclaration] {
    [
      .fact(prefix + "pid", "\(who) process id", .pid, "getpid()"),
      .fact(prefix + "ppid", "\(who) parent process id", .pid, "getppid()"),
      .fact(prefix + "pgid", "\(who) process group id", .id, "getpgid(0)"),
      .fact(prefix + "sid", "\(who) session id", .id, "getsid(0)"),
      .fact(prefix + "uid", "\(who) user id", .id, "getuid(): the user who started it"),
      .fact(prefix + "euid", "\(who) effective user id", .id, "geteuid(): whose rights it uses"),
      .fact(prefix + "gid", "\(who) group id", .id, "getgid()"),
      .fact(prefix + "cwd", "\(who) working directory", .text, "getcwd()"),
      .fact(prefix + "command", "\(who) command name", .text, "/proc/<pid>/comm"),
    ]
  }

  static let spawn: [MetricDeclaration] =
    [
      .measured(
        "<way:fork|fork-exec|posix_spawn|thread|fork_grown>.mean_seconds",
        "mean time of one <way>", .seconds, "mean over the timed runs of start + wait"),
      .measured(
        "<way:fork|fork-exec|posix_spawn|thread|fork_grown>.median_seconds",
        "median time of one <way>", .seconds, "median over the timed runs of start + wait"),
      .measured(
        "fork_grown.page_table_kib", "page tables after growing", .kibibytes,
        "VmPTE of the demo process after it wrote grow= MiB"),
      .measured(
        "fork_grown.slowdown", "fork slowdown after growing", .ratio,
        "fork's median after growing over its median before"),
      .fact(
        "join_status", "the joined child's exit status", .text,
        "what waitpid reported for a child that called exit(3)"),
      .fact(
        "terminate_status", "the terminated child's status", .text,
        "what waitpid reported after SIGTERM"),
      .measured(
        "parent_mappings", "mappings of the demo process", .count, "lines of /proc/self/maps"),
      .measured(
        "parent_page_table_kib", "page tables of the demo process", .kibibytes, "VmPTE"),
      .fact(
        "readonly_remapped_kib", "read-only data mapped read-only again", .kibibytes,
        "how much of .rodata the demo runner remapped so fork does not copy its page tables"),
    ] + PythonMetrics.run("process-tutorial/process_lifecycle.py") + pythonLifecycle

  /// process_lifecycle.py: a multiprocessing.Process joined, then one terminated while it runs.
  static let pythonLifecycle: [MetricDeclaration] = [
    PythonMetrics.measured(
      "parent_pid", "the pid of python3, which started the Process", .pid, "os.getpid()"),
    PythonMetrics.measured(
      "child_pid", "the Process's pid", .pid, "os.getpid() in the child, sent back on a Queue"),
    PythonMetrics.measured(
      "child_ppid", "the Process's parent pid", .pid,
      "os.getppid() in the child: python3's pid"),
    PythonMetrics.fact(
      "join_exitcode", "the joined Process's exitcode", .exitcode,
      "0: its function returned normally"),
    PythonMetrics.fact(
      "terminate_after_join_exitcode", "the exitcode after terminate() on an ended Process",
      .exitcode, "still 0: terminate() after join() comes too late, as in the tutorial"),
    PythonMetrics.fact(
      "alive_before_terminate", "the running Process was alive before terminate()", .boolean,
      "is_alive(): true"),
    PythonMetrics.fact(
      "terminate_exitcode", "the terminated Process's exitcode", .exitcode,
      "-15: multiprocessing reports minus the number of the signal that killed it (SIGTERM)"),
    PythonMetrics.fact(
      "alive_after_join", "the terminated Process was alive after join()", .boolean,
      "is_alive(): false"),
    PythonMetrics.measured(
      "terminate_seconds", "time from terminate() until join() returned", .seconds,
      "SIGTERM sent, the child killed and collected"),
  ]

  static let fork: [MetricDeclaration] =
    forkNative + PythonMetrics.run("concepts-tutorial/fork_exec_wait.py") + pythonFork

  static let forkNative: [MetricDeclaration] = [
    .measured("children", "the children's pids", .list, "pids of the forked children, in order"),
    .fact(
      "children_ppids_match", "every child's ppid is the parent", .boolean,
      "each child's getppid() equals the parent's pid"),
    .fact(
      "exit_statuses", "the children's exit statuses", .list,
      "what waitpid collected, child by child"),
    .measured("parent_pid", "the parent's pid", .pid, "getpid() of the forking process"),
  ]

  /// fork_exec_wait.py: os.fork() children=× (child i ends with os._exit(i + 1)), then
  /// fork + execv.
  static let pythonFork: [MetricDeclaration] = [
    PythonMetrics.measured(
      "parent_pid", "the pid of python3, the forking process", .pid, "os.getpid()"),
    PythonMetrics.fact("children", "children forked", .count, "children="),
    forkNative[path: "children_ppids_match"].python(
      meaning: "each child's os.getppid(), sent on a pipe, equals python3's pid"),
    forkNative[path: "exit_statuses"].python(
      meaning: "os.waitpid() child by child: 1, 2, 3… (os._exit(i + 1))"),
    PythonMetrics.fact(
      "exec_exit_status", "exit status of the exec'd program", .exitStatus,
      "7: the child ran os.execv(python3 -c 'sys.exit(7)') and the parent waited for it"),
  ]

  static let subprocess: [MetricDeclaration] = [
    .fact("exit_status", "sort's exit status", .exitStatus, "0: sort succeeded"),
    .fact(
      "failing_exit_status", "the failing command's status", .text,
      "what waitpid reported for a command that failed"),
    .fact("sorted", "the output came back sorted", .boolean, "sort's stdout is in order"),
  ]

  static let zombie: [MetricDeclaration] =
    zombieNative + PythonMetrics.run("concepts-tutorial/zombie_orphan.py") + pythonZombieOrphan

  static let zombieNative: [MetricDeclaration] = [
    .fact("exit_status", "the child's exit status", .exitStatus, "the status _exit(7) left"),
    .measured("pid", "the zombie's pid", .pid, "the child that exited"),
    .fact("reaped", "the entry is gone after waitpid", .boolean, "/proc/<pid> vanished"),
    .fact(
      "state_before_reap", "the child's state before waitpid", .text,
      "the state letter in /proc/<pid>/stat (Z: zombie)"),
  ]

  /// zombie_orphan.py: a child that ends with os._exit(3), seen in /proc before and after
  /// os.waitpid(), then an orphan (its parent ends first): both under `python.`.
  static let pythonZombieOrphan: [MetricDeclaration] =
    [PythonMetrics.measured("pid", "the pid of python3", .pid, "os.getpid()")]
    + zombieNative.map { native in
      native.python(
        path: "zombie." + native.path,
        meaning: native.path == "exit_status"
          ? "3: the status os._exit(3) left, from os.waitpid()" : nil)
    }
    + orphan.map { native in
      native.path == "adopted_by_subreaper"
        ? PythonMetrics.fact(
          "orphan.adopted_by_us", "python3 itself adopted the orphan", .boolean,
          "false: python3 is no subreaper; the orphan goes to the nearest one (the demo runner) or init"
        )
        : native.python(
          path: "orphan." + native.path,
          meaning: [
            "new_ppid": "its ppid in /proc/<pid>/stat after its parent exited (-1: it was gone)",
            "original_ppid": "the process that forked it and then exited without waiting",
          ][native.path])
    }

  static let orphan: [MetricDeclaration] = [
    .fact(
      "adopted_by_subreaper", "adopted by the subreaper", .boolean,
      "the new parent is the demo process (subreaper=true) rather than init"),
    .measured("child_pid", "the orphan's pid", .pid, "the child whose parent exited"),
    .measured("new_ppid", "the orphan's new parent", .pid, "getppid() after its parent exited"),
    .measured("original_ppid", "the orphan's first parent", .pid, "getppid() at the start"),
    .fact("reparented", "the orphan was re-parented", .boolean, "new_ppid differs from original"),
  ]
}
