import CProcLab
import Glibc
import Measure
import OSKit
import Render

extension ProcessDemos {
  /// seed 001's Process start/join/terminate, and what each way of making a process costs.
  static let spawn = DemoDefinition(
    name: "spawn",
    summary: "start, join and terminate a process; the cost of fork, exec, posix_spawn, threads",
    lesson: "creating-processes",
    parameters: [
      ParameterSpec(
        "what", .list(["fork", "fork-exec", "posix_spawn", "thread"]),
        default: "fork,fork-exec,posix_spawn,thread", help: "which ways of starting to time"),
      ParameterSpec(
        "runs", .integer(min: 1, max: 15), default: "7", help: "timed runs after the warm-up"),
      ParameterSpec(
        "target", .decimal(min: 0.005, max: 1), default: "0.1",
        help: "seconds each run should take at least (the loop count is picked to reach it)"),
    ]
  ) { params, context in
    context.heading("Start, join, terminate")
    let worker = try Workers.spawn("exit-with", ["3"])
    let joined = try worker.wait()
    let sleeper = try Workers.spawn("hang", [])
    usleep(20_000)
    let before = ProcStat.read(sleeper.pid)?.stateName ?? "?"
    sleeper.signal(SIGTERM, group: false)
    let terminated = try sleeper.wait()
    context.table(
      Table(
        title: "Process start / join / terminate",
        columns: [
          .init(name: "step", align: .left), .init(name: "pid", align: .right),
          .init(name: "result", align: .left),
        ],
        rows: [
          [
            "start a worker that exits with 3; join", String(worker.pid),
            joined.description,
          ],
          ["start a worker that sleeps (\(before))", String(sleeper.pid), "running"],
          [
            "terminate it (SIGTERM); join", String(sleeper.pid),
            terminated.description,
          ],
        ], footer: []))
    context.metric("join_status", .string(joined.description))
    context.metric("terminate_status", .string(terminated.description))

    context.heading("What it costs to start something")
    let methods = params.words("what")
    let runs = params.int("runs")
    let target = params.double("target")
    var results: [TimingResult] = []
    let truePath =
      ["/bin/true", "/usr/bin/true"].first { (p: String) in access(p, X_OK) == 0 } ?? "/bin/true"
    let env = ProcessEnvironment.current
    for (i, method) in methods.enumerated() {
      try context.checkStop()
      context.progress(Double(i) / Double(methods.count), "timing \(method)")
      let result: TimingResult
      switch method {
      case "fork":
        result = TimeIt.measure("fork", targetRunSeconds: target, runs: runs) {
          let pid = pl_fork_exit(0)
          var status: Int32 = 0
          if pid > 0 { waitpid(pid, &status, 0) }
        }
      case "fork-exec":
        result = withCStrings([truePath]) { argv in
          withCStrings(env) { envp in
            TimeIt.measure(
              "fork + exec", targetRunSeconds: target, runs: runs
            ) {
              let pid = pl_fork_exec(truePath, argv, envp)
              var status: Int32 = 0
              if pid > 0 { waitpid(pid, &status, 0) }
            }
          }
        }
      case "posix_spawn":
        result = withCStrings([truePath]) { argv in
          withCStrings(env) { envp in
            TimeIt.measure(
              "posix_spawn", targetRunSeconds: target, runs: runs
            ) {
              var pid: pid_t = 0
              if posix_spawn(&pid, truePath, nil, nil, argv, envp) == 0 {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
              }
            }
          }
        }
      default:
        result = TimeIt.measure(
          "thread", targetRunSeconds: target, runs: runs
        ) {
          var thread = pthread_t()
          if pthread_create(&thread, nil, { arg in arg }, nil) == 0 {
            pthread_join(thread, nil)
          }
        }
      }
      results.append(result)
      context.metric("\(method).median_seconds", JSONValue(result.stats.median))
      context.metric("\(method).mean_seconds", JSONValue(result.stats.mean))
    }
    context.progress(1, "done")
    context.table(
      TimingTable.make(
        title: "Creating and reaping one process (or thread)", results: results,
        environment: context.environment, width: context.style.width))
    context.note(
      "Each row starts one child and waits for it: fork = fork() + _exit + waitpid; fork + exec = fork() + execve(\(truePath)) + waitpid; posix_spawn = posix_spawn(\(truePath)) + waitpid; thread = pthread_create + pthread_join."
    )
    context.note(
      "fork copies no memory up front (pages are shared copy-on-write), exec replaces the program, and posix_spawn does both in one call; a thread skips making a new address space altogether."
    )
    let mappings = (FileIO.readText("/proc/self/maps") ?? "").split(separator: "\n").count
    let resident =
      (FileIO.readText("/proc/self/status") ?? "").split(separator: "\n")
      .first { $0.hasPrefix("VmRSS:") }
      .map { $0.dropFirst(6).trimmingSpacesAndTabs } ?? "?"
    context.note(
      "But fork does copy the parent's page tables and its list of mappings, so its cost grows with the parent: this demo process has \(mappings) mappings and \(resident) resident. A small C program forks faster than a Swift process for that reason (make bench measures both)."
    )
    context.metric("parent_mappings", JSONValue(mappings))
  }
}

extension Substring {
  fileprivate var trimmingSpacesAndTabs: String {
    String(drop { $0 == " " || $0 == "\t" })
  }
}
