import DemoContract
import Localization
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
    let duration = { (seconds: Double) in Units.duration(seconds, language: Catalog.language) }
    context.table(
      Table(
        title: Catalog.text(
          "demo.python.threads.title", ["swift": CPython.swiftLabel, "python": program.label]),
        columns: [
          .init(Catalog.text("demo.python.fork.column.runtime")),
          .init(Catalog.text("demo.python.threads.column.joined"), align: .right),
          .init(Catalog.text("demo.python.threads.column.ids"), align: .right),
          .init("do Overwork", align: .right),
          .init(Catalog.text("demo.python.threads.column.flagAt"), align: .right),
          .init(Catalog.text("demo.python.threads.column.joinWaited"), align: .right),
        ],
        rows: [
          [
            CPython.swiftLabel, String(swift.threads), String(swift.tids), String(swift.lines),
            duration(swift.flagAfter), duration(swift.joinWaited),
          ],
          [
            program.label, String(Int(number("threads"))), String(Int(number("distinct_idents"))),
            String(Int(number("overwork_lines"))), duration(number("for")),
            duration(number("join_waited_seconds")),
          ],
        ],
        footer: [
          CPython.footer(
            program,
            Catalog.text(
              program.metric("retired") == .bool(true)
                ? "demo.python.threads.howRetired" : "demo.python.threads.how",
              ["interval": duration(interval), "after": duration(pythonFor)]))
        ]))
    context.note(
      Catalog.text(
        "demo.python.threads.note",
        [
          "interval": duration(interval), "waited": duration(number("join_waited_seconds")),
        ]))
  }
}
