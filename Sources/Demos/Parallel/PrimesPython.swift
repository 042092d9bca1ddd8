import Localization
import Render

/// The `primes` demo's CPython rows, from lessons/python/process-tutorial/primes.py: the
/// process tutorial's `map(is_prime, PRIMES)` and `ProcessPoolExecutor().map`, run live.
enum PrimesPython {
  /// Two rows for the speedup table: CPython's serial run and its process pool.
  static func rows(_ program: CPython.Program?, usable: Int) -> [[String]] {
    guard let program, let serial = program.double("serial.seconds"),
      let pool = program.double("process_pool.seconds"), pool > 0
    else { return [] }
    let workers = Int(program.double("workers") ?? 1)
    let speedup = serial / pool
    let list = program.metric("list") == .string("full") ? "PRIMES" : "PRIMES ÷ 100"
    return [
      [
        program.label, Catalog.text("demo.primes.python.serial", ["list": list]),
        DemoText.duration(serial), "", "",
      ],
      [
        program.label,
        Catalog.text("demo.primes.python.pool", ["workers": String(workers)]),
        DemoText.duration(pool), Units.ratio(speedup),
        Units.percent(speedup / Double(max(1, min(workers, usable)))),
      ],
    ]
  }

  static func footer(_ program: CPython.Program?) -> [String] {
    guard let program else { return [] }
    let agree = program.metric("agree") == .bool(true)
    let answers: String
    if case .array(let values)? = program.metric("serial.results") {
      answers = values.map { $0 == .bool(true) ? "True" : "False" }.joined(separator: ", ")
    } else {
      answers = "?"
    }
    let full = program.metric("list") == .string("full")
    return [
      CPython.footer(
        program, Catalog.text(full ? "demo.primes.python.full" : "demo.primes.python.small")),
      Catalog.text(
        agree ? "demo.primes.python.answers" : "demo.primes.python.disagree", ["answers": answers]),
    ]
  }
}
