import CProcLab
import DemoContract
import Glibc
import Measure
import OSKit
import Render

/// The ways `spawn` times starting something, in the order it times them.
enum StartMethod: String, ParameterChoice {
  case fork
  case forkExec = "fork-exec"
  case posixSpawn = "posix_spawn"
  case thread
}

struct SpawnKeys: ParameterSet {
  let what = EnumListParameter<StartMethod>("what", help: "which ways of starting to time")
  let runs = IntParameter("runs", default: 7, range: 1...15, help: "timed runs after the warm-up")
  let target = DecimalParameter(
    "target", default: 0.1, range: 0.005...1,
    help: "seconds each run should take at least (the loop count is picked to reach it)")
  let grow = IntParameter(
    "grow", default: 0, range: 0...1024,
    help: "MiB the demo process writes before timing fork once more (0: do not)")
  let python = ProcessPython.python
}

extension ProcessDemos {
  /// the process tutorial's Process start/join/terminate, and what each way of making a process costs.
  static let spawn = DemoDefinition(
    name: "spawn",
    summary: "start, join and terminate a process; the cost of fork, exec, posix_spawn, threads",
    lesson: "creating-processes", metrics: ProcessMetrics.spawn,
    parameters: SpawnKeys.self
  ) { params, context in
    context.heading("Start, join, terminate")
    let worker = try Workers.spawn("exit-with", ["3"])
    let joined = try worker.wait()
    let sleeper = try Workers.spawn("hang", [])
    usleep(20_000)
    let before = ProcStat.read(sleeper.pid)?.stateName ?? "?"
    sleeper.signal(SIGTERM, group: false)
    let terminated = try sleeper.wait()
    let python: (rows: [[String]], footer: [String]) =
      params.python ? try ProcessPython.lifecycleRows(context) : ([], [])
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
        ] + python.rows, footer: python.footer))
    context.metric("join_status", .string(joined.description))
    context.metric("terminate_status", .string(terminated.description))

    context.heading("What it costs to start something")
    let methods = params.what
    let runs = params.runs
    let target = params.target
    var results: [TimingResult] = []
    let truePath =
      ["/bin/true", "/usr/bin/true"].first { (p: String) in access(p, X_OK) == 0 } ?? "/bin/true"
    let env = ProcessEnvironment.current
    for (i, method) in methods.enumerated() {
      try context.checkStop()
      context.progress(Double(i) / Double(methods.count), "timing \(method.rawValue)")
      let result: TimingResult
      switch method {
      case .fork:
        result = TimeIt.measure("fork", targetRunSeconds: target, runs: runs, forkExitWait)
      case .forkExec:
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
      case .posixSpawn:
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
      case .thread:
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
      context.metric("\(method.rawValue).median_seconds", JSONValue(result.stats.median))
      context.metric("\(method.rawValue).mean_seconds", JSONValue(result.stats.mean))
    }
    let parent = MemoryFigures.current()
    var grown: MemoryFigures?
    let grow = params.grow
    if grow > 0 {
      try context.checkStop()
      context.progress(0.95, "writing \(grow) MiB, then timing fork again")
      let (result, figures) = try timeForkAfterGrowing(mebibytes: grow, target: target, runs: runs)
      results.append(result)
      grown = figures
      context.metric("fork_grown.median_seconds", JSONValue(result.stats.median))
      context.metric("fork_grown.mean_seconds", JSONValue(result.stats.mean))
      context.metric("fork_grown.page_table_kib", JSONValue(figures.pageTableKiB))
      if let base = results.first(where: { $0.label == "fork" }), base.stats.median > 0 {
        context.metric("fork_grown.slowdown", JSONValue(result.stats.median / base.stats.median))
      }
    }
    context.progress(1, "done")
    context.table(
      TimingTable.make(
        title: "Creating and reaping one process (or thread)", results: results,
        environment: context.environment, width: context.style.width))
    let meanings = methods.map { method in
      switch method {
      case .fork: "fork = fork() + _exit + waitpid"
      case .forkExec: "fork + exec = fork() + execve(\(truePath)) + waitpid"
      case .posixSpawn: "posix_spawn = posix_spawn(\(truePath)) + waitpid"
      case .thread: "thread = pthread_create + pthread_join"
      }
    }
    context.note(
      "Each row starts one child and waits for it: " + meanings.joined(separator: "; ") + ".")
    context.note(
      "fork copies no memory up front (pages are shared copy-on-write), exec replaces the program, and posix_spawn does both in one call; a thread skips making a new address space altogether."
    )
    context.note(
      "But fork does copy the parent's list of mappings and the page-table entries of every mapping it has written to, so its cost grows with the parent: this demo process has \(parent.mappings) mappings, \(parent.residentKiB) kB resident and \(parent.pageTableKiB) kB of page tables. A small C program has fewer of each (make bench times both)."
    )
    let remapped = ReadOnlyData.remappedBytes
    if remapped > 0 {
      context.note(
        "This process started by mapping \(remapped >> 10) KiB of its read-only data again, read-only: Swift had left it in a writable mapping, whose entries every fork would copy. A mapping with no written page is not copied at all; the child reads it from the file if it needs it."
      )
    }
    context.metric("readonly_remapped_kib", JSONValue(max(0, remapped) >> 10))
    if let grown {
      context.note(
        "After writing \(grow) MiB, the process has \(grown.residentKiB) kB resident and \(grown.pageTableKiB) kB of page tables: the row \"fork, parent +\(grow) MiB\" shows what copying them costs. Nothing of those pages is copied: the child shares them copy-on-write, and _exits before touching any."
      )
    } else {
      context.note("grow=256 writes 256 MiB first and times fork again, to see that cost grow.")
    }
    context.metric("parent_mappings", JSONValue(parent.mappings))
    context.metric("parent_page_table_kib", JSONValue(parent.pageTableKiB))
  }
}

