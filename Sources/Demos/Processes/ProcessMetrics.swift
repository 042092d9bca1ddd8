import DemoContract

/// What the process demos report (`DemoDefinition.metrics`): every path their reports carry,
/// with a label, a unit, and whether it is measured or a fact.
enum ProcessMetrics {
  static let ids: [MetricDeclaration] =
    idFields(prefix: "", who: "the child's") + idFields(prefix: "parent.", who: "the REPL's")

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

  static let spawn: [MetricDeclaration] = [
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
  ]

  static let fork: [MetricDeclaration] = [
    .measured("children", "the children's pids", .list, "pids of the forked children, in order"),
    .fact(
      "children_ppids_match", "every child's ppid is the parent", .boolean,
      "each child's getppid() equals the parent's pid"),
    .fact(
      "exit_statuses", "the children's exit statuses", .list,
      "what waitpid collected, child by child"),
    .measured("parent_pid", "the parent's pid", .pid, "getpid() of the forking process"),
  ]

  static let subprocess: [MetricDeclaration] = [
    .fact("exit_status", "sort's exit status", .exitStatus, "0: sort succeeded"),
    .fact(
      "failing_exit_status", "the failing command's status", .text,
      "what waitpid reported for a command that failed"),
    .fact("sorted", "the output came back sorted", .boolean, "sort's stdout is in order"),
  ]

  static let zombie: [MetricDeclaration] = [
    .fact("exit_status", "the child's exit status", .exitStatus, "the status _exit(7) left"),
    .measured("pid", "the zombie's pid", .pid, "the child that exited"),
    .fact("reaped", "the entry is gone after waitpid", .boolean, "/proc/<pid> vanished"),
    .fact(
      "state_before_reap", "the child's state before waitpid", .text,
      "the state letter in /proc/<pid>/stat (Z: zombie)"),
  ]

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
