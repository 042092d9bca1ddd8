import Glibc
import OSKit
import Testing

/// A lesson that plants terminal control sequences everywhere ProcLab shows lesson text:
/// title, summary, step heading, text, code span, demo line, question, choices, hints,
/// feedback and explanation; and a file name with an escape in it.
let plantedLesson = """
  ---
  id: escapes
  title: Planted \u{1B}[2J\u{1B}]0;pwned\u{07}title
  summary: Hidden \u{1B}[8mtext
  ---

  ## Step \u{1B}[?1049h one

  Text \u{1B}]52;c;cm0gLXJmIH4K\u{07} with `code \u{1B}[8m span`, a C1 \u{9B}2J and \u{202E}reversed.

  ```demo
  ids note=\u{1B}[2J
  ```

  ## Quiz step

  ```quiz
  id: q
  kind: choice
  ask: Ask \u{1B}[2J now?
  choices:
    a) one \u{1B}[8m
    b) two \u{1B}P1$r\u{1B}\\\\
  answer: a
  hint: hint \u{1B}]0;x\u{07}
  feedback b: feedback \u{1B}[2J
  explain: explained \u{1B}[?1049h
  ```

  """

/// The escape sequences in `bytes` that ProcLab did not write for its own styling: anything
/// but SGR (`ESC [ digits;… m`); with `lineEditing`, also the cursor and erase sequences a
/// line editor writes on a terminal (`ESC [ n A…H`, `K`). C1 controls and the bidirectional
/// overrides count as foreign too.
func foreignControls(_ bytes: [UInt8], lineEditing: Bool = false) -> [String] {
  var found: [String] = []
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    if b == 0x1B {
      var j = i + 1
      var ok = false
      if j < bytes.count, bytes[j] == UInt8(ascii: "[") {
        j += 1
        while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
        let parameters = Array(bytes[(i + 2)..<min(j, bytes.count)])
        let numeric = parameters.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x3B }
        if j < bytes.count, numeric {
          let final = bytes[j]
          ok = final == UInt8(ascii: "m") || (lineEditing && "ABCDGHK".utf8.contains(final))
        }
      }
      if !ok {
        found.append(
          String(decoding: bytes[i..<min(bytes.count, i + 12)], as: UTF8.self).debugDescription)
      }
      i = j + 1
      continue
    }
    if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1") }
    if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) {
      found.append("bidi override")
    }
    if b < 0x20, b != 0x0A, b != 0x0D, b != 0x09, !(lineEditing && (b == 0x07 || b == 0x08)) {
      found.append("C0 \(b)")
    }
    i += 1
  }
  return found
}

@Suite("Escape injection: untrusted text never drives the terminal", .serialized)
struct EscapeInjectionTests {
  /// A lesson directory with the planted lesson, under a file name holding an OSC, and a
  /// broken file whose name holds ESC [2J (it is skipped, and its name is shown).
  func plant(_ state: TempState) throws -> String {
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    for (name, text) in [
      ("evil\u{1B}]0;x\u{07}.md", plantedLesson), ("bad\u{1B}[2J.md", "no front matter\n"),
    ] {
      let fd = open(lessons + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      try FileIO.writeAll(fd, text)
      close(fd)
    }
    return lessons
  }

  static let session =
    [
      "lessons", "open escapes", "read", "next", "hint", "quiz escapes", "hint", "b", "a",
      "run ids note=\u{1B}[2J", "open \u{1B}]0;typed\u{07}", "\u{1B}[2J", "quit",
    ].joined(separator: "\n") + "\n"

  @Test("piped, with NO_COLOR: not one ESC, C1 or bidi control in anything written")
  func pipedOutputHasNoEscapes() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try plant(state)
    let answers = state.path + "/answers\u{1B}[2J.txt"
    let fd = open(answers, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try FileIO.writeAll(fd, "q: b \u{1B}]52;c;eA==\u{07}\n\u{1B}[2J: junk\n")
    close(fd)
    let runs = [
      try runPiped(["--lessons", lessons], input: Self.session, state: state),
      try runPiped(["lessons", "--lessons", lessons], input: "", state: state),
      try runPiped(["lint", lessons], input: "", state: state),
      try runPiped(
        ["quiz", "escapes", "--lessons", lessons, "--answers", answers], input: "", state: state),
      try runPiped(["quiz", "\u{1B}[2J", "--lessons", lessons], input: "", state: state),
      try runPiped(["run", "ids", "note=\u{1B}[2J"], input: "", state: state),
      try runPiped(["run", "\u{1B}[2Jx"], input: "", state: state),
    ]
    let repl = runs[0].stdout + runs[0].stderr
    // The planted text is shown, made visible.
    #expect(repl.contains("Planted ^[[2J^[]0;pwned^Gtitle"), "\(repl)")
    #expect(repl.contains("^[]52;c;cm0gLXJmIH4K^G"))
    #expect(repl.contains("<U+009B>2J") && repl.contains("<U+202E>reversed"))
    #expect(repl.contains("skipped lesson file") && repl.contains("bad^[[2J.md"))
    #expect(repl.contains("hint ^[]0;x^G"), "the hint was not shown")
    #expect(repl.contains("feedback ^[[2J"), "the feedback was not shown")
    #expect(runs[2].stdout.contains("evil^[]0;x^G.md:"), "lint: \(runs[2].stdout)")
    #expect(runs[3].stdout.contains("b ^[]52;c;eA==^G"), "answers: \(runs[3].stdout)")
    for (n, run) in runs.enumerated() {
      let all = Array(run.stdout.utf8) + Array(run.stderr.utf8)
      #expect(!all.isEmpty)
      #expect(!all.contains(0x1B), "run \(n) wrote ESC: \(foreignControls(all))")
      #expect(foreignControls(all).isEmpty, "run \(n): \(foreignControls(all))")
    }
  }

  @Test("on a colour terminal: every escape sequence is ProcLab's own styling")
  func terminalOutputHasOnlyOwnStyling() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try plant(state)
    // TempState sets NO_COLOR; a terminal without it shows colour.
    let environment = state.environment.filter { !$0.hasPrefix("NO_COLOR=") }
    let s = try PTYSession(
      arguments: ["--lessons", lessons], state: state, environment: environment)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    for line in Self.session.split(separator: "\n") {
      let m = s.mark
      s.type(String(line) + "\r")
      s.expect("› ", after: m, timeout: 15)
    }
    _ = s.waitForExit(timeout: 15)
    #expect(s.output.contains(0x1B), "no colour was written at all")
    #expect(s.screen.contains("Planted ^[[2J^[]0;pwned^Gtitle"), "\(s.screen)")
    let foreign = foreignControls(s.output, lineEditing: true)
    #expect(foreign.isEmpty, "\(foreign)")
  }
}
