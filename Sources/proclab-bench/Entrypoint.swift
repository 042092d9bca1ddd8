import ArgumentParser
import BenchKit

/// `proclab-bench`: ProcLab's figures beside reference programs, run in alternation.
/// `make bench` builds everything and runs it; see bench/run.sh.
@main
struct ProcLabBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "proclab-bench",
    abstract: "Compare ProcLab's figures with C, perf and CPython references, in alternation.",
    subcommands: [Compare.self, MakeClass.self], defaultSubcommand: Compare.self)
}

/// The bench itself: `proclab-bench [options]`.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare ProcLab's figures with C, perf and CPython references, in alternation.")

  @Option(help: "The proclab binary to measure (a release build).")
  var proclab = ".build/release/proclab"

  @Option(help: "Directory of the C reference programs built from bench/reference.")
  var references = "bench/bin"

  @Option(help: "Directory of the Python snippets.")
  var pythonSnippets = "bench/python"

  @Option(help: "Where to write the JSON results.")
  var output = "bench/results/latest.json"

  @Option(help: "Alternated pairs per comparison (at least 5).")
  var pairs = 5

  @Option(help: "Comma-separated comparisons to run (default: all): \(Comparison.allIDs).")
  var only: String?

  @Option(help: "The CPU that round-trip comparisons are pinned to (default: the first allowed).")
  var cpu: Int?

  @Flag(help: "The short run of `make bench QUICK=1`: smaller loops, same pairing.")
  var quick = false

  mutating func run() throws {
    let settings = BenchSettings(
      proclab: proclab, references: references, pythonSnippets: pythonSnippets,
      output: output, pairs: max(pairs, Pairing.minimumPairs), quick: quick,
      only: only.map { Set($0.split(separator: ",").map(String.init)) }, cpu: cpu)
    try BenchSession(settings).run()
  }
}

/// `proclab-bench make-class DIR`: the generated class the grading row grades, on its own
/// (hidden: for trying `proclab grade` by hand on the same files).
struct MakeClass: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-class",
    abstract: "Write a generated class of result files (as make bench grades) into DIR.",
    shouldDisplay: false)

  @Argument(help: "The directory to write the result files into (made if missing).")
  var directory: String

  @Option(help: "How many students.")
  var students = 120

  @Option(help: "The generator's seed: the same seed makes the same class.")
  var seed: UInt64 = 2026

  @Option(help: "The proclab binary whose demos the predictions' reports come from.")
  var proclab = ".build/release/proclab"

  @Option(help: "The lessons directory.")
  var lessons = "lessons"

  mutating func run() throws {
    guard students > 0 else {
      throw ValidationError("--students must be at least 1 (it was \(students))")
    }
    print(
      try GeneratedClass.write(
        into: directory, students: students, seed: seed, proclab: proclab, lessons: lessons))
  }
}
