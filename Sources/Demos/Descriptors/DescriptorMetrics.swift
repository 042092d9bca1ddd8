import DemoContract

/// What the descriptor demos report (`DemoDefinition.metrics`): every path with its label,
/// unit, and whether it is measured or a fact.
enum DescriptorMetrics {
  static let fds: [MetricDeclaration] = table + offset + cloexec + pipeline + eof

  static let table: [MetricDeclaration] = [
    .measured(
      "fork.descriptors", "descriptors open in the demo process", .count,
      "entries of /proc/<pid>/fd of the demo right after fork"),
    .fact(
      "fork.same_table", "the fork child has the same descriptor table", .boolean,
      "the same numbers, and kcmp(KCMP_FILE) finds each the same open file description"),
    .fact(
      "fork.shared_position", "the child's offset moved with the parent's write", .boolean,
      "after the parent wrote to notes.txt, the child's fdinfo pos is the parent's new offset"),
    .fact(
      "dup2.child_stdout_is_file", "the child's fd 1 is notes.txt after dup2", .boolean,
      "/proc/<child>/fd/1 points at notes.txt after dup2(notes, 1)"),
    .fact(
      "dup2.parent_stdout_unchanged", "the parent's fd 1 is unchanged", .boolean,
      "dup2 in the child changed only the child's table"),
    .fact(
      "dup2.line_in_file", "what the child wrote to fd 1 is in notes.txt", .boolean,
      "the child's write(1, …) landed in the file"),
    .fact(
      "exec.notes_kept", "notes.txt is still open after execve", .boolean,
      "the exec'd program's own /proc/self/fd lists notes.txt (opened without O_CLOEXEC)"),
    .fact(
      "exec.cloexec_closed", "every O_CLOEXEC descriptor was closed by execve", .boolean,
      "none of the parent's descriptors marked close-on-exec is open in the exec'd program"),
    .fact(
      "exec.same_position", "notes.txt keeps its offset across execve", .boolean,
      "the exec'd program's pos for notes.txt is the parent's: the same description"),
  ]

  static let offset: [MetricDeclaration] = [
    .fact(
      "<way:shared_offset|separate_open|append>.bytes_written", "bytes written by both (<way>)",
      .bytes, "2 × lines= × the line length"),
    .measured(
      "<way:shared_offset|separate_open|append>.file_bytes", "bytes in the file (<way>)", .bytes,
      "the file's size after both writers ended"
    ).bounded(.atMost("<way>.bytes_written")),
    .measured(
      "<way:shared_offset|separate_open|append>.lost_bytes", "bytes overwritten (<way>)", .bytes,
      "bytes written minus bytes in the file"
    ).bounded(.atMost("<way>.bytes_written")),
    .measured(
      "<way:shared_offset|separate_open|append>.parent_lines", "the parent's lines left (<way>)",
      .count, "whole lines of the parent found in the file"),
    .measured(
      "<way:shared_offset|separate_open|append>.child_lines", "the child's lines left (<way>)",
      .count, "whole lines of the child found in the file"),
  ]

  static let cloexec: [MetricDeclaration] = [
    .fact(
      "cloexec.survived", "the files still open after execve", .text,
      "of plain.txt and cloexec.txt, those the exec'd program lists (\"none\" for neither)"),
    .fact(
      "cloexec.plain_kept", "plain.txt (no O_CLOEXEC) survived execve", .boolean,
      "listed by the exec'd program"),
    .fact(
      "cloexec.cloexec_kept", "cloexec.txt (O_CLOEXEC) survived execve", .boolean,
      "listed by the exec'd program"),
  ]

  static let pipeline: [MetricDeclaration] = [
    .fact("pipeline.count", "what ls | wc -l printed", .count, "wc's output"),
    .fact(
      "pipeline.expected", "entries in the directory", .count,
      "readdir of the directory ls listed (files=)"),
    .fact(
      "pipeline.same_pipe", "ls's fd 1 and wc's fd 0 are one pipe", .boolean,
      "the same pipe:[inode] in /proc/<ls>/fd/1 and /proc/<wc>/fd/0"),
  ]

  static let eof: [MetricDeclaration] = [
    .measured(
      "eof.waited", "the reader's wait for end-of-file", .seconds,
      "from the last byte it read until read() returned 0, with a write end left open"),
    .measured(
      "eof.waited_all_closed", "the wait with every write end closed", .seconds,
      "the same reader, when no process kept a write end"),
    .fact(
      "eof.after_release", "end-of-file came only after the last write end closed", .boolean,
      "the reader's read() returned 0 after the holder closed its copy"),
    .fact(
      "eof.blocked_while_held", "the reader was still waiting while the end was held", .boolean,
      "no end-of-file during hold=, and the reader alive in read()"),
    .fact("eof.held_for", "how long the forgotten end stayed open", .seconds, "hold="),
  ]

  static let exec: [MetricDeclaration] = [
    .measured("pid_before", "the pid before execve", .pid, "Pid: in /proc/<pid>/status"),
    .measured("pid_after", "the pid after execve", .pid, "Pid: in /proc/<pid>/status")
      .bounded(.sameAs("pid_before")),
    .measured("ppid_before", "the parent before execve", .pid, "PPid: in /proc/<pid>/status"),
    .measured("ppid_after", "the parent after execve", .pid, "PPid: in /proc/<pid>/status")
      .bounded(.sameAs("ppid_before")),
    .fact("pid_same", "the pid survived execve", .boolean, "pid_after equals pid_before"),
    .fact("ppid_same", "the parent survived execve", .boolean, "ppid_after equals ppid_before"),
    .fact("exe_before", "the program before execve", .text, "/proc/<pid>/exe"),
    .fact("exe_after", "the program after execve", .text, "/proc/<pid>/exe"),
    .fact("comm_before", "the command name before execve", .text, "/proc/<pid>/comm"),
    .fact("comm_after", "the command name after execve", .text, "/proc/<pid>/comm"),
    .measured(
      "mappings_before", "memory mappings before execve", .count, "lines of /proc/<pid>/maps"),
    .measured(
      "mappings_after", "memory mappings after execve", .count, "lines of /proc/<pid>/maps"),
    .fact(
      "marker_before", "the marker variable is in the child's memory before execve", .boolean,
      "process_vm_readv at its address finds the text the demo put there before fork"),
    .fact(
      "marker_after", "the marker variable is there after execve", .boolean,
      "the same read after execve: the old memory image is gone"),
    .measured(
      "kept_fds", "descriptors open after execve", .list,
      "the numbers in /proc/<pid>/fd after execve"),
    .fact(
      "kept_file", "kept.txt (no O_CLOEXEC) is open after execve", .boolean,
      "/proc/<pid>/fd still points at it"),
    .fact(
      "closed_file", "closed.txt is open after execve", .boolean,
      "opened with O_CLOEXEC unless cloexec=off: then it is kept too"),
  ]
}
