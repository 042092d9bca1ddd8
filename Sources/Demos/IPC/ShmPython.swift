import Localization
import Render

/// The `shm-race` demo's CPython rows: the IPC tutorial's assignment (two processes add
/// their count to one number in a SharedMemory block, under a Semaphore), run by
/// lessons/python/ipc-tutorial/shm_assignment.py with numpy, as the tutorial does.
enum ShmPython {
  /// Rows for the demo's table (sync, final, expected, lost, seconds, ns/increment,
  /// relative) and the footer lines that go with them.
  static func rows(increments: Int, race: Bool, fastest: Double, context: DemoContext) throws
    -> ([[String]], [String])
  {
    context.progress(0.95, "CPython: shm_assignment.py")
    // CPython counts some 30 times slower than ProcLab, and its race without a lock costs far
    // more per increment: capped counts keep the step short and still show both.
    let counted = min(increments, 2_000_000)
    let unlocked = race ? min(increments, 200_000) : 0
    guard
      let program = try CPython.program(
        "ipc-tutorial/shm_assignment.py",
        ["--increments", String(counted)]
          + (unlocked > 0 ? ["--unlocked", String(unlocked)] : []),
        timeout: 60, context: context)
    else { return ([], []) }
    var rows: [[String]] = []
    for (key, label) in [
      ("semaphore", "CPython local"), ("unlocked", "CPython none"),
    ] {
      guard let final = program.double("\(key).final"),
        let expected = program.double("\(key).expected"),
        let seconds = program.double("\(key).seconds")
      else { continue }
      rows.append([
        label, Units.count(Int(final)), Units.count(Int(expected)),
        Units.count(Int(expected - final)), Units.duration(seconds, language: Catalog.language),
        Units.significant(seconds * 1e9 / max(1, expected)),
        fastest > 0 ? Units.ratio(seconds / fastest) : "—",
      ])
    }
    let footer = [
      Catalog.text("demo.shmRace.python.rows"),
      CPython.footer(
        program,
        Catalog.text(
          "demo.shmRace.python.seconds",
          [
            "numpy": program.metric("numpy").flatMap {
              if case .string(let v) = $0 { v } else { nil }
            } ?? "?"
          ])
          + (counted < increments
            ? Catalog.text("demo.shmRace.python.capped", ["count": Units.count(counted)]) : "")
          + (unlocked > 0 && unlocked < increments
            ? Catalog.text("demo.shmRace.python.cappedNone", ["count": Units.count(unlocked)])
            : "")
          + Catalog.text("demo.shmRace.python.assignment")
      ),
    ]
    return (rows, footer)
  }
}
