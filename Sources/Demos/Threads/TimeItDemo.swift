import DemoContract
import Measure
import Render

extension ThreadDemos {
  /// The ways to build a collection of the numbers 0..<100 (the process tutorial's profiling example).
  static let variants: [(key: String, label: String, body: @Sendable () -> Void)] = [
    ("set", "Set(0..<100)", { blackHole(Set(0..<100)) }),
    ("array", "Array(0..<100)", { blackHole(Array(0..<100)) }),
    ("contiguous", "ContiguousArray(0..<100)", { blackHole(ContiguousArray(0..<100)) }),
    ("string", "String(describing: 0..<100)", { blackHole(String(describing: 0..<100)) }),
    (
      "insert", "insert loop into a Set",
      {
        var s = Set<Int>()
        for i in 0..<100 { s.insert(i) }
        blackHole(s)
      }
    ),
    (
      "append", "append loop",
      {
        var a: [Int] = []
        for i in 0..<100 { a.append(i) }
        blackHole(a)
      }
    ),
    (
      "reserve", "append loop with reserveCapacity",
      {
        var a: [Int] = []
        a.reserveCapacity(100)
        for i in 0..<100 { a.append(i) }
        blackHole(a)
      }
    ),
    ("map", "(0..<100).map { $0 }", { blackHole((0..<100).map { $0 }) }),
  ]

  static let timeit = DemoDefinition(
    name: "timeit",
    summary: "time eight ways to build a collection of 0..<100, %timeit style",
    lesson: "measuring", metrics: ThreadMetrics.timeit,
    parameters: [
      ParameterSpec(
        "what",
        .list(["set", "array", "contiguous", "string", "insert", "append", "reserve", "map"]),
        default: "set,array,contiguous,string,insert,append,reserve,map", help: "which rows to time"
      ),
      ParameterSpec(
        "runs", .integer(min: 1, max: 15), default: "7", help: "timed runs after the warm-up"),
      ParameterSpec(
        "target", .decimal(min: 0.005, max: 1), default: "0.1",
        help: "seconds each run should take at least"),
      ParameterSpec(
        "python", .flag, default: "on",
        help:
          "also time the tutorial's eight ways in CPython (lessons/python/process-tutorial/timeit_collections.py)"
      ),
    ]
  ) { params, context in
    let wanted = params.words("what")
    var results: [TimingResult] = []
    for (i, v) in variants.enumerated() where wanted.contains(v.key) {
      try context.checkStop()
      context.progress(Double(i) / Double(variants.count), "timing \(v.label)")
      let r = TimeIt.measure(
        v.label, targetRunSeconds: params.double("target"), runs: params.int("runs"), v.body)
      results.append(r)
      context.metric("\(v.key).median_seconds", JSONValue(r.stats.median))
      context.metric("\(v.key).runs", JSONValue(r.runs))
      context.metric("\(v.key).loops", JSONValue(r.loops))
    }
    let native = results
    if params.flag("python") {
      context.progress(0.95, "CPython: timeit_collections.py")
      results += try TimeItPython.results(wanted: wanted, params, context)
    }
    context.progress(1, "done")
    context.table(
      TimingTable.make(
        title: "Building 0..<100, fastest first", results: results, environment: context.environment
      ))
    context.note(
      "Each row ran once to warm up, then \(params.int("runs")) timed runs, each repeating the code enough times to last at least \(Units.duration(params.double("target"))). The median resists a stray slow run; σ says how much runs disagree."
    )
    context.note(
      "blackHole(…) hands every result to a function the optimizer cannot see into, so the work cannot be deleted as unused."
    )
    if let fastest = native.min(by: { $0.stats.median < $1.stats.median }) {
      context.metric("fastest", .string(fastest.label))
    }
  }
}
