import CProcLab
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render

/// The memory demos: cow.
enum MemoryDemos {
  static let all: [DemoDefinition] = [CowDemo.definition]
}

/// A share of the region's pages a writing child writes.
enum WritePercent: String, ParameterChoice {
  case p0 = "0"
  case p1 = "1"
  case p10 = "10"
  case p25 = "25"
  case p50 = "50"
  case p75 = "75"
  case p100 = "100"
  var value: Int { Int(rawValue) ?? 0 }
}

/// A size, in MiB, the parent has written when the ways of starting a child are timed.
enum ForkSize: String, ParameterChoice {
  case s1 = "1"
  case s4 = "4"
  case s16 = "16"
  case s64 = "64"
  case s256 = "256"
  case s512 = "512"
  var value: Int { Int(rawValue) ?? 1 }
}

/// The two parts of the cow demo.
enum CowPart: String, ParameterChoice {
  case faults
  case fork
}

struct CowKeys: ParameterSet {
  let size = IntParameter(
    "size", default: 64, range: 1...512,
    help: "MiB the parent maps and writes before it forks the writing children")
  let writes = EnumListParameter<WritePercent>(
    "writes", default: [.p0, .p10, .p50, .p100],
    help: "percent of the region's pages a child writes, one child for each")
  let show = EnumListParameter<CowPart>(
    "show",
    help: "faults: the writing children; fork: fork, vfork, exec and posix_spawn timed by size")
  let sizes = EnumListParameter<ForkSize>(
    "sizes", default: [.s1, .s16, .s64, .s256],
    help: "MiB the parent has written when the ways of starting a child are timed")
  let runs = IntParameter(
    "runs", default: 5, range: 1...15, help: "timed runs of each way at each size")
}

/// copy-on-write: what fork really copies, and what a child's writes cost.
enum CowDemo {
  static let definition = DemoDefinition(
    name: "cow",
    summary: "fork shares the parent's pages copy-on-write: a child's faults and memory follow "
      + "its writes; fork's cost follows the parent's size, vfork's and posix_spawn's do not",
    lesson: "copy-on-write", metrics: MemoryMetrics.cow, parameters: CowKeys.self,
    timeBudget: 90
  ) { params, context in
    let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
    context.metric("page_size", JSONValue(page))
    context.metric("thp", .string(TransparentHugePages.setting() ?? "none"))
    if params.show.contains(.faults) {
      try faults(size: params.size, writes: params.writes, context: context)
    }
    if params.show.contains(.fork) {
      try forkCost(sizes: params.sizes.map(\.value), runs: params.runs, context: context)
    }
  }

  /// The writing children: one per percentage, each forked from the parent holding `size` MiB.
  static func faults(size: Int, writes: [WritePercent], context: DemoContext) throws {
    context.heading(Catalog.text("demo.cow.heading.faults"))
    let region = try CowRegion(mebibytes: size)
    defer { region.unmap() }
    let pages = region.pages
    context.metric("pages", JSONValue(pages))
    let huge = region.hugePageKiB()
    context.metric("region_huge_kib", huge.map { JSONValue($0) } ?? .null)
    var runs: [(WritePercent, CowChildRun)] = []
    for (i, percent) in writes.enumerated() {
      try context.checkStop()
      context.progress(
        Double(i) / Double(writes.count),
        Catalog.text("demo.cow.progress.child", ["percent": percent.rawValue]))
      let run = try CowChildRun.run(region, writing: pages * percent.value / 100, context: context)
      runs.append((percent, run))
      record(run, percent: percent, context: context)
    }
    context.progress(1, Catalog.text("demo.cow.progress.done"))
    context.table(faultTable(runs, size: size, pages: pages, width: context.style.width))
    notes(runs, size: size, pages: pages, page: region.pageSize, huge: huge, context: context)
  }

  static func record(_ run: CowChildRun, percent: WritePercent, context: DemoContext) {
    let key = "writes.\(percent.rawValue)."
    context.metric(key + "pages_written", JSONValue(run.pagesWritten))
    context.metric(key + "faults", JSONValue(run.minorFaults))
    context.metric(key + "major_faults", JSONValue(run.majorFaults))
    context.metric(
      key + "faults_per_page",
      run.pagesWritten > 0 ? JSONValue(Double(run.minorFaults) / Double(run.pagesWritten)) : .null)
    context.metric(
      key + "seconds_per_fault",
      run.pagesWritten > 0 && run.minorFaults > 0
        ? JSONValue(run.writeSeconds / Double(run.minorFaults)) : .null)
    for (prefix, figures) in [("", run.after), ("before.", run.before)] {
      context.metric(key + prefix + "rss_kib", JSONValue(figures.rss))
      context.metric(key + prefix + "pss_kib", JSONValue(figures.pss))
      context.metric(key + prefix + "private_dirty_kib", JSONValue(figures.privateDirty))
      context.metric(key + prefix + "shared_dirty_kib", JSONValue(figures.sharedDirty))
    }
    context.metric(
      key + "private_growth_kib", JSONValue(run.after.privateDirty - run.before.privateDirty))
  }

