import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import Render
import Testing

@testable import Demos

/// The event line of `event`, as the runner writes it.
private func line(_ event: DemoEvent) throws -> [UInt8] {
  Array(try JSONEncoder().encode(event)) + [UInt8(ascii: "\n")]
}

@Suite("The host reads event lines whole, however the pipe cuts them")
struct EventLineReaderTests {
  @Test("a line cut across chunks is decoded once it is complete")
  func cutLine() throws {
    var reader = EventLineReader()
    let bytes = try line(.note("first")) + line(.heading("second"))
    let cut = 7
    #expect(reader.append(Array(bytes[..<cut])) == [])
    #expect(reader.unfinished == cut)
    #expect(reader.append(Array(bytes[cut...])) == [.note("first"), .heading("second")])
    #expect(reader.unfinished == 0)
  }

  @Test("every split of two lines gives the same two events")
  func everySplit() throws {
    let bytes = try line(.note("a\tb")) + line(.progress(fraction: 0.5, label: "half"))
    for cut in 0...bytes.count {
      var reader = EventLineReader()
      let events = reader.append(Array(bytes[..<cut])) + reader.append(Array(bytes[cut...]))
      #expect(events == [.note("a\tb"), .progress(fraction: 0.5, label: "half")], "cut at \(cut)")
    }
  }

  @Test("a line that is not an event is skipped; the next one still arrives")
  func undecodable() throws {
    var reader = EventLineReader()
    let bytes = try Array("not json\n{\"type\":\"nothing\"}\n".utf8) + line(.note("ok"))
    let events = reader.append(bytes)
    #expect(events == [.note("ok")])
    let bad = reader.takeUndecodable()
    #expect(bad.count == 2)
    #expect(bad.first?.description.contains("not json") == true)
    #expect(reader.takeUndecodable().isEmpty)
  }
}

@Suite("A long demo's progress bar")
struct ProgressLineTests {
  let style = TerminalStyle.plain(width: 60)

  @Test("no terminal, or less than half a second in: no bar")
  func hidden() {
    var off = ProgressLine(enabled: false, style: style)
    #expect(off.update(fraction: 0.5, label: "x", elapsed: 5) == nil)
    var early = ProgressLine(enabled: true, style: style)
    #expect(early.update(fraction: 0.5, label: "x", elapsed: 0.4) == nil)
    #expect(early.clear() == nil)
  }

  @Test("past half a second: the bar, cleared once before other output")
  func shown() throws {
    var progress = ProgressLine(enabled: true, style: style)
    let drawn = progress.update(fraction: 0.25, label: "timing fork", elapsed: 0.6)
    let text = try #require(drawn)
    #expect(text.hasPrefix(ProgressLine.clearLine))
    #expect(text.contains("timing fork"))
    #expect(progress.shown)
    #expect(progress.clear() == ProgressLine.clearLine)
    #expect(progress.clear() == nil)
  }

  @Test(
    "the bar leaves room on its line for the ^C the terminal echoes: a Ctrl-C never pushes it onto a line of its own that clearing misses",
    arguments: [40, 80, 100, 160])
  func roomForTheEcho(columns: Int) throws {
    var progress = ProgressLine(enabled: true, style: TerminalStyle.plain(width: columns))
    let drawn = progress.update(fraction: 0.5, label: "timing fork", elapsed: 1)
    let text = try #require(drawn)
    let bar = String(text.dropFirst(ProgressLine.clearLine.count))
    #expect(DisplayWidth.of(bar) + 2 < columns)
  }

  @Test("at 1 the bar is drawn and taken away at once")
  func complete() throws {
    var progress = ProgressLine(enabled: true, style: style)
    let drawn = progress.update(fraction: 1, label: "done", elapsed: 2)
    let text = try #require(drawn)
    #expect(text.hasSuffix(ProgressLine.clearLine))
    #expect(!progress.shown)
    #expect(progress.clear() == nil)
  }
}

@Suite("The host's wait on the runner's pipes, the signal pipe and the terminal", .serialized)
struct RunnerPollTests {
  /// Pipes standing in for the runner's stdout, stderr, stdin and the terminal.
  struct Fixture {
    let events: PipeEnds
    let errors: PipeEnds
    let input: PipeEnds
    let terminal: PipeEnds
    let signals: SignalPipe

    init() throws {
      events = try PipeEnds()
      errors = try PipeEnds()
      input = try PipeEnds()
      terminal = try PipeEnds()
      signals = try SignalPipe()
    }

    func poll(stderrLimit: Int = 65536) -> RunnerPoll {
      RunnerPoll(
        pipes: RunnerPipes(events: events.read, errors: errors.read, input: input.write),
        signals: signals, terminal: terminal.read, stderrLimit: stderrLimit)
    }

