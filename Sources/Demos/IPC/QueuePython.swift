import DemoContract
import Localization
import Render

/// The `queue` demo's CPython rows: the IPC tutorial's queues, run by
/// lessons/python/ipc-tutorial/queue_kinds.py (queue.Queue, LifoQueue, PriorityQueue,
/// maxsize with Full and Empty, JoinableQueue's task_done and join between processes).
enum QueuePython {
  static func run(_ params: DemoParameters<QueueDemo.Keys>, _ context: DemoContext) throws
    -> CPython.Program?
  {
    context.progress(0, "CPython: queue_kinds.py")
    return try CPython.program(
      "ipc-tutorial/queue_kinds.py",
      [
        "--maxsize", "2", "--timeout", ParameterSpec.format(params.timeout),
        "--items", String(params.items), "--workers", String(params.consumers),
      ], timeout: 30 + 4 * params.timeout, context: context)
  }

  static func orderRows(_ program: CPython.Program?) -> [[String]] {
    guard let program else { return [] }
    return [("fifo", "Queue"), ("lifo", "LifoQueue"), ("priority", "PriorityQueue")].map {
      key, name in
      var order = "—"
      if case .array(let values)? = program.metric("order.\(key)") {
        order = values.compactMap(\.double).map { String(Int($0)) }.joined(separator: " ")
      }
      return [program.label, name, order]
    }
  }

  /// A call's result as drawn: "raised Full" and "got 1" in the run's language ("ok" as it is).
  /// The English form is the metric's value.
  static func shown(_ result: String) -> String {
    if result.hasPrefix("raised ") {
      return Catalog.text("demo.queue.raised", ["error": String(result.dropFirst(7))])
    }
    if result.hasPrefix("got ") {
      return Catalog.text("demo.queue.got", ["value": String(result.dropFirst(4))])
    }
    return result
  }

  static func timeoutRows(_ program: CPython.Program?, timeout: Double) -> [[String]] {
    guard let program else { return [] }
    func raised(_ key: String, _ error: String) -> String {
      program.metric("bounded.\(key)") == .string(error)
        ? Catalog.text("demo.queue.raised", ["error": error])
        : Catalog.text("demo.queue.didNotRaise")
    }
    let seconds = { (key: String) in
      Units.duration(program.double("bounded.\(key)") ?? 0, language: Catalog.language)
    }
    let items = Int(program.double("joinable.items") ?? 0)
    var taken = 0
    if case .array(let values)? = program.metric("joinable.taken") { taken = values.count }
    return [
      [program.label, "put_nowait(x), full", raised("put_nowait_raised", "Full"), "", ""],
      [
        program.label, "put(x, timeout=\(ParameterSpec.format(timeout)))",
        raised("put_timeout_raised", "Full"), seconds("put_waited_seconds"), "",
      ],
      [program.label, "get_nowait(), empty", raised("get_nowait_raised", "Empty"), "", ""],
      [
        program.label, "get(timeout=\(ParameterSpec.format(timeout)))",
        raised("get_timeout_raised", "Empty"), seconds("get_waited_seconds"), "",
      ],
      [
        program.label, "task_done() × 3",
        program.metric("bounded.extra_task_done_raised") == .string("ValueError")
          ? Catalog.text("demo.queue.raised", ["error": "ValueError"])
          : Catalog.text("demo.queue.didNotRaise"), "", "",
      ],
      [
        program.label, "JoinableQueue: \(items) × put, task_done(), join()",
        Catalog.text("demo.queue.joinReturned", ["taken": String(taken), "items": String(items)]),
        "", "",
      ],
    ]
  }
}
