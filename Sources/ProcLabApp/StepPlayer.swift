import CProcLab
import Demos
import Glibc
import Lessons
import Localization
import Render

/// Shows one lesson step through `StepLayout`: its text with each demo block run live where it
/// stands — beside the text before it when the terminal has at least 120 columns, below it
/// otherwise — and the step's closing paragraph again when the step was taller than the screen.
struct StepPlayer {
  let session: Session

  static let sideBySideWidth = 120

  /// Whether Ctrl-C, SIGTERM, SIGHUP or SIGQUIT has arrived and not yet been handled: asked by
  /// the Markdown renderer, so a huge step stops rendering at once.
  static let signalled: @Sendable () -> Bool = {
    [SIGINT, SIGTERM, SIGHUP, SIGQUIT].contains { pl_peek_signal_count($0) > 0 }
  }

  /// The dim line above a step.
  static func header(lesson: Lesson, index: Int) -> String {
    Catalog.text(
      "step.header",
      [
        "lesson": lesson.title, "number": String(index + 1),
        "count": String(lesson.steps.count),
      ])
  }

  /// The dim line below a step: what to type next.
  static func hint(lesson: Lesson, step: Step, index: Int, ranDemos: Bool) -> String {
    if !ranDemos && !step.demos.isEmpty {
      return Catalog.text("step.hint.again")
    }
    if index + 1 == lesson.steps.count {
      return Catalog.text("step.hint.last")
    }
    // Below the text, a demo's output may have pushed the text off a small screen.
    return Catalog.text(step.demos.isEmpty ? "step.hint.next" : "step.hint.nextRead")
  }

  /// - Parameter runDemos: false for `read`: the text alone, full width, no demo started.
  func show(lesson: Lesson, step: Step, index: Int, runDemos: Bool = true) {
    let style = session.style
    let layout = StepLayout(step: step) {
      Catalog.text(
        $0.c == nil ? "repl.exercise.stepLine" : "repl.exercise.stepLineC",
        ["id": $0.id, "title": $0.title])
    }
    let run: ((DemoInvocation, (String) -> Void) -> StepLayout.DemoResult)? =
      runDemos ? { invocation, write in self.run(invocation, write: write) } : nil
    layout.play(
      style: style, rows: session.rows,
      header: StepPlayer.header(lesson: lesson, index: index),
      hint: StepPlayer.hint(lesson: lesson, step: step, index: index, ranDemos: runDemos),
      sideBySide: style.width >= StepPlayer.sideBySideWidth, shouldStop: StepPlayer.signalled,
      runDemo: run, write: { session.say($0) })
  }

  /// Runs one demo of the step live; its output goes through `write`.
  func run(_ invocation: DemoInvocation, write: (String) -> Void) -> StepLayout.DemoResult {
    guard let definition = DemoCatalog.listed(invocation.demo),
      let parameters = try? definition.validate(invocation.arguments)
    else {
      write(
        session.style.color(
          Catalog.text("step.demoCannotRun", ["command": invocation.commandLine]), .yellow))
      return .finished
    }
    // Beside the text, the demo gets the columns right of it.
    let demoStyle =
      session.style.width >= StepPlayer.sideBySideWidth
      ? session.style.withWidth(session.style.width - session.style.width * 45 / 100 - 3)
      : session.style
    let presenter = DemoPresenter(style: demoStyle)
    let host = DemoHost(
      style: demoStyle, signals: session.signals, forwardTerminalInput: session.interactive)
    let outcome = host.run(definition, parameters) { event in
      let rendered = presenter.render(event)
      if !rendered.isEmpty { write(rendered) }
    }
    // After a Ctrl-C, what is in the terminal's queue was typed after it (the terminal
    // driver discarded the rest when it sent SIGINT): it is meant for the prompt, so it stays.
    if !outcome.interrupted { session.discardTypeahead(write: write) }
    if let failure = presenter.failureLine(outcome) {
      write(
        DisplayWidth.wrap(failure, width: demoStyle.width, hangingIndent: 2).joined(separator: "\n")
      )
    }
    // Ctrl-C stops the step, not only the demo that was running.
    return outcome.interrupted ? .interrupted : .finished
  }
}
