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
      ("pipe", "CPython Pipe()", "pickle, then one write per message"),
      ("queue", "CPython Queue", "pickle, a feeder thread, a lock and a semaphore"),
    ] {
      guard let perMessage = program.double("\(key).seconds_per_message"), perMessage > 0
      else { continue }
      rows.append([
        label, Units.duration(perMessage) + "†", "—",
        pipe > 0 ? Units.ratio(perMessage / pipe) + "†" : "—",
        Units.rate(bytesPerSecond: Double(size) / perMessage) + "†", why,
      ])
    }
    let ratio = program.double("queue_over_pipe") ?? 0
    return (
      rows,
      [
        "† CPython rows: one way, \(Units.count(messages)) messages of \(Units.bytes(size)) from a child process, time per message (median of 3 runs; relative to CPython's Pipe). Here the Queue took \(Units.ratio(ratio)) the Pipe's time"
          + (ratio > 1
            ? ", as the IPC tutorial says (\"a pipe is faster than a queue\")."
            : ": on this run the tutorial's claim did not hold; run it again."),
        CPython.footer(program),
      ]
    )
  }
}
