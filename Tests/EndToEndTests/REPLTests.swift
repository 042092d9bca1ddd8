import CProcLab
import Glibc
import OSKit
import Testing

/// The REPL as a student meets it: a real binary under a pseudo-terminal, typed at.
@Suite("REPL under a pseudo-terminal", .serialized)
struct REPLTests {
  /// Starts ProcLab, waits for its prompt, runs `body`, then makes sure it is gone.
  func withSession(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: (PTYSession) throws -> Void
  ) throws {
    try withREPL(sourceLocation: sourceLocation) { session, _ in try body(session) }
  }

  @Test("Tab completes a command")
  func tabCompletesCommand() throws {
    try withSession { s in
      let m = s.mark
      s.type("dem\t")
      #expect(s.expect("demos ", after: m))
      s.type("\r")
      #expect(s.expect("help run <demo> explains", after: m), "the demos list did not appear")
    }
  }

  @Test("Tab completes a demo name, and a second Tab lists the candidates")
  func tabCompletesDemo() throws {
    try withSession { s in
      var m = s.mark
      s.type("run zom\t")
      #expect(s.expect("run zombie ", after: m))
      s.type("\u{15}")  // Ctrl-U: clear the line
      m = s.mark
      s.type("run s\t\t")
      #expect(s.expect("subprocess", after: m))
      #expect(s.expect("spawn", after: m))
      s.type("\u{15}\r")
    }
  }

  @Test("Tab completes parameter names after a demo")
  func tabCompletesParameter() throws {
    try withSession { s in
      let m = s.mark
      s.type("run zombie ho\t")
      #expect(s.expect("run zombie hold=", after: m))
      s.type("\u{15}\r")
    }
  }

  @Test("Tab completes a step id after a lesson")
  func tabCompletesStep() throws {
    try withSession { s in
      let m = s.mark
      s.type("open pipes plac\t")
      #expect(s.expect("open pipes placement", after: m))
      s.type("\u{15}\r")
    }
  }

  @Test("Up recalls the previous line")
  func upRecalls() throws {
    try withSession { s in
      s.type("where\r")
      #expect(s.expect("No lesson is open"))
      let m = s.mark
      s.type("\u{1B}[A\r")
      #expect(s.expect("No lesson is open", after: m), "Up did not bring back 'where'")
    }
  }

  @Test("Ctrl-C on a typed line clears it and the REPL lives on")
  func ctrlCOnTypedLine() throws {
    try withSession { s in
      s.type("open zzz")
      s.drain(0.2)
      s.type("\u{03}")
      s.drain(0.3)
      #expect(Signals.isAlive(s.pid))
      let m = s.mark
      s.type("where\r")
      #expect(s.expect("No lesson is open", after: m), "the REPL did not answer after Ctrl-C")
      #expect(!plainText(Array(s.output[m...])).contains("no lesson 'zzz"))
    }
  }

  @Test("Ctrl-C on an empty line says how to leave")
  func ctrlCOnEmptyLine() throws {
    try withSession { s in
      s.type("\u{03}")
      #expect(s.expect("To leave ProcLab, type quit or press Ctrl-D"))
      #expect(Signals.isAlive(s.pid))
    }
  }

