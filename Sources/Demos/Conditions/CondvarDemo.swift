import CProcLab
import DemoContract
import Localization
import Measure
import OSKit
import Render

/// `condvar`: a bounded buffer (a ring of `capacity` slots) with one mutex and two condition
/// variables, not_full and not_empty, filled by producer threads and emptied by consumer
/// threads. Run twice: once re-checking the condition in a `while` loop after each wake-up,
/// once with `if` (the bug): a consumer that wakes after another has taken the item goes on
/// to take from an empty buffer. ProcLab counts each such take instead of doing it, so the
/// run still ends with every item accounted for. Then the same in CPython with
/// `threading.Condition` (lessons/python/concepts-tutorial/condition_buffer.py).
enum CondvarDemo {
  struct Keys: ParameterSet {
    let capacity = IntParameter(
      "capacity", default: 4, range: 1...1024, help: "slots in the bounded buffer")
    let producers = IntParameter(
      "producers", default: 2, range: 1...16, help: "producer threads")
    let consumers = IntParameter(
      "consumers", default: 3, range: 1...16, help: "consumer threads")
    let items = IntParameter(
      "items", default: 2500, range: 1...200_000, help: "items each producer puts")
    let python = FlagParameter(
      "python", default: true,
      help: "also run the same buffer with threading.Condition in CPython when python3 is on PATH")
  }

  static let definition = DemoDefinition(
    name: "condvar",
    summary:
      "a bounded buffer with a mutex and two condition variables, re-checked with while and with if",
    lesson: "conditions-and-deadlock", metrics: ConditionsMetrics.condvar,
    parameters: Keys.self, timeBudget: 60
  ) { params, context in
    try run(params, context)
  }

  /// The longest one run of the buffer may take before it stops short (its counts then show it).
  static let timeLimit = 12.0

  struct Run {
    var way: String
    var result: pl_buffer_result
    var seconds: Double { Double(result.elapsed_ns) / 1e9 }
    var once: Bool { result.duplicates == 0 && result.missing == 0 && result.finished != 0 }
  }

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let total = params.producers * params.items
    context.heading(Catalog.text("demo.condvar.heading"))
    context.metric("items", JSONValue(total))
    context.metric("capacity", JSONValue(params.capacity))
    var runs: [Run] = []
    for (way, useWhile) in [("with_while", true), ("with_if", false)] {
      try context.checkStop()
      var result = pl_buffer_result()
      let rc = pl_bounded_buffer_run(
        Int32(params.capacity), Int32(params.producers), Int32(params.consumers),
        Int64(params.items), useWhile ? 1 : 0, 0, timeLimit, &result)
      guard rc == 0 else {
        throw SystemError("running the buffer's threads", errno: .init(rawValue: rc))
      }
      let run = Run(way: way, result: result)
      record(run, total: total, context: context)
      runs.append(run)
    }
    var rows = runs.map { row($0, label: "Swift", total: total) }
    var footer: [String] = []
    if params.python, let python = try CondvarPython.rows(params, context) {
      rows += python.rows
      footer.append(python.footer)
    }
    context.table(
      Table(
        title: Catalog.text(
          "demo.condvar.title",
          [
            "capacity": String(params.capacity), "producers": String(params.producers),
            "consumers": String(params.consumers), "items": String(total),
          ]),
        columns: [
          .init(Catalog.text("demo.condvar.column.run")),
          .init(Catalog.text("demo.condvar.column.taken"), align: .right),
          .init(Catalog.text("demo.condvar.column.once"), align: .center),
          .init(Catalog.text("demo.condvar.column.wokeEmpty"), align: .right),
          .init(Catalog.text("demo.condvar.column.tookEmpty"), align: .right),
          .init(Catalog.text("demo.condvar.column.rate"), align: .right),
        ],
        rows: rows, footer: footer))
    notes(runs, total: total, context: context)
  }

  static func record(_ run: Run, total: Int, context: DemoContext) {
    let r = run.result
    let metric = { (name: String, value: JSONValue) in context.metric("\(run.way).\(name)", value) }
    metric("consumed", JSONValue(Int(r.consumed)))
    metric("consumed_once", .bool(run.once))
    metric("waits_not_full", JSONValue(Int(r.waits_not_full)))
    metric("waits_not_empty", JSONValue(Int(r.waits_not_empty)))
    metric("empty_wakeups", JSONValue(Int(r.empty_wakeups)))
    metric("empty_takes", JSONValue(Int(r.empty_takes)))
    metric("full_puts", JSONValue(Int(r.full_puts)))
    metric("seconds", JSONValue(run.seconds))
    if run.seconds > 0 { metric("items_per_second", JSONValue(Double(r.consumed) / run.seconds)) }
  }

  static func yesNo(_ value: Bool) -> String {
    Catalog.text(value ? "demo.condvar.yes" : "demo.condvar.no")
  }

  static func rate(_ items: Double, _ seconds: Double) -> String {
    seconds > 0 ? Catalog.text("demo.condvar.rate", ["n": String(Int(items / seconds))]) : "—"
  }

  /// "Swift while", "CPython 3.11 if": who ran the buffer and how it re-checked.
  static func runLabel(_ runtime: String, _ way: String) -> String {
    "\(runtime) \(way == "with_while" ? "while" : "if")"
  }

  static func row(_ run: Run, label: String, total: Int) -> [String] {
    let r = run.result
    return [
      runLabel(label, run.way), "\(r.consumed)/\(total)", yesNo(run.once),
      String(r.empty_wakeups), String(r.empty_takes), rate(Double(r.consumed), run.seconds),
    ]
  }

  static func notes(_ runs: [Run], total: Int, context: DemoContext) {
    guard runs.count == 2 else { return }
    let (w, i) = (runs[0].result, runs[1].result)
    // Each count with its word, so that 1 reads "1 time" (demo.count.times).
    let times = { (n: Int) in Catalog.plural("demo.count.times", count: n) }
    context.note(
      Catalog.text(
        runs[0].once ? "demo.condvar.note.while" : "demo.condvar.note.whileShort",
        [
          "items": String(total), "woke": times(Int(w.empty_wakeups)),
          "waits": times(Int(w.waits_not_full + w.waits_not_empty)),
        ]))
    context.note(
      Catalog.text(
        i.empty_takes + i.full_puts > 0 ? "demo.condvar.note.if" : "demo.condvar.note.ifLucky",
        [
          "woke": times(Int(i.empty_wakeups)), "takes": times(Int(i.empty_takes)),
          "puts": times(Int(i.full_puts)),
        ]))
    if w.timeouts + i.timeouts > 0 {
      context.note(
        Catalog.plural("demo.condvar.note.timeouts", count: Int(w.timeouts + i.timeouts)))
    }
  }
}
