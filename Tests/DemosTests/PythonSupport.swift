import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

@testable import Demos

/// What the tests of the lessons' Python programs need: python3 (and numpy), a way to run a
/// program as the demos do, and a way to run a demo with a chosen PATH.
enum PythonSupport {
  /// The python3 the demos would find on our PATH, or nil: the tests that need it are skipped.
  static let python3: String? = CPython.find()

  /// Whether that python3 can import numpy (the IPC tutorial's assignment needs it).
  static let hasNumpy: Bool = {
    guard let python3 else { return false }
    return (try? run(python3, ["-I", "-c", "import numpy"]).status) == .exited(0)
  }()

  /// lessons/python in this source tree.
  static let programs = CPython.sourceTreePrograms

  struct Output {
    var stdout: String
    var stderr: String
    var status: OSKit.ExitStatus
  }

  /// Runs a program to completion (at most `timeout` seconds) and collects its output.
  static func run(
    _ path: String, _ arguments: [String], environment: [String]? = nil, timeout: Double = 90
  ) throws -> Output {
    let r = try CapturedRun.run(
      [path] + arguments, environment: environment, newProcessGroup: true, timeout: timeout,
      graceAfterTimeout: 0)
    return Output(stdout: r.stdoutText, stderr: r.stderrText, status: r.status)
  }

  /// One program's `--json` line, as the contract gives it and as the demos read it.
  struct ProgramRun {
    var program: String
    var version: String
    /// One level of names (`thread.2.seconds`), values number, string or bool.
    var flat: [String: JSONValue]
    /// The same nested, lists as arrays (what the demos record under `python.`).
    var metrics: JSONValue
    var skipped: String?

    func metric(_ path: String) -> JSONValue? { metrics.path(path) }
    func double(_ path: String) -> Double? { metric(path)?.double }
    func integers(_ path: String) -> [Int] {
      if case .array(let values)? = metric(path) {
        return values.compactMap(\.double).map(Int.init)
      }
      return []
    }
  }

  /// Runs `python3 -I lessons/python/<file> --json <arguments>` and parses its last line.
  static func program(_ file: String, _ arguments: [String]) throws -> ProgramRun {
    let python3 = try #require(python3)
    let output = try run(python3, ["-I", "\(programs)/\(file)", "--json"] + arguments)
    #expect(output.status == .exited(0), "\(file): \(output.status) \(output.stderr)")
    let last = try #require(
      output.stdout.split(separator: "\n").last.map(String.init), "\(file) printed nothing")
    let object = try JSONDecoder().decode(JSONValue.self, from: Data(last.utf8))
    let program = try #require(
      object["program"].flatMap { v -> String? in
        if case .string(let s) = v { return s }
        return nil
      })
    let version = try #require(
      object["python"].flatMap { v -> String? in
        if case .string(let s) = v { return s }
        return nil
      })
    guard case .object(let flat)? = object["metrics"] else {
      Issue.record("\(file): no metrics object in \(last)")
      return ProgramRun(program: program, version: version, flat: [:], metrics: .object([:]))
    }
    for (key, value) in flat {
      switch value {
      case .number, .string, .bool: break
      default: Issue.record("\(file): metric \(key) is not a number, string or bool: \(value)")
      }
    }
    var skipped: String?
    if case .string(let text)? = object["skipped"] { skipped = text }
    return ProgramRun(
      program: program, version: version, flat: flat,
      metrics: .object(CPython.unflatten(flat)), skipped: skipped)
  }

  /// The proclab binary under test.
  static let binary = TestBinary.proclab

  /// `proclab run <demo> --json …`; `path` replaces PATH (a directory without python3).
  static func demo(_ demo: String, _ arguments: [String], path: String? = nil) throws
    -> DemoReport
  {
    var environment = ProcessEnvironment.current.filter {
      !$0.hasPrefix("PROCLAB_PARENT=") && !(path != nil && $0.hasPrefix("PATH="))
    }
    if let path { environment.append("PATH=\(path)") }
    let output = try run(
      binary, ["run", demo, "--json"] + arguments, environment: environment, timeout: 120)
    #expect(output.status == .exited(0), "\(demo) \(arguments): \(output.status) \(output.stderr)")
    return try JSONDecoder().decode(DemoReport.self, from: Data(output.stdout.utf8))
  }

  /// The rows of the report's tables whose first cell starts with "CPython ".
  static func pythonRows(_ report: DemoReport) -> [[String]] {
    report.tables.flatMap(\.rows).filter { $0.first?.hasPrefix("CPython ") ?? false }
  }

  /// Every table cell of the report, for tests that look for CPython's column or rows.
  static func cells(_ report: DemoReport) -> [String] {
    report.tables.flatMap { $0.rows.flatMap { $0 } + $0.columns.map(\.name) + $0.footer }
  }
}