  @Test("Ctrl-D leaves with status 0 and the terminal exactly as it was")
  func ctrlDExits() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let session = try PTYSession(state: state)
    defer { session.close() }
    #expect(session.expect("proclab › "))
    let pristine = freshTerminalSettings()
    session.type("\u{04}")
    #expect(session.waitForExit() == OSKit.ExitStatus.exited(0))
    #expect(session.terminalSettings == pristine, "the terminal settings were not restored")
  }

  @Test("open, Enter, next and back move through a lesson")
  func lessonNavigation() throws {
    try withSession { s in
      var m = s.mark
      s.type("open 1\r")
      #expect(s.expect("step 1 of", after: m))
      #expect(s.expect("[processes 1/", after: m), "the prompt does not show the step")
      m = s.mark
      s.type("\r")
      #expect(s.expect("step 2 of", after: m))
      // A step's demo runs before the prompt comes back; keys typed meanwhile are dropped.
      #expect(s.expect("[processes 2/", after: m, timeout: 20))
      m = s.mark
      s.type("next\r")
      #expect(s.expect("step 3 of", after: m))
      #expect(s.expect("[processes 3/", after: m, timeout: 20))
      m = s.mark
      s.type("back\r")
      #expect(s.expect("step 2 of", after: m))
    }
  }

  @Test("A Korean word typed at the prompt comes back intact")
  func wideCharacters() throws {
    try withSession { s in
      let m = s.mark
      s.type("run ids 안녕=1\r")
      #expect(s.expect("unknown parameter '안녕' for ids", after: m))
    }
  }

  @Test("An unknown command gets a suggestion")
  func unknownCommand() throws {
    try withSession { s in
      s.type("nxt\r")
      #expect(s.expect("unknown command 'nxt' — did you mean 'next'?"))
    }
  }

  @Test("clear clears the terminal (as the shell's clear does) and the prompt comes back")
  func clearCommand() throws {
    try withSession { s in
      let m = s.mark
      s.type("clear\r")
      #expect(s.expect("proclab ›", after: m))
      let raw = String(decoding: s.output[m...], as: UTF8.self)
      #expect(raw.contains("\u{1B}[2J"), "no clear-screen sequence: \(raw.debugDescription)")
      #expect(!raw.contains("unknown command"))
    }
  }

  @Test("clear with piped output writes no escape sequence")
  func clearPiped() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped([], input: "clear\nquit\n", state: state)
    #expect(!r.stdout.contains("\u{1B}"))
    #expect(!r.stderr.contains("unknown command"))
    #expect(r.status == .exited(0))
  }

  @Test("Ctrl-C during a demo stops it within 2 s; same REPL, nothing left behind")
  func ctrlCDuringDemo() throws {
    try withSession { s in
      s.type("run threads for=30\r")
      #expect(s.expect("press Enter to set the stop flag"))
      #expect(!leftoverDescendants(of: s.pid).isEmpty, "the demo should be running")
      let m = s.mark
      let start = now()
      s.type("\u{03}")
      #expect(s.expect("proclab › ", after: m, timeout: 5))
      #expect(now() - start < 2.0, "the prompt took \(now() - start) s to come back")
      #expect(Signals.isAlive(s.pid))
      s.drain(0.2)
      #expect(leftoverDescendants(of: s.pid).isEmpty, "processes were left behind")
      #expect(plainText(Array(s.output[m...])).contains("interrupted"))
    }
  }

  @Test("What is typed while a demo runs is dropped, not run as a command afterwards")
  func typeaheadDuringADemoIsDropped() throws {
    try withSession { s in
      var m = s.mark
      s.type("run spawn what=fork runs=3 target=0.3\r")
      #expect(s.expect("Start, join, terminate", after: m, timeout: 10))
      // The fork timing still has about a second to go.
      s.type("open 2\r")
      #expect(s.expect("proclab › ", after: m, timeout: 20))
      m = s.mark
      s.type("where\r")
      #expect(s.expect("No lesson is open", after: m), "screen: \(s.screen)")
    }
  }

  @Test("Enter reaches a running demo: the threads demo's stop flag")
  func enterReachesDemo() throws {
    try withSession { s in
      s.type("run threads for=30 interval=0.2\r")
      #expect(s.expect("press Enter to set the stop flag"))
      s.drain(0.3)
      s.type("\r")
      #expect(s.expect("stop flag set (you pressed Enter)"))
      #expect(s.expect("retired"))
    }
  }
}

/// The settings of a pseudo-terminal nobody has touched: what a restored terminal must match.
func freshTerminalSettings() -> [UInt8] {
  var master: Int32 = -1
  var slave: Int32 = -1
  _ = pl_open_pty(&master, &slave)
  defer {
    close(master)
    close(slave)
  }
  var t = termios()
  tcgetattr(master, &t)
  return withUnsafeBytes(of: &t) { Array($0) }
}

