import Localization
import Render

extension CPUScaling {
  /// CPython's rows from lessons/python/gil-tutorial/countdown.py's metrics (`thread.1`, `thread.k`,
  /// `process.k`, each with `seconds`, `cpu_seconds`, `speedup`).
  static func pythonRows(_ program: CPython.Program, k: Int, n: Int) -> [Row] {
    [("thread", 1), ("thread", k), ("process", k)].compactMap { kind, workers in
      let key = "\(kind).\(workers)"
      guard let seconds = program.double("\(key).seconds"), seconds > 0,
        let speedup = program.double("\(key).speedup")
      else { return nil }
      return Row(
        runtime: "cpython", kind: kind, workers: workers, n: n, seconds: seconds,
        cpuSeconds: program.double("\(key).cpu_seconds"), speedup: speedup, measured: true)
    }
  }

  /// What the measured rows say, in sentences that follow the numbers: the GIL's verdict
  /// only where the figures support it, and the machine's load where it spoils them.
  struct Reading {
    var rows: [Row]
    var k: Int
    var usable: Int
    /// The 1-minute load average: the higher of the figures read before and after the runs.
    var load: Double

    /// Other programs kept at least one CPU's worth (or half the usable CPUs) busy.
    var busy: Bool { load >= max(1, 0.5 * Double(usable)) }

    var best: Double { Double(min(k, usable)) }

    func row(_ runtime: String, _ kind: String, _ workers: Int) -> Row? {
      rows.first { $0.runtime == runtime && $0.kind == kind && $0.workers == workers }
    }

    /// The arguments every note about the load fills in: `{load}`, `{usable}`, `{k}`.
    private var loadArguments: [String: String] {
      ["load": Units.significant(load), "usable": String(usable), "k": String(k)]
    }

    private func duration(_ seconds: Double) -> String {
      Units.duration(seconds, language: Catalog.language)
    }

    /// CPUs kept busy on average: CPU time ÷ wall time.
    static func busyCPUs(_ row: Row) -> Double? {
      row.cpuSeconds.map { $0 / max(row.seconds, 1e-9) }
    }

    func swiftNotes() -> [String] {
      guard let threads = row("swift", "thread", k), let processes = row("swift", "process", k)
      else { return [] }
      var arguments = loadArguments
      arguments["threads"] = Units.ratio(threads.speedup)
      arguments["processes"] = Units.ratio(processes.speedup)
      arguments["best"] = Units.ratio(best)
      var text = Catalog.plural("demo.cpuScaling.swift", count: usable, arguments)
      if max(threads.speedup, processes.speedup) < 0.8 * best {
        text +=
          busy
          ? Catalog.plural("demo.cpuScaling.swift.busy", count: usable, arguments)
          : Catalog.text("demo.cpuScaling.swift.short")
      }
      var notes = [text]
      if usable < k { notes.append(Catalog.text("demo.cpuScaling.fewerCPUs", arguments)) }
      return notes
    }

    func pythonNotes() -> [String] {
      guard let one = row("cpython", "thread", 1), let threads = row("cpython", "thread", k)
      else { return [] }
      let speedup = threads.speedup
      let cpus = Reading.busyCPUs(threads)
      var arguments = loadArguments
      arguments["cpusText"] =
        cpus.map { Catalog.text("demo.cpuScaling.python.cpus", ["cpus": Units.significant($0)]) }
        ?? ""
      arguments["threads"] = duration(threads.seconds)
      arguments["one"] = duration(one.seconds)
      arguments["speedup"] = Units.ratio(speedup)
      var text: String
      if let cpus, cpus > 1.3 {
        text = Catalog.text("demo.cpuScaling.python.freeThreaded", arguments)
      } else if speedup < 1.15 {
        text = Catalog.text("demo.cpuScaling.python.oneWorth", arguments)
      } else {
        text = Catalog.text("demo.cpuScaling.python.moreWorth", arguments)
        text +=
          busy
          ? Catalog.plural("demo.cpuScaling.python.busy", count: usable, arguments)
          : Catalog.text("demo.cpuScaling.python.noise")
      }
      var notes = [text]
      if let processes = row("cpython", "process", k) {
        let p = processes.speedup
        arguments["reached"] = Units.ratio(p)
        arguments["best"] = Units.ratio(best)
        arguments["bestCPUs"] = String(Int(best))
        if p >= 1.3 && p >= 0.8 * best {
          notes.append(Catalog.text("demo.cpuScaling.python.processes", arguments))
        } else {
          var why: String
          if busy {
            why = Catalog.plural("demo.cpuScaling.python.processes.busy", count: usable, arguments)
          } else if usable < 2 {
            why = Catalog.text("demo.cpuScaling.python.processes.oneCPU", arguments)
          } else {
            why = Catalog.text("demo.cpuScaling.python.processes.short", arguments)
          }
          if p < speedup { why += Catalog.text("demo.cpuScaling.python.processes.noise") }
          notes.append(why)
        }
      }
      return notes
    }

    /// Seconds per step of one CPython thread ÷ one Swift thread.
    var swiftOverPythonPerStep: Double? {
      guard let py = row("cpython", "thread", 1), let sw = row("swift", "thread", 1) else {
        return nil
      }
      return (py.seconds / Double(py.n)) / (sw.seconds / Double(sw.n))
    }

    /// The same from CPU time.
    var swiftOverPythonPerStepCPU: Double? {
      guard let py = row("cpython", "thread", 1), let sw = row("swift", "thread", 1),
        let pyCPU = py.cpuSeconds, let swCPU = sw.cpuSeconds, swCPU > 0
      else { return nil }
      return (pyCPU / Double(py.n)) / (swCPU / Double(sw.n))
    }
  }
}
