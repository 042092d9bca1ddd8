import Glibc
import OSKit
import Testing

/// Issue 13, item 4: rendering a huge step is linear, and Ctrl-C stops it at once.
@Suite("Ctrl-C while a huge step renders", .serialized)
struct RenderInterruptTests {
  @Test(
    "Ctrl-C during the rendering of a 900 KiB step stops it, starts no demo, and the session goes on"
  )
  func ctrlCStopsRendering() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    // Unclosed emphasis and brackets: linear to render, but 900 KiB of it takes a while.
    let huge = String(repeating: "*a [b _c ", count: 100_000)
    let text = """
      ---
      id: huge
      title: Huge
      ---

      ## A huge step {#huge}

      \(huge)

      ```demo
      ids
      ```
      """
    let fd = open(lessons + "/huge.md", O_WRONLY | O_CREAT, 0o600)
    try FileIO.writeAll(fd, text + "\n")
    close(fd)
    let s = try PTYSession(arguments: ["--lessons", lessons], state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("open huge\r")
    s.drain(0.3)
    s.type("\u{03}")
    #expect(
      s.expect("(stopped)", timeout: 60), "rendering was not stopped: \(s.screen.suffix(300))")
    #expect(s.expect("› ", timeout: 30))
    #expect(!s.screen.contains("▶ run ids"), "the step's demo started after Ctrl-C")
    s.type("quit\r")
    #expect(s.waitForExit(timeout: 20) == .exited(0))
  }
}
