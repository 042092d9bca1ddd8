// The queue demo's many-process parts: producers and consumers sharing one queue with
// task_done/join, and a bounded queue making a fast producer wait (drawn as a timeline).
import CProcLab
import DemoContract
import Localization
import Measure
import OSKit
import Render

extension QueueDemo {
  // MARK: Producers and consumers

  static func producersAndConsumers(
    producers: Int, consumers: Int, items: Int, context: DemoContext
  ) throws {
    context.heading(
      Catalog.text(
        "demo.queue.heading.workers",
        ["producers": String(producers), "consumers": String(consumers)]))
    let total = producers * items
    let region = try Region(
      kind: .fifo, maxsize: 0, capacity: total + consumers,
      extra: Area.bytes(producers: producers, items: items), context: context)
    defer { region.memory.unlink() }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    let size = region.memory.size
    var consumerPids: [Int32] = []
    var producerPids: [Int32] = []
    for c in 0..<consumers {
      consumerPids.append(
        try workers.spawn(
          "queue-consumer", [region.memory.name, String(size), String(c), "0", "0", String(items)]
        ).pid)
    }
    for p in 0..<producers {
      producerPids.append(
        try workers.spawn(
          "queue-producer", [region.memory.name, String(size), String(p), String(items), "0", "0"]
        ).pid)
    }
    let attached = region.cell(Area.attached)
    try workers.wait(
      until: Catalog.text("demo.wait.workersAttach"), timeout: 30, context: context
    ) {
      pl_atomic_load(attached) >= Int64(producers + consumers)
    }
    region.memory.unlink()
    let t0 = MonotonicClock.seconds()
    pl_atomic_store(region.cell(Area.start), 1)
    // join(): wait until every item put so far has been marked done.
    try workers.wait(
      until: Catalog.text("demo.wait.producersPut"), timeout: 60, context: context
    ) {
      region.queue.totalPuts >= total
    }
    var joined = false
    while !joined {
      try workers.check(context)
      joined = try region.queue.join(timeout: 0.1)
    }
    let joinedAt = MonotonicClock.seconds() - t0
    let unfinishedAtJoin = region.queue.unfinished
    // Sentinels tell the consumers there is no more work.
    for _ in 0..<consumers { try region.queue.put(QueueItem(value: -1, tag: -1)) }
    try workers.waitForAll(context: context)

    let (counts, missing) = consumed(
      region, producers: producers, consumers: consumers, items: items)
    let duplicates = Int(pl_atomic_load(region.cell(Area.duplicates)))
    var rows: [[String]] = []
    for p in 0..<producers {
      rows.append(
        [
          Catalog.text(
            "demo.queue.workers.producer", ["n": String(p + 1), "pid": String(producerPids[p])]),
          String(items),
        ] + counts[p].map(String.init))
    }
    let columnTotals = (0..<consumers).map { c in counts.reduce(0) { $0 + $1[c] } }
    rows.append(["total", String(total)] + columnTotals.map(String.init))
    context.table(
      Table(
        title: Catalog.text("demo.queue.workers.title"),
        columns: [
          .init(Catalog.text("demo.queue.column.producer")),
          .init(Catalog.text("demo.queue.column.put"), align: .right),
        ]
          + consumerPids.enumerated().map {
            .init(
              Catalog.text(
                "demo.queue.column.consumer",
                ["n": String($0.offset + 1), "pid": String($0.element)]),
              align: .right)
          },
        rows: rows,
        footer: [
          Catalog.text(
            "demo.queue.workers.footer",
            [
              "once": Catalog.text(
                missing == 0 && duplicates == 0 ? "demo.pipe.yes" : "demo.pipe.no"),
              "missing": String(missing), "twice": String(duplicates),
              "after": Units.duration(joinedAt, language: Catalog.language),
              "unfinished": String(unfinishedAtJoin),
            ])
        ]))
    context.metric("workers.items", JSONValue(Double(total)))
    context.metric("workers.consumed", JSONValue(Double(total - missing)))
    context.metric("workers.missing", JSONValue(Double(missing)))
    context.metric("workers.duplicates", JSONValue(Double(duplicates)))
    context.metric("workers.unfinished_after_join", JSONValue(Double(unfinishedAtJoin)))
    context.metric("workers.join_seconds", JSONValue(joinedAt))
    context.note(Catalog.text("demo.queue.workers.note"))
  }

