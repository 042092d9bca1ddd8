import BenchKit
import Glibc
import OSKit
import Testing

/// What the grading row needs from BenchKit: a child's peak memory, and a figure without a
/// reference shown with its range over the runs.
@Suite("Grading bench")
struct GradingBenchTests {
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/BenchTests/GradingBenchTests.swift
    return parts.joined(separator: "/")
  }()

  static let cc: String? = ["/usr/bin/cc", "/usr/bin/gcc"].first { (path: String) in
    access(path, X_OK) == 0
  }

  // bench/run.sh builds peak_rss with cc; without a C compiler there is nothing to run.
  @Test(.enabled(if: cc != nil, "no C compiler (cc) to build bench/reference/peak_rss.c"))
  func peakMemoryIsTheCommandsOwn() throws {
    let binary = "/tmp/proclab-peak-rss-\(getpid())"
    defer { unlink(binary) }
    _ = try CommandRunner.succeed(
      [Self.cc ?? "cc", "-O2", "-o", binary, Self.root + "/bench/reference/peak_rss.c"],
      timeout: 120)
    // dd reads into one 64 MiB buffer: its peak is at least that; true's is about a megabyte,
    // though this test process is tens of megabytes (posix_spawn would have counted those).
    let big = try CommandRunner.succeed(
      [binary, "/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"], timeout: 60)
    let small = try CommandRunner.succeed([binary, "/bin/true"], timeout: 60)
    let bigFigures = FigureParsing.keyValueLines(big.stderr)
    let smallFigures = FigureParsing.keyValueLines(small.stderr)
    #expect((bigFigures["peak_rss_bytes"] ?? 0) >= 64 * 1024 * 1024)
    #expect((smallFigures["peak_rss_bytes"] ?? 0) > 0)
    #expect((smallFigures["peak_rss_bytes"] ?? .infinity) < 8 * 1024 * 1024)
    #expect((smallFigures["wall_seconds"] ?? 0) > 0)
    // The command's exit status is passed on.
    let failing = try CommandRunner.run([binary, "/bin/false"], timeout: 60)
    #expect(failing.status == .exited(1))
  }

  @Test func aFigureWithoutReferenceShowsItsRange() {
    let spec = MetricSpec(
      id: "grade.wall", label: "grade 120 students", unit: .seconds, proclabKey: "wall_seconds",
      referenceKey: nil, referenceName: nil, target: .valueAtMost(10))
    let runs = PairedRuns(
      proclab: [2.0, 1.5, 3.0, 2.5, 1.75].map { ["wall_seconds": $0] }, reference: [])
    let result = MetricResult.evaluate(spec, runs: runs)
    #expect(result.verdict == .met)
    #expect(result.proclabMedian == 2.0)
    let row = ResultTable.make([result], title: "t").rows[0]
    #expect(row[3] == "\(ResultTable.format(1.5, .seconds))–\(ResultTable.format(3.0, .seconds))")
    #expect(row[4] == "≤ 10.0 s")
  }
}
