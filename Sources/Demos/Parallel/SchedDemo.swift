import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import Render

/// A binary min-heap: the smallest element (by `areInIncreasingOrder`) comes out first.
struct MinHeap<Element> {
  private(set) var elements: [Element] = []
  let areInIncreasingOrder: (Element, Element) -> Bool

  init(by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
    self.areInIncreasingOrder = areInIncreasingOrder
  }

  var isEmpty: Bool { elements.isEmpty }
  var count: Int { elements.count }
  var first: Element? { elements.first }

  mutating func insert(_ element: Element) {
    elements.append(element)
    var child = elements.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard areInIncreasingOrder(elements[child], elements[parent]) else { break }
      elements.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> Element? {
    guard !elements.isEmpty else { return nil }
    elements.swapAt(0, elements.count - 1)
    let smallest = elements.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var candidate = parent
      if left < elements.count && areInIncreasingOrder(elements[left], elements[candidate]) {
        candidate = left
      }
      if right < elements.count && areInIncreasingOrder(elements[right], elements[candidate]) {
        candidate = right
      }
      if candidate == parent { break }
      elements.swapAt(parent, candidate)
      parent = candidate
    }
    return smallest
  }

  /// Removes every element for which `shouldRemove` is true, keeping the heap order.
  mutating func removeAll(where shouldRemove: (Element) -> Bool) {
    let kept = elements.filter { !shouldRemove($0) }
    elements = []
    for element in kept { insert(element) }
  }
}

/// A small analogue of Python's `sched.scheduler`: events due at times, with priorities,
/// run one after another in the calling thread by `run()`, which sleeps until the next one.
final class EventScheduler {
  struct Event {
    var time: Double
    var priority: Int
    var sequence: Int
    var name: String
    var action: () -> Void
  }

  private var queue = MinHeap<Event> { a, b in
    (a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence)
  }
  private var sequence = 0
  private let clock: () -> Double
  private let sleep: (Double) -> Void

  init(clock: @escaping () -> Double, sleep: @escaping (Double) -> Void) {
    self.clock = clock
    self.sleep = sleep
  }

  /// Schedules `action` `delay` seconds from now; at equal times, the lower priority number
  /// runs first (then the earlier entered). Returns the event's sequence number.
  @discardableResult
  func enter(_ delay: Double, priority: Int, name: String, action: @escaping () -> Void) -> Int {
    enterAbsolute(clock() + delay, priority: priority, name: name, action: action)
  }

  /// Schedules `action` at the clock time `time` (Python's `enterabs`).
  @discardableResult
  func enterAbsolute(
    _ time: Double, priority: Int, name: String, action: @escaping () -> Void
  ) -> Int {
    sequence += 1
    queue.insert(
      Event(time: time, priority: priority, sequence: sequence, name: name, action: action))
    return sequence
  }

  /// Removes an event that has not run yet.
  func cancel(_ id: Int) { queue.removeAll { $0.sequence == id } }

  var pending: Int { queue.count }

  /// Runs every event in order, sleeping until each is due; an event that runs long delays
  /// the ones after it, because nothing interrupts it.
  func run(shouldStop: () -> Bool = { false }) {
    while let next = queue.first, !shouldStop() {
      let wait = next.time - clock()
      if wait > 0 {
        sleep(min(wait, 0.05))
        continue
      }
      _ = queue.popFirst()
      next.action()
    }
  }
}

struct SchedKeys: ParameterSet {
  let unit = DecimalParameter(
    "unit", default: 0.1, range: 0.01...1, help: "seconds per time unit of the schedule")
  let slow = FlagParameter(
    "slow", default: true,
    help: "include an event that runs for 1.5 units, to show nothing interrupts it")
}

