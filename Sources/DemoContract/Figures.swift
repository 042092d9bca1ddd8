/// A figure a demo shows: its data, sent as an event and kept in the report (so `--json` and the
/// tests see it), drawn by Render in the host at the terminal's width when it arrives.
///
/// JSON: `{"kind": "timeline", "timeline": {…}}`, and likewise `bar_chart`, `histogram`,
/// `process_tree`.
public enum Figure: Sendable, Equatable, Codable {
  case timeline(Timeline)
  case barChart(BarChart)
  case histogram(Histogram)
  case processTree(ProcessTreeFigure)

  private enum Key: String, CodingKey {
    case kind, timeline
    case barChart = "bar_chart"
    case histogram
    case processTree = "process_tree"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    switch try c.decode(String.self, forKey: .kind) {
    case Key.timeline.rawValue: self = .timeline(try c.decode(Timeline.self, forKey: .timeline))
    case Key.barChart.rawValue: self = .barChart(try c.decode(BarChart.self, forKey: .barChart))
    case Key.histogram.rawValue:
      self = .histogram(try c.decode(Histogram.self, forKey: .histogram))
    case Key.processTree.rawValue:
      self = .processTree(try c.decode(ProcessTreeFigure.self, forKey: .processTree))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c, debugDescription: "unknown figure kind \(other)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    switch self {
    case .timeline(let figure):
      try c.encode(Key.timeline.rawValue, forKey: .kind)
      try c.encode(figure, forKey: .timeline)
    case .barChart(let figure):
      try c.encode(Key.barChart.rawValue, forKey: .kind)
      try c.encode(figure, forKey: .barChart)
    case .histogram(let figure):
      try c.encode(Key.histogram.rawValue, forKey: .kind)
      try c.encode(figure, forKey: .histogram)
    case .processTree(let figure):
      try c.encode(Key.processTree.rawValue, forKey: .kind)
      try c.encode(figure, forKey: .processTree)
    }
  }
}

/// Who did what when: one lane per worker, thread or process, each with its busy spans.
///
/// Times are seconds on one clock (the demo's monotonic clock); `start` is the time origin,
/// the 0 of the axis. JSON: `{"title": …, "unit": "seconds", "origin": 1234.5, "end": 1234.6,
/// "lanes": [{"label": "worker 1", "spans": [{"start": …, "end": …, "label": "task 1"}]}]}`.
public struct Timeline: Sendable, Equatable, Codable {
  /// A busy interval of a lane.
  public struct Span: Sendable, Equatable, Codable {
    /// When the span starts, in seconds on the timeline's clock.
    public var start: Double
    /// When the span ends, in seconds on the same clock.
    public var end: Double
    /// What ran, drawn inside the span.
    public var label: String

    /// Creates a span.
    public init(start: Double, end: Double, label: String) {
      self.start = start
      self.end = end
      self.label = label
    }
  }

  /// A row of the timeline.
  public struct Lane: Sendable, Equatable, Codable {
    /// Who the row is about, printed on the left.
    public var label: String
    /// The busy spans; where they overlap, later ones are drawn over earlier ones.
    public var spans: [Span]

    /// Creates a lane.
    public init(label: String, spans: [Span]) {
      self.label = label
      self.spans = spans
    }
  }

  /// The unit of every time in a timeline, written into its JSON so a reader need not guess.
  public static let unit = "seconds"

  /// A line printed above the timeline, or nil.
  public var title: String?
  /// The rows, top to bottom.
  public var lanes: [Lane]
  /// The time origin, at the left edge; nil for the earliest span start.
  public var start: Double?
  /// The time at the right edge; nil for the latest span end.
  public var end: Double?

  /// Creates a timeline.
  ///
  /// - Parameters:
  ///   - title: A line printed above the timeline, or nil.
  ///   - lanes: The rows.
  ///   - start: The time origin, at the left edge, or nil for the earliest span start.
  ///   - end: The time at the right edge, or nil for the latest span end.
  public init(title: String? = nil, lanes: [Lane], start: Double? = nil, end: Double? = nil) {
    self.title = title
    self.lanes = lanes
    self.start = start
    self.end = end
  }