    func close() {
      for ends in [events, errors, input, terminal] { ends.closeBoth() }
    }
  }

  @Test("event bytes come back as they are; a closed stdout says so")
  func events() throws {
    let f = try Fixture()
    defer { f.close() }
    var poll = f.poll()
    #expect(poll.wait(milliseconds: 0) == .none)
    try FileIO.writeAll(f.events.write, "{\"type\"")
    #expect(poll.wait(milliseconds: 1000) == .bytes(Array("{\"type\"".utf8)))
    close(f.events.write)
    #expect(poll.wait(milliseconds: 1000) == .closed)
  }

  @Test("stderr is kept for the log, up to its limit")
  func stderr() throws {
    let f = try Fixture()
    defer { f.close() }
    var poll = f.poll(stderrLimit: 10)
    for chunk in ["12345678", "abcdefgh", "dropped!"] {
      try FileIO.writeAll(f.errors.write, chunk)
      #expect(poll.wait(milliseconds: 1000) == .none)
    }
    #expect(String(decoding: poll.stderrText, as: UTF8.self) == "12345678abcdefgh")
  }

  @Test("a line typed on the terminal goes to the runner's stdin")
  func forwards() throws {
    let f = try Fixture()
    defer { f.close() }
    var poll = f.poll()
    try FileIO.writeAll(f.terminal.write, "\n")
    #expect(poll.wait(milliseconds: 1000) == .none)
    #expect(FileIO.waitReadable(f.input.read, timeout: 1))
    #expect(try FileIO.read(f.input.read, upTo: 64) == [UInt8(ascii: "\n")])
  }

  @Test("a signal wakes the wait and the self-pipe is drained")
  func signalWakes() throws {
    let f = try Fixture()
    defer { f.close() }
    var poll = f.poll()
    try FileIO.writeAll(f.signals.ends.write, [1, 2, 3])
    #expect(poll.wait(milliseconds: 1000) == .none)
    #expect(!FileIO.waitReadable(f.signals.ends.read, timeout: 0))
  }
}

@Suite("Starting and reaping the demo runner", .serialized)
struct RunnerLifecycleTests {
  @Test("the runner is `proclab run <demo> --events` with every parameter, and the style")
  func command() throws {
    let definition = try #require(DemoCatalog.named("ids"))
    let parameters = try definition.validate([])
    #expect(
      RunnerProcess.arguments(definition, parameters)
        == ["run", "ids", "--events"] + parameters.arguments)
    var style = TerminalStyle.plain(width: 72)
    style.unicode = true
    #expect(
      RunnerProcess.setting(style) == ["PROCLAB_WIDTH=72", "PROCLAB_UNICODE=1", "PROCLAB_COLOR=0"])
    #expect(RunnerProcess.defaults == ["SWIFT_BACKTRACE=enable=no"])
  }

  @Test("reaping: the runner's status, its group SIGKILLed, the sweep's names")
  func reap() throws {
    let out = try PipeEnds()
    defer { FileIO.closeQuietly(out.read) }
    // A runner that leaves a process behind in its group, then exits with 3.
    let runner = try ChildProcess.spawn(
      "/bin/sh", arguments: ["sh", "-c", "sleep 30 & echo $!; exit 3"], newProcessGroup: true,
      stdout: out.write)
    FileIO.closeQuietly(out.write)
    var text: [UInt8] = []
    while !text.contains(UInt8(ascii: "\n")), let chunk = try? FileIO.read(out.read, upTo: 64),
      !chunk.isEmpty
    {
      text += chunk
    }
    let left = try #require(Int32(String(decoding: text, as: UTF8.self).filter(\.isNumber)))
    #expect(runner.wait(timeout: 10) == .exited(3))
    let (status, swept) = Workers.reapRunner(runner) { ["/proclab-1-x-test"] }
    #expect(status == .exited(3))
    #expect(swept == ["/proclab-1-x-test"])
    // The process left in the group was killed: gone, or a zombie its new parent reaps.
    var running = true
    for _ in 0..<200 where running {
      running = ProcStat.read(left).map { $0.state != "Z" } ?? false
      if running { usleep(10_000) }
    }
    #expect(!running, "process \(left) of the runner's group still runs")
  }
}

@Suite("subprocess's filter runner reads stdout and stderr together", .serialized)
struct FilterRunnerTests {
  @Test("a filter that fills stderr before it writes stdout is read to the end")
  func fullStderrFirst() throws {
    let result = try runFiltered(
      "/bin/sh",
      ["sh", "-c", "cat >/dev/null; head -c 300000 /dev/zero | tr '\\0' x >&2; echo done"],
      input: ["a", "b"])
    #expect(result.status == .exited(0))
    #expect(result.output == ["done"])
    #expect(result.errors.joined().count == 300_000)
  }
}
