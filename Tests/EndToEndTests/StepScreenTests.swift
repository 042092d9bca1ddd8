import CProcLab
import Demos
import Glibc
import OSKit
import Render
import Testing

/// Writes one lesson file into a fresh lessons directory under `state`; returns the directory.
private func lessonDirectory(_ state: TempState, _ body: String) throws -> String {
  let lessons = state.path + "/lessons"
  mkdir(lessons, 0o700)
  let fd = open(lessons + "/screen.md", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  try FileIO.writeAll(fd, "---\nid: screen\ntitle: Screen\n---\n\n" + body + "\n")
  close(fd)
  return lessons
}

/// Every line of `text` fits in `width` columns.
private func overWide(_ text: String, width: Int) -> [String] {
  text.split(separator: "\n").map(String.init).filter { DisplayWidth.of($0) > width }
}

@Suite("The step on the screen", .serialized)
struct StepScreenTests {
  @Test("a demo's live output appears between the text before its block and the text after it")
  func demoRunsWhereItStands() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = try lessonDirectory(
      state,
      """
      ## Ids {#ids}

      Text before the demo.

      ```demo
      ids
      ```

      Text after the demo.
      """)
    let r = try runPiped(["--lessons", lessons], input: "open screen\nquit\n", state: state)
    let out = r.stdout
    let before = try #require(out.firstRange(of: "Text before the demo."), "\(out)")
    let run = try #require(out.firstRange(of: "run ids"), "\(out)")
    let pid = try #require(out[run.upperBound...].firstRange(of: "pid"), "\(out)")
    let after = try #require(out.firstRange(of: "Text after the demo."), "\(out)")
    #expect(before.upperBound <= run.lowerBound)
    #expect(pid.upperBound <= after.lowerBound, "the demo's output came after the text:\n\(out)")
  }

  @Test("help, help <command>, help run <demo> and demos wrap at 60, 80 and 100 columns")
  func helpTextsWrap() throws {
    let state = TempState()
    defer { state.cleanUp() }
    var script = ["help"]
    let commands = [
      "help", "lessons", "open", "next", "back", "again", "read", "where", "run", "demos",
      "sources", "source", "quiz", "review", "progress", "quit",
    ]
    script += commands.map { "help \($0)" }
    script += DemoCatalog.names.map { "help run \($0)" }
    script += ["demos", "quit"]
    for width in [60, 80, 100] {
      var s = state
      s.extraEnvironment = ["COLUMNS=\(width)"]
      let r = try runPiped([], input: script.joined(separator: "\n") + "\n", state: s)
      #expect(r.status == .exited(0), "\(r.stderr)")
      #expect(
        overWide(r.stdout, width: width).isEmpty, "at \(width): \(overWide(r.stdout, width: width))"
      )
      let bullets = r.stdout.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("·") }
      #expect(bullets.isEmpty, "at \(width), a field reads as a bullet: \(bullets)")
      // Wrapped on word boundaries, nothing cut: every summary's words follow one another.
      let words = r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
      for d in DemoCatalog.all {
        let summary = d.summary.split(separator: " ").joined(separator: " ")
        #expect(words.contains(summary), "at \(width): the summary of \(d.name) is not whole")
      }
    }
  }

  @Test(
    "keys typed during a demo are dropped, and one line says how many, in the session's language",
    arguments: [
      ([String](), "(4 keys typed during the demo were dropped)", "unknown command"),
      (["--lang", "ko"], "(데모가 실행되는 동안 입력한 키 4개는 버렸습니다)", "알 수 없는 명령"),
    ])
  func droppedKeysAreCounted(
    _ language: (arguments: [String], line: String, unknownCommand: String)
  ) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(arguments: language.arguments, state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("run zombie hold=3\r")
    var started = false
    let deadline = now() + 20
    while !started && now() < deadline {
      s.drain(0.05)
      started = leftoverDescendants(of: s.pid).count >= 1
    }
    #expect(started, "the demo did not start: \(s.screen)")
    s.drain(0.3)
    let m = s.mark
    s.type("ab\rc")
    #expect(
      s.expect(language.line, after: m, timeout: 30), "\(s.screen)")
    #expect(s.expect("proclab › ", after: m))
    s.drain(0.3)
    #expect(
      !s.screen.contains(language.unknownCommand), "a dropped key ran as a command: \(s.screen)")
    s.type("quit\r")
    #expect(s.waitForExit(timeout: 10) == .exited(0))
  }

  @Test("after a resize the next output uses the new width, and the prompt is drawn once")
  func resize() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state, rows: 30, cols: 100)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.drain(0.3)
    // At the prompt.
    var size = winsize(ws_row: 30, ws_col: 60, ws_xpixel: 0, ws_ypixel: 0)
    #expect(ioctl(s.master, UInt(TIOCSWINSZ), &size) == 0)
    s.drain(0.5)
    var m = s.mark
    s.type("help\r")
    #expect(s.expect("Commands", after: m))
    #expect(s.expect("proclab › ", after: m))
    s.drain(0.3)
    let help = plainText(Array(s.output[m...]))
    #expect(help.contains("Commands"))
    #expect(overWide(help, width: 60).isEmpty, "help at 60 columns: \(overWide(help, width: 60))")
    // While a demo runs: the prompt after it is drawn once, at the new width.
    m = s.mark
    s.type("run zombie hold=1\r")
    s.drain(0.5)
    size = winsize(ws_row: 30, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    #expect(ioctl(s.master, UInt(TIOCSWINSZ), &size) == 0)
    #expect(s.expect("proclab › ", after: m, timeout: 30))
    s.drain(1)
    let after = plainText(Array(s.output[m...]))
    let prompts = after.components(separatedBy: "proclab › ").count - 1
    #expect(prompts == 1, "the prompt was drawn \(prompts) times:\n\(after)")
    s.type("quit\r")
    #expect(s.waitForExit(timeout: 10) == .exited(0))
  }
}
