import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// `mp-inside`: the tutorials' multiprocessing programs traced by the real binary. What CPython
/// starts is exact (3 workers for Pool(3), a feeder thread per Queue that was put into, a
/// resource tracker with spawn and forkserver, none with fork), so every run must show it;
/// and `trace` runs the interpreter behind a launcher script, not the script.
@Suite("mp-inside and trace's interpreter", .serialized)
struct InsideDemoTests {
  static var hasPython: Bool { access("/usr/bin/python3", X_OK) == 0 }

  struct Run {
    var status: OSKit.ExitStatus
    var stdout: String
    var stderr: String
    var report: DemoReport?

    func number(_ path: String) -> Double? { report?.metric(path)?.double }
    func bool(_ path: String) -> Bool? {
      if case .bool(let b)? = report?.metrics[path] { return b }
      return nil
    }
  }

  /// `proclab run mp-inside …`; `path` replaces PATH.
  func demo(_ arguments: [String], path: String? = nil, json: Bool = true) throws -> Run {
    let state = TempState()
    defer { state.cleanUp() }
    // The programs this suite starts carry its mark, so that only they are looked for after
    // (other test processes run the same tutorial programs at the same time).
    var environment = state.environment + [Self.mark]
    if let path { environment = environment.filter { !$0.hasPrefix("PATH=") } + ["PATH=\(path)"] }
    let r = try CapturedRun.run(
      [proclabBinary, "run", "mp-inside"] + arguments + (json ? ["--json"] : []),
      environment: environment, timeout: 90)
    let out = String(decoding: r.stdout, as: UTF8.self)
    let report = json ? try? JSONDecoder().decode(DemoReport.self, from: Data(r.stdout)) : nil
    return Run(
      status: r.status, stdout: out, stderr: String(decoding: r.stderr, as: UTF8.self),
      report: report)
  }

  /// The environment entry every demo this test process runs carries, and its programs inherit.
  static let mark = "PROCLAB_INSIDE_TEST=\(getpid())"

  /// Processes running one of this source tree's tutorial programs that this test process
  /// started (its `mark` in their environment).
  static func programsRunning() -> [Int32] {
    let marker = TestBinary.sourceRoot + "/lessons/python/"
    return ProcessTree.allPids().filter { pid in
      guard let bytes = FileIO.readFile("/proc/\(pid)/cmdline"),
        String(decoding: bytes, as: UTF8.self).contains(marker),
        let environment = FileIO.readFile("/proc/\(pid)/environ")
      else { return false }
      return environment.split(separator: 0).contains {
        String(decoding: $0, as: UTF8.self) == mark
      }
    }
  }

  @Test(
    "Pool(3) over 10 tasks: exactly 3 workers on every run, what each start method adds",
    .enabled(if: hasPython), arguments: ["fork", "forkserver", "spawn"])
  func pool(start: String) throws {
    for attempt in 1...3 {
      let r = try demo(["start=\(start)", "duration=0.02"])
      let context = "start=\(start), run \(attempt): \(r.stderr)"
      #expect(r.status == .exited(0), "\(context)")
      #expect(r.report?.metrics["start_method"] == .string(start), "\(context)")
      #expect(r.number("workers") == 3, "\(context)")
      #expect(r.bool("workers_as_program_says") == true, "\(context)")
      #expect(r.number("tasks") == 10 && r.number("tasks_in_workers") == 10, "\(context)")
      #expect(r.number("threads.pool_handlers") == 3, "\(context)")
      // Each worker put its pid into a multiprocessing.Queue: one feeder thread each.
      #expect(r.number("threads.feeders") == 3, "\(context)")
      #expect(r.number("threads.feeders_in_program") == 0, "\(context)")
      let trackers: Double = start == "fork" ? 0 : 1
      let servers: Double = start == "forkserver" ? 1 : 0
      #expect(r.number("resource_tracker") == trackers, "\(context)")
      #expect(r.number("forkserver") == servers, "\(context)")
      #expect(r.number("processes") == 4 + trackers + servers, "\(context)")
      #expect(r.number("killed") == 0 && r.number("ipc_left") == 0, "\(context)")
      #expect(Self.programsRunning().isEmpty, "\(context)")
    }
  }

