/// Reading and writing numbers the way people type and read them: `1,234,567`, `2_000_000`,
/// `1.5e3`, `−3`.
enum NumberText {
  /// Reads a whole text as a number; `nil` unless every character belongs to it.
  ///
  /// Accepts an optional sign (`+`, `-`, `−`), digits with `_` between them or `,` between
  /// groups of three (`1,234,567`), a fraction after `.`, and an exponent (`e3`, `E-2`).
  static func parse(_ text: some StringProtocol) -> Double? {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty, scalars.count <= 400 else { return nil }
    var i = 0
    var clean = ""
    if scalars[0] == "+" || scalars[0] == "-" || scalars[0] == "\u{2212}" {
      if scalars[0] != "+" { clean.append("-") }
      i = 1
    }
    // Integer part, with its separators checked.
    var groups: [Int] = [0]
    var usedComma = false
    var digitCount = 0
    var lastWasDigit = false
    while i < scalars.count {
      let c = scalars[i]
      if isDigit(c) {
        clean.unicodeScalars.append(c)
        groups[groups.count - 1] += 1
        digitCount += 1
        lastWasDigit = true
      } else if c == "_" {
        guard lastWasDigit, i + 1 < scalars.count, isDigit(scalars[i + 1]) else { return nil }
        lastWasDigit = false
      } else if c == "," {
        guard lastWasDigit, i + 1 < scalars.count, isDigit(scalars[i + 1]) else { return nil }
        usedComma = true
        groups.append(0)
        lastWasDigit = false
      } else {
        break
      }
      i += 1
    }
    if usedComma {
      guard let first = groups.first, (1...3).contains(first),
        groups.dropFirst().allSatisfy({ $0 == 3 })
      else { return nil }
    }
    // Fraction.
    if i < scalars.count, scalars[i] == "." {
      clean.append(".")
      i += 1
      lastWasDigit = false
      while i < scalars.count {
        let c = scalars[i]
        if isDigit(c) {
          clean.unicodeScalars.append(c)
          digitCount += 1
          lastWasDigit = true
        } else if c == "_" {
          guard lastWasDigit, i + 1 < scalars.count, isDigit(scalars[i + 1]) else { return nil }
          lastWasDigit = false
        } else {
          break
        }
        i += 1
      }
    }
    guard digitCount > 0 else { return nil }
    // Exponent.
    if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
      clean.append("e")
      i += 1
      if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
        clean.unicodeScalars.append(scalars[i])
        i += 1
      }
      var expDigits = 0
      while i < scalars.count, isDigit(scalars[i]), expDigits < 6 {
        clean.unicodeScalars.append(scalars[i])
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
    }
    guard i == scalars.count, let value = Double(clean), value.isFinite else { return nil }
    return value
  }

  /// Splits `4,000 ms` into the number 4000 and the rest, `ms` (trimmed; may be empty).
  /// `nil` when the text does not start with a number.
  static func splitQuantity(_ text: Substring) -> (value: Double, unit: Substring)? {
    let scalars = text.unicodeScalars
    var end = scalars.startIndex
    var i = scalars.startIndex
    var first = true
    var previous: Unicode.Scalar = " "
    while i != scalars.endIndex {
      let c = scalars[i]
      let next = scalars.index(after: i)
      let nextScalar: Unicode.Scalar? = next == scalars.endIndex ? nil : scalars[next]
      var accept = false
      if isDigit(c) || c == "." || c == "_" || c == "," {
        accept = true
      } else if first, c == "+" || c == "-" || c == "\u{2212}" {
        accept = true
      } else if c == "e" || c == "E", isDigit(previous), let n = nextScalar {
        // An exponent only when digits follow (`1.5e3`, `2e-3`), never the unit `e…`.
        if isDigit(n) {
          accept = true
        } else if n == "+" || n == "-" {
          let afterSign = scalars.index(after: next)
          accept = afterSign != scalars.endIndex && isDigit(scalars[afterSign])
          if accept {
            i = afterSign
            previous = n
            first = false
            end = i
            continue
          }
        }
      }
      guard accept else { break }
      previous = c
      first = false
      i = next
      end = i
    }
    // A trailing separator belongs to the text, not to the number (`4, 5`).
    var numberEnd = end
    while numberEnd != scalars.startIndex {
      let before = scalars.index(before: numberEnd)
      if scalars[before] == "," || scalars[before] == "_" || scalars[before] == "." {
        numberEnd = before
      } else {
        break
      }
    }
    guard numberEnd != scalars.startIndex,
      let value = parse(text[text.startIndex..<numberEnd])
    else { return nil }
    let rest = text[numberEnd...].trimmingWhitespace()
    return (value, rest)
  }

  /// A number for a person: whole numbers with thousands separators (`1,234,567`), others
  /// to about four significant digits (`3.142`, `0.0123`).
  static func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    let magnitude = abs(x)
    let sign = x < 0 ? "-" : ""
    if magnitude < 1e15, x == x.rounded() {
      return sign + grouped(UInt64(magnitude))
    }
    guard magnitude < 1e15, magnitude >= 1e-4 else { return String(x) }
    var digitsBefore = 0
    var t = magnitude
    while t >= 1 {
      t /= 10
      digitsBefore += 1
    }
    t = magnitude
    while t < 0.1 {
      t *= 10
      digitsBefore -= 1
    }
    let decimals = max(0, min(6, 4 - digitsBefore))
    var power: UInt64 = 1
    for _ in 0..<decimals { power *= 10 }
    let scaled = (magnitude * Double(power)).rounded()
    guard scaled < 9e18 else { return String(x) }
    let whole = UInt64(scaled)
    let integer = whole / power
    var fraction = String(whole % power)
    if decimals > 0 {
      fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
    } else {
      fraction = ""
    }
    let body = grouped(integer) + (fraction.isEmpty ? "" : "." + fraction)
    return body == "0" ? "0" : sign + body
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ n: UInt64) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  @inline(__always)
  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}

extension Substring {
  /// The text without leading and trailing whitespace (any Unicode whitespace). Scans bytes,
  /// looking up Unicode properties only for non-ASCII characters.
  func trimmingWhitespace() -> Substring {
    let bytes = utf8
    let scalars = unicodeScalars
    var lo = bytes.startIndex
    var hi = bytes.endIndex
    while lo < hi {
      let b = bytes[lo]
      if b == 32 || (b >= 9 && b <= 13) {
        lo = bytes.index(after: lo)
      } else if b >= 0x80, scalars[lo].properties.isWhitespace {
        lo = scalars.index(after: lo)
      } else {
        break
      }
    }
    while hi > lo {
      let last = bytes.index(before: hi)
      let b = bytes[last]
      if b == 32 || (b >= 9 && b <= 13) {
        hi = last
      } else if b >= 0x80 {
        let start = scalars.index(before: hi)
        guard start >= lo, scalars[start].properties.isWhitespace else { break }
        hi = start
      } else {
        break
      }
    }
    return self[lo..<hi]
  }
}

extension String {
  /// The text without leading and trailing whitespace (any Unicode whitespace).
  func trimmingWhitespace() -> Substring { self[...].trimmingWhitespace() }
}
