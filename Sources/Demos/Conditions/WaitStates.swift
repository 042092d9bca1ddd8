import CProcLab
import OSKit

/// What /proc says one thread (or a one-threaded process) is doing: its state letter, the
/// kernel function it sleeps in (`wchan`), the system call it is in, and how often it has
/// been switched off a CPU. Two readings with the same switch count mean it did not run
/// between them.
struct TaskWait: Sendable, Equatable {
  var tid: Int32
  var state: Character
  /// `futex_do_wait`, `locks_lock_inode_wait`…; "0" when the kernel hides it.
  var wchan: String
  /// The number of the system call it is in (the first field of `syscall`); nil while it
  /// runs or when the file cannot be read.
  var syscall: Int?
  /// voluntary_ctxt_switches + nonvoluntary_ctxt_switches.
  var switches: Int

  static let futex = Int(pl_sys_futex())
  static let fcntl = Int(pl_sys_fcntl())

  /// Reads `/proc/<pid>/task/<tid>/…`; nil once the thread is gone.
  static func read(pid: Int32, tid: Int32) -> TaskWait? {
    let base = "/proc/\(pid)/task/\(tid)"
    guard let stat = FileIO.readText(base + "/stat").flatMap(ProcStat.parse),
      let statusText = FileIO.readText(base + "/status")
    else { return nil }
    let status = ProcStatus.parse(statusText)
    let switches = ["voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"].reduce(0) {
      $0 + (status.values($1).first.flatMap { Int($0) } ?? 0)
    }
    let wchan = FileIO.readText(base + "/wchan").map { trimmed($0) } ?? "?"
    let call = FileIO.readText(base + "/syscall")?.split(separator: " ").first.flatMap {
      Int($0)
    }
    return TaskWait(tid: tid, state: stat.state, wchan: wchan, syscall: call, switches: switches)
  }

  /// Asleep in a futex: where a thread blocked in pthread_mutex_lock sleeps.
  var inFutexWait: Bool {
    state == "S" && (wchan.contains("futex") || syscall == TaskWait.futex)
  }

  /// Asleep in fcntl: where a process blocked in F_SETLKW sleeps.
  var inLockWait: Bool {
    state == "S" && (wchan.contains("lock") || syscall == TaskWait.fcntl)
  }

  private static func trimmed(_ text: String) -> String {
    String(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first ?? "?")
  }

  /// The system call as a reader knows it.
  var syscallName: String {
    switch syscall {
    case TaskWait.futex?: "futex"
    case TaskWait.fcntl?: "fcntl"
    case let n?: "#\(n)"
    case nil: "—"
    }
  }
}
