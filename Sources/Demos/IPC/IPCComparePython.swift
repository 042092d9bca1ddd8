import Localization
import Render

/// The `ipc-compare` demo's CPython rows: the IPC tutorial's claim that a Pipe is faster than
/// a Queue, timed on the same messages by lessons/python/ipc-tutorial/pipe_vs_queue.py.
enum IPCComparePython {
  /// Rows for the demo's table (via, median, p99, relative, bandwidth, why) and a footer line.
  static func rows(size: Int, rounds: Int, context: DemoContext) throws -> (
    rows: [[String]], footer: [String]
  ) {
    context.progress(0.95, "CPython: pipe_vs_queue.py")
    let messages = min(max(rounds, 1000), 20_000)
    guard
      let program = try CPython.program(
        "ipc-tutorial/pipe_vs_queue.py",
        ["--messages", String(messages), "--size", String(size), "--runs", "3"], timeout: 60,
        context: context)
    else { return ([], []) }
    let pipe = program.double("pipe.seconds_per_message") ?? 0
    var rows: [[String]] = []
    for (key, label, why) in [
      ("pipe", "CPython Pipe()", Catalog.text("demo.ipcCompare.python.why.pipe")),
      ("queue", "CPython Queue", Catalog.text("demo.ipcCompare.python.why.queue")),
    ] {
      guard let perMessage = program.double("\(key).seconds_per_message"), perMessage > 0
      else { continue }
      rows.append([
        label, Units.duration(perMessage, language: Catalog.language) + "†", "—",
        pipe > 0 ? Units.ratio(perMessage / pipe) + "†" : "—",
        Units.rate(bytesPerSecond: Double(size) / perMessage) + "†", why,
      ])
    }
    let ratio = program.double("queue_over_pipe") ?? 0
    return (
      rows,
      [
        Catalog.text(
          ratio > 1 ? "demo.ipcCompare.python.held" : "demo.ipcCompare.python.notHeld",
          [
            "messages": Units.count(messages), "size": Units.bytes(size),
            "ratio": Units.ratio(ratio),
          ]),
        CPython.footer(program),
      ]
    )
  }
}
