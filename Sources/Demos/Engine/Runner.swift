import DemoContract
import Glibc
import Localization
import Measure
import OSKit
public import Render

/// The demo-runner process: `proclab run <demo> --events name=value …`, started by a host
/// (the REPL, `proclab run` in a shell, a quiz's live check, a test) in a process group of its
/// own, with events on stdout and student input on stdin.
public enum DemoRunner {
  /// Runs `demo` in this process and returns the exit status for the runner.
  public static func main(demo name: String, arguments: [String]) -> Int32 {
    ParentDeath.arrangeFromEnvironment()
    // Demos fork from this process: its read-only data should cost fork nothing.
    _ = ReadOnlyData.remappedBytes
    // SIGINT and SIGTERM only set a flag: demos check it, clean up and end. Orphans of this
    // demo's own processes come back to us (a subreaper), so we can reap them.
    _ = try? ChildHost.prepare(routing: [SIGINT, SIGTERM])

    let style = TerminalStyle.fromEnvironment()
    let output: Int32 = 1
    guard let definition = DemoCatalog.named(name) else {
      emitFailure(Catalog.text("cli.unknownDemo", ["name": name]), output: output)
      return 2
    }
    let parameters: Parameters
    do {
      parameters = try definition.validate(arguments)
    } catch {
      emitFailure(error.message, output: output)
      return 2
    }
    let context = DemoContext(
      demo: name, parameters: parameters, style: style, output: output, control: 0)
    context.send(.started(demo: name, pid: getpid()))
    var status: Int32 = 0
    do {
      try definition.run(parameters, context)
      context.runCleanups()
      context.finish()
    } catch {
      context.runCleanups()
      let text = String(describing: error)
      context.send(
        .failed(
          context.stopRequested ? Catalog.text("demo.error.stoppedBecause", ["why": text]) : text))
      status = 1
    }
    Workers.reapAll()
    return status
  }

  /// The one event of a run that never started (unknown demo, refused parameter); the
  /// message may hold anything the student typed, so it goes through the JSON encoder.
  static func emitFailure(_ message: String, output: Int32) {
    try? FileIO.writeAll(output, DemoEvent.failed(message).encodedLine())
  }
}

extension TerminalStyle {
  /// The style the host asked for through `PROCLAB_WIDTH`, `PROCLAB_UNICODE`, `PROCLAB_COLOR`.
  public static func fromEnvironment() -> TerminalStyle {
    let width = ProcessEnvironment.value("PROCLAB_WIDTH").flatMap { Int($0) } ?? 80
    var style = TerminalStyle.plain(width: max(20, min(width, 400)))
    style.unicode = ProcessEnvironment.value("PROCLAB_UNICODE") == "1"
    style.color = ProcessEnvironment.value("PROCLAB_COLOR") == "1"
    return style
  }

  /// The variables that pass this style to a demo runner.
  public var environmentForChild: [String] {
    [
      "PROCLAB_WIDTH=\(width)", "PROCLAB_UNICODE=\(unicode ? 1 : 0)",
      "PROCLAB_COLOR=\(color ? 1 : 0)",
    ]
  }
}
