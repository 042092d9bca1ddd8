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

    private var loadText: String {
      "load \(Units.significant(load)) on \(usable) usable CPU\(usable == 1 ? "" : "s")"
    }
    private var rerun: String { "Run it again when the machine is quieter." }

    /// CPUs kept busy on average: CPU time ÷ wall time.
    static func busyCPUs(_ row: Row) -> Double? {
      row.cpuSeconds.map { $0 / max(row.seconds, 1e-9) }
    }

    func swiftNotes() -> [String] {
      guard let threads = row("swift", "thread", k), let processes = row("swift", "process", k)
      else { return [] }
      var text =
        "ProcLab (Swift) threads have no global lock: \(k) threads did \(Units.ratio(threads.speedup)) the work of one thread per second, and \(k) processes \(Units.ratio(processes.speedup)); with \(usable) usable CPU\(usable == 1 ? "" : "s") the best possible is \(Units.ratio(best))."
      if max(threads.speedup, processes.speedup) < 0.8 * best {
        text +=
          busy
          ? " Both fell short of it because other programs were using the CPUs too (\(loadText)). \(rerun)"
          : " Both fell short of it: starting the workers costs time too, and a short count feels it most (try a larger n)."
      }
      var notes = [text]
      if usable < k {
        notes.append(
          "There are fewer usable CPUs (\(usable)) than workers (\(k)): the extra workers wait their turn, so neither threads nor processes can go beyond \(usable)×."
        )
      }
      return notes
    }

    func pythonNotes() -> [String] {
      guard let one = row("cpython", "thread", 1), let threads = row("cpython", "thread", k)
      else { return [] }
      let speedup = threads.speedup
      let cpus = Reading.busyCPUs(threads)
      let cpusText =
        cpus.map { " (their CPU time ÷ wall time: \(Units.significant($0)) CPUs busy on average)" }
        ?? ""
      var text =
        "\(k) CPython threads took \(Units.duration(threads.seconds)) against \(Units.duration(one.seconds)) for one thread: \(Units.ratio(speedup)) the work per second"
      if let cpus, cpus > 1.3 {
        text +=
          "\(cpusText). That is more than one thread's worth, which the GIL does not allow for pure-Python code: this python3 is probably a free-threaded build, with no GIL."
      } else if speedup < 1.15 {
        text +=
          ", no more than one thread's worth\(cpusText). Only the thread that holds the global interpreter lock (GIL) runs Python code, so the threads took turns."
      } else {
        text +=
          ", more than one thread's worth on this run, yet the threads kept no more than one CPU busy at a time\(cpusText): with the GIL they still took turns."
        text +=
          busy
          ? " The machine was busy (\(loadText)): the one-thread row was slowed by other programs more than the \(k)-thread row, which makes the threads look faster than they are. \(rerun)"
          : " A gap this size is the noise of one run; run it again (runs=3) and it shrinks."
      }
      var notes = [text]
      if let processes = row("cpython", "process", k) {
        let p = processes.speedup
        if p >= 1.3 && p >= 0.8 * best {
          notes.append(
            "\(k) CPython processes, each with its own interpreter and its own GIL, reached \(Units.ratio(p)): they ran on \(Int(best)) CPUs at once."
          )
        } else {
          var why: String
          if busy {
            why =
              ": other programs were using the CPUs (\(loadText)), so even separate interpreters had to take turns. \(rerun)"
          } else if usable < 2 {
            why = ": with one usable CPU, separate interpreters still take turns."
          } else {
            why =
              ", short of the \(Units.ratio(best)) that \(Int(best)) free CPUs allow: starting \(k) interpreters costs time too, and a short count feels it most (try a larger n or python_scale=10)."
          }
          if p < speedup {
            why +=
              " On this run threads even came out ahead of processes, the opposite of what the GIL predicts: that is the machine's noise, not the GIL."
          }
          notes.append("\(k) CPython processes reached only \(Units.ratio(p))" + why)
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
