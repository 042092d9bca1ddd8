import DemoContract
import Localization

/// The condvar demo's CPython rows: lessons/python/concepts-tutorial/condition_buffer.py, the
/// same bounded buffer with `threading.Condition`, run live with the demo's own parameters.
enum CondvarPython {
  static let file = "concepts-tutorial/condition_buffer.py"

  /// The two CPython rows (while, if) and the table's footer line; nil when python3 is absent
  /// (one plain note says so) or the program did not finish.
  static func rows(
    _ params: DemoParameters<CondvarDemo.Keys>, _ context: DemoContext
  ) throws -> (rows: [[String]], footer: String)? {
    guard
      let program = try CPython.program(
        file,
        [
          "--capacity", String(params.capacity), "--producers", String(params.producers),
          "--consumers", String(params.consumers), "--items", String(params.items),
        ], timeout: 25, context: context)
    else { return nil }
    let total = params.producers * params.items
    let count = { (path: String) in program.double(path).map { String(Int($0)) } ?? "?" }
    let rows = ["with_while", "with_if"].map { way -> [String] in
      let seconds = program.double("\(way).seconds") ?? 0
      return [
        CondvarDemo.runLabel(program.label, way), "\(count("\(way).consumed"))/\(total)",
        CondvarDemo.yesNo(program.metric("\(way).consumed_once") == .bool(true)),
        count("\(way).empty_wakeups"), count("\(way).empty_takes"),
        CondvarDemo.rate(program.double("\(way).consumed") ?? 0, seconds),
      ]
    }
    return (rows, CPython.footer(program, Catalog.text("demo.condvar.python.how")))
  }
}
