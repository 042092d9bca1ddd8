import CProcLab
import DemoContract
import Glibc
import Localization
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
    context.heading(Catalog.text("demo.spawn.heading.lifecycle"))
    let worker = try Workers.spawn("exit-with", ["3"])
    let joined = try worker.wait()
    let sleeper = try Workers.spawn("hang", [])
    usleep(20_000)
    let before = ProcStat.read(sleeper.pid).map { DemoText.stateName($0.state) } ?? "?"
    sleeper.signal(SIGTERM, group: false)
    let terminated = try sleeper.wait()
    let python: (rows: [[String]], footer: [String]) =
      params.python ? try ProcessPython.lifecycleRows(context) : ([], [])
    context.table(
      Table(
        title: Catalog.text("demo.spawn.lifecycle.title"),
        columns: [
          .init(name: Catalog.text("demo.spawn.column.step"), align: .left),
          .init(name: "pid", align: .right),
          .init(name: Catalog.text("demo.spawn.column.result"), align: .left),
        ],
        rows: [
          [
            Catalog.text("demo.spawn.row.exitWith"), String(worker.pid),
            DemoText.status(joined),
          ],
          [
            Catalog.text("demo.spawn.row.sleeps", ["state": before]), String(sleeper.pid),
            Catalog.text("demo.spawn.row.running"),
          ],
          [
            Catalog.text("demo.spawn.row.terminate"), String(sleeper.pid),
            DemoText.status(terminated),
          ],
        ] + python.rows, footer: python.footer))
    context.metric("join_status", .string(joined.description))
    context.metric("terminate_status", .string(terminated.description))

    context.heading(Catalog.text("demo.spawn.heading.cost"))
    let methods = params.what
    let runs = params.runs
    let target = params.target
    var results: [TimingResult] = []
    let truePath =
      ["/bin/true", "/usr/bin/true"].first { (p: String) in access(p, X_OK) == 0 } ?? "/bin/true"
    let env = ProcessEnvironment.current
    for (i, method) in methods.enumerated() {
      try context.checkStop()
      context.progress(
        Double(i) / Double(methods.count),
        Catalog.text("demo.spawn.progress.timing", ["method": method.rawValue]))
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
      context.progress(0.95, Catalog.text("demo.spawn.progress.grow", ["grow": String(grow)]))
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
    context.progress(1, Catalog.text("demo.spawn.progress.done"))
    context.table(
      TimingTable.make(
        title: Catalog.text("demo.spawn.title"), results: results,
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
      Catalog.text("demo.spawn.eachRow", ["meanings": meanings.joined(separator: "; ")]))
    context.note(Catalog.text("demo.spawn.noCopy"))
    context.note(
      Catalog.text(
        "demo.spawn.mappings",
        [
          "mappings": String(parent.mappings), "resident": String(parent.residentKiB),
          "pageTables": String(parent.pageTableKiB),
        ]))
    let remapped = ReadOnlyData.remappedBytes
    if remapped > 0 {
      context.note(Catalog.text("demo.spawn.remapped", ["kib": String(remapped >> 10)]))
    }
    context.metric("readonly_remapped_kib", JSONValue(max(0, remapped) >> 10))
    if let grown {
      context.note(
        Catalog.text(
          "demo.spawn.grown",
          [
            "grow": String(grow), "resident": String(grown.residentKiB),
            "pageTables": String(grown.pageTableKiB),
            "row": Catalog.text("demo.spawn.grownLabel", ["grow": String(grow)]),
          ]))
    } else {
      context.note(Catalog.text("demo.spawn.growHint"))
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
  else {
    throw DemoError(
      Catalog.text(
        "demo.error.noMap",
        ["size": "\(mebibytes) MiB", "why": String(cString: strerror(errno))]))
  }
  defer { munmap(region, bytes) }
  // Small pages only, one page-table entry each, whatever the machine's transparent huge page
  // setting: 2 MiB pages would need 512 times fewer entries, and hide what is being shown.
  _ = madvise(region, bytes, MADV_NOHUGEPAGE)
  let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
  let base = region.assumingMemoryBound(to: UInt8.self)
  for offset in stride(from: 0, to: bytes, by: page) { base[offset] = 1 }
  let figures = MemoryFigures.current()
  let result = TimeIt.measure(
    Catalog.text("demo.spawn.grownLabel", ["grow": String(mebibytes)]), targetRunSeconds: target,
    runs: runs, forkExitWait)
  return (result, figures)
}
