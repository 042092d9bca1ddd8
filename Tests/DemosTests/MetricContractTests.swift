import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

@testable import Classroom
@testable import Demos

/// Every metric every demo reports is declared, with the JSON type its unit implies: each
/// demo runs (through the real binary, `proclab run <demo> --json`) with small parameters,
/// in every mode that reports something different.
@Suite(.serialized) struct MetricContractTests {
  /// Small runs covering every mode of every listed demo.
  static let runs: [(String, [String])] = [
    ("ids", []),
    ("threads", ["count=2", "interval=0.05", "for=0.1"]),
    ("memory", []),
    ("timeit", ["runs=1", "target=0.005"]),
    ("spawn", ["runs=1", "target=0.005", "grow=1"]),
    ("fork", ["children=2"]),
    ("subprocess", ["lines=3"]),
    ("zombie", ["hold=0"]),
    ("orphan", []),
    ("orphan", ["subreaper=false"]),
    ("pipe", ["messages=5", "rounds=10", "volume=1"]),
    ("pipe", ["what=message", "framing=off"]),
    ("queue", ["items=4", "messages=1000", "timeout=0.05", "delay=0.01"]),
    ("shm-race", ["increments=1000"]),
    ("semaphore", ["workers=3", "limit=1", "hold=0.05", "timeout=0.05"]),
    ("mutex", ["increments=1000"]),
    ("ipc-compare", ["rounds=10", "volume=1"]),
    ("pool", ["duration=0.01"]),
    ("pool", ["mode=apply", "duration=0.01"]),
    ("pool", ["pool=thread", "duration=0.01"]),
    ("pool", ["mode=overhead", "python=off"]),
    ("pool", ["mode=overhead", "workers=1"]),
    ("primes", ["runs=1", "ways=serial,process,thread,taskgroup"]),
    ("cpu-scaling", ["n=1000", "runs=1", "python=off"]),
    ("cpu-scaling", ["n=1000", "runs=1"]),
    ("parallel", ["work=0.02", "zoom=0.005"]),
    ("sched", ["unit=0.01"]),
    ("nice", ["for=0.1", "runs=1"]),
    ("signals", ["repeats=20", "children=3"]),
    ("cow", ["size=4", "writes=0,1,100", "sizes=1,4", "runs=1"]),
    ("fds", ["lines=10", "files=2", "hold=0.1"]),
    ("exec", []),
    ("exec", ["cloexec=off"]),
    ("condvar", ["items=300"]),
    ("deadlock", ["rounds=20"]),
    ("mp-inside", ["duration=0.01"]),
    ("mp-inside", ["start=spawn", "duration=0.01"]),
    ("mp-inside", ["start=forkserver", "duration=0.01"]),
    ("mp-inside", ["program=queue"]),
  ]

  /// Demos that are quick enough to run with every parameter at its default (the others'
  /// defaults take tens of seconds; ParameterDeclarationTests validates and reads back every
  /// demo's defaults in-process).
  static let defaultRuns = ["fork", "subprocess", "zombie", "mutex", "semaphore", "exec"]

  @Test(arguments: Self.defaultRuns)
  func runsWithItsDefaults(name: String) throws {
    let demo = try #require(DemoCatalog.listed(name))
    let report = try #require(try Self.report(name, []), "\(name) with its defaults gave no report")
    #expect(report.params == (try demo.validate([])).asJSON)
    let violations = demo.metrics.violations(in: report.metrics)
    #expect(violations.isEmpty, "\(name) with its defaults: \(violations)")
  }

  @Test func everyDemoIsCovered() {
    let covered = Set(Self.runs.map(\.0))
    #expect(Set(DemoCatalog.names).subtracting(covered).isEmpty)
  }

  @Test func everyDemoDeclaresMetrics() {
    for demo in DemoCatalog.all {
      #expect(!demo.metrics.isEmpty, "\(demo.name) declares no metrics")
      let paths = demo.metrics.map(\.path)
      #expect(Set(paths).count == paths.count, "\(demo.name) declares a path twice")
    }
  }

