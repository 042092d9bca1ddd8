import DemoContract
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
  /// The ways to build a collection of the numbers 0..<100 (the process tutorial's profiling example).
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

  static let timeit = DemoDefinition(
    name: "timeit",
    summary: "time eight ways to build a collection of 0..<100, %timeit style",
    lesson: "measuring", metrics: ThreadMetrics.timeit,
    parameters: TimeItKeys.self
  ) { params, context in
    let wanted = params.what
    var results: [TimingResult] = []
    for (i, v) in variants.enumerated() where wanted.contains(v.key) {
      try context.checkStop()
      context.progress(Double(i) / Double(variants.count), "timing \(v.label)")
      let r = TimeIt.measure(
        v.label, targetRunSeconds: params.target, runs: params.runs, v.body)
      results.append(r)
      context.metric("\(v.key.rawValue).median_seconds", JSONValue(r.stats.median))
      context.metric("\(v.key.rawValue).runs", JSONValue(r.runs))
      context.metric("\(v.key.rawValue).loops", JSONValue(r.loops))
    }
    let native = results
    if params.python {
      context.progress(0.95, "CPython: timeit_collections.py")
      results += try TimeItPython.results(wanted: wanted, params, context)
    }
    context.progress(1, "done")
    context.table(
      TimingTable.make(
        title: "Building 0..<100, fastest first", results: results, environment: context.environment
      ))
    context.note(
      "Each row ran once to warm up, then \(params.runs) timed runs, each repeating the code enough times to last at least \(Units.duration(params.target)). The median resists a stray slow run; σ says how much runs disagree."
    )
    context.note(
      "blackHole(…) hands every result to a function the optimizer cannot see into, so the work cannot be deleted as unused."
    )
    if let fastest = native.min(by: { $0.stats.median < $1.stats.median }) {
      context.metric("fastest", .string(fastest.label))
    }
  }
}