  static func faultTable(
    _ runs: [(WritePercent, CowChildRun)], size: Int, pages: Int, width: Int
  ) -> Table {
    let wide = width >= 100
    let kib = { (k: Int) in Units.bytes(k << 10) }
    var columns: [Table.Column] = [
      .init(name: Catalog.text("demo.cow.column.writes"), align: .right),
      .init(name: Catalog.text("demo.cow.column.pagesWritten"), align: .right),
      .init(name: Catalog.text("demo.cow.column.faults"), align: .right),
      .init(name: "Private_Dirty", align: .right),
      .init(name: "Shared_Dirty", align: .right),
    ]
    if wide {
      columns += [
        .init(name: "Pss", align: .right),
        .init(name: Catalog.text("demo.cow.column.perFault"), align: .right),
      ]
    }
    let rows = runs.map { percent, run in
      var row = [
        "\(percent.rawValue) %", Units.count(run.pagesWritten), Units.count(run.minorFaults),
        kib(run.after.privateDirty), kib(run.after.sharedDirty),
      ]
      if wide {
        row += [
          kib(run.after.pss),
          run.pagesWritten > 0 && run.minorFaults > 0
            ? Units.duration(
              run.writeSeconds / Double(run.minorFaults), language: Catalog.language) : "—",
        ]
      }
      return row
    }
    return Table(
      title: Catalog.text(
        "demo.cow.faults.title", ["size": String(size), "pages": Units.count(pages)]),
      columns: columns, rows: rows,
      footer: [Catalog.text("demo.cow.faults.footer")])
  }

  static func notes(
    _ runs: [(WritePercent, CowChildRun)], size: Int, pages: Int, page: Int, huge: Int?,
    context: DemoContext
  ) {
    guard let first = runs.first?.1 else { return }
    let kib = { (k: Int) in Units.bytes(k << 10) }
    let beforePrivate = runs.map(\.1.before.privateDirty).max() ?? 0
    context.note(
      Catalog.text(
        "demo.cow.before",
        [
          "private": kib(beforePrivate), "shared": kib(first.before.sharedDirty),
          "size": String(size),
        ]))
    if let (percent, run) = runs.last(where: { $0.1.pagesWritten > 0 }) {
      context.note(
        Catalog.text(
          "demo.cow.faultsPerPage",
          [
            "percent": percent.rawValue, "pages": Units.count(run.pagesWritten),
            "faults": Units.count(run.minorFaults),
            "growth": kib(run.after.privateDirty - run.before.privateDirty),
            "perFault": Units.duration(
              run.writeSeconds / Double(max(1, run.minorFaults)), language: Catalog.language),
          ]))
    }
    if let zero = runs.first(where: { $0.1.pagesWritten == 0 })?.1 {
      context.note(
        Catalog.text("demo.cow.readOnly", ["faults": Units.count(zero.minorFaults)]))
    }
    let setting = TransparentHugePages.setting()
    context.note(
      Catalog.text(
        setting == nil ? "demo.cow.noTHP" : "demo.cow.thp",
        [
          "setting": setting ?? "", "page": Units.bytes(page),
          "huge": huge.map { kib($0) } ?? "?",
        ]))
  }

