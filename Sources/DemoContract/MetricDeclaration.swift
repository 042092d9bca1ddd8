/// What a metric's value is counted in. The unit decides the JSON type a report must carry
/// (`jsonType`), how a figure is printed beside its label, and which units an answer may use.
public enum MetricUnit: String, Sendable, Codable, CaseIterable {
  case seconds
  case nanoseconds
  case bytesPerSecond = "bytes/s"
  case messagesPerSecond = "messages/s"
  case bytes
  case kibibytes = "KiB"
  /// How many of something: processes, lines, lost updates, loops.
  case count
  /// One quantity over another of the same unit: a speedup, a slowdown (`1.8×`).
  case ratio
  /// A share between 0 and 1 (efficiency, the fraction of time both tasks ran).
  case fraction
  /// A number of task durations (a pool's total time over one task's duration).
  case durations
  /// An average number of runnable tasks, as in the load average (not a whole number).
  case runnable = "runnable tasks"
  /// A CPU number, as in /proc/<pid>/stat or an affinity mask.
  case cpu
  /// A process or thread id.
  case pid
  /// A user, group, process-group or session id.
  case id
  /// What a process passed to exit() (0…255).
  case exitStatus = "exit status"
  /// A CPython `multiprocessing` exitcode: what the process passed to exit() (0…255), or −N
  /// when signal N killed it (−15: SIGTERM). Not an exit status: it may be negative.
  case exitcode
  case boolean
  case text
  /// A JSON array; the label says what its items are.
  case list

  /// The JSON type a value in this unit has.
  public var jsonType: MetricValueType {
    switch self {
    case .boolean: .boolean
    case .text: .text
    case .list: .list
    case .bytes, .kibibytes, .count, .cpu, .pid, .id, .exitStatus, .exitcode: .integer
    default: .number
    }
  }
}

/// The JSON type of a metric's value.
public enum MetricValueType: String, Sendable, Codable {
  case number, integer, boolean, text, list

  /// Whether `value` has this type (an integer is a number without a fractional part). A
  /// null is admitted by every type: the figure could not be had on this run (a ratio over a
  /// zero time, a row the machine could not run).
  public func admits(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (_, .null): true
    case (.number, .number): true
    case (.integer, .number(let n)): n.isFinite && n == n.rounded()
    case (.boolean, .bool), (.text, .string), (.list, .array): true
    default: false
    }
  }

  /// Whether a check rule may compare this value with a number.
  public var isNumeric: Bool { self == .number || self == .integer }
}

/// A bound on a metric's value that its unit alone does not give: what a recorded report must
/// agree with to be plausible (the teacher's `proclab grade` checks it, docs/grading.md).
public enum MetricBound: Sendable, Equatable, Codable {
  /// At most the CPUs online on the machine the report ran on (its `environment`).
  case cpusOnline
  /// At most the value of another metric of the same report, named by its path; a `<name…>`
  /// part written as in the declared path takes the value it has in the metric bounded
  /// (`<sync:…>.lost` at most `<sync:…>.expected`: `none.lost` at most `none.expected`).
  case atMost(String)
  /// The same value as another metric of the same report (a child's uid and its parent's),
  /// named as for `atMost`.
  case sameAs(String)
}

/// Whether a metric varies from run to run or is the same on every run on one machine.
public enum MetricKind: String, Sendable, Codable {
  /// Varies run to run: timings, lost updates, which worker ran a task.
  case measured
  /// The same on every run on this machine: a ppid equals its parent's pid, a semaphore
  /// loses nothing, a FIFO queue gives items back in order.
  case fact
}

/// One metric a demo reports: where it is in the report, what to call it, its unit, whether
/// it is measured or a fact, and what it means.
///
/// A path is dotted (`parent.pid`). A part written `<name>` matches any one part and names
/// it for the label (`bandwidth.<size>.bytes_per_second`, label "pipe bandwidth at <size>
/// writes"); `<name:a|b|c>` matches only those words; `<name:bytes>` matches a whole number
/// of bytes and prints it as `64 KiB`.
public struct MetricDeclaration: Sendable, Equatable, Codable {
  public var path: String
  public var label: String
  public var unit: MetricUnit
  public var kind: MetricKind
  public var meaning: String
  /// What else bounds the value beyond its unit, for the teacher's plausibility checks
  /// (docs/grading.md); nil for most metrics.
  public var bound: MetricBound?

  public init(
    _ path: String, _ label: String, _ unit: MetricUnit, _ kind: MetricKind, _ meaning: String
  ) {
    self.path = path
    self.label = label
    self.unit = unit
    self.kind = kind
    self.meaning = meaning
  }

  /// A metric that varies run to run.
  public static func measured(
    _ path: String, _ label: String, _ unit: MetricUnit, _ meaning: String
  ) -> MetricDeclaration {
    MetricDeclaration(path, label, unit, .measured, meaning)
  }

