import DemoContract

/// What the cow demo reports (`DemoDefinition.metrics`): every path its reports carry, with a
/// label, a unit, and whether it is measured or a fact.
enum MemoryMetrics {
  static let percent = "<percent:0|1|10|25|50|75|100>"
  static let size = "<size:1|4|16|64|256|512>"
  static let way = "<way:fork|vfork|fork-exec|posix_spawn>"

  static let cow: [MetricDeclaration] =
    [
      .fact("page_size", "the page size", .bytes, "sysconf(_SC_PAGESIZE)"),
      .fact(
        "thp", "the transparent huge page setting", .text,
        "the chosen word of /sys/kernel/mm/transparent_hugepage/enabled (none: no THP)"),
      .fact("pages", "pages in the parent's region", .count, "size= MiB over the page size"),
      .measured(
        "region_huge_kib", "the region's memory in huge pages", .kibibytes,
        "AnonHugePages of the region's line in /proc/self/smaps, after madvise(MADV_NOHUGEPAGE)"),
      .fact(
        "writes.\(percent).pages_written", "pages the <percent> % child wrote", .count,
        "one byte written in each of the first <percent> % of the region's pages"),
      .measured(
        "writes.\(percent).faults", "page faults of the child that wrote <percent> %", .count,
        "getrusage(RUSAGE_SELF) ru_minflt in the child, after its writes minus before"),
      .measured(
        "writes.\(percent).major_faults", "major faults of the <percent> % child", .count,
        "ru_majflt after minus before: faults that had to read a disk"),
      .measured(
        "writes.\(percent).faults_per_page", "faults per page written at <percent> %", .ratio,
        "faults over pages written (null when none was written)"),
      .measured(
        "writes.\(percent).seconds_per_fault", "time per fault at <percent> %", .seconds,
        "the child's writing time (CLOCK_MONOTONIC) over its faults (null when it wrote none)"),
      .measured(
        "writes.\(percent).private_growth_kib",
        "Private_Dirty growth of the <percent> % child", .kibibytes,
        "Private_Dirty after its writes minus before"),
    ]
    + rollup(prefix: "writes.\(percent).", when: "after its writes")
    + rollup(prefix: "writes.\(percent).before.", when: "before its writes")
    + [
      .measured(
        "\(way).\(size).median_seconds", "median time of one <way> at <size> MiB", .seconds,
        "start a child and reap it, the parent holding <size> MiB written: median of the runs"),
      .measured(
        "\(way).\(size).mean_seconds", "mean time of one <way> at <size> MiB", .seconds,
        "the mean over the timed runs"),
      .measured(
        "\(way).\(size).stddev_seconds", "σ of one <way> at <size> MiB", .seconds,
        "the sample standard deviation over the timed runs"),
      .measured(
        "page_tables.\(size)", "the parent's page tables at <size> MiB", .kibibytes,
        "VmPTE of the demo process with <size> MiB written"),
      .measured(
        "growth.\(way)", "<way> growth, largest size over smallest", .ratio,
        "the median at the largest sizes= over the median at the smallest"),
    ]

  static func rollup(prefix: String, when: String) -> [MetricDeclaration] {
    [
      ("rss_kib", "Rss"), ("pss_kib", "Pss"), ("private_dirty_kib", "Private_Dirty"),
      ("shared_dirty_kib", "Shared_Dirty"),
    ].map { path, field in
      .measured(
        prefix + path, "\(field) of the <percent> % child \(when)", .kibibytes,
        "\(field) in /proc/<pid>/smaps_rollup of the child, \(when)")
    }
  }
}
