import DemoContract
import Localization
import Measure
import Render

/// The `timeit` demo's CPython rows: the process tutorial's eight ways to build 100 numbers,
/// timed with Python's own `timeit` by lessons/python/process-tutorial/timeit_collections.py.
enum TimeItPython {
  /// The tutorial's ways, with the ProcLab row each corresponds to (nil: none).
  static let ways: [(python: String, label: String, swift: TimeItWay?)] = [
    ("set", "set(range(100))", .set),
    ("list", "list(range(100))", .array),
    ("tuple", "tuple(range(100))", .contiguous),
    ("string", "str(range(100))", .string),
    ("set_add", "set.add loop", .insert),
    ("list_append", "list.append loop", .append),
    ("set_comprehension", "{i for i in range(100)}", nil),
    ("list_comprehension", "[i for i in range(100)]", .map),
  ]

  /// CPython's timings as rows for the same table, labelled with the runtime.
  static func results(
    wanted: [TimeItWay], _ params: DemoParameters<TimeItKeys>, _ context: DemoContext
  ) throws
    -> [TimingResult]
  {
    // The CPython rows that match the ProcLab rows asked for; the set comprehension, which has
    // no ProcLab row, comes with the set rows.
    let chosen = ways.filter { way in
      way.swift.map { wanted.contains($0) } ?? wanted.contains(.set)
    }
    guard !chosen.isEmpty,
      let program = try CPython.program(
        "process-tutorial/timeit_collections.py",
        [
          "--what", chosen.map(\.python).joined(separator: ","), "--runs",
          String(params.runs), "--target", ParameterSpec.format(params.target),
        ], timeout: 60, context: context)
    else { return [] }
    var results: [TimingResult] = []
    for way in chosen {
      guard case .array(let samples)? = program.metric("\(way.python).samples"),
        let loops = program.double("\(way.python).loops")
      else { continue }
      let shown: String =
        switch way.python {
        case "set_add": Catalog.text("demo.timeit.python.setAdd")
        case "list_append": Catalog.text("demo.timeit.python.listAppend")
        default: way.label
        }
      results.append(
        TimingResult(
          label: "\(program.label): \(shown)", loops: Int(loops),
          perLoop: samples.compactMap(\.double)))
    }
    context.note(
      Catalog.text(
        "demo.timeit.python",
        [
          "python": program.label, "version": program.version, "runs": String(params.runs),
          "target": Units.duration(params.target, language: Catalog.language),
        ]))
    return results
  }
}
