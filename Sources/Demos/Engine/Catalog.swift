public import DemoContract
import Glibc
import OSKit

/// Every built-in demo. A lesson's ```demo block can name only these.
public enum DemoCatalog {
  public static let all: [DemoDefinition] =
    [
      ProcessDemos.ids,
      ThreadDemos.threads,
      ThreadDemos.memory,
      ThreadDemos.timeit,
      ProcessDemos.spawn,
      ProcessDemos.fork,
      ProcessDemos.subprocess,
      ProcessDemos.zombie,
      ProcessDemos.orphan,
    ] + IPCDemos.all + ParallelDemos.all + SignalsDemos.all + DescriptorDemos.all
    + MemoryDemos.all + ConditionsDemos.all + SchedulingDemos.all + InsideDemos.all

  /// Demos that exist only so tests can prove ProcLab's guarantees (a demo that deadlocks on
  /// purpose is stopped at its time budget). They run, but are never listed or completed, and
  /// a lesson cannot name them.
  public static let testOnly: [DemoDefinition] = [
    DemoDefinition(
      name: "test-deadlock",
      summary: "test only: two workers that wait for each other forever",
      lesson: "", timeBudget: 2
    ) { context in
      let a = try Workers.spawn("hang", [])
      let b = try Workers.spawn("hang", [])
      context.onCleanup {
        a.signal(SIGKILL, group: false)
        b.signal(SIGKILL, group: false)
        _ = try? a.wait()
        _ = try? b.wait()
      }
      context.note("two workers started; waiting for them, which never ends")
      _ = try a.wait()
    },
    DemoDefinition(
      name: "test-crash",
      summary: "test only: the demo process traps halfway, with a worker running",
      lesson: ""
    ) { context in
      _ = try Workers.spawn("hang", [])
      context.note("a worker started; now the demo process crashes")
      fatalError("test-crash: a deliberate trap in a demo process")
    },
    DemoDefinition(
      name: "test-bad-line",
      summary: "test only: a line on the event stream that is not an event, between two notes",
      lesson: ""
    ) { context in
      context.note("before the line that is not an event")
      // The runner's events go to descriptor 1: a line no decoder can read, with an escape
      // sequence, a tab and a byte that is not UTF-8 in it.
      try? FileIO.writeAll(1, Array("not an event \u{1B}[2J\t".utf8) + [0xFF, 0x0A])
      context.note("after the line that is not an event")
    },
  ]

  /// The demo called `name`, if there is one (test-only demos included).
  public static func named(_ name: String) -> DemoDefinition? {
    all.first { $0.name == name } ?? testOnly.first { $0.name == name }
  }

  /// A listed demo called `name` (what lessons, completion and `demos` may use).
  public static func listed(_ name: String) -> DemoDefinition? {
    all.first { $0.name == name }
  }

  /// What lessons, the linter and the quiz may know of the listed demos: their declarations.
  public static var declarations: [DemoDeclaration] { all.map(\.declaration) }

  /// The names of every demo, in catalog order.
  public static var names: [String] { all.map(\.name) }
}