extension ParallelDemos {
  static let sched = DemoDefinition(
    name: "sched",
    summary: "an event scheduler (Python's sched) next to the kernel's process scheduler",
    lesson: "concurrency-vs-parallelism", metrics: ParallelMetrics.sched,
    parameters: SchedKeys.self, timeBudget: 60
  ) { params, context in
    let unit = params.unit
    let slow = params.slow
    context.heading(Catalog.text("demo.sched.heading"))
    struct Planned {
      var name: String
      var at: Double
      var priority: Int
      var busy: Double = 0
    }
    // Like the example in Python's sched documentation: two events due together run in
    // priority order (the lower number first), whatever order they were entered in.
    var plan = [
      Planned(name: "print_time('default')", at: 2, priority: 1),
      Planned(name: "print_time('positional')", at: 1, priority: 2),
      Planned(name: "print_time('keyword')", at: 1, priority: 1),
      Planned(name: "cancelled", at: 1.5, priority: 1),
    ]
    if slow {
      plan += [
        Planned(name: "slow (busy 1.5 units)", at: 3, priority: 1, busy: 1.5),
        Planned(name: "urgent", at: 3.5, priority: 0),
      ]
    }
    var fired: [(index: Int, at: Double)] = []
    let scheduler = EventScheduler(
      clock: { MonotonicClock.seconds() },
      sleep: { PoolTask.sleep(nanoseconds: Int64($0 * 1e9)) })
    let origin = MonotonicClock.seconds()
    var cancelled = 0
    for (index, event) in plan.enumerated() {
      let due = origin + event.at * unit
      let id = scheduler.enterAbsolute(due, priority: event.priority, name: event.name) {
        fired.append((index, MonotonicClock.seconds() - origin))
        if event.busy > 0 {
          let end = MonotonicClock.seconds() + event.busy * unit
          while MonotonicClock.seconds() < end { blackHole(pl_spin(1000)) }
        }
      }
      if event.name == "cancelled" {
        scheduler.cancel(id)
        cancelled = 1
      }
    }
    let setup = MonotonicClock.seconds() - origin
    scheduler.run { context.stopRequested }
    try context.checkStop()

    // An event's name is its metric value; the one name that is a description is drawn in the
    // run's language.
    func shown(_ name: String) -> String {
      name == "slow (busy 1.5 units)" ? Catalog.text("demo.sched.slow") : name
    }
    let rows = fired.enumerated().map { position, entry -> [String] in
      let event = plan[entry.index]
      let late = entry.at - event.at * unit
      return [
        String(position + 1), shown(event.name), DemoText.duration(event.at * unit),
        String(event.priority),
        DemoText.duration(entry.at), DemoText.duration(max(0, late)),
      ]
    }
    context.table(
      Table(
        title: Catalog.text("demo.sched.title"),
        columns: [
          .init("#", align: .right), .init(Catalog.text("demo.sched.column.event")),
          .init(Catalog.text("demo.sched.column.due"), align: .right),
          .init(Catalog.text("demo.sched.column.priority"), align: .right),
          .init(Catalog.text("demo.sched.column.ran"), align: .right),
          .init(Catalog.text("demo.sched.column.late"), align: .right),
        ],
        rows: rows,
        footer: [
          Catalog.text(
            "demo.sched.planned",
            [
              "events": plan.map {
                Catalog.text(
                  "demo.sched.planned.event",
                  [
                    "name": shown($0.name), "at": Units.significant($0.at, digits: 2),
                    "priority": String($0.priority),
                  ])
              }.joined(separator: "; "),
              "unit": DemoText.duration(unit), "setup": DemoText.duration(setup),
            ]),
          context.environment.summaryLine,
        ]))
    context.note(Catalog.text("demo.sched.heap"))
    let urgent = fired.first { plan[$0.index].name == "urgent" }
    if slow, let urgent {
      let late = urgent.at - 3.5 * unit
      context.note(
        Catalog.text(
          "demo.sched.urgent",
          [
            "due": DemoText.duration(3.5 * unit), "ran": DemoText.duration(urgent.at),
            "late": DemoText.duration(max(0, late)),
          ]))
      context.metric("urgent_late_seconds", JSONValue(late))
    }
    context.note(Catalog.text("demo.sched.enterabs"))
    context.note(Catalog.text("demo.sched.kernel"))
    context.metric("order", .array(fired.map { .string(plan[$0.index].name) }))
    context.metric("ran_at", .array(fired.map { JSONValue($0.at) }))
    context.metric("events", JSONValue(plan.count))
    context.metric("cancelled", JSONValue(cancelled))
    context.metric("unit", JSONValue(unit))
  }
}
