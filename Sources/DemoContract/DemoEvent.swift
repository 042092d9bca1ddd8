/// What a demo reports when it ends: `{demo, params, environment, metrics, tables, figures,
/// notes}`, what `proclab run <demo> --json` prints and quiz predictions are graded against.
public struct DemoReport: Sendable, Codable, Equatable {
  public var demo: String
  public var params: [String: JSONValue]
  public var environment: MachineEnvironment
  public var metrics: [String: JSONValue]
  public var tables: [Table]
  /// The timelines, charts, histograms and process trees the demo showed, as data.
  public var figures: [Figure]
  public var notes: [String]

  public init(
    demo: String, params: [String: JSONValue], environment: MachineEnvironment,
    metrics: [String: JSONValue] = [:], tables: [Table] = [], figures: [Figure] = [],
    notes: [String] = []
  ) {
    self.demo = demo
    self.params = params
    self.environment = environment
    self.metrics = metrics
    self.tables = tables
    self.figures = figures
    self.notes = notes
  }

  private enum Key: String, CodingKey {
    case demo, params, environment, metrics, tables, figures, notes
  }

  // Reports written before figures were data have no `figures`; metrics, tables and notes may
  // be left out too.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    demo = try c.decode(String.self, forKey: .demo)
    params = try c.decodeIfPresent([String: JSONValue].self, forKey: .params) ?? [:]
    environment = try c.decode(MachineEnvironment.self, forKey: .environment)
    metrics = try c.decodeIfPresent([String: JSONValue].self, forKey: .metrics) ?? [:]
    tables = try c.decodeIfPresent([Table].self, forKey: .tables) ?? []
    figures = try c.decodeIfPresent([Figure].self, forKey: .figures) ?? []
    notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(demo, forKey: .demo)
    try c.encode(params, forKey: .params)
    try c.encode(environment, forKey: .environment)
    try c.encode(metrics, forKey: .metrics)
    try c.encode(tables, forKey: .tables)
    try c.encode(figures, forKey: .figures)
    try c.encode(notes, forKey: .notes)
  }

  /// A metric by dotted path (`final`, `semaphore.lost`, `parent.pid`).
  public func metric(_ path: String) -> JSONValue? {
    JSONValue.object(metrics).path(path)
  }
}

/// One line of a demo's event stream (JSON lines on a pipe from the demo runner to its host).
public enum DemoEvent: Sendable, Equatable {
  /// The runner is up: its pid and the demo it is running.
  case started(demo: String, pid: Int32)
  /// A section heading inside the demo's output.
  case heading(String)
  /// A sentence of explanation.
  case note(String)
  /// A timeline, bar chart, histogram or process tree, as data; the host draws it.
  case figure(Figure)
  /// A table.
  case table(Table)
  /// Progress of a long demo, 0…1.
  case progress(fraction: Double, label: String)
  /// The final report; the last event of a demo that succeeded.
  case report(DemoReport)
  /// The demo failed: one line saying what happened.
  case failed(String)
}

extension DemoEvent: Codable {
  enum Key: String, CodingKey {
    case type, demo, pid, text, table, figure, fraction, label, report
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    switch try c.decode(String.self, forKey: .type) {
    case "started":
      self = .started(
        demo: try c.decode(String.self, forKey: .demo), pid: try c.decode(Int32.self, forKey: .pid))
    case "heading": self = .heading(try c.decode(String.self, forKey: .text))
    case "note": self = .note(try c.decode(String.self, forKey: .text))
    case "figure": self = .figure(try c.decode(Figure.self, forKey: .figure))
    case "table": self = .table(try c.decode(Table.self, forKey: .table))
    case "progress":
      self = .progress(
        fraction: try c.decode(Double.self, forKey: .fraction),
        label: try c.decode(String.self, forKey: .label))
    case "report": self = .report(try c.decode(DemoReport.self, forKey: .report))
    case "failed": self = .failed(try c.decode(String.self, forKey: .text))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: c, debugDescription: "unknown event type \(other)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    switch self {
    case .started(let demo, let pid):
      try c.encode("started", forKey: .type)
      try c.encode(demo, forKey: .demo)
      try c.encode(pid, forKey: .pid)
    case .heading(let text):
      try c.encode("heading", forKey: .type)
      try c.encode(text, forKey: .text)
    case .note(let text):
      try c.encode("note", forKey: .type)
      try c.encode(text, forKey: .text)
    case .figure(let figure):
      try c.encode("figure", forKey: .type)
      try c.encode(figure, forKey: .figure)
    case .table(let table):
      try c.encode("table", forKey: .type)
      try c.encode(table, forKey: .table)
    case .progress(let fraction, let label):
      try c.encode("progress", forKey: .type)
      try c.encode(fraction, forKey: .fraction)
      try c.encode(label, forKey: .label)
    case .report(let report):
      try c.encode("report", forKey: .type)
      try c.encode(report, forKey: .report)
    case .failed(let text):
      try c.encode("failed", forKey: .type)
      try c.encode(text, forKey: .text)
    }
  }
}
