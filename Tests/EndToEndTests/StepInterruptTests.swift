import Glibc
import OSKit
import Testing

@Suite("Ctrl-C in a step with several demos", .serialized)
struct StepInterruptTests {
  @Test("Ctrl-C stops the step: no further demo starts, and a quit typed after it is honoured")
  func ctrlCStopsTheStep() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    let demoLines = Array(
      repeating: "shm-race processes=2 increments=50000000 sync=mutex", count: 20)
    let text = """
      ---
      id: many-demos
      title: Many demos
      ---

      ## Twenty demos {#twenty}

      One step, twenty demos.

      ```demo
      \(demoLines.joined(separator: "\n"))
      ```
      """
    let fd = open(lessons + "/many.md", O_WRONLY | O_CREAT, 0o600)
    try FileIO.writeAll(fd, text + "\n")
    close(fd)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("open many-demos\r")
    var started = false
    let deadline = now() + 20
    while !started && now() < deadline {
      s.drain(0.05)
      started = leftoverDescendants(of: s.pid).count >= 2
    }
    #expect(started, "the first demo did not start: \(s.screen)")
    s.drain(0.3)
    let m = s.mark
    s.type("\u{03}")
    s.type("quit\r")
    let status = s.waitForExit(timeout: 20)
    #expect(status == .exited(0), "the typed quit was not honoured: \(s.screen)")
    let runs = s.screen.split(separator: "\n").filter { $0.contains("▶ run shm-race") }.count
    #expect(runs == 1, "\(runs) demos of the step were started")
    #expect(plainText(Array(s.output[m...])).contains("interrupted"))
  }
}
