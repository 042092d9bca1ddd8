import Localization

/// The trace's metric labels in the chosen language, for the screen; the declarations (and so
/// the JSON, the docs and the checks) keep the English ones.
extension TraceReport {
  /// The catalog key of each metric's label (the keys are camel case: the catalog's keys hold
  /// letters, digits and dots only).
  static let labelKeys: [String: String] = [
    "processes": "demo.trace.metric.processes", "threads": "demo.trace.metric.threads",
    "zombies": "demo.trace.metric.zombies", "longest_zombie": "demo.trace.metric.longestZombie",
    "orphans": "demo.trace.metric.orphans", "exit_status": "demo.trace.metric.exitStatus",
    "killed_by": "demo.trace.metric.killedBy", "wall": "demo.trace.metric.wall",
    "cpu": "demo.trace.metric.cpu", "stopped": "demo.trace.metric.stopped",
    "stdout_bytes": "demo.trace.metric.stdoutBytes",
    "stderr_bytes": "demo.trace.metric.stderrBytes", "method": "demo.trace.metric.method",
    "pipes": "demo.trace.metric.pipes", "sockets": "demo.trace.metric.sockets",
    "pipe_ends_left_open": "demo.trace.metric.pipeEndsLeftOpen",
    "shm_created": "demo.trace.metric.shmCreated", "shm_left": "demo.trace.metric.shmLeft",
    "sem_created": "demo.trace.metric.semCreated", "sem_left": "demo.trace.metric.semLeft",
    "mq_created": "demo.trace.metric.mqCreated", "mq_left": "demo.trace.metric.mqLeft",
    "ipc_left": "demo.trace.metric.ipcLeft",
  ]

  /// The label of metric `path` in the process's language.
  public static func label(_ path: String) -> String {
    guard let key = labelKeys[path] else {
      return metrics.first { $0.path == path }?.label ?? path
    }
    return Catalog.text(key)
  }
}
