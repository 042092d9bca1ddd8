import Testing
import Trace

@testable import Demos

/// `StartedProcesses`: what each traced process and thread of a multiprocessing program is,
/// from the command lines CPython 3.11 gives them (as the tracer records them) and the thread
/// names the program reports.
@Suite("mp-inside: processes and threads by their part")
struct StartedProcessesTests {
  static func process(
    _ pid: Int32, parent: Int32, start: Double, argv: [String]
  ) -> TracedTask {
    var t = TracedTask(tid: pid, tgid: pid, parent: parent, isThread: false, start: start)
    t.argv = argv
    t.end = start + 1
    return t
  }

  static func thread(_ tid: Int32, in pid: Int32, start: Double) -> TracedTask {
    TracedTask(tid: tid, tgid: pid, parent: pid, isThread: true, start: start)
  }

  static let program = ["/usr/bin/python3", "-I", "pool_map_schedule.py", "--json"]

  @Test("fork: every child is a worker; the Pool's and the Queue's threads by their names")
  func fork() {
    let tasks = [
      Self.process(100, parent: 1, start: 0, argv: Self.program),
      Self.process(101, parent: 100, start: 0.1, argv: Self.program),
      Self.thread(102, in: 101, start: 0.12),
      Self.process(103, parent: 100, start: 0.11, argv: Self.program),
      Self.process(104, parent: 100, start: 0.12, argv: Self.program),
      Self.thread(105, in: 100, start: 0.13), Self.thread(106, in: 100, start: 0.13),
      Self.thread(107, in: 100, start: 0.13), Self.thread(108, in: 104, start: 0.14),
    ]
    let names: [Int32: String] = [
      100: "MainThread", 102: "QueueFeederThread", 105: "Thread-1 (_handle_workers)",
      106: "Thread-2 (_handle_tasks)", 107: "Thread-3 (_handle_results)",
    ]
    let started = StartedProcesses(tasks: tasks, root: 100, threadNames: names)
    #expect(started.program?.task.tid == 100)
    #expect(started.workers.map(\.task.tid) == [101, 103, 104])
    #expect(started.workers.map(\.role) == [.worker(1), .worker(2), .worker(3)])
    #expect(started.resourceTrackers.isEmpty && started.forkservers.isEmpty)
    #expect(started.poolHandlers.map(\.task.tid) == [105, 106, 107])
    #expect(started.feeders.map(\.task.tid) == [102])
    #expect(started.workerThreads.map(\.task.tid) == [102, 108])
    #expect(started.threads.first { $0.task.tid == 108 }?.role == .unnamed)
    #expect(started.threads(in: 100).count == 3)
  }

  @Test("spawn: the resource tracker by its command line, the exec'd workers are workers")
  func spawn() {
    let tracker = [
      "/usr/bin/python3", "-I", "-c", "from multiprocessing.resource_tracker import main;main(5)",
    ]
    let worker = [
      "/usr/bin/python3", "-I", "-c",
      "from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=6, pipe_handle=8)",
      "--multiprocessing-fork",
    ]
    let tasks = [
      Self.process(200, parent: 1, start: 0, argv: Self.program),
      Self.process(201, parent: 200, start: 0.1, argv: tracker),
      Self.process(202, parent: 200, start: 0.2, argv: worker),
      Self.process(203, parent: 200, start: 0.3, argv: worker),
    ]
    let started = StartedProcesses(tasks: tasks, root: 200, threadNames: [:])
    #expect(started.resourceTrackers.map(\.task.tid) == [201])
    #expect(started.workers.map(\.task.tid) == [202, 203])
    #expect(started.role(of: 201) == .resourceTracker)
    #expect(started.role(of: 999) == nil)
  }

  @Test("forkserver: the server is not a worker, the processes it forks are")
  func forkserver() {
    let server = [
      "/usr/bin/python3", "-I", "-c",
      "from multiprocessing.forkserver import main; main(8, 9, ['__main__'], **{'sys_path': []})",
    ]
    let tracker = [
      "/usr/bin/python3", "-I", "-c", "from multiprocessing.resource_tracker import main;main(5)",
    ]
    let tasks = [
      Self.process(300, parent: 1, start: 0, argv: Self.program),
      Self.process(301, parent: 300, start: 0.1, argv: tracker),
      Self.process(302, parent: 300, start: 0.2, argv: server),
      // Forked by the server without an exec: they keep its command line.
      Self.process(303, parent: 302, start: 0.3, argv: server),
      Self.process(304, parent: 302, start: 0.31, argv: server),
      Self.process(305, parent: 302, start: 0.32, argv: server),
    ]
    let started = StartedProcesses(tasks: tasks, root: 300, threadNames: [:])
    #expect(started.forkservers.map(\.task.tid) == [302])
    #expect(started.resourceTrackers.map(\.task.tid) == [301])
    #expect(started.workers.map(\.task.tid) == [303, 304, 305])
  }

  @Test("a thread name that only mentions a handler is not the Pool's")
  func threadNames() {
    #expect(
      StartedProcesses.threadRole("Thread-4 (_handle_tasks)") == .poolHandler("_handle_tasks"))
    #expect(StartedProcesses.threadRole("_handle_tasks") == .other("_handle_tasks"))
    #expect(StartedProcesses.threadRole("QueueFeederThread") == .queueFeeder)
    #expect(StartedProcesses.threadRole(nil) == .unnamed)
  }
}
