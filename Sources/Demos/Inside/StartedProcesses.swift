import Trace

/// What a traced run of one of the tutorials' multiprocessing programs started, each process
/// and thread the tracer saw given the part it plays: the program, its workers, the resource
/// tracker and the forkserver (told apart by the command line multiprocessing gives them), and
/// threads by the names the program reported for their thread ids (the Pool's handler threads,
/// a Queue's feeder thread). A pure value built from the trace, so tests build it from a
/// `TraceRun` of their own.
struct StartedProcesses: Sendable, Equatable {
  /// What a process is.
  enum ProcessRole: Sendable, Equatable {
    /// The traced program itself.
    case program
    /// A worker: a Pool's, or a Process the program started; numbered from 1 in start order.
    case worker(Int)
    /// `multiprocessing.resource_tracker`: removes the named semaphores and shared memory a
    /// program leaves when it dies.
    case resourceTracker
    /// `multiprocessing.forkserver`: the process workers are forked from (start=forkserver).
    case forkserver
  }

  /// What a thread is, by the name the program gave its thread id.
  enum ThreadRole: Sendable, Equatable {
    /// `Pool`'s `_handle_workers`, `_handle_tasks` or `_handle_results` thread.
    case poolHandler(String)
    /// A `multiprocessing.Queue`'s `QueueFeederThread`.
    case queueFeeder
    /// Named by the program otherwise.
    case other(String)
    /// Seen by the trace but not named by the program.
    case unnamed
  }

  struct Process: Sendable, Equatable {
    var task: TracedTask
    var role: ProcessRole
  }

  struct Thread: Sendable, Equatable {
    var task: TracedTask
    var role: ThreadRole
    /// The name the program reported for this thread id, if any.
    var name: String?
  }

  var processes: [Process]
  var threads: [Thread]

  /// Classifies every process and thread of `run`.
  /// - Parameter threadNames: thread id → the name Python gave that thread, as the program
  ///   reported them (`thread_names` in its JSON).
  init(_ run: TraceRun, threadNames: [Int32: String]) {
    self.init(tasks: run.tasks, root: run.root?.tid, threadNames: threadNames)
  }

  /// Classifies `tasks` (processes and threads as the tracer saw them); `root` is the
  /// program's pid.
  init(tasks: [TracedTask], root rootPid: Int32?, threadNames: [Int32: String]) {
    var roles: [Int32: ProcessRole] = [:]
    var workers = 0
    var processes: [Process] = []
    // Parents come before their children in the trace's order (a child is seen at its
    // parent's fork event), so a forkserver's role is known before its children's.
    for task in tasks.filter({ !$0.isThread }).sorted(by: { $0.start < $1.start }) {
      let line = task.program.joined(separator: " ")
      let role: ProcessRole
      if task.tid == rootPid {
        role = .program
      } else if line.contains("multiprocessing.resource_tracker") {
        role = .resourceTracker
      } else if line.contains("multiprocessing.forkserver"), roles[task.parent] != .forkserver {
        role = .forkserver
      } else {
        workers += 1
        role = .worker(workers)
      }
      roles[task.tid] = role
      processes.append(Process(task: task, role: role))
    }
    self.processes = processes
    threads = tasks.filter(\.isThread).map { task in
      let name = threadNames[task.tid]
      return Thread(task: task, role: Self.threadRole(name), name: name)
    }
  }

  static func threadRole(_ name: String?) -> ThreadRole {
    guard let name else { return .unnamed }
    if name == "QueueFeederThread" { return .queueFeeder }
    // Python ≥ 3.10 names a thread after its target: "Thread-1 (_handle_workers)".
    for handler in ["_handle_workers", "_handle_tasks", "_handle_results"]
    where name.contains("(\(handler))") {
      return .poolHandler(handler)
    }
    return .other(name)
  }

  var program: Process? { processes.first { $0.role == .program } }

  var workers: [Process] {
    processes.filter {
      if case .worker = $0.role { true } else { false }
    }
  }

  var resourceTrackers: [Process] { processes.filter { $0.role == .resourceTracker } }
  var forkservers: [Process] { processes.filter { $0.role == .forkserver } }

  /// The role of the process with this pid, if the trace saw it.
  func role(of pid: Int32) -> ProcessRole? { processes.first { $0.task.tid == pid }?.role }

  /// The threads running in the process with this pid.
  func threads(in pid: Int32) -> [Thread] { threads.filter { $0.task.tgid == pid } }

  var poolHandlers: [Thread] {
    threads.filter {
      if case .poolHandler = $0.role { true } else { false }
    }
  }

  var feeders: [Thread] { threads.filter { $0.role == .queueFeeder } }

  /// Threads running in a worker process.
  var workerThreads: [Thread] {
    let pids = Set(workers.map(\.task.tid))
    return threads.filter { pids.contains($0.task.tgid) }
  }

  /// Processes ProcLab had to kill at the end: they outlived the program.
  var killed: [Process] { processes.filter(\.task.killedByTracer) }
}
