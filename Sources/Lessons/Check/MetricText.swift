public import DemoContract
import Localization
import Render

/// How a figure a demo reports reads in a verdict: by its declared label and unit, never by its
/// raw path, with its value formatted as the demo's own tables format it (`Units`).
public enum MetricText {
  /// `value` in `unit`, as a student reads it: `3.88 GB/s`, `212 ms`, `1.84×`, `62.0%`,
  /// `1,000,000`, `4242` (pids and other ids plain, as every table prints them).
  public static func format(_ value: Double, _ unit: MetricUnit) -> String {
    guard value.isFinite else { return Units.duration(value, language: Catalog.language) }
    let whole = value == value.rounded() && abs(value) < 9e15 ? Int(value) : nil
    switch unit {
    case .seconds: return Units.duration(value, language: Catalog.language)
    case .nanoseconds: return Units.duration(value * 1e-9, language: Catalog.language)
    case .bytesPerSecond: return Units.rate(bytesPerSecond: value)
    case .messagesPerSecond:
      return Catalog.text("quiz.figure.messagesPerSecond", ["n": Units.significant(value)])
    case .bytes: return whole.map(Units.bytes) ?? Units.significant(value) + " B"
    case .kibibytes:
      return whole.map { Units.bytes($0 * 1024) } ?? Units.significant(value) + " KiB"
    case .count: return whole.map(Units.count) ?? Units.significant(value)
    case .ratio: return Units.ratio(value)
    case .fraction: return Units.percent(value)
    case .durations:
      return Catalog.text("quiz.figure.durations", ["n": Units.significant(value)])
    case .runnable: return Catalog.text("quiz.figure.runnable", ["n": Units.significant(value)])
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
    case .seconds, .nanoseconds: Catalog.text("quiz.unit.seconds")
    case .bytesPerSecond: Catalog.text("quiz.unit.bytesPerSecond")
    case .messagesPerSecond: Catalog.text("quiz.unit.messagesPerSecond")
    case .bytes, .kibibytes: Catalog.text("quiz.unit.bytes")
    case .count: Catalog.text("quiz.unit.count")
    case .ratio: Catalog.text("quiz.unit.ratio")
    case .fraction: Catalog.text("quiz.unit.fraction")
    case .durations: Catalog.text("quiz.unit.durations")
    case .runnable: Catalog.text("quiz.unit.runnable")
    case .cpu: Catalog.text("quiz.unit.cpu")
    case .pid: Catalog.text("quiz.unit.pid")
    case .id: Catalog.text("quiz.unit.id")
    case .exitStatus: Catalog.text("quiz.unit.exitStatus")
    case .exitcode: Catalog.text("quiz.unit.exitcode")
    case .boolean, .text, .list: nil
    }
  }

  /// The same hint for a question's own `unit:` word when no declaration says more:
  /// "a time in µs (other units of time work too)", "a factor, e.g. 1.8x", "a number of items".
  public static func hint(questionUnit unit: String?) -> String {
    guard let unit, !unit.isEmpty else { return Catalog.text("quiz.unit.number") }
    guard let known = QuantityUnit.lookup(unit) else {
      return Catalog.text("quiz.unit.numberOf", ["unit": unit])
    }
    switch known.dimension {
    case .time: return Catalog.text("quiz.unit.timeIn", ["unit": unit])
    case .size: return Catalog.text("quiz.unit.sizeIn", ["unit": unit])
    case .percent: return Catalog.text("quiz.unit.percent")
    case .factor: return Catalog.text("quiz.unit.factor")
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
