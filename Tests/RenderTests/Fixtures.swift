import DemoContract
import Render

/// The inputs of the golden tests.
enum Fixtures {
  static let environment =
    "2 CPUs online (affinity 0-1, no cgroup quota) · load 0.12 0.30 0.25 · Linux 6.1 · "
    + "Swift 6.3 release · AMD EPYC 7B13"

  /// A timing table with Hangul text and numbers.
  static let hangulTable = Table(
    title: "프로세스 생성 (process creation) — median of 7 runs",
    columns: [
      Table.Column("방법 method"),
      Table.Column("설명"),
      Table.Column("median", align: .right),
      Table.Column("± σ", align: .right),
      Table.Column("runs × loops", align: .right),
      Table.Column("relative", align: .right),
    ],
    rows: [
      ["fork + exec", "프로세스를 복제한 뒤 실행", "1.23 ms", "45.6 µs", "7 × 100", "3.20×"],
      ["posix_spawn", "한 번에 생성", "412 µs", "12.0 µs", "7 × 500", "1.07×"],
      ["vfork + exec", "주소 공간 공유", "385 µs", "9.80 µs", "7 × 500", "1.00×"],
      ["스레드 thread", "같은 프로세스 안", "18.2 µs", "1.10 µs", "7 × 10,000", "0.05×"],
    ],
    footer: [environment])

  /// A table whose text column must shrink to fit.
  static let wideTable = Table(
    title: "Demos",
    columns: [
      Table.Column("demo"),
      Table.Column("what it shows"),
      Table.Column("processes", align: .right),
      Table.Column("time", align: .right),
    ],
    rows: [
      [
        "shm-race",
        "Two processes add to one counter in shared memory without a lock; updates are lost",
        "2", "12.3 ms",
      ],
      ["pipe-throughput", "How fast bytes move through a pipe, by write size", "2", "1.02 s"],
      ["zombie", "A child that exited and was not waited for", "2", "5.00 ms"],
      [
        "fork-cow", "Copy-on-write after fork: pages are copied on first write\nsecond line", "2",
        "85.1 µs",
      ],
    ],
    footer: ["Machine: " + environment])

  static let barChart = BarChart(
    title: "Throughput by write size (pipe)",
    bars: [
      .init(label: "64 B", value: 152e6, annotation: "152 MB/s"),
      .init(label: "4 KiB", value: 1.93e9, annotation: "1.93 GB/s"),
      .init(label: "64 KiB", value: 3.41e9, annotation: "3.41 GB/s"),
      .init(label: "1 MiB", value: 2.87e9, annotation: "2.87 GB/s"),
      .init(label: "한국어 라벨", value: 0.4e6, annotation: "400 kB/s"),
      .init(label: "zero", value: 0, annotation: "0 B/s"),
    ])

  static let timeline = Timeline(
    title: "Which worker ran which task when",
    lanes: [
      .init(
        label: "worker 1",
        spans: [
          .init(start: 10.000, end: 10.030, label: "task 1"),
          .init(start: 10.031, end: 10.052, label: "task 3"),
          .init(start: 10.060, end: 10.062, label: "task 6"),
        ]),
      .init(
        label: "worker 2",
        spans: [
          .init(start: 10.002, end: 10.020, label: "task 2"),
          .init(start: 10.021, end: 10.090, label: "task 4"),
        ]),
      .init(label: "워커 3", spans: [.init(start: 10.040, end: 10.100, label: "작업 5")]),
      .init(label: "idle", spans: []),
    ])

  static let histogram = Histogram(
    title: "Latency of a pipe round trip (1,000 samples)",
    buckets: [
      .init(label: "< 10 µs", count: 12),
      .init(label: "10 – 20 µs", count: 604),
      .init(label: "20 – 50 µs", count: 311),
      .init(label: "50 – 100 µs", count: 61),
      .init(label: "≥ 100 µs", count: 12),
    ])

  static let sampledHistogram = Histogram(
    title: "From samples",
    samples: (0..<100).map { 1e-6 * (10 + Double(($0 * 37) % 23)) }, bucketCount: 4)

  static let leftText =
    "Two processes that add to a counter in shared memory without a lock lose updates: each "
    + "increment is a load and a store, and the other process's store can land in between. "
    + "With a semaphore around the increment, every update counts, but each one costs a system "
    + "call when the semaphore is contended."

  static let rightTable = Table(
    columns: [Table.Column("sync"), Table.Column("final", align: .right)],
    rows: [["none", "1,204,518"], ["semaphore", "2,000,000"], ["atomic", "2,000,000"]])

  static let markdown = """
    # Shared memory and semaphores

    Processes do **not** share memory unless they ask for it. The call `shm_open` creates a \
    named object; `mmap` maps it into the address space of *each* process that opens it, \
    and ~~nothing~~ everything written there is seen by the others. See \
    [the man page](https://man7.org/linux/man-pages/man7/shm_overview.7.html) or \
    <https://example.org>.

    ## What can go wrong
    An increment is three steps:

    1. load the value
    2. add one
    3. store it back, which may overwrite another process's store made between steps 1 and 3 \
    of this one
       - with a lock, nobody else runs steps 1–3 at the same time
       - without one:
         * lost updates
         * a final count below 2,000,000

    - tight item
    + another bullet, with a long enough text that it must wrap onto a second line with a \
    hanging indent

    > A block quote: **shared memory** is the fastest IPC because no data is copied.
    > It is also the easiest to get wrong.
    >
    > > Nested quote.

    ```swift
    let fd = shm_open(name, O_CREAT | O_RDWR, 0o600)   // never wrapped, however long the line is
    ftruncate(fd, 4096)
    ```

    | sync      | final count | time   |
    |:----------|------------:|:------:|
    | none      | 1,204,518   | 12 ms  |
    | semaphore | 2,000,000   | 310 ms |
    | `atomic`  | 2,000,000   | 25 ms  |

    ---

    Setext heading
    --------------

    ### Details 세부 사항
    A line with a hard break  
    after two spaces, an escaped \\*star\\*, a stray * and an unmatched **bold, and a \
    snake_case_name that stays as it is.

        indented code block
          keeps its indentation

    Final paragraph with 한국어 텍스트 that wraps by display width, because each Hangul \
    syllable takes two columns.
    """
}
