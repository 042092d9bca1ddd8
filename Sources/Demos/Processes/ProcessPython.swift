import DemoContract
import Localization
import Render

/// The process demos' CPython rows, from the tutorials' programs in lessons/python:
/// `Process` start/join/terminate (process tutorial), fork/exec/wait and the zombie
/// (concepts tutorial), each run live beside ProcLab's own.
enum ProcessPython {
  /// The `python=` flag of the process demos that run a tutorial's example beside their own.
  static let python = FlagParameter(
    "python", default: true,
    help: "also run the tutorial's example in CPython (lessons/python) when python3 is on PATH")

  static func integer(_ program: CPython.Program, _ key: String) -> String {
    program.double(key).map { String(Int($0)) } ?? "?"
  }

  /// Rows for the spawn demo's start/join/terminate table (step, pid, result).
  static func lifecycleRows(_ context: DemoContext) throws -> (rows: [[String]], footer: [String]) {
    guard
      let program = try CPython.program(
        "process-tutorial/process_lifecycle.py", [], timeout: 30, context: context)
    else { return ([], []) }
    let code = { (key: String) in "exitcode \(integer(program, key))" }
    return (
      [
        [
          "\(program.label): Process(target=delivery).start(); join()",
          integer(program, "child_pid"), code("join_exitcode"),
        ],
        [
          Catalog.text("demo.python.spawn.terminateAfterJoin", ["python": program.label]),
          integer(program, "child_pid"),
          Catalog.text(
            "demo.python.spawn.endedAlready", ["exitcode": code("terminate_after_join_exitcode")]),
        ],
        [
          Catalog.text("demo.python.spawn.terminateRunning", ["python": program.label]), "",
          Catalog.text("demo.python.spawn.minusSignal", ["exitcode": code("terminate_exitcode")]),
        ],
      ],
      [CPython.footer(program, Catalog.text("demo.python.spawn.how"))]
    )
  }

  /// One table for the fork demo: each runtime's children, their ppids and exit statuses.
  static func forkTable(
    swift: (parent: Int32, children: [Int32], ppidsMatch: Bool, statuses: [String]), count: Int,
    _ context: DemoContext
  ) throws {
    guard
      let program = try CPython.program(
        "concepts-tutorial/fork_exec_wait.py", ["--children", String(count)], timeout: 30,
        context: context)
    else { return }
    var statuses = "?"
    if case .array(let values)? = program.metric("exit_statuses") {
      statuses = values.compactMap(\.double).map { String(Int($0)) }.joined(separator: ", ")
    }
    let same = Catalog.text("demo.python.fork.sameParent")
    let differ = Catalog.text("demo.python.fork.differ")
    context.table(
      Table(
        title: Catalog.text(
          "demo.python.fork.title",
          ["count": String(count), "swift": CPython.swiftLabel, "python": program.label]),
        columns: [
          .init(Catalog.text("demo.python.fork.column.runtime")),
          .init(Catalog.text("demo.ids.parent"), align: .right),
          .init(Catalog.text("demo.python.fork.column.children"), align: .right),
          .init("ppids"), .init(Catalog.text("demo.python.fork.column.statuses")), .init("exec"),
        ],
        rows: [
          [
            CPython.swiftLabel, String(swift.parent), String(swift.children.count),
            swift.ppidsMatch ? same : differ, swift.statuses.joined(separator: ", "), "—",
          ],
          [
            program.label, integer(program, "parent_pid"), integer(program, "children"),
            program.metric("children_ppids_match") == .bool(true) ? same : differ, statuses,
            Catalog.text(
              "demo.python.fork.execStatus", ["code": integer(program, "exec_exit_status")]),
          ],
        ],
        footer: [
          CPython.footer(program, Catalog.text("demo.python.fork.how"))
        ]))
  }

  /// Rows for the zombie demo's table (moment, read from, state, meaning).
  static func zombieRows(_ context: DemoContext) throws -> [[String]] {
    guard
      let program = try CPython.program(
        "concepts-tutorial/zombie_orphan.py", [], timeout: 30, context: context)
    else { return [] }
    let pid = integer(program, "zombie.pid")
    let state =
      program.metric("zombie.state_before_reap").flatMap { value -> String? in
        if case .string(let s) = value { return s }
        return nil
      } ?? "?"
    return [
      [
        Catalog.text("demo.python.zombie.afterExit", ["python": program.label]),
        "/proc/\(pid)/stat", state,
        state == "Z" ? DemoText.stateName("Z") : Catalog.text("demo.python.zombie.notZombie"),
      ],
      [
        Catalog.text("demo.python.zombie.afterWait", ["python": program.label, "pid": pid]),
        "/proc/\(pid)/stat",
        program.metric("zombie.reaped") == .bool(true) ? "—" : "?",
        program.metric("zombie.reaped") == .bool(true)
          ? Catalog.text(
            "demo.python.zombie.reaped", ["code": integer(program, "zombie.exit_status")])
          : Catalog.text("demo.python.zombie.stillThere"),
      ],
    ]
  }
}
