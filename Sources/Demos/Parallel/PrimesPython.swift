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
      [program.label, "serial: map(is_prime, \(list))", Units.duration(serial), "", ""],
      [
        program.label, "ProcessPoolExecutor(\(workers)).map, starting it included",
        Units.duration(pool), Units.ratio(speedup),
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
    let list =
      program.metric("list") == .string("full")
      ? "the tutorial's PRIMES list"
      : "each number of PRIMES ÷ 100, the same shape (five primes, then a composite), about a tenth of the trial divisions each; python_list=full runs the tutorial's list (about 3 s more)"
    return [
      CPython.footer(program, "one run each, on \(list)"),
      "CPython's answers: \(answers)\(agree ? ", the same serially and in the pool" : "; serial and pool DISAGREE")."
        + " The process tutorial recorded 2.05 s serially and 0.60 s with ProcessPoolExecutor on its author's machine.",
    ]
  }
}
