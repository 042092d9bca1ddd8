public import Localization

/// Formatting of the numbers students see: durations, sizes, rates, counts.
///
/// Rounding is decimal and half away from zero, applied to the shortest decimal form of the
/// `Double`, so a value written as 0.9995 ms shows as "1.00 ms". Non-finite values show as
/// "n/a".
///
/// Durations speak the reader's language: Korean readers see `초`, `밀리초`, `마이크로초`,
/// `나노초` written against the number ("45.6밀리초"), as Korean texts write units; grouping
/// stays 1,000,000 in both languages.
public enum Units {
  /// A duration scaled to ns, µs, ms or s with three significant digits.
  ///
  /// Examples: "812 ns", "1.23 µs", "45.6 ms", "2.00 s", "0.500 ns", "1234 s"; zero is "0 s".
  /// A value that rounds up to 1000 of a unit moves to the next unit (999.6 ns → "1.00 µs").
  ///
  /// In Korean: "812나노초", "1.23마이크로초", "45.6밀리초", "2.00초"; zero is "0초".
  ///
  /// - Parameters:
  ///   - seconds: The duration in seconds; may be negative.
  ///   - language: The reader's language.
  /// - Returns: The formatted duration.
  public static func duration(_ seconds: Double, language: Language) -> String {
    guard seconds.isFinite else { return language == .ko ? "없음" : "n/a" }
    let names = durationUnits(language)
    if seconds == 0 { return "0" + names[0] }
    let rounded = DecimalNumber(seconds).rounded(significant: 3)
    let exponent = rounded.exponent
    if exponent >= 3 { return DecimalNumber(seconds).fixed(0) + names[0] }
    let (power, unit): (Int, String) =
      switch exponent {
      case 0...: (0, names[0])
      case -3 ... -1: (-3, names[1])
      case -6 ... -4: (-6, names[2])
      default: (-9, names[3])
      }
    let scaled = rounded.shifted(by: -power)
    let decimals = min(3, max(0, 2 - scaled.exponent))
    return scaled.fixed(decimals) + unit
  }

  /// `duration(_:language:)` in English (a separate function, so `map(Units.duration)` reads).
  public static func duration(_ seconds: Double) -> String {
    duration(seconds, language: .en)
  }

  /// The units of a duration, seconds first, with what separates them from the number.
  private static func durationUnits(_ language: Language) -> [String] {
    switch language {
    case .en: [" s", " ms", " µs", " ns"]
    case .ko: ["초", "밀리초", "마이크로초", "나노초"]
    }
  }

  /// A size in bytes with binary prefixes: "64 B", "4 KiB", "1.5 MiB", "1023 KiB".
  ///
  /// Exact multiples of a unit print without decimals; other sizes with up to three
  /// significant digits, trailing zeros dropped.
  ///
  /// - Parameter n: The number of bytes; may be negative.
  /// - Returns: The formatted size.
  public static func bytes(_ n: Int) -> String {
    let sign = n < 0 ? "-" : ""
    let magnitude = n.magnitude
    if magnitude < 1024 { return sign + String(magnitude) + " B" }
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var index = 0
    var divisor: UInt = 1024
    while index + 1 < units.count && magnitude / divisor >= 1024 {
      divisor *= 1024
      index += 1
    }
    if magnitude % divisor == 0 {
      return sign + String(magnitude / divisor) + " " + units[index]
    }
    // 1 ≤ value < 1024: three significant digits below 1000, an integer from 1000 on.
    let value = DecimalNumber(Double(magnitude) / Double(divisor))
    let rounded =
      value.exponent >= 3 ? value.rounded(decimals: 0) : value.rounded(significant: 3)
    if rounded.fixed(0) == "1024" && index + 1 < units.count {
      return sign + "1 " + units[index + 1]
    }
    let text =
      rounded.exponent >= 3
      ? rounded.fixed(0) : trimmingZeros(rounded.fixed(max(0, 2 - rounded.exponent)))
    return sign + text + " " + units[index]
  }

  /// A transfer rate with decimal (SI) prefixes and three significant digits: "512 B/s",
  /// "1.23 GB/s", "45.6 MB/s".
  ///
  /// - Parameter bytesPerSecond: The rate in bytes per second.
  /// - Returns: The formatted rate.
  public static func rate(bytesPerSecond: Double) -> String {
    guard bytesPerSecond.isFinite else { return "n/a" }
    if bytesPerSecond == 0 { return "0 B/s" }
    let rounded = DecimalNumber(bytesPerSecond).rounded(significant: 3)
    let units = ["B/s", "kB/s", "MB/s", "GB/s", "TB/s", "PB/s"]
    let index = min(units.count - 1, max(0, rounded.exponent >= 0 ? rounded.exponent / 3 : 0))
    let scaled = rounded.shifted(by: -3 * index)
    if scaled.exponent >= 3 {
      return DecimalNumber(bytesPerSecond).shifted(by: -3 * index).fixed(0) + " " + units[index]
    }
    return scaled.fixed(min(3, max(0, 2 - scaled.exponent))) + " " + units[index]
  }

  /// `x` with `digits` significant digits: "812", "1.23", "0.00100", "2.00".
  ///
  /// Numbers with more integer digits than `digits` are rounded to an integer instead
  /// ("12345", not "12300").
  ///
  /// - Parameters:
  ///   - x: The number.
  ///   - digits: How many significant digits to show; at least 1.
  /// - Returns: The formatted number; "inf", "-inf" or "nan" when not finite.
  public static func significant(_ x: Double, digits: Int = 3) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    let digits = max(1, digits)
    if x == 0 { return digits > 1 ? "0." + String(repeating: "0", count: digits - 1) : "0" }
    let rounded = DecimalNumber(x).rounded(significant: digits)
    if rounded.exponent >= digits { return DecimalNumber(x).fixed(0) }
    return rounded.fixed(max(0, digits - 1 - rounded.exponent))
  }

  /// `x` with exactly `decimals` digits after the point: fixed(2.5, decimals: 1) is "2.5".
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    return DecimalNumber(x).fixed(decimals)
  }

  /// An integer with thousands separators: "100,000,000", "-1,234".
  public static func count(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var result = n < 0 ? "-" : ""
    result.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 + 1)
    var remaining = digits.count
    for character in digits {
      result.append(character)
      remaining -= 1
      if remaining > 0 && remaining % 3 == 0 { result.append(",") }
    }
    return result
  }

  /// A mean duration and its standard deviation: "1.23 ms ± 45.6 µs" ("1.23밀리초 ±
  /// 45.6마이크로초" in Korean).
  public static func plusMinus(mean: Double, σ: Double, language: Language = .en) -> String {
    duration(mean, language: language) + " ± " + duration(σ, language: language)
  }

  /// A fraction as a percentage with `digits` significant digits: 0.1234 → "12.3%".
  public static func percent(_ fraction: Double, digits: Int = 3) -> String {
    significant(fraction * 100, digits: digits) + "%"
  }

  /// A ratio as a multiplier with three significant digits: 2.345 → "2.35×".
  public static func ratio(_ value: Double) -> String {
    significant(value) + "×"
  }

  private static func trimmingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.last == "0" { result = result.dropLast() }
    if result.last == "." { result = result.dropLast() }
    return String(result)
  }
}
