import DemoContract
import Localization
import Measure
import Render

/// The `what=` rows of `timeit`: ways to build a collection of the numbers 0..<100.
enum TimeItWay: String, ParameterChoice {
  case set, array, contiguous, string, insert, append, reserve, map
}

struct TimeItKeys: ParameterSet {
  let what = EnumListParameter<TimeItWay>("what", help: "which rows to time")
  let runs = IntParameter("runs", default: 7, range: 1...15, help: "timed runs after the warm-up")
  let target = DecimalParameter(
    "target", default: 0.1, range: 0.005...1, help: "seconds each run should take at least")
  let python = FlagParameter(
    "python", default: true,
    help:
      "also time the tutorial's eight ways in CPython (lessons/python/process-tutorial/timeit_collections.py)"
  )
}

extension ThreadDemos {
  /// The ways to build a collection of the numbers 0..<100 (the process tutorial's profiling
  /// example). `label` is the row's name in English, which is also the `fastest` metric's value
  /// (language-neutral); the table shows ``displayLabel(_:)``.
  static let variants: [(key: TimeItWay, label: String, body: @Sendable () -> Void)] = [
    (.set, "Set(0..<100)", { blackHole(Set(0..<100)) }),
    (.array, "Array(0..<100)", { blackHole(Array(0..<100)) }),
    (.contiguous, "ContiguousArray(0..<100)", { blackHole(ContiguousArray(0..<100)) }),
    (.string, "String(describing: 0..<100)", { blackHole(String(describing: 0..<100)) }),
    (
      .insert, "insert loop into a Set",
      {
        var s = Set<Int>()
        for i in 0..<100 { s.insert(i) }
        blackHole(s)
      }
    ),
    (
      .append, "append loop",
      {
        var a: [Int] = []
        for i in 0..<100 { a.append(i) }
        blackHole(a)
      }
    ),
    (
      .reserve, "append loop with reserveCapacity",
      {
        var a: [Int] = []
        a.reserveCapacity(100)
        for i in 0..<100 { a.append(i) }
        blackHole(a)
      }
    ),
    (.map, "(0..<100).map { $0 }", { blackHole((0..<100).map { $0 }) }),
  ]

  /// The row's name as drawn: code stays code, the three loops are described in the run's
  /// language.
  static func displayLabel(_ way: TimeItWay, _ label: String) -> String {
    switch way {
    case .insert: Catalog.text("demo.timeit.row.insert")
    case .append: Catalog.text("demo.timeit.row.append")
    case .reserve: Catalog.text("demo.timeit.row.reserve")
    default: label
    }
  }

  static let timeit = DemoDefinition(
    name: "timeit",
    summary: "time eight ways to build a collection of 0..<100, %timeit style",
    lesson: "measuring", metrics: ThreadMetrics.timeit,
    parameters: TimeItKeys.self
  ) { params, context in
    let wanted = params.what
    var results: [TimingResult] = []
    var native: [(label: String, result: TimingResult)] = []
    for (i, v) in variants.enumerated() where wanted.contains(v.key) {
      try context.checkStop()
      let shown = displayLabel(v.key, v.label)
      context.progress(
        Double(i) / Double(variants.count), Catalog.text("demo.timeit.progress", ["what": shown]))
      let r = TimeIt.measure(shown, targetRunSeconds: params.target, runs: params.runs, v.body)
      results.append(r)
      native.append((v.label, r))
      context.metric("\(v.key.rawValue).median_seconds", JSONValue(r.stats.median))
      context.metric("\(v.key.rawValue).runs", JSONValue(r.runs))
      context.metric("\(v.key.rawValue).loops", JSONValue(r.loops))
    }
    if params.python {
      context.progress(0.95, "CPython: timeit_collections.py")
      results += try TimeItPython.results(wanted: wanted, params, context)
    }
    context.progress(1, Catalog.text("demo.progress.done"))
    context.table(
      TimingTable.make(
        title: Catalog.text("demo.timeit.title"), results: results,
        environment: context.environment))
    context.note(
      Catalog.text(
        "demo.timeit.warmup",
        [
          "runs": String(params.runs),
          "target": Units.duration(params.target, language: Catalog.language),
        ]))
    context.note(Catalog.text("demo.timeit.blackHole"))
    if let fastest = native.min(by: { $0.result.stats.median < $1.result.stats.median }) {
      context.metric("fastest", .string(fastest.label))
    }
  }
}
