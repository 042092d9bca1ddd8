import BenchKit
import DemoContract
import OSKit

extension Comparison {
  /// `proclab trace` on the GIL tutorial's Pool(3) × 10 program against the same program run
  /// untraced: the whole commands' wall times, paired A B A B, the median of the pairs' ratios
  /// against the issue's target of at most 1.2× (docs/trace.md, "Overhead").
  static func trace(_ settings: BenchSettings) -> Comparison {
    let script = "lessons/python/gil-tutorial/pool_map_schedule.py"
    // The interpreter itself (sys.executable), not a launcher in PATH such as pyenv's shim, a
    // shell script whose own forks and execs would be traced and timed too.
    let interpreter = ResolvedInterpreter()
    return Comparison(
      id: "trace", title: "trace: Pool(3) × 10 traced vs untraced",
      specs: [
        MetricSpec(
          id: "trace.pool_map", label: "Pool(3) × 10, traced ÷ untraced", unit: .seconds,
          proclabKey: "traced_seconds", referenceKey: "untraced_seconds",
          referenceName: "untraced", target: .ratioAtMost(1.2))
      ],
      problem: { tools in
        if tools.python == nil { return "python3 is not on PATH" }
        return FileIO.readText(script) == nil ? "\(script) is missing" : nil
      },
      proclab: { tools in
        let python = try interpreter.path(tools)
        let command = [tools.proclab, "trace", "--json", "--", python, "-I", script]
        let output = try CommandRunner.succeed(command, timeout: 300)
        let report = try BenchReport.decodeDemoReport(output.stdout)
        var figures = metrics(
          report, ["wall", "processes", "threads", "pipes", "sem_created", "syscall_stops"])
        figures["traced_seconds"] = output.wallSeconds
        return figures
      },
      reference: { tools in
        let output = try CommandRunner.succeed(
          [try interpreter.path(tools), "-I", script], timeout: 300)
        return ["untraced_seconds": output.wallSeconds]
      },
      notes: { runs in
        var notes = [
          "wall time of the whole command: proclab trace --json -- \(interpreter.resolved ?? "python3") -I "
            + "\(script) (ProcLab's start, ptrace, the seccomp stops, the report) against the "
            + "same command untraced"
        ]
        if let wall = median(runs.proclab, "wall"),
          let processes = median(runs.proclab, "processes"),
          let threads = median(runs.proclab, "threads")
        {
          notes.append(
            "the trace's own wall (first fork to last exit): \(ResultTable.format(wall, .seconds)); "
              + "\(Int(processes)) processes, \(Int(threads)) threads, "
              + "\(Int(median(runs.proclab, "pipes") ?? 0)) pipes, "
              + "\(Int(median(runs.proclab, "sem_created") ?? 0)) semaphores seen, "
              + "\(Int(median(runs.proclab, "syscall_stops") ?? 0)) system-call stops")
        }
        return ["trace.pool_map": notes]
      })
  }
}

/// python3's sys.executable, asked once per bench run.
final class ResolvedInterpreter {
  private(set) var resolved: String?

  func path(_ tools: Toolbox) throws -> String {
    if let resolved { return resolved }
    guard let python = tools.python else { throw CommandFailure("python3 is not on PATH") }
    let output = try CommandRunner.succeed([python, "-c", "import sys; print(sys.executable)"])
    let path = output.stdout.split(separator: "\n").first.map(String.init) ?? python
    resolved = path.isEmpty ? python : path
    return resolved!
  }
}
