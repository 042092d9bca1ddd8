public import DemoContract
import Render

/// How a figure a demo reports reads in a verdict: by its declared label and unit, never by its
/// raw path, with its value formatted as the demo's own tables format it (`Units`).
public enum MetricText {
  /// `value` in `unit`, as a student reads it: `3.88 GB/s`, `212 ms`, `1.84×`, `62.0%`,
  /// `1,000,000`, `4242` (pids and other ids plain, as every table prints them).
  public static func format(_ value: Double, _ unit: MetricUnit) -> String {
    guard value.isFinite else { return "n/a" }
    let whole = value == value.rounded() && abs(value) < 9e15 ? Int(value) : nil
    switch unit {
    case .seconds: return Units.duration(value)
    case .nanoseconds: return Units.duration(value * 1e-9)
    case .bytesPerSecond: return Units.rate(bytesPerSecond: value)
    case .messagesPerSecond: return Units.significant(value) + " messages/s"
    case .bytes: return whole.map(Units.bytes) ?? Units.significant(value) + " B"
    case .kibibytes:
      return whole.map { Units.bytes($0 * 1024) } ?? Units.significant(value) + " KiB"
    case .count: return whole.map(Units.count) ?? Units.significant(value)
    case .ratio: return Units.ratio(value)
    case .fraction: return Units.percent(value)
    case .durations: return Units.significant(value) + " task durations"
    case .runnable: return Units.significant(value) + " runnable tasks"
    case .cpu: return whole.map { "CPU \($0)" } ?? Units.significant(value)
    case .pid, .id, .exitStatus, .exitcode:
      return whole.map { String($0) } ?? Units.significant(value)
    case .boolean, .text, .list: return NumberText.format(value)
    }
  }

  /// What a student types for a number in `unit`, for the line under a question:
  /// "a number of task durations", "a speedup or slowdown, e.g. 1.8x". Examples are kept away
  /// from the shipped questions' answers, so the hint never gives one away. Nil for a unit that
  /// is not a number.
  public static func hint(_ unit: MetricUnit) -> String? {
    switch unit {
    case .seconds, .nanoseconds: "a time, e.g. 0.25 s or 250 ms"
    case .bytesPerSecond: "a rate in bytes per second, e.g. 2e9"
    case .messagesPerSecond: "a number of messages per second"
    case .bytes, .kibibytes: "a size, e.g. 4 KiB or 4096 B"
    case .count: "a whole number"
    case .ratio: "a speedup or slowdown, e.g. 1.8x"
    case .fraction: "a fraction, e.g. 0.5 or 50%"
    case .durations: "a number of task durations"
    case .runnable: "an average number of runnable tasks"
    case .cpu: "a CPU number, e.g. 0"
    case .pid: "a process id"
    case .id: "an id, a whole number"
    case .exitStatus: "an exit status, 0 to 255"
    case .exitcode: "an exitcode: 0 to 255, or -N when signal N killed the process"
    case .boolean, .text, .list: nil
    }
  }

  /// The same hint for a question's own `unit:` word when no declaration says more:
  /// "a time in µs (other units of time work too)", "a factor, e.g. 1.8x", "a number of items".
  public static func hint(questionUnit unit: String?) -> String {
    guard let unit, !unit.isEmpty else { return "a number" }
    guard let known = QuantityUnit.lookup(unit) else { return "a number of \(unit)" }
    switch known.dimension {
    case .time: return "a time in \(unit); other units of time work too, e.g. 250 ms"
    case .size: return "a size in \(unit); other units of size work too, e.g. 4 KiB"
    case .percent: return "a percentage, e.g. 25%"
    case .factor: return "a factor, e.g. 1.8x"
    }
  }
}

extension Question {
  /// The line shown under a question that takes a number: what to type, from the unit its
  /// check rule's metric declares (a prediction) or from its own `unit:` word; nil when the
  /// question does not take a number.
  /// - Parameter metrics: the metrics its demo declares (for a prediction).
  public func unitHint(metrics: [MetricDeclaration] = []) -> String? {
    switch kind {
    case .number:
      return MetricText.hint(questionUnit: unit)
    case .predict:
      guard choices.isEmpty, let rule = check, rule.input != .truth else { return nil }
      let declared = rule.answerMetricPaths.compactMap { metrics.declaration(for: $0)?.unit }
      if let first = declared.first, first == .seconds || first == .nanoseconds, unit != nil {
        return MetricText.hint(questionUnit: unit)
      }
      if let first = declared.first, let hint = MetricText.hint(first) {
        // A lesson's own word says what is counted better than "a whole number".
        if first == .count, let unit, QuantityUnit.lookup(unit) == nil {
          return "a number of \(unit)"
        }
        return hint
      }
      if rule.input == .number || unit != nil { return MetricText.hint(questionUnit: unit) }
      return nil
    default:
      return nil
    }
  }
}
