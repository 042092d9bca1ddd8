import CProcLab
import DemoContract
import Localization
import Measure
import OSKit
import Render

/// The three fixes of the opposite-order deadlock, each run to its end by two threads of the
/// demo process (none of them can deadlock, so none needs a process to kill): one lock order
/// for everyone; the second lock with trylock, letting go of the first and backing off when it
/// is busy; the second lock with a timed wait, giving up the same way when it runs out.
enum LockFixes {
  /// The longest one fix may take before it stops short (its rounds then show it).
  static let timeLimit = 5.0

  enum Fix: Int32, CaseIterable {
    case ordered = 0
    case trylock = 1
    case timedlock = 2

    var key: String {
      switch self {
      case .ordered: "ordered"
      case .trylock: "trylock"
      case .timedlock: "timedlock"
      }
    }

    /// The fix as the table names it, in the run's language.
    var label: String {
      switch self {
      case .ordered: Catalog.text("demo.deadlock.fix.ordered")
      case .trylock: Catalog.text("demo.deadlock.fix.trylock")
      case .timedlock: Catalog.text("demo.deadlock.fix.timedlock")
      }
    }
  }

  static func run(rounds: Int, hold: Int, timeout: Int, context: DemoContext) throws {
    context.heading(Catalog.text("demo.deadlock.heading.fixes"))
    var rows: [[String]] = []
    var results: [Fix: pl_lock_strategy_result] = [:]
    for fix in Fix.allCases {
      try context.checkStop()
      var result = pl_lock_strategy_result()
      let rc = pl_lock_strategy_run(
        fix.rawValue, Int64(rounds), UInt32(hold), UInt32(timeout), timeLimit, &result)
      guard rc == 0 else {
        throw SystemError("running the \(fix.key) threads", errno: .init(rawValue: rc))
      }
      results[fix] = result
      let done = Int(result.rounds.0 + result.rounds.1)
      let seconds = Double(result.elapsed_ns) / 1e9
      context.metric("\(fix.key).rounds", JSONValue(done))
      context.metric("\(fix.key).seconds", JSONValue(seconds))
      switch fix {
      case .ordered: break
      case .trylock: context.metric("trylock.retries", JSONValue(Int(result.retries)))
      case .timedlock: context.metric("timedlock.giveups", JSONValue(Int(result.giveups)))
      }
      let retried: String
      switch fix {
      case .ordered: retried = "—"
      case .trylock: retried = Catalog.plural("demo.deadlock.retries", count: Int(result.retries))
      case .timedlock:
        retried = Catalog.text("demo.deadlock.giveups", ["n": String(result.giveups)])
      }
      rows.append([
        fix.label, "\(done) / \(2 * rounds)", retried,
        Units.duration(seconds, language: Catalog.language),
      ])
    }
    context.metric("rounds", JSONValue(2 * rounds))
    context.table(
      Table(
        title: Catalog.text(
          "demo.deadlock.title.fixes", ["rounds": String(rounds), "hold": String(hold)]),
        columns: [
          .init(Catalog.text("demo.deadlock.column.fix")),
          .init(Catalog.text("demo.deadlock.column.rounds"), align: .right),
          .init(Catalog.text("demo.deadlock.column.retried"), align: .right),
          .init(Catalog.text("demo.deadlock.column.time"), align: .right),
        ],
        rows: rows,
        footer: [Catalog.text("demo.deadlock.footer.fixes", ["timeout": String(timeout)])]))
    notes(results, rounds: rounds, context: context)
  }

  static func notes(_ results: [Fix: pl_lock_strategy_result], rounds: Int, context: DemoContext) {
    guard let ordered = results[.ordered], let trylock = results[.trylock],
      let timed = results[.timedlock]
    else { return }
    let seconds = { (r: pl_lock_strategy_result) in
      Units.duration(Double(r.elapsed_ns) / 1e9, language: Catalog.language)
    }
    context.note(
      Catalog.text(
        ordered.finished != 0 ? "demo.deadlock.note.ordered" : "demo.deadlock.note.short",
        ["rounds": String(2 * rounds), "time": seconds(ordered)]))
    context.note(
      Catalog.text(
        "demo.deadlock.note.trylock",
        [
          "retries": Catalog.plural("demo.count.times", count: Int(trylock.retries)),
          "rounds": String(2 * rounds),
          "time": seconds(trylock),
        ]))
    context.note(
      Catalog.text(
        "demo.deadlock.note.timedlock",
        [
          "giveups": Catalog.plural("demo.count.times", count: Int(timed.giveups)),
          "rounds": String(2 * rounds), "time": seconds(timed),
        ]))
  }
}
