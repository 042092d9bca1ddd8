import BenchKit
import DemoContract
import Glibc
import OSKit

/// A demo that this proclab does not have (yet).
struct DemoUnavailable: Error, CustomStringConvertible {
  var demo: String
  var description: String { "demo not available (\(demo))" }
}

/// The programs the bench runs, found once: proclab, the C references, python3, perf, taskset.
final class Toolbox {
  let settings: BenchSettings
  let proclab: String
  let python: String?
  let pythonVersion: String?
  /// Why numpy cannot be used, or nil when `import numpy` works.
  let numpyProblem: String?
  let perf: String?
  /// Why `perf bench sched pipe` cannot be used, or nil.
  let perfProblem: String?
  let taskset: String?
  let cpu: Int
  let demos: Set<String>
  /// Whether this proclab has `grade` (issue 17's teacher side).
  let hasGrade: Bool
  /// The environment object of the first demo report, for the machine line.
  var environment: JSONValue?

  init(_ settings: BenchSettings) throws {
    self.settings = settings
    proclab = settings.proclab
    guard access(proclab, X_OK) == 0 else {
      throw CommandFailure("\(proclab) is not there; build it with: swift build -c release")
    }
    let listed = try? CommandRunner.succeed([proclab, "run", "--list"], timeout: 30)
    demos = Set(
      (listed?.stdout ?? "").split(separator: "\n").compactMap {
        $0.split(separator: "\t").first.map(String.init)
      })

    // A proclab without `grade` answers `grade --help` with the REPL's usage.
    let gradeHelp = try? CommandRunner.run([proclab, "grade", "--help"], timeout: 30)
    hasGrade =
      gradeHelp?.status.isSuccess == true
      && gradeHelp?.stdout.contains("USAGE: proclab grade") == true

    python = Toolbox.find("python3")
    if let python {
      let version = try? CommandRunner.succeed([python, "--version"], timeout: 30)
      pythonVersion = version.map {
        ($0.stdout + $0.stderr).split(separator: "\n").first.map(String.init) ?? "Python"
      }
      let numpy = try? CommandRunner.run(
        [python, "-c", "import numpy; print(numpy.__version__)"], timeout: 60)
      numpyProblem =
        numpy?.status.isSuccess == true ? nil : "numpy is not importable by \(python)"
    } else {
      pythonVersion = nil
      numpyProblem = "python3 is not on PATH"
    }

    taskset = Toolbox.find("taskset")
    cpu = settings.cpu ?? Toolbox.firstAllowedCPU() ?? 0
    perf = Toolbox.find("perf")
    if let perf {
      let probe = try? CommandRunner.run(
        [perf, "bench", "sched", "pipe", "-l", "1000"], timeout: 60)
      let text = (probe?.stdout ?? "") + (probe?.stderr ?? "")
      if text.lowercased().contains("not supported") {
        perfProblem = "perf bench sched pipe says: not supported"
      } else if probe?.status.isSuccess != true || Toolbox.perfMicroseconds(text) == nil {
        let last = probe?.lastErrorLine ?? ""
        perfProblem = "perf bench sched pipe failed" + (last.isEmpty ? "" : ": \(last)")
      } else {
        perfProblem = nil
      }
    } else {
      perfProblem =
        "perf is not installed (Debian: apt-get install linux-perf; make bench does it as root)"
    }
  }