  @Test("a Queue: the feeder thread in the program that put items into it", .enabled(if: hasPython))
  func queue() throws {
    for start in ["fork", "spawn"] {
      let r = try demo(["program=queue", "start=\(start)"])
      #expect(r.status == .exited(0), "\(start): \(r.stderr)")
      #expect(r.number("workers") == 2, "\(start)")
      #expect(r.number("threads.feeders_in_program") == 1, "\(start)")
      #expect((r.number("threads.feeders") ?? 0) >= 1, "\(start)")
      let trackers: Double = start == "spawn" ? 1 : 0
      #expect(r.number("resource_tracker") == trackers, "\(start)")
      #expect(r.number("killed") == 0 && r.number("ipc_left") == 0, "\(start)")
    }
    #expect(Self.programsRunning().isEmpty)
  }

  @Test("the screen names the parts: the table, the tree and the notes", .enabled(if: hasPython))
  func onScreen() throws {
    let r = try demo(["start=spawn", "duration=0.02"], json: false)
    #expect(r.status == .exited(0), "\(r.stderr)")
    // Notes wrap at the width: compare with every run of white space one space.
    let screen = r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    for text in [
      "What the trace saw start", "resource tracker", "worker 3", "Pool thread _handle_tasks",
      "Queue feeder thread", "Which process ran which value", "With spawn each is a new python3",
    ] {
      #expect(screen.contains(text), "missing \(text) in:\n\(r.stdout)")
    }
  }

  @Test("no python3 on PATH: one plain line, and the run still succeeds")
  func noPython() throws {
    let empty = "/tmp/proclab-nopython-\(getpid())"
    mkdir(empty, 0o700)
    defer { rmdir(empty) }
    let r = try demo([], path: empty)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.bool("python_available") == false)
    #expect(r.report?.notes.count == 1, "\(r.report?.notes ?? [])")
  }

  @Test(
    "trace runs the interpreter behind a launcher script and says which", .enabled(if: hasPython))
  func traceResolvesLauncher() throws {
    // A launcher as pyenv's shims are: a script that starts python3 as a child of its own.
    let bin = "/tmp/proclab-shim-\(getpid())"
    mkdir(bin, 0o700)
    defer { _ = system("rm -rf '\(bin)'") }
    let shim = "\(bin)/python3"
    let script = "#!/bin/sh\n/usr/bin/python3 \"$@\"\n"
    let fd = open(shim, O_WRONLY | O_CREAT | O_TRUNC, 0o700)
    try FileIO.writeAll(fd, script)
    close(fd)
    let state = TempState()
    defer { state.cleanUp() }
    let environment =
      state.environment.filter { !$0.hasPrefix("PATH=") } + [
        "PATH=\(bin):/usr/bin:/bin"
      ]
    let r = try CapturedRun.run(
      [proclabBinary, "trace", "--json", "--", "python3", "-c", "print(42)"],
      environment: environment, timeout: 60)
    let report = try? JSONDecoder().decode(DemoReport.self, from: Data(r.stdout))
    #expect(r.status == .exited(0))
    #expect(report?.metrics["processes"]?.double == 1, "\(report?.metrics ?? [:])")
    guard case .array(let command)? = report?.params["command"] else {
      Issue.record("no command in \(String(decoding: r.stdout, as: UTF8.self))")
      return
    }
    #expect(command.first != .string("python3") && command.first != .string(shim))
    #expect(report?.notes.first?.contains("\(shim) is a launcher script") == true)
    let text = try CapturedRun.run(
      [proclabBinary, "trace", "--", "python3", "-c", "print(42)"], environment: environment,
      timeout: 60)
    #expect(String(decoding: text.stdout, as: UTF8.self).contains("is a launcher script"))
  }
}
