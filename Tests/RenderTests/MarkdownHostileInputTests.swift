import Dispatch
import Render
import Testing

/// Runs `work` on another thread and says whether it finished within `seconds`: a generous
/// guard against a hang (quadratic rendering of these inputs takes minutes to hours; linear
/// takes well under a second), not a measure of speed. A stack overflow ends the process.
func finishes(within seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
  let done = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    work()
    done.signal()
  }
  return done.wait(timeout: .now() + seconds) == .success
}

/// Markdown that once froze or crashed the renderer (issue 13, items 3 and 4): it renders in
/// time linear in its size, and nesting is bounded.
@Suite("Markdown: hostile input")
struct MarkdownHostileInputTests {
  // A quarter of a MiB: a quadratic renderer takes minutes over it, a linear one well under a
  // second in release.
  static let mebibyte = 1 << 18

  /// Inputs of about 1 MiB that a scan-ahead renderer takes quadratic time over.
  static let unclosed: [(name: String, text: String)] = [
    ("1 MiB of [", String(repeating: "[", count: mebibyte)),
    ("unclosed *a", String(repeating: "*a ", count: mebibyte / 3)),
    ("unclosed _a", String(repeating: "_a ", count: mebibyte / 3)),
    ("1 MiB of _ in a word", "x" + String(repeating: "_", count: mebibyte)),
    ("unclosed **a", String(repeating: "**a ", count: mebibyte / 4)),
    ("unclosed ~~a", String(repeating: "~~a ", count: mebibyte / 4)),
    ("[a]( without )", String(repeating: "[a](", count: mebibyte / 4)),
    ("unclosed code spans", (1...1400).map { String(repeating: "`", count: $0) + "a" }.joined()),
  ]

  @Test("unclosed markers render in linear time and print as written", arguments: 0..<8)
  func unclosedMarkers(index: Int) {
    let (name, text) = Self.unclosed[index]
    let output = Output()
    let finished = finishes(within: 60) {
      output.set(MarkdownRenderer(style: .plain(width: 80)).render(text))
    }
    #expect(finished, "rendering \(name) did not finish")
    guard finished else { return }
    // Nothing closes, so every marker is shown as written (wrapping adds only line breaks).
    let shown = output.get().filter { $0 != "\n" && $0 != " " }
    #expect(shown.count == text.filter { $0 != " " }.count, "\(name)")
  }

  /// 15,000 nested '>' (on one line and one per line) and 1,020-deep lists.
  static let nested: [(name: String, text: String)] = [
    ("15,000 > on a line", String(repeating: ">", count: 15_000) + " a"),
    (
      "15,000 lines of 40 nested >",
      String(repeating: String(repeating: ">", count: 40) + " a\n", count: 15_000)
    ),
    ("1,020 nested bullets", String(repeating: "- ", count: 1_020) + "a"),
    (
      "1,020 lists nested by indentation",
      (0..<1_020).map { String(repeating: "  ", count: $0) + "- a" }.joined(separator: "\n")
    ),
    ("> and - alternating", String(repeating: "> - ", count: 5_000) + "a"),
  ]

  @Test("deep nesting renders without overflowing the stack, in bounded time", arguments: 0..<5)
  func deepNesting(index: Int) {
    let (name, text) = Self.nested[index]
    let output = Output()
    let finished = finishes(within: 60) {
      output.set(MarkdownRenderer(style: .fancy(width: 80)).render(text))
    }
    #expect(finished, "rendering \(name) did not finish")
    #expect(!output.get().isEmpty)
  }

  @Test("nesting beyond the limit is reported at its first line; markers beyond it are text")
  func nestingLimit() {
    let limit = MarkdownRenderer.maximumNesting
    #expect(limit == 32)
    let atLimit = String(repeating: "> ", count: limit) + "deep"
    #expect(MarkdownRenderer.tooDeeplyNestedLine(atLimit) == nil)
    let tooDeep = "intro\n\n" + String(repeating: "> ", count: limit + 1) + "deeper"
    #expect(MarkdownRenderer.tooDeeplyNestedLine(tooDeep) == 2)
    let lists = (0...limit).map { String(repeating: "  ", count: $0) + "- item" }
    #expect(MarkdownRenderer.tooDeeplyNestedLine(lists.joined(separator: "\n")) == limit)
    // The 33rd '>' is shown as text inside the 32nd quote.
    let shown = MarkdownRenderer(style: .plain(width: 200)).render(tooDeep)
    #expect(shown.hasSuffix("> deeper"), "\(shown)")
  }
}

/// A box for a value set on another thread (read after the semaphore says it is set).
final class Output: @unchecked Sendable {
  // @unchecked: written once by the worker before it signals, read only after the wait.
  private var value = ""
  func set(_ text: String) { value = text }
  func get() -> String { value }
}
