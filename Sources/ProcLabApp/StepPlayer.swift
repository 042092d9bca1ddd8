import CProcLab
import Demos
import Glibc
import Lessons
import Render

/// Shows one lesson step: its explanation, then each of its demos run live — beside the text
/// when the terminal has at least 120 columns, below it otherwise.
struct StepPlayer {
  let session: Session

  static let sideBySideWidth = 120

  /// Whether Ctrl-C, SIGTERM, SIGHUP or SIGQUIT has arrived and not yet been handled: asked by
  /// the Markdown renderer, so a huge step stops rendering at once.
  static let signalled: @Sendable () -> Bool = {
    [SIGINT, SIGTERM, SIGHUP, SIGQUIT].contains { pl_peek_signal_count($0) > 0 }
  }

  /// - Parameter runDemos: false for `read`: the text alone, full width, no demo started.
  func show(lesson: Lesson, step: Step, index: Int, runDemos: Bool = true) {
    let style = session.style
    let header =
      style.dim("── \(lesson.title) · step \(index + 1) of \(lesson.steps.count) ──")
    session.say("\n" + header)
    guard runDemos else {
      session.say(
        MarkdownRenderer(style: style, shouldStop: StepPlayer.signalled).render(
          "## " + step.title + "\n\n" + step.markdown))
      if !step.demos.isEmpty {
        for invocation in step.demos {
          session.say(
            style.color("▶ run \(invocation.commandLine)", .cyan) + style.dim("  (not run)"))
        }
        session.say(style.dim("again runs this step's demos, live; run <demo> runs one."))
      }
      return
    }
    let wide = style.width >= StepPlayer.sideBySideWidth && !step.demos.isEmpty
    let textWidth = wide ? style.width * 45 / 100 : style.width
    let text = MarkdownRenderer(style: style.withWidth(textWidth), shouldStop: StepPlayer.signalled)
      .render("## " + step.title + "\n\n" + step.markdown)
    // Ctrl-C (or SIGTERM) while a huge step was rendering: show what was done, start no demo.
    if StepPlayer.signalled() {
      session.say(text)
      return
    }
    if !wide { session.say(text) }
    var demoOutput = ""
    var notRun = 0
    for (position, invocation) in step.demos.enumerated() {
      guard let definition = DemoCatalog.listed(invocation.demo),
        let parameters = try? definition.validate(invocation.arguments)
      else {
        session.refuse("this step names a demo that cannot run: \(invocation.commandLine)")
        continue
      }
      let demoStyle = wide ? style.withWidth(style.width - textWidth - 3) : style
      let presenter = DemoPresenter(style: demoStyle)
      let line = style.color("▶ run \(invocation.commandLine)", .cyan)
      if wide {
        demoOutput += line + "\n"
      } else {
        session.say(line)
      }
      let host = DemoHost(
        style: demoStyle, signals: session.signals, forwardTerminalInput: session.interactive)
      let outcome = host.run(definition, parameters) { event in
        let rendered = presenter.render(event)
        if rendered.isEmpty { return }
        if wide { demoOutput += rendered } else { session.say(rendered) }
      }
      // After a Ctrl-C, what is in the terminal's queue was typed after it (the terminal
      // driver discarded the rest when it sent SIGINT): it is meant for the prompt, so it stays.
      if !outcome.interrupted { session.discardTypeahead() }
      if let failure = presenter.failureLine(outcome) {
        if wide { demoOutput += failure + "\n" } else { session.say(failure) }
      }
      // Ctrl-C stops the step, not only the demo that was running.
      if outcome.interrupted {
        notRun = step.demos.count - position - 1
        break
      }
    }
    if wide {
      session.say(SideBySide.join(left: text, right: demoOutput, width: style.width))
    }
    if notRun > 0 {
      session.say(
        style.dim("Ctrl-C stopped this step: \(notRun) more demo(s) not run; again runs them all."))
    }
    let last = index + 1 == lesson.steps.count
    // Below the text, a demo's output may have pushed the text off a small screen.
    let reread = !wide && !step.demos.isEmpty ? " · read: the text again" : ""
    let hint =
      last
      ? "That was the last step. lessons shows the path; open the next lesson when ready."
      : "Enter: next step · back · again\(reread) · run <demo> · help"
    session.say(style.dim(hint))
  }
}
