import DemoContract
import Localization
import Measure
import Render

/// The arithmetic of a pool's schedule and the figures drawn from recorded outcomes; pure, so
/// tests can check them without running anything.
enum PoolSchedule {
  /// Python's `Pool.map` with `chunksize=1`: `tasks` equal tasks on `workers` workers take
  /// ⌈tasks ÷ workers⌉ rounds (the GIL tutorial: 10 tasks on 3 workers, 4 rounds).
  static func rounds(tasks: Int, workers: Int) -> Int {
    guard tasks > 0 else { return 0 }
    let w = max(1, workers)
    return (tasks + w - 1) / w
  }

  /// How many task durations `map` needs at best when the tasks are equal and cut into chunks
  /// of `chunksize`: each chunk goes, in order, to the worker that becomes free first. With
  /// `chunksize` 1 this is `rounds(tasks:workers:)`.
  static func idealDurations(tasks: Int, workers: Int, chunksize: Int) -> Int {
    guard tasks > 0 else { return 0 }
    let size = max(1, chunksize)
    var freeAt = [Int](repeating: 0, count: max(1, workers))
    var left = tasks
    while left > 0 {
      let chunk = min(size, left)
      left -= chunk
      let first = freeAt.indices.min { freeAt[$0] < freeAt[$1] } ?? 0
      freeAt[first] += chunk
    }
    return freeAt.max() ?? 0
  }

  /// The best finishing time of tasks with the given `costs` handed out in order to the
  /// worker that becomes free first (map with chunksize 1).
  static func greedyMakespan(costs: [Double], workers: Int) -> Double {
    var freeAt = [Double](repeating: 0, count: max(1, workers))
    for cost in costs {
      let first = freeAt.indices.min { freeAt[$0] < freeAt[$1] } ?? 0
      freeAt[first] += cost
    }
    return freeAt.max() ?? 0
  }

  /// For each outcome, its place (from 1) in its worker's sequence of tasks, by start time:
  /// the tutorial's "round" when every worker is equally fast.
  static func roundsByWorker(_ outcomes: [TaskOutcome]) -> [Int: Int] {
    var byWorker: [Int: [TaskOutcome]] = [:]
    for outcome in outcomes { byWorker[outcome.worker, default: []].append(outcome) }
    var round: [Int: Int] = [:]
    for (_, list) in byWorker {
      for (place, outcome) in list.sorted(by: { $0.start < $1.start }).enumerated() {
        round[outcome.id] = place + 1
      }
    }
    return round
  }

  /// The most tasks that were running at the same moment.
  static func maxConcurrent(_ outcomes: [TaskOutcome]) -> Int {
    var events: [(time: Double, change: Int)] = []
    for outcome in outcomes {
      events.append((outcome.start, 1))
      events.append((outcome.end, -1))
    }
    // At equal times, ends come before starts: back-to-back tasks do not overlap.
    events.sort { $0.time != $1.time ? $0.time < $1.time : $0.change < $1.change }
    var running = 0
    var most = 0
    for event in events {
      running += event.change
      most = max(most, running)
    }
    return most
  }

  /// A timeline with one lane per worker and one span per task.
  /// - Parameters:
  ///   - label: the text inside a task's span (its argument, say).
  ///   - workerName: "worker 1" or "thread 1"; the lane label adds the pid or tid.
  ///   - pidName: "pid" or "tid".
  ///   - start/end: the edges of the time axis; nil for the first start and last end.
  static func timeline(
    _ outcomes: [TaskOutcome], title: String?, workers: Int, workerName: String,
    pidName: String, start: Double? = nil, end: Double? = nil, label: (TaskOutcome) -> String
  ) -> Timeline {
    var lanes: [Timeline.Lane] = []
    for index in 0..<max(workers, (outcomes.map(\.worker).max() ?? -1) + 1) {
      let mine = outcomes.filter { $0.worker == index }.sorted { $0.start < $1.start }
      let who =
        mine.first.map { " · \(pidName) \($0.pid)" } ?? Catalog.text("demo.pool.idle")
      lanes.append(
        Timeline.Lane(
          label: "\(workerName) \(index + 1)\(who)",
          spans: mine.map { Timeline.Span(start: $0.start, end: $0.end, label: label($0)) }))
    }
    return Timeline(title: title, lanes: lanes, start: start, end: end)
  }

  /// The GIL tutorial's table, measured: which worker ran which value, when, and the running total.
  /// - Parameters:
  ///   - argument: the value a task was given, by task id.
  ///   - origin: the moment `map` was called; times are relative to it.
  static func table(
    _ outcomes: [TaskOutcome], title: String, workerName: String, pidName: String,
    origin: Double, argument: (Int) -> Int64, footer: [String] = []
  ) -> Table {
    let rounds = roundsByWorker(outcomes)
    let rows = outcomes.sorted { ($0.start, $0.worker) < ($1.start, $1.worker) }.map {
      outcome -> [String] in
      [
        String(rounds[outcome.id] ?? 0),
        "\(workerName) \(outcome.worker + 1)",
        String(outcome.pid),
        String(argument(outcome.id)),
        String(outcome.value),
        DemoText.duration(max(0, outcome.start - origin)),
        DemoText.duration(outcome.end - outcome.start),
        DemoText.duration(outcome.end - origin),
      ]
    }
    return Table(
      title: title,
      columns: [
        .init(Catalog.text("demo.pool.column.round"), align: .right),
        .init(Catalog.text("demo.semaphore.column.worker")), .init(pidName, align: .right),
        .init(Catalog.text("demo.pool.column.value"), align: .right),
        .init(Catalog.text("demo.queue.column.result"), align: .right),
        .init(Catalog.text("demo.pool.column.startedAt"), align: .right),
        .init(Catalog.text("demo.pool.column.took"), align: .right),
        .init(Catalog.text("demo.pool.column.finishedAt"), align: .right),
      ],
      rows: rows, footer: footer)
  }
}
