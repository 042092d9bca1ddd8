import BenchKit
import DemoContract
import Glibc
import OSKit

/// One alternated comparison: a ProcLab run (A) and a reference run (B) that each yield
/// several figures, and the metrics read from them.
struct Comparison {
  var id: String
  /// What is being run, for progress lines.
  var title: String
  var specs: [MetricSpec]
  /// Why the whole comparison cannot run here, or nil.
  var problem: (Toolbox) -> String? = { _ in nil }
  /// Why the reference cannot run here (the ProcLab side still runs), or nil.
  var referenceProblem: (Toolbox) -> String? = { _ in nil }
  var proclab: (Toolbox) throws -> Figures
  var reference: ((Toolbox) throws -> Figures)?
  /// Notes per metric id, from the recorded runs.
  var notes: (PairedRuns) -> [String: [String]] = { _ in [:] }

  static var allIDs: String {
    "repl, spawn, pipe-latency, pipe-bandwidth, shm-race, ipc-compare, assignment, pool, countdown, "
      + "grading, trace"
  }

  /// Figures from a demo report's metrics; `scale` multiplies each (ns → s).
  static func metrics(
    _ report: JSONValue, _ paths: [String], scale: Double = 1
  ) -> Figures {
    FigureParsing.metrics(report, paths).mapValues { $0 * scale }
  }

  /// Median of a figure over the runs, for notes.
  static func median(_ runs: [Figures], _ key: String) -> Double? {
    BenchMath.median(runs.compactMap { $0[key] })
  }
}

extension Comparison {
  /// Every comparison, in the order they run.
  static func all(_ settings: BenchSettings) -> [Comparison] {
    [
      repl(settings), spawn(settings), pipeLatency(settings), pipeBandwidth(settings),
      shmRace(settings), ipcCompare(settings), assignment(settings), pool(settings),
      countdown(settings), grading(settings), trace(settings),
    ]
  }

  /// REPL start (`printf 'quit\n' | proclab`), time to prompt on a terminal, idle RSS.
  static func repl(_ settings: BenchSettings) -> Comparison {
    let state = BenchSession.scratch + "/state"
    let env =
      ProcessEnvironment.current.filter {
        !$0.hasPrefix("XDG_STATE_HOME=") && !$0.hasPrefix("TERM=")
      } + ["XDG_STATE_HOME=\(state)", "TERM=xterm-256color"]
    func measure(_ program: [String], prompt: String) throws -> Figures {
      let piped = try CommandRunner.succeed(program, input: "quit\n", environment: env)
      let probe = try PromptProbe.measure(program, prompt: prompt, environment: env)
      return [
        "start_seconds": piped.wallSeconds, "prompt_seconds": probe.secondsToPrompt,
        "rss_bytes": probe.residentBytes,
      ]
    }
    // 100 more lessons (the shipped ones, copied under new ids) for the same start to exit.
    let extra = BenchSession.scratch + "/lessons"
    func writeExtraLessons() throws {
      let shipped = (FileIO.entries(in: "lessons") ?? []).filter { $0.hasSuffix(".md") }.sorted()
        .map { "lessons/" + $0 }
      guard !shipped.isEmpty else { throw CommandFailure("no lessons/*.md to copy") }
      mkdir(extra, 0o700)
      for i in 0..<100 {
        let text = FileIO.readText(shipped[i % shipped.count]) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for j in lines.indices where lines[j].hasPrefix("id: ") {
          lines[j] += "-copy\(i)"
          break
        }
        for j in lines.indices where lines[j].hasPrefix("order: ") {
          lines[j] = "order: \(100 + i)"
          break
        }
        let fd = open("\(extra)/copy\(i).md", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CommandFailure("cannot write \(extra)/copy\(i).md") }
        defer { close(fd) }
        try FileIO.writeAll(fd, lines.joined(separator: "\n"))
      }
    }
    return Comparison(
      id: "repl", title: "REPL start and idle memory",
      specs: [
        MetricSpec(
          id: "repl.start", label: "REPL start to exit, piped quit",
          unit: .seconds, proclabKey: "start_seconds", referenceKey: "start_seconds",
          referenceName: "C", target: .valueAtMost(0.025)),
        MetricSpec(
          id: "repl.start_100", label: "the same with 100 more lessons",
          unit: .seconds, proclabKey: "start_100_seconds", referenceKey: "start_seconds",
          referenceName: "C", target: .valueAtMost(0.025)),
        MetricSpec(
          id: "repl.start_ko", label: "the same in Korean, --lang ko",
          unit: .seconds, proclabKey: "start_ko_seconds", referenceKey: "start_seconds",
          referenceName: "C", target: .valueAtMost(0.025)),
        MetricSpec(
          id: "repl.prompt", label: "REPL start to prompt, terminal", unit: .seconds,
          proclabKey: "prompt_seconds", referenceKey: "prompt_seconds", referenceName: "C",
          target: .none),
        MetricSpec(
          id: "repl.prompt_ko", label: "the same in Korean, --lang ko", unit: .seconds,
          proclabKey: "prompt_ko_seconds", referenceKey: "prompt_seconds", referenceName: "C",
          target: .none),
        MetricSpec(
          id: "repl.rss", label: "idle RSS at the prompt", unit: .bytes,
          proclabKey: "rss_bytes", referenceKey: "rss_bytes", referenceName: "C",
          target: .valueAtMost(20_000_000)),
      ],
      referenceProblem: { $0.referenceProblem("prompt") },
      proclab: { tools in
        var figures = try measure([tools.proclab], prompt: "› ")
        // The same two measurements with the Korean lessons (lessons/ko) and texts.
        let korean = try measure([tools.proclab, "--lang", "ko"], prompt: "› ")
        figures["start_ko_seconds"] = korean["start_seconds"]
        figures["prompt_ko_seconds"] = korean["prompt_seconds"]
        if FileIO.readText(extra + "/copy99.md") == nil { try writeExtraLessons() }
        let many = try CommandRunner.succeed(
          [tools.proclab, "--lessons", extra], input: "quit\n", environment: env)
        figures["start_100_seconds"] = many.wallSeconds
        return figures
      },
      reference: { tools in try measure([tools.reference("prompt")], prompt: "› ") },
      notes: { _ in
        [
          "repl.start": [
            "wall time of the whole command (start, read quit, exit); "
              + "reference: bench/reference/prompt.c"
          ],
          "repl.rss": ["VmRSS from /proc/<pid>/status 50 ms after the prompt appeared"],
          "repl.start_ko": [
            "proclab --lang ko: the Korean lessons (lessons/ko) in place of the English ones, "
              + "by the same method, against the same C start"
          ],
          "repl.start_100": [
            "proclab --lessons DIR with 100 copies of the shipped lessons under new ids, "
              + "against the same C start"
          ],
        ]
      })
  }
}

extension Int {
  /// Millions as "50M", else grouped.
  var short: String { self % 1_000_000 == 0 ? "\(self / 1_000_000)M" : grouped }

  /// With thousands separators: 50,000,000.
  var grouped: String {
    let digits = String(self.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return (self < 0 ? "-" : "") + result
  }
}
