import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import Testing

/// Figures travel as data from the demo to its host, which draws them; event lines survive any
/// text; a line that is not an event is logged, and the demo's other events still arrive.
@Suite("The event stream: figures as data, lines that survive any text", .serialized)
struct EventStreamTests {
  static func report(_ stdout: String) throws -> DemoReport {
    try JSONDecoder().decode(DemoReport.self, from: Data(stdout.utf8))
  }

  @Test("run semaphore --json carries its timeline as data: lanes, spans, origin and unit")
  func timelineInJSON() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["run", "semaphore", "hold=0.02", "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains(#""kind" : "timeline""#), "\(r.stdout)")
    #expect(r.stdout.contains(#""unit" : "seconds""#))
    let report = try Self.report(r.stdout)
    let timelines = report.figures.compactMap { figure -> Timeline? in
      if case .timeline(let t) = figure { return t }
      return nil
    }
    let timeline = try #require(timelines.first)
    #expect(timeline.title?.hasPrefix("Who was inside when") == true)
    #expect(timeline.lanes.count == 6, "one lane per worker (workers=6 by default)")
    for lane in timeline.lanes {
      #expect(lane.label.hasPrefix("pid "))
      let span = try #require(lane.spans.first)
      // Each worker held the semaphore for hold=0.02 s, measured live: at least that long.
      #expect(span.end - span.start >= 0.02 * 0.9, "\(lane)")
    }
  }

  @Test("run semaphore draws the timeline in the host; the REPL draws it at its own width")
  func timelineDrawn() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["run", "semaphore", "hold=0.02"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let lanes = r.stdout.split(separator: "\n").filter { $0.hasPrefix("pid ") && $0.hasSuffix("|") }
    #expect(lanes.count == 6, "\(r.stdout)")
    #expect(r.stdout.contains("0 s"), "the axis starts at 0 s")
    // No COLUMNS and not a terminal: 80 columns.
    #expect(lanes.allSatisfy { $0.count == 80 }, "\(lanes)")

    let s = try PTYSession(state: state, rows: 30, cols: 72)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let m = s.mark
    s.type("run semaphore hold=0.02\r")
    #expect(s.expect("at most 2 inside at once", after: m, timeout: 20), "\(s.screen)")
    let shown = plainText(Array(s.output[m...])).split(separator: "\n").map {
      String($0).replacing("\r", with: "")
    }
    let drawn = shown.filter { $0.hasPrefix("pid ") && $0.hasSuffix("│") }
    #expect(drawn.count == 6, "\(shown)")
    #expect(drawn.allSatisfy { $0.count == 72 }, "drawn at the terminal's 72 columns: \(drawn)")
    #expect(shown.contains { $0.contains("└┬") || $0.contains("└─") }, "no axis: \(shown)")
  }

  @Test(
    "a timeline is drawn at the width the terminal has when it arrives, not when the demo began")
  func drawnAtArrivalWidth() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state, rows: 30, cols: 100)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let m = s.mark
    // Six workers, two at a time, each inside for 0.4 s: the timeline comes about 1.2 s after
    // the heading, and the terminal is narrowed as soon as the heading shows.
    s.type("run semaphore hold=0.4\r")
    #expect(s.expect("6 processes, a semaphore of 2", after: m, timeout: 20), "\(s.screen)")
    var size = winsize(ws_row: 30, ws_col: 64, ws_xpixel: 0, ws_ypixel: 0)
    #expect(ioctl(s.master, UInt(TIOCSWINSZ), &size) == 0)
    #expect(s.expect("at most 2 inside at once", after: m, timeout: 20), "\(s.screen)")
    let drawn = plainText(Array(s.output[m...])).split(separator: "\n").map {
      String($0).replacing("\r", with: "")
    }.filter { $0.hasPrefix("pid ") && $0.hasSuffix("│") }
    #expect(drawn.count == 6, "\(s.screen)")
    #expect(
      drawn.allSatisfy { $0.count == 64 }, "drawn for 100 columns after a resize to 64: \(drawn)")
  }

  @Test("run fork: the process tree is data in --json and drawn by proclab run")
  func processTree() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["run", "fork", "children=2", "--json"], input: "", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    let report = try Self.report(r.stdout)
    guard case .processTree(let tree) = try #require(report.figures.first) else {
      Issue.record("no process tree in \(report.figures)")
      return
    }
    let demo = try #require(report.metric("parent_pid")?.double).rounded()
    let children = tree.processes.filter { $0.label == "child" }
    #expect(children.count == 2)
    #expect(children.allSatisfy { Double($0.ppid) == demo })
    #expect(tree.processes.contains { $0.label == "demo" && Double($0.pid) == demo })

    let shown = try runPiped(["run", "fork", "children=2"], input: "", state: state)
    #expect(shown.status == .exited(0))
    #expect(shown.stdout.contains("`- demo "), "\(shown.stdout)")
    #expect(shown.stdout.contains("|- child ") && shown.stdout.contains("`- child "))
  }

  @Test("a refused demo name with a newline and a tab still makes one valid event line")
  func refusalLine() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let name = "no\nsuch\t\"demo\"\\"
    let r = try runPiped(["run", name, "--events"], input: "", state: state)
    #expect(r.status == .exited(2))
    #expect(r.stdout.hasSuffix("\n") && r.stdout.filter { $0 == "\n" }.count == 1, "\(r.stdout)")
    let event = try DemoEvent.decodeLine(Array(r.stdout.utf8.dropLast())).get()
    #expect(event == .failed("unknown demo '\(name)'"))
  }

  @Test("a line that is not an event reaches the session log, escaped; the notes around it arrive")
  func undecodableLineLogged() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    let m = s.mark
    s.type("run test-bad-line\r")
    #expect(s.expect("after the line that is not an event", after: m), "\(s.screen)")
    #expect(s.expect("proclab › ", after: m))
    let shown = plainText(Array(s.output[m...]))
    #expect(shown.contains("before the line that is not an event"))
    #expect(!shown.contains("not an event \u{1B}") && !shown.contains("undecodable"), "\(shown)")
    let log = FileIO.readText(state.path + "/proclab/last-session.log") ?? ""
    #expect(log.contains("demo test-bad-line (pid "), "not in the log: \(log)")
    #expect(
      log.contains(#"undecodable event line (not JSON), 19 bytes: not an event \x1B[2J\x09\xFF"#),
      "\(log)")
  }
}
