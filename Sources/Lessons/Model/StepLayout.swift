import Localization
public import Render

/// How one step is shown on the terminal, in order: its text up to a demo block, that block's
/// demos with their live output, the text after it, and so on; then, when the step was taller
/// than the screen, its closing paragraph again; then the hint line.
///
/// The REPL's `StepPlayer` plays steps through this type, with demos run live; tests play it
/// with stand-in demo output, so what they check is the layout the student sees.
public struct StepLayout {
  /// A stretch of the step: Markdown to render, then the demos written right after it.
  public struct Segment: Sendable, Hashable {
    /// The Markdown before the demos (the step's title is added to the first segment's).
    public var markdown: String
    /// The demos of the demo blocks that follow the Markdown, before any further text.
    public var demos: [DemoInvocation]
  }

  /// What a demo did, as far as the layout cares.
  public enum DemoResult: Sendable {
    /// It ran to its end (or failed on its own): the step goes on.
    case finished
    /// Ctrl-C (or an ending signal) stopped it: the rest of the step is skipped.
    case interrupted
  }

  /// The step's segments in file order; the last may have no demos.
  public let segments: [Segment]
  /// The step's closing paragraph: the last top-level block of its text (see
  /// ``closingParagraph(of:)``), or nil for a step without text.
  public let closing: String?
  /// The step's title.
  public let title: String

  /// The line an exercise block shows where it stands in its step, in English.
  public static func exerciseLine(_ exercise: Exercise) -> String {
    "**Exercise `\(exercise.id)`**: \(exercise.title) — type `exercise \(exercise.id)`"
  }

  /// Splits `step` where its demo blocks stand.
  /// - Parameters:
  ///   - step: the step.
  ///   - exerciseLine: the Markdown line shown where an exercise block stands (the REPL
  ///     passes its catalog's words).
  public init(step: Step, exerciseLine: (Exercise) -> String = StepLayout.exerciseLine) {
    var segments: [Segment] = []
    var text: [String] = []
    var demos: [DemoInvocation] = []
    for block in step.blocks {
      switch block {
      case .markdown(let markdown):
        if !demos.isEmpty {
          segments.append(Segment(markdown: text.joined(separator: "\n\n"), demos: demos))
          text = []
          demos = []
        }
        text.append(markdown)
      case .demo(let invocation):
        demos.append(invocation)
      case .question:
        continue
      case .exercise(let exercise):
        if !demos.isEmpty {
          segments.append(Segment(markdown: text.joined(separator: "\n\n"), demos: demos))
          text = []
          demos = []
        }
        text.append(exerciseLine(exercise))
      }
    }
    if !text.isEmpty || !demos.isEmpty || segments.isEmpty {
      segments.append(Segment(markdown: text.joined(separator: "\n\n"), demos: demos))
    }
    self.segments = segments
    title = step.title
    let lastText = segments.last { !$0.markdown.isEmpty }?.markdown
    closing = lastText.flatMap(StepLayout.closingParagraph(of:))
  }

