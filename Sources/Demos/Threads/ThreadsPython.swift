import DemoContract
import Render

/// The `threads` demo's CPython row: the process tutorial's worker thread that prints
/// "do Overwork" until a module-level flag is set, run by
/// lessons/python/process-tutorial/thread_stop_flag.py beside ProcLab's own worker.
enum ThreadsPython {
  static func compare(
    swift: (threads: Int, tids: Int, lines: Int, flagAfter: Double, joinWaited: Double),
    interval: Double, limit: Double, context: DemoContext
  ) throws {
    // CPython's worker runs for at most half a second, so the step stays short.
    let pythonFor = min(limit, 0.5)
    guard
      let program = try CPython.program(
        "process-tutorial/thread_stop_flag.py",
        [
          "--sleep", ParameterSpec.format(interval), "--for", ParameterSpec.format(pythonFor),
          "--threads", String(swift.threads),
        ],
        timeout: 20 + pythonFor + interval, context: context)
    else { return }
    let number = { (key: String) in program.double(key) ?? 0 }
    context.table(
      Table(
        title:
          "Thread start/join and the stop-flag worker: \(CPython.swiftLabel) and \(program.label)",
        columns: [
          .init("runtime"), .init("threads joined", align: .right),
          .init("distinct ids", align: .right), .init("do Overwork", align: .right),
          .init("flag set at", align: .right), .init("join waited", align: .right),
        ],
        rows: [
          [
            CPython.swiftLabel, String(swift.threads), String(swift.tids), String(swift.lines),
            Units.duration(swift.flagAfter), Units.duration(swift.joinWaited),
          ],
          [
            program.label, String(Int(number("threads"))), String(Int(number("distinct_idents"))),
            String(Int(number("overwork_lines"))), Units.duration(number("for")),
            Units.duration(number("join_waited_seconds")),
          ],
        ],
        footer: [
          CPython.footer(
            program,
            "its worker slept \(Units.duration(interval)) per round and the flag was set after \(Units.duration(pythonFor))"
              + (program.metric("retired") == .bool(true)
                ? "; it printed \"retired..\" and ended" : ""))
        ]))
    context.note(
      "In both, join() returned once the worker had seen the flag. CPython's worker checks it once per round, after each sleep of \(Units.duration(interval)), so join() can wait up to one round (\(Units.duration(number("join_waited_seconds"))) here); ProcLab's worker also checks it every 10 ms while it sleeps. CPython's worker read a module-level variable that the main thread set, as the tutorial's Stopped does: threads share their process's memory."
    )
  }
}