  /// fork, vfork, fork + exec and posix_spawn timed with the parent at each size.
  static func forkCost(sizes: [Int], runs: Int, context: DemoContext) throws {
    context.heading(Catalog.text("demo.cow.heading.fork"))
    let truePath =
      ["/bin/true", "/usr/bin/true"].first { (p: String) in access(p, X_OK) == 0 } ?? "/bin/true"
    let environment = ProcessEnvironment.current
    var costs: [CowForkCost] = []
    for (i, size) in sizes.enumerated() {
      try context.checkStop()
      context.progress(
        Double(i) / Double(sizes.count),
        Catalog.text("demo.cow.progress.fork", ["size": String(size)]))
      let cost = try CowForkCost.measure(
        mebibytes: size, runs: runs, truePath: truePath, environment: environment)
      costs.append(cost)
      context.metric("page_tables.\(size)", JSONValue(cost.pageTableKiB))
      for (way, result) in cost.results {
        context.metric("\(way.rawValue).\(size).median_seconds", JSONValue(result.stats.median))
        context.metric("\(way.rawValue).\(size).mean_seconds", JSONValue(result.stats.mean))
        context.metric(
          "\(way.rawValue).\(size).stddev_seconds", JSONValue(result.stats.standardDeviation))
      }
    }
    context.progress(1, Catalog.text("demo.cow.progress.done"))
    if let smallest = costs.first, let largest = costs.last, costs.count > 1 {
      for way in StartWay.allCases {
        if let a = smallest.results[way]?.stats.median, let b = largest.results[way]?.stats.median,
          a > 0
        {
          context.metric("growth.\(way.rawValue)", JSONValue(b / a))
        }
      }
    }
    context.table(forkTable(costs, runs: runs, truePath: truePath, context: context))
    forkNotes(costs, truePath: truePath, context: context)
  }

  static func forkTable(
    _ costs: [CowForkCost], runs: Int, truePath: String, context: DemoContext
  ) -> Table {
    let language = Catalog.language
    let duration = { (s: Double) in Units.duration(s, language: language) }
    let columns: [Table.Column] =
      [
        .init(name: Catalog.text("demo.cow.column.parent"), align: .right),
        .init(name: Catalog.text("demo.cow.column.pageTables"), align: .right),
      ] + StartWay.allCases.map { .init(name: $0.rawValue, align: .right) }
    let rows = costs.map { cost in
      ["\(cost.mebibytes) MiB", Units.bytes(cost.pageTableKiB << 10)]
        + StartWay.allCases.map { way in cost.results[way].map { duration($0.stats.median) } ?? "—"
        }
    }
    var footer = [
      Catalog.text("demo.cow.fork.footer", ["runs": String(runs), "true": truePath])
    ]
    for way in StartWay.allCases {
      let spreads = costs.compactMap { cost in
        cost.results[way].map {
          "\(cost.mebibytes) MiB \(Units.plusMinus(mean: $0.stats.mean, σ: $0.stats.standardDeviation, language: language))"
        }
      }
      footer.append(
        Catalog.text(
          "demo.cow.fork.spread",
          ["way": way.rawValue, "spreads": spreads.joined(separator: " · ")]))
    }
    footer.append(context.environment.summaryLine)
    // One line for the cells whose runs disagree (outliers, a slow first call), not one each:
    // sixteen cells on a busy machine would bury the table.
    let noisy = costs.flatMap { $0.results.values }.filter { !$0.warnings.isEmpty }.count
    if noisy > 0 {
      footer.append(
        Catalog.text(
          "demo.cow.fork.noisy",
          ["count": String(noisy), "cells": String(costs.count * StartWay.allCases.count)]))
    }
    footer += context.environment.warnings
    return Table(
      title: Catalog.text("demo.cow.fork.title"), columns: columns, rows: rows, footer: footer)
  }

  static func forkNotes(_ costs: [CowForkCost], truePath: String, context: DemoContext) {
    guard let smallest = costs.first, let largest = costs.last, costs.count > 1,
      let forkSmall = smallest.results[.fork]?.stats.median,
      let forkLarge = largest.results[.fork]?.stats.median,
      let vforkSmall = smallest.results[.vfork]?.stats.median,
      let vforkLarge = largest.results[.vfork]?.stats.median, forkSmall > 0, vforkSmall > 0
    else {
      context.note(Catalog.text("demo.cow.fork.oneSize"))
      return
    }
    let language = Catalog.language
    let duration = { (s: Double) in Units.duration(s, language: language) }
    context.note(
      Catalog.text(
        "demo.cow.fork.grows",
        [
          "small": String(smallest.mebibytes), "large": String(largest.mebibytes),
          "forkSmall": duration(forkSmall), "forkLarge": duration(forkLarge),
          "ratio": Units.significant(forkLarge / forkSmall, digits: 2),
          "tablesSmall": Units.bytes(smallest.pageTableKiB << 10),
          "tablesLarge": Units.bytes(largest.pageTableKiB << 10),
        ]))
    context.note(
      Catalog.text(
        "demo.cow.fork.vfork",
        [
          "vforkSmall": duration(vforkSmall), "vforkLarge": duration(vforkLarge),
          "ratio": Units.significant(vforkLarge / vforkSmall, digits: 2), "true": truePath,
        ]))
    context.note(Catalog.text("demo.cow.fork.spawnGrow"))
  }
}