/// This process's size as fork sees it: mappings, resident memory and page tables.
struct MemoryFigures {
  var mappings: Int
  var residentKiB: Int
  var pageTableKiB: Int

  static func current() -> MemoryFigures {
    let mappings = (FileIO.readText("/proc/self/maps") ?? "").split(separator: "\n").count
    let status = ProcStatus.read()
    return MemoryFigures(
      mappings: mappings, residentKiB: status?.kibibytes("VmRSS") ?? 0,
      pageTableKiB: status?.kibibytes("VmPTE") ?? 0)
  }
}

/// One timed operation of the fork rows: fork() a child that _exits at once, and reap it.
private func forkExitWait() {
  let pid = pl_fork_exit(0)
  var status: Int32 = 0
  if pid > 0 { waitpid(pid, &status, 0) }
}

/// Writes `mebibytes` of fresh anonymous memory (every page, so each has a page-table entry),
/// times fork + _exit + waitpid again, and gives the memory back.
private func timeForkAfterGrowing(
  mebibytes: Int, target: Double, runs: Int
) throws -> (TimingResult, MemoryFigures) {
  let bytes = mebibytes << 20
  guard let region = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
    region != MAP_FAILED
  else { throw DemoError("could not map \(mebibytes) MiB: \(String(cString: strerror(errno)))") }
  defer { munmap(region, bytes) }
  // Small pages only, one page-table entry each, whatever the machine's transparent huge page
  // setting: 2 MiB pages would need 512 times fewer entries, and hide what is being shown.
  _ = madvise(region, bytes, MADV_NOHUGEPAGE)
  let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
  let base = region.assumingMemoryBound(to: UInt8.self)
  for offset in stride(from: 0, to: bytes, by: page) { base[offset] = 1 }
  let figures = MemoryFigures.current()
  let result = TimeIt.measure(
    "fork, parent +\(mebibytes) MiB", targetRunSeconds: target, runs: runs, forkExitWait)
  return (result, figures)
}
