import Localization

/// The bounds of a demo's time budget (`proclab run --time-budget SECONDS`), declared once for
/// the option's help, its check and the docs.
public enum TimeBudget {
  /// The longest budget that may be asked for: an hour.
  public static let maximum: Double = 3600

  /// What the option's help says is allowed.
  public static let allowed = "more than 0 and at most \(Int(maximum)) seconds"

  /// The budget `text` asks for, or the one line that says why it cannot be one: NaN and
  /// infinity would turn the budget off, 0 and negative values stop the demo at once.
  public static func parse(_ text: String, option: String = "--time-budget") -> Result<
    Double, TimeBudgetError
  > {
    if let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= maximum {
      return .success(seconds)
    }
    return .failure(
      TimeBudgetError(
        message: Catalog.text(
          "demo.timeBudget.refused", ["option": option, "value": text, "max": "\(Int(maximum))"])))
  }
}

/// A refused time budget, with its one line for the person.
public struct TimeBudgetError: Error, Sendable {
  public var message: String
}