  /// A metric that is the same on every run on one machine.
  public static func fact(
    _ path: String, _ label: String, _ unit: MetricUnit, _ meaning: String
  ) -> MetricDeclaration {
    MetricDeclaration(path, label, unit, .fact, meaning)
  }

  /// This declaration with `bound` added.
  public func bounded(_ bound: MetricBound) -> MetricDeclaration {
    var copy = self
    copy.bound = bound
    return copy
  }

  /// Concrete paths this declaration covers, for suggestions: each word of a `<name:a|b>` part
  /// in turn (the first few), `<name>` for any other variable part.
  public var examplePaths: [String] {
    var paths = [""]
    for part in pattern {
      let words: [String] =
        switch part {
        case .literal(let w): [w]
        case .any(let name), .bytes(let name): ["<\(name)>"]
        case .oneOf(_, let options): Array(options.prefix(4))
        }
      paths = paths.flatMap { head in words.map { head.isEmpty ? $0 : head + "." + $0 } }
    }
    return paths
  }

  /// The number of variable parts: an exact path (0) is preferred over a pattern.
  var variableCount: Int { pattern.filter { if case .literal = $0 { false } else { true } }.count }

  /// The values of the variable parts when `concrete` matches this path, else nil.
  public func match(_ concrete: String) -> [String: String]? {
    // Most paths have no variable part: a comparison, without splitting the pattern (the
    // linter matches every rule's metric against every declaration of its demo at start-up).
    if !path.utf8.contains(UInt8(ascii: "<")) { return concrete == path ? [:] : nil }
    let parts = concrete.split(separator: ".", omittingEmptySubsequences: false)
    let pattern = self.pattern
    guard parts.count == pattern.count else { return nil }
    var bound: [String: String] = [:]
    for (part, expected) in zip(parts, pattern) {
      switch expected {
      case .literal(let word): if part != word { return nil }
      case .any(let name): bound[name] = String(part)
      case .oneOf(let name, let words):
        guard words.contains(String(part)) else { return nil }
        bound[name] = String(part)
      case .bytes(let name):
        guard let n = Int(part), n >= 0 else { return nil }
        bound[name] = MetricDeclaration.bytesText(n)
      }
    }
    return bound
  }

  /// The label with the variable parts of `concrete` filled in.
  public func label(for concrete: String) -> String {
    guard let bound = match(concrete), !bound.isEmpty else { return label }
    var out = label
    for (name, value) in bound { out = out.replacingAll("<\(name)>", with: value) }
    return out
  }

  enum Part: Equatable {
    case literal(String)
    case any(String)
    case oneOf(String, [String])
    case bytes(String)
  }

  var pattern: [Part] {
    path.split(separator: ".", omittingEmptySubsequences: false).map { part in
      guard part.hasPrefix("<"), part.hasSuffix(">") else { return .literal(String(part)) }
      let inner = part.dropFirst().dropLast()
      guard let colon = inner.firstIndex(of: ":") else { return .any(String(inner)) }
      let name = String(inner[..<colon])
      let spec = inner[inner.index(after: colon)...]
      if spec == "bytes" { return .bytes(name) }
      return .oneOf(name, spec.split(separator: "|").map(String.init))
    }
  }

  /// `64 B`, `4 KiB`, `1 MiB`: a byte count as a student reads it.
  static func bytesText(_ n: Int) -> String {
    if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
    return "\(n) B"
  }
}

extension Array where Element == MetricDeclaration {
  /// The declaration a concrete path falls under: an exact path first, then the pattern with
  /// the fewest variable parts.
  public func declaration(for concrete: String) -> MetricDeclaration? {
    filter { $0.match(concrete) != nil }.min { $0.variableCount < $1.variableCount }
  }

  /// Every way `metrics` breaks these declarations: a leaf path no declaration covers, or a
  /// value of the wrong JSON type. Empty when the report keeps its contract.
  public func violations(in metrics: [String: JSONValue]) -> [String] {
    JSONValue.leafPaths(of: metrics).compactMap { path, value in
      guard let declaration = declaration(for: path) else {
        return "\(path): not declared"
      }
      guard declaration.unit.jsonType.admits(value) else {
        return "\(path): declared \(declaration.unit.jsonType.rawValue), reported \(value.kindName)"
      }
      return nil
    }
  }
}

extension JSONValue {
  /// Every leaf of a metrics object with its dotted path: objects are walked, everything else
  /// (numbers, texts, booleans, arrays) is a leaf. Sorted by path.
  public static func leafPaths(of metrics: [String: JSONValue]) -> [(String, JSONValue)] {
    var out: [(String, JSONValue)] = []
    var stack: [(String, JSONValue)] = metrics.map { ($0.key, $0.value) }
    while let (path, value) = stack.popLast() {
      if case .object(let members) = value, !members.isEmpty {
        stack.append(contentsOf: members.map { ("\(path).\($0.key)", $0.value) })
      } else {
        out.append((path, value))
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// `number`, `text`, `boolean`, `list`, `object` or `null`: what a message calls this value.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "text"
    case .array: "list"
    case .object: "object"
    }
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