  /// The last top-level block of `markdown`: the lines after its last blank line that lies
  /// outside a code fence and is followed by an unindented line (so a list item's indented
  /// continuation stays with its item). nil when `markdown` has no text.
  public static func closingParagraph(of markdown: String) -> String? {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    var end = lines.count
    while end > 0, lines[end - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
    guard end > 0 else { return nil }
    // Which lines are inside a fence, found front to back.
    var fenced = [Bool](repeating: false, count: end)
    var fence: Substring?
    for i in 0..<end {
      let trimmed = lines[i].drop { $0 == " " }
      if let open = fence {
        fenced[i] = true
        if trimmed.hasPrefix(open)
          && trimmed.drop(while: { $0 == open.first }).allSatisfy({ $0 == " " })
        {
          fence = nil
        }
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fenced[i] = true
        fence = trimmed.prefix { $0 == trimmed.first }
      }
    }
    var start = end - 1
    while start > 0 {
      let above = lines[start - 1]
      let blank = above.allSatisfy { $0 == " " || $0 == "\t" }
      let indented = lines[start].first == " " || lines[start].first == "\t"
      if blank && !fenced[start - 1] && !indented { break }
      start -= 1
    }
    return lines[start..<end].joined(separator: "\n")
  }

  /// Shows the step.
  ///
  /// - Parameters:
  ///   - style: the terminal's style (its width is the screen's).
  ///   - rows: the screen's height in lines.
  ///   - header: the line that names the lesson and step, written first (dimmed, wrapped).
  ///   - hint: the line that says what to type next, written last (dimmed, wrapped).
  ///   - sideBySide: each stretch of text is shown beside its demos' output (which then
  ///     appears when its demos have ended), for terminals of 120 columns or more.
  ///   - shouldStop: asked by the Markdown renderer (Ctrl-C while a huge step renders).
  ///   - runDemo: runs one demo, writing its output through the function it is given; nil
  ///     for `read`: each demo's line is shown with "(not run)".
  ///   - write: writes text to the terminal (a newline is added when it has none).
  /// - Returns: how many demos were skipped because one was interrupted.
  @discardableResult
  public func play(
    style: TerminalStyle, rows: Int, header: String, hint: String, sideBySide: Bool = false,
    shouldStop: (@Sendable () -> Bool)? = nil,
    runDemo: ((DemoInvocation, (String) -> Void) -> DemoResult)?,
    write: @escaping (String) -> Void
  ) -> Int {
    var screen = ScreenLines(width: style.width)
    let say: (String) -> Void = { text in
      screen.add(text)
      write(text)
    }
    let full = MarkdownRenderer(style: style, shouldStop: shouldStop)
    // ProcLab's own lines, wrapped at the screen's width.
    let own: (String) -> String = {
      style.dim(DisplayWidth.wrap($0, width: style.width, hangingIndent: 2).joined(separator: "\n"))
    }
    let narrow = style.withWidth(style.width * 45 / 100)
    say("\n" + own(header))
    var closingStart: Int?
    let closingSegment = segments.lastIndex { !$0.markdown.isEmpty }
    for (index, segment) in segments.enumerated() {
      let beside = sideBySide && !segment.demos.isEmpty && runDemo != nil
      let renderer = beside ? MarkdownRenderer(style: narrow, shouldStop: shouldStop) : full
      var markdown = segment.markdown
      if index == 0 { markdown = "## " + title + (markdown.isEmpty ? "" : "\n\n" + markdown) }
      let text = renderer.render(markdown)
      // After a demo's output, a blank line before the text that follows it.
      if !beside { say(index > 0 && !text.isEmpty ? "\n" + text : text) }
      if shouldStop?() == true {
        if beside { say(text) }
        return segments[index...].reduce(0) { $0 + $1.demos.count }
      }
      if let closing, index == closingSegment, !beside {
        closingStart = screen.count - ScreenLines.count(full.render(closing), width: style.width)
      }
      var output = ""
      let demoStyle = beside ? style.withWidth(style.width - narrow.width - 3) : style
      let show: (String) -> Void =
        beside ? { output += $0.hasSuffix("\n") ? $0 : $0 + "\n" } : say
      let stopped = run(segment: index, style: demoStyle, runDemo: runDemo, show: show)
      if beside {
        let joined = SideBySide.join(left: text, right: output, width: style.width)
        say(joined)
        // Beside its demos, the closing paragraph may stand anywhere in the joined block:
        // counted from the block's top, so that it is shown again when the block is tall.
        if index == closingSegment {
          closingStart = screen.count - ScreenLines.count(joined, width: style.width)
        }
      }
      if let laterDemos = stopped {
        let laterText = segments[(index + 1)...].contains { !$0.markdown.isEmpty }
        if laterDemos > 0 || laterText {
          say(own(StepLayout.skippedLine(demos: laterDemos, text: laterText)))
        }
        say(own(hint))
        return laterDemos
      }
    }
    // The closing paragraph, the hint and the prompt must fit on the last screen.
    let hintLines = ScreenLines.count(own(hint), width: style.width)
    if let closing, let closingStart, screen.count - closingStart + hintLines + 1 > rows {
      say(own(StepLayout.againLine) + "\n" + full.render(closing))
    }
    say(own(hint))
    return 0
  }

  /// Runs the demos of segment `index` in order, each after its `▶ run` line (or shows that
  /// line with "(not run)" when `runDemo` is nil).
  ///
  /// - Returns: nil when every demo finished; after an interrupted one, how many demos of the
  ///   step were left.
  private func run(
    segment index: Int, style: TerminalStyle,
    runDemo: ((DemoInvocation, (String) -> Void) -> DemoResult)?, show: (String) -> Void
  ) -> Int? {
    let demos = segments[index].demos
    for (position, demo) in demos.enumerated() {
      let line = style.color("▶ run \(demo.commandLine)", .cyan)
      guard let runDemo else {
        show(line + style.dim("  (not run)"))
        continue
      }
      show(line)
      if case .interrupted = runDemo(demo, show) {
        return demos.count - position - 1
          + segments[(index + 1)...].reduce(0) { $0 + $1.demos.count }
      }
    }
    return nil
  }

  /// The line above the closing paragraph when it is shown again.
  public static var againLine: String { Catalog.text("step.again") }

  /// The one line after a demo that Ctrl-C stopped, when more of the step was to come.
  public static func skippedLine(demos: Int, text: Bool) -> String {
    var rest: [String] = []
    if demos > 0 { rest.append(demos == 1 ? "1 more demo" : "\(demos) more demos") }
    if text { rest.append("the text after it") }
    return "Ctrl-C skipped the rest of this step (\(rest.joined(separator: " and "))); "
      + "again shows it all."
  }
}

/// Counts the terminal lines that text takes at a width (a line wider than the screen wraps).
public struct ScreenLines: Sendable {
  /// The screen's width in columns.
  public let width: Int
  /// The lines written so far.
  public private(set) var count = 0

  /// Counts lines at `width` columns.
  public init(width: Int) { self.width = max(1, width) }

  /// Counts `text` as written with a newline at its end (when it has none).
  public mutating func add(_ text: String) { count += ScreenLines.count(text, width: width) }

  /// The terminal lines `text` takes (a final newline ends the last line; it adds none).
  public static func count(_ text: String, width: Int) -> Int {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
    return lines.reduce(0) { total, line in
      let columns = DisplayWidth.of(String(line))
      return total + max(1, (columns + width - 1) / max(1, width))
    }
  }
}