@Suite("Scripted sessions on piped stdin", .serialized)
struct PipedTests {
  @Test("A teacher's script: open, next, quit — plain text, exit 0")
  func scriptedSession() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped([], input: "open processes\nnext\nquit\n", state: state)
    #expect(r.status == OSKit.ExitStatus.exited(0))
    #expect(r.stdout.contains("step 2 of"))
    #expect(!r.stdout.contains("\u{1B}"), "escape codes on a pipe")
    #expect(!r.stdout.contains("proclab ›"), "prompt noise on a pipe")
  }

  @Test("proclab lessons with no lesson found fails with one line naming where it looked")
  func lessonsNoneFound() throws {
    let state = TempState()
    defer { state.cleanUp() }
    var template = Array("/tmp/proclab-nolessons-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let empty = try #require(made.map { String(cString: $0) })
    defer { rmdir(empty) }
    let r = try runPiped(["lessons", "--lessons", empty], input: "", state: state)
    #expect(r.status == OSKit.ExitStatus.exited(1), "\(r.status)")
    #expect(r.stdout.isEmpty, "\(r.stdout)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("no lessons found") && r.stderr.contains(empty), "\(r.stderr)")
  }

  @Test("Bad input gets one line and the script goes on")
  func badInputGoesOn() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      [], input: "run zombie hold=100\nrun nope\nopen 999\nwhere\n", state: state)
    #expect(r.status == OSKit.ExitStatus.exited(0))
    #expect(r.stdout.contains("hold=100: must be between 0 and 5"))
    #expect(r.stdout.contains("unknown demo 'nope'"))
    #expect(r.stdout.contains("no lesson '999'"))
    #expect(r.stdout.contains("No lesson is open"))
  }

  @Test("read shows the step's text again without running its demos")
  func readRepeatsTheTextOnly() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      [], input: "read\nopen pipes placement\nread\n", state: state)
    #expect(r.status == OSKit.ExitStatus.exited(0))
    #expect(r.stdout.contains("no lesson is open"))
    let parts = r.stdout.components(separatedBy: "step 8 of 10")
    #expect(parts.count == 3, "the step was not shown twice")
    let reread = parts.last ?? ""
    #expect(reread.contains("One CPU or two") && reread.contains("cpus=any"))
    #expect(reread.contains("run pipe what=latency,bandwidth rounds=1000 volume=4 cpus=same"))
    #expect(reread.contains("(not run)"))
    #expect(!reread.contains("Round-trip latency"), "read ran the demos again")
    #expect(parts[1].contains("read: the text again"), "the hint does not offer read")
  }

  @Test("open takes a step by number or id; a wrong step is one line and changes nothing")
  func openAtAStep() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      [], input: "open processes 2\nopen pipes placment\nwhere\nopen pipes placement\nwhere\n",
      state: state)
    #expect(r.status == OSKit.ExitStatus.exited(0))
    #expect(
      r.stdout.contains("pipes has steps 1–10 (Tab lists their ids) — did you mean 'placement'?"))
    #expect(r.stdout.contains("(processes), step 2 of"), "a refused open moved the student")
    #expect(r.stdout.contains("(pipes), step 8 of 10: One CPU or two"))
  }

  @Test("proclab run ids --json reports the child and its parent")
  func idsJSON() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["run", "ids", "--json"], input: "", state: state)
    #expect(r.status == OSKit.ExitStatus.exited(0))
    for key in [
      "\"pid\"", "\"ppid\"", "\"pgid\"", "\"sid\"", "\"uid\"", "\"euid\"", "\"gid\"", "\"cwd\"",
      "\"parent\"",
    ] {
      #expect(r.stdout.contains(key), "missing \(key)")
    }
  }

  @Test("--version and --help")
  func versionAndHelp() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let v = try runPiped(["--version"], input: "", state: state)
    #expect(v.status == OSKit.ExitStatus.exited(0))
    #expect(v.stdout.contains("0."))
    let h = try runPiped(["--help"], input: "", state: state)
    #expect(h.stdout.contains("lessons"))
    #expect(h.stdout.contains("run"))
  }
}