  /// The first executable `name` in the directories of PATH.
  static func find(_ name: String) -> String? {
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// The lowest CPU in this process's affinity list, from /proc/self/status.
  static func firstAllowedCPU() -> Int? {
    guard let list = ProcStatus.read()?.values("Cpus_allowed_list").first else { return nil }
    return Int(list.prefix { $0.isNumber })
  }

  /// The microseconds per operation in `perf bench sched pipe`'s output ("11.3 usecs/op").
  static func perfMicroseconds(_ text: String) -> Double? {
    for line in text.split(separator: "\n") where line.contains("usecs/op") {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      if let first = words.first, let value = Double(first) { return value }
    }
    return nil
  }

  /// `taskset -c <cpu>` in front of `arguments`, when taskset exists.
  func pinned(_ arguments: [String]) -> [String] {
    guard let taskset else { return arguments }
    return [taskset, "-c", String(cpu)] + arguments
  }

  /// A C reference program's path.
  func reference(_ name: String) -> String { "\(settings.references)/\(name)" }

  /// Why the C reference `name` cannot run, or nil.
  func referenceProblem(_ name: String) -> String? {
    access(reference(name), X_OK) == 0
      ? nil : "\(reference(name)) is missing (bench/run.sh builds it with cc -O2)"
  }

  /// A Python snippet's path.
  func snippet(_ name: String) -> String { "\(settings.pythonSnippets)/\(name)" }

  /// Runs `proclab run <demo> <parameters> --json` and returns its report.
  ///
  /// - Parameter pin: run it under `taskset -c <cpu>`.
  func demo(_ name: String, _ parameters: [String], pin: Bool = false) throws -> (
    report: JSONValue, wallSeconds: Double
  ) {
    guard demos.contains(name) else { throw DemoUnavailable(demo: name) }
    let command = [proclab, "run", name] + parameters + ["--json", "--time-budget", "600"]
    let output = try CommandRunner.succeed(pin ? pinned(command) : command, timeout: 900)
    let report = try BenchReport.decodeDemoReport(output.stdout)
    if environment == nil { environment = report["environment"] }
    return (report, output.wallSeconds)
  }

  /// Runs a C reference and reads its `key value` lines.
  func runReference(_ arguments: [String], pin: Bool = false) throws -> Figures {
    let command = [reference(arguments[0])] + arguments.dropFirst()
    let output = try CommandRunner.succeed(pin ? pinned(command) : command, timeout: 600)
    return FigureParsing.keyValueLines(output.stdout)
  }

  /// Runs a Python snippet and reads its `key value` lines; adds `wall_seconds`.
  func runPython(_ script: String, _ arguments: [String]) throws -> Figures {
    guard let python else { throw CommandFailure("python3 is not on PATH") }
    let output = try CommandRunner.succeed([python, snippet(script)] + arguments, timeout: 600)
    var figures = FigureParsing.keyValueLines(output.stdout)
    figures["wall_seconds"] = output.wallSeconds
    return figures
  }

  /// The machine line: CPUs, affinity, quota, load, kernel, Swift, build, CPU model.
  func machineLines() -> [String] {
    var parts: [String] = []
    if let environment {
      if let cpus = environment["cpusOnline"]?.number { parts.append("\(Int(cpus)) CPUs online") }
      if case .array(let affinity) = environment["affinity"] ?? .null {
        parts.append(
          "affinity "
            + affinity.compactMap { $0.number.map { String(Int($0)) } }
            .joined(separator: ","))
      }
      switch environment["cgroupCPUQuota"] ?? .null {
      case .number(let quota): parts.append("cgroup CPU quota \(quota)")
      default: parts.append("no cgroup CPU quota")
      }
      if let kernel = environment["kernel"]?.string { parts.append(kernel) }
      if let swift = environment["swiftVersion"]?.string,
        let build = environment["buildConfiguration"]?.string
      {
        parts.append("Swift \(swift) \(build)")
      }
      if let model = environment["cpuModel"]?.string { parts.append(model) }
    }
    if let load = FileIO.readText("/proc/loadavg") {
      parts.append("load " + load.split(separator: " ").prefix(3).joined(separator: " "))
    }
    var lines = ["machine: " + parts.joined(separator: " · ")]
    var tools: [String] = []
    if let cc = try? CommandRunner.succeed(["/bin/sh", "-c", "cc --version | head -n 1"]) {
      tools.append("C: " + cc.stdout.trimmingSuffix() + " -O2")
    }
    tools.append("python: " + (pythonVersion ?? "none") + (numpyProblem == nil ? " + numpy" : ""))
    if let perf, perfProblem == nil,
      let version = try? CommandRunner.succeed([perf, "--version"], timeout: 30)
    {
      tools.append(version.stdout.trimmingSuffix())
    } else {
      tools.append("perf: none")
    }
    tools.append(
      taskset != nil
        ? "round trips and pipe bandwidth pinned to CPU \(cpu) (taskset)" : "no taskset: not pinned"
    )
    lines.append(tools.joined(separator: " · "))
    return lines
  }
}

extension String {
  /// The text without trailing whitespace and newlines.
  func trimmingSuffix() -> String {
    var text = Substring(self)
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