  private enum Key: String, CodingKey { case title, lanes, origin, end, unit }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    let unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? Timeline.unit
    guard unit == Timeline.unit else {
      throw DecodingError.dataCorruptedError(
        forKey: .unit, in: c, debugDescription: "timeline unit \(unit); only seconds")
    }
    title = try c.decodeIfPresent(String.self, forKey: .title)
    lanes = try c.decode([Lane].self, forKey: .lanes)
    start = try c.decodeIfPresent(Double.self, forKey: .origin)
    end = try c.decodeIfPresent(Double.self, forKey: .end)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encode(Timeline.unit, forKey: .unit)
    try c.encodeIfPresent(start, forKey: .origin)
    try c.encodeIfPresent(end, forKey: .end)
    try c.encode(lanes, forKey: .lanes)
  }
}

/// A horizontal bar chart: one labelled bar per row, scaled to the largest value, with an
/// annotation (usually the formatted value) after the bars.
public struct BarChart: Sendable, Equatable, Codable {
  /// One row of the chart.
  public struct Bar: Sendable, Equatable, Codable {
    /// What the bar stands for, printed on the left.
    public var label: String
    /// The length of the bar; negative and non-finite values draw no bar.
    public var value: Double
    /// Text after the bars, such as the formatted value.
    public var annotation: String

    /// Creates a bar.
    public init(label: String, value: Double, annotation: String = "") {
      self.label = label
      self.value = value
      self.annotation = annotation
    }
  }

  /// A line printed above the chart, or nil.
  public var title: String?
  /// The bars, top to bottom.
  public var bars: [Bar]

  /// Creates a chart.
  public init(title: String? = nil, bars: [Bar]) {
    self.title = title
    self.bars = bars
  }
}

/// A histogram: buckets, each with what it holds and how many values fell in it.
public struct Histogram: Sendable, Equatable, Codable {
  /// One bucket.
  public struct Bucket: Sendable, Equatable, Codable {
    /// The bucket's range or name, as printed.
    public var label: String
    /// How many values fell in it.
    public var count: Int
    /// The bucket's bounds, when it is a range of numbers (nil for a named bucket).
    public var lower: Double?
    public var upper: Double?

    /// Creates a bucket.
    public init(label: String, count: Int, lower: Double? = nil, upper: Double? = nil) {
      self.label = label
      self.count = count
      self.lower = lower
      self.upper = upper
    }
  }

  /// A line printed above the histogram, or nil.
  public var title: String?
  /// The buckets, top to bottom.
  public var buckets: [Bucket]

  /// Creates a histogram from buckets that are already counted.
  public init(title: String? = nil, buckets: [Bucket]) {
    self.title = title
    self.buckets = buckets
  }
}

/// A tree of real processes: each with its pid, its parent's pid and what it is. A process
/// whose parent is not in the figure is a root; children are drawn in the order given.
public struct ProcessTreeFigure: Sendable, Equatable, Codable {
  /// One process.
  public struct Process: Sendable, Equatable, Codable {
    public var pid: Int32
    public var ppid: Int32
    /// What the process is ("demo", "child", the command of the shell that started it).
    public var label: String
    /// Said after the ids ("called fork() 3×", "→ wait(): exited 1"), or "".
    public var note: String

    /// Creates a process entry.
    public init(pid: Int32, ppid: Int32, label: String, note: String = "") {
      self.pid = pid
      self.ppid = ppid
      self.label = label
      self.note = note
    }
  }

  /// A line printed above the tree, or nil.
  public var title: String?
  /// The processes, parents before their children.
  public var processes: [Process]

  /// Creates a tree.
  public init(title: String? = nil, processes: [Process]) {
    self.title = title
    self.processes = processes
  }
}
