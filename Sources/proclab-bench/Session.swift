import BenchKit
import Glibc
import OSKit
import Render

/// One run of the bench: every selected comparison, the table, the JSON file.
struct BenchSession {
  let settings: BenchSettings

  init(_ settings: BenchSettings) { self.settings = settings }

  /// Where comparisons keep what they make (a state directory, generated lessons); removed
  /// when the run ends.
  static let scratch = "/tmp/proclab-bench-\(getpid())"

  func run() throws {
    mkdir(Self.scratch, 0o700)
    defer { _ = try? CommandRunner.succeed(["/bin/rm", "-rf", Self.scratch], timeout: 60) }
    let tools = try Toolbox(settings)
    let comparisons = Comparison.all(settings).filter { settings.only?.contains($0.id) ?? true }
    var results: [MetricResult] = []
    let started = CommandRunner.now()
    for comparison in comparisons {
      progress("\(comparison.title)…")
      let before = CommandRunner.now()
      results += compare(comparison, tools)
      progress("  done in \(Units.duration(CommandRunner.now() - before))")
    }

    let date = Self.utcDate()
    var footer = tools.machineLines()
    footer.append(
      "\(settings.pairs) pairs per comparison, run A B A B … after \(settings.warmUps) "
        + "warm-up round\(settings.quick ? "; QUICK run (smaller loops)" : ""); ratio = "
        + "median of the pairs' ratios (ProcLab ÷ reference; for \"× faster\" targets, "
        + "reference ÷ ProcLab), range = min–max over the pairs")
    let table = ResultTable.make(
      results, title: "ProcLab vs references — \(date)", footer: footer)
    // Piped (make bench > file, the README), the table gets room for its labels.
    var style = TerminalStyle.detect()
    if isatty(1) == 0 { style = style.withWidth(max(style.width, 120)) }
    print(table.render(style))
    print(ResultTable.summary(results) + " (in \(Units.duration(CommandRunner.now() - started)))")

    let report = BenchReport(
      date: date, machine: footer, quick: settings.quick, pairs: settings.pairs,
      results: results)
    try write(try report.jsonText() + "\n", to: settings.output)
    print("wrote \(settings.output)")
  }

  /// Runs one comparison in alternation and evaluates its metrics.
  func compare(_ comparison: Comparison, _ tools: Toolbox) -> [MetricResult] {
    if let problem = comparison.problem(tools) {
      return comparison.specs.map { .skipped($0, problem) }
    }
    var specs = comparison.specs
    var reference = comparison.reference
    if let problem = comparison.referenceProblem(tools) {
      // Without a reference, only metrics with an absolute target can still be judged.
      let absolute = specs.filter {
        if case .valueAtMost = $0.target { return true }
        return false
      }
      guard !absolute.isEmpty else { return specs.map { .skipped($0, problem) } }
      specs = absolute.map { spec in
        var alone = spec
        alone.referenceKey = nil
        alone.referenceName = nil
        return alone
      }
      reference = nil
    }
    var done = 0
    let referenceName = specs.first?.referenceName ?? "reference"
    func step() -> String {
      done <= settings.warmUps
        ? "warm-up" : "pair \(done - settings.warmUps)/\(settings.pairs)"
    }
    do {
      let runs = try Pairing.alternate(
        warmUps: settings.warmUps, pairs: settings.pairs,
        a: {
          done += 1
          progress("  \(step()) A (ProcLab)")
          return try comparison.proclab(tools)
        },
        b: reference.map { body in
          {
            progress("  \(step()) B (\(referenceName))")
            return try body(tools)
          }
        })
      let notes = comparison.notes(runs)
      return specs.map { spec in
        var result = MetricResult.evaluate(spec, runs: runs)
        result.notes += notes[spec.id] ?? []
        return result
      }
    } catch let error as DemoUnavailable {
      return comparison.specs.map { .skipped($0, error.description) }
    } catch {
      return comparison.specs.map { .skipped($0, "failed: \(error)") }
    }
  }

  func progress(_ line: String) {
    try? FileIO.writeAll(2, line + "\n")
  }

  /// Writes `text` to `path`, making its directory first.
  func write(_ text: String, to path: String) throws {
    if let slash = path.lastIndex(of: "/") {
      var directory = ""
      for part in path[..<slash].split(separator: "/", omittingEmptySubsequences: false) {
        directory +=
          (directory.isEmpty && part.isEmpty ? "" : (directory.isEmpty ? "" : "/"))
          + part
        if !directory.isEmpty { mkdir(directory, 0o755) }
      }
    }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw SystemError("creating \(path)") }
    defer { close(fd) }
    try FileIO.writeAll(fd, text)
  }

  /// Now in UTC: "2025-01-31 14:05 UTC".
  static func utcDate() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M UTC", &parts)
    return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