  @Test(arguments: Self.runs.indices)
  func reportedMetricsAreDeclared(index: Int) throws {
    let (name, arguments) = Self.runs[index]
    let demo = try #require(DemoCatalog.listed(name))
    let report = try #require(
      try Self.report(name, arguments), "\(name) \(arguments) gave no report")
    #expect(!report.metrics.isEmpty)
    #expect(
      report.params == (try demo.validate(arguments)).asJSON,
      "\(name): the run's parameters are not its defaults overlaid with \(arguments)")
    let violations = demo.metrics.violations(in: report.metrics)
    #expect(violations.isEmpty, "\(name) \(arguments.joined(separator: " ")): \(violations)")
    // The teacher's plausibility checks find nothing to flag in an honest report: every
    // figure within what its declared unit and bound allow (docs/grading.md).
    let grader = ClassGrader(lessons: [], demos: DemoCatalog.declarations, proclabVersion: "")
    let flags = grader.metricFlags(report, sameVersion: true)
    #expect(flags.isEmpty, "\(name) \(arguments.joined(separator: " ")): \(flags)")
  }

  /// CPython's exitcode of a Process killed by signal N is −N: plausible; beyond what a
  /// signal number or an exit status can be is not.
  @Test func anExitcodeMayBeMinusASignal() throws {
    let grader = ClassGrader(lessons: [], demos: DemoCatalog.declarations, proclabVersion: "")
    let environment = MachineEnvironment(
      cpusOnline: 2, cpuModel: "", cgroupCPUQuota: nil, affinity: [0, 1],
      loadAverage: [0, 0, 0], swiftVersion: "6.3", buildConfiguration: "debug", kernel: "Linux")
    func flags(_ code: Double) -> [String] {
      let report = DemoReport(
        demo: "spawn", params: [:], environment: environment,
        metrics: ["python": ["terminate_exitcode": .number(code)]])
      return grader.metricFlags(report, sameVersion: true)
    }
    #expect(flags(-15) == [])
    #expect(flags(0) == [] && flags(255) == [] && flags(-64) == [])
    for bad in [-65.0, 256] {
      #expect(flags(bad).first?.contains("an exitcode is 0 to 255, or -1 to -64") == true)
    }
    #expect(flags(-1.5).first?.contains("declared integer") == true, "\(flags(-1.5))")
  }

  @Test func demosJSONListsParametersAndMetrics() throws {
    let bytes = try Self.output(["proclab", "demos", "--json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    guard case .array(let demos)? = document["demos"] else {
      Issue.record("no demos array")
      return
    }
    #expect(demos.count == DemoCatalog.all.count)
    for (entry, demo) in zip(demos, DemoCatalog.all) {
      #expect(entry["name"] == .string(demo.name))
      guard case .array(let metrics)? = entry["metrics"],
        case .array(let params)? = entry["parameters"]
      else {
        Issue.record("\(demo.name): no metrics or parameters")
        continue
      }
      #expect(metrics.count == demo.metrics.count)
      #expect(params.count == demo.parameters.count)
      for (entry, spec) in zip(params, demo.parameters) {
        #expect(entry == spec.jsonValue, "\(demo.name): \(entry)")
        #expect(entry["type"] != nil && entry["default"] != nil && entry["allowed"] != nil)
      }
      for m in metrics {
        #expect(m["label"] != nil && m["unit"] != nil && m["kind"] != nil, "\(demo.name): \(m)")
      }
    }
  }

  /// `proclab run <demo> <arguments> --json`, decoded.
  static func report(_ demo: String, _ arguments: [String]) throws -> DemoReport? {
    let bytes = try output(["proclab", "run", demo] + arguments + ["--json"])
    return try? JSONDecoder().decode(DemoReport.self, from: Data(bytes))
  }

  /// What the binary prints on stdout with these arguments.
  static func output(_ arguments: [String]) throws -> [UInt8] {
    try CapturedRun.run(
      arguments, executable: TestBinary.proclab, stderr: .discard, newProcessGroup: true,
      timeout: .infinity
    ).stdout
  }
}

/// docs/demos.md's metric tables are the declarations, as `proclab demos --markdown` writes them.
@Suite struct DemoDocsTests {
  @Test func theMetricTablesInDocsAreCurrent() throws {
    var parts = #filePath.split(separator: "/").map(String.init)
    parts.removeLast(3)
    let path = "/" + parts.joined(separator: "/") + "/docs/demos.md"
    let doc = try #require(FileIO.readText(path))
    let start = try #require(doc.firstRange(of: DeclarationDocs.begin))
    let generated = String(doc[start.lowerBound...])
    #expect(
      generated == DeclarationDocs.markdown(DemoCatalog.declarations),
      "docs/demos.md is stale: run .build/debug/proclab demos --markdown and paste it in")
  }
}