  /// Who consumed what: for each producer, how many of its items each consumer took, and how
  /// many items no consumer marked.
  static func consumed(_ region: Region, producers: Int, consumers: Int, items: Int) -> (
    counts: [[Int]], missing: Int
  ) {
    let matrix = (region.area + Area.matrix).assumingMemoryBound(to: Int32.self)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: consumers), count: producers)
    var missing = 0
    for p in 0..<producers {
      for i in 0..<items {
        let c = Int(matrix[p * items + i])
        if c >= 1 && c <= consumers { counts[p][c - 1] += 1 } else { missing += 1 }
      }
    }
    return (counts, missing)
  }

  // MARK: Bounded

  static func bounded(maxsize: Int, items: Int, delay: Double, context: DemoContext) throws {
    context.heading(Catalog.text("demo.queue.heading.bounded", ["maxsize": String(maxsize)]))
    let region = try Region(
      kind: .fifo, maxsize: maxsize, capacity: max(maxsize, 1) + 1,
      extra: Area.bytes(producers: 1, items: items), context: context)
    defer { region.memory.unlink() }
    let workers = WorkerGroup()
    defer { workers.killAll() }
    context.onCleanup { workers.killAll() }
    let size = String(region.memory.size)
    let delayMicros = String(Int(delay * 1e6))
    let consumer = try workers.spawn(
      "queue-consumer", [region.memory.name, size, "0", delayMicros, "1", String(items)])
    let producer = try workers.spawn(
      "queue-producer", [region.memory.name, size, "0", String(items), "0", "1"])
    try workers.wait(
      until: Catalog.text("demo.wait.workersAttach"), timeout: 30, context: context
    ) {
      pl_atomic_load(region.cell(Area.attached)) >= 2
    }
    region.memory.unlink()
    pl_atomic_store(region.cell(Area.start), 1)
    var joined = false
    while !joined {
      try workers.check(context)
      joined = try region.queue.join(timeout: 0.1) && region.queue.totalPuts >= items
    }
    try region.queue.put(QueueItem(value: -1, tag: -1))
    try workers.waitForAll(context: context)

    let plog = (region.area + Area.producerLog).assumingMemoryBound(to: Int64.self)
    let clog = (region.area + Area.consumerLog).assumingMemoryBound(to: Int64.self)
    var putSpans: [Timeline.Span] = []
    var workSpans: [Timeline.Span] = []
    var waited = 0.0
    var waitingPuts = 0
    for i in 0..<items {
      let s = Double(plog[2 * i]) / 1e9
      let e = Double(plog[2 * i + 1]) / 1e9
      if e - s > delay / 4 {
        putSpans.append(Timeline.Span(start: s, end: e, label: "put \(i + 1)"))
        waitingPuts += 1
      }
      waited += e - s
      workSpans.append(
        Timeline.Span(
          start: Double(clog[3 * i + 1]) / 1e9, end: Double(clog[3 * i + 2]) / 1e9,
          label: "\(i + 1)"))
    }
    let timeline = Timeline(
      title: Catalog.text("demo.queue.bounded.title"),
      lanes: [
        Timeline.Lane(
          label: Catalog.text("demo.queue.bounded.producer", ["pid": String(producer.pid)]),
          spans: putSpans),
        Timeline.Lane(
          label: Catalog.text("demo.queue.bounded.consumer", ["pid": String(consumer.pid)]),
          spans: workSpans),
      ])
    context.figure(.timeline(timeline))
    context.metric("bounded.items", JSONValue(Double(items)))
    context.metric("bounded.maxsize", JSONValue(Double(maxsize)))
    context.metric("bounded.producer_wait_seconds", JSONValue(waited))
    context.metric("bounded.waiting_puts", JSONValue(Double(waitingPuts)))
    context.note(
      Catalog.text(
        maxsize == 1 ? "demo.queue.bounded.note.single" : "demo.queue.bounded.note.several",
        [
          "maxsize": String(maxsize), "waiting": String(waitingPuts), "items": String(items),
          "waited": Units.duration(waited, language: Catalog.language),
        ]))
  }
}
