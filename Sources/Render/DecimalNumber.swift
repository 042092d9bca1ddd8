/// A finite number as decimal digits, rounded in decimal.
///
/// Built from the shortest decimal representation that round-trips the `Double`
/// (`description`), so 0.0009995 rounds to three significant digits as "0.00100", the way a
/// person reading the number expects, instead of as "0.000999" from the binary value just
/// below it. Shifting by powers of ten (to change units) is exact.
struct DecimalNumber: Equatable {
  var negative: Bool
  /// Significant digits, most significant first, no leading or trailing zeros; empty for 0.
  var digits: [UInt8]
  /// The power of ten of the first digit: value = d₀.d₁d₂… × 10^exponent.
  var exponent: Int

  static let zero = DecimalNumber(negative: false, digits: [], exponent: 0)

  var isZero: Bool { digits.isEmpty }

  init(negative: Bool, digits: [UInt8], exponent: Int) {
    self.negative = negative
    self.digits = digits
    self.exponent = exponent
  }

  /// `value`, which must be finite.
  init(_ value: Double) {
    precondition(value.isFinite, "DecimalNumber needs a finite value")
    negative = value.sign == .minus
    digits = []
    exponent = 0
    if value == 0 {
      negative = false
      return
    }
    let text = value.magnitude.description
    var mantissa = Substring(text)
    var powerOfTen = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      powerOfTen = Int(text[text.index(after: e)...]) ?? 0
    }
    var all: [UInt8] = []
    var integerDigits = 0
    var seenPoint = false
    for byte in mantissa.utf8 {
      if byte == UInt8(ascii: ".") {
        seenPoint = true
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        all.append(byte - UInt8(ascii: "0"))
        if !seenPoint { integerDigits += 1 }
      }
    }
    guard let first = all.firstIndex(where: { $0 != 0 }) else {
      negative = false
      return
    }
    var last = all.count - 1
    while all[last] == 0 { last -= 1 }
    digits = Array(all[first...last])
    exponent = integerDigits - 1 - first + powerOfTen
  }

  /// This number times 10^`power`.
  func shifted(by power: Int) -> DecimalNumber {
    isZero ? self : DecimalNumber(negative: negative, digits: digits, exponent: exponent + power)
  }

  /// Rounded half away from zero to `count` significant digits.
  func rounded(significant count: Int) -> DecimalNumber {
    guard count >= 1, digits.count > count else { return self }
    var kept = Array(digits[0..<count])
    var newExponent = exponent
    if digits[count] >= 5 {
      var i = count - 1
      while i >= 0 {
        if kept[i] == 9 {
          kept[i] = 0
          i -= 1
        } else {
          kept[i] += 1
          break
        }
      }
      if i < 0 {
        kept = [1]
        newExponent += 1
      }
    }
    while let tail = kept.last, tail == 0 { kept.removeLast() }
    return DecimalNumber(negative: negative, digits: kept, exponent: newExponent)
  }

  /// Rounded half away from zero to `decimals` digits after the point.
  func rounded(decimals: Int) -> DecimalNumber {
    if isZero { return self }
    let keep = exponent + decimals + 1
    if keep >= digits.count { return self }
    if keep < 0 { return .zero }
    if keep == 0 {
      return digits[0] >= 5
        ? DecimalNumber(negative: negative, digits: [1], exponent: -decimals) : .zero
    }
    return rounded(significant: keep)
  }

  /// The number with exactly `decimals` digits after the point ("0.500", "1230", "-2.0").
  func fixed(_ decimals: Int) -> String {
    let decimals = max(0, decimals)
    let value = rounded(decimals: decimals)
    var text = value.negative && !value.isZero ? "-" : ""
    if value.isZero || value.exponent < 0 {
      text += "0"
    } else {
      for position in 0...value.exponent {
        text += String(position < value.digits.count ? value.digits[position] : 0)
      }
    }
    if decimals > 0 {
      text += "."
      for place in 1...decimals {
        let position = value.exponent + place
        let digit = position >= 0 && position < value.digits.count ? value.digits[position] : 0
        text += String(digit)
      }
    }
    return text
  }
}
