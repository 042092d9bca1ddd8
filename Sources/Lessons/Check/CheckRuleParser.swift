/// Reads a check rule: a tokenizer and a recursive-descent parser without recursion (the
/// grammar is flat), bounded in length.
struct CheckRuleParser {
  enum Token: Hashable {
    case word(String)
    case number(Double)
    case text(String)
    case op(ComparisonOperator)
    case percent
    case plusMinus
    case times
    case end
  }

  static let maximumTokens = 200
  static let twoCharacterOperators: [String: ComparisonOperator] = [
    "<=": .lessOrEqual, ">=": .greaterOrEqual, "==": .equal, "!=": .notEqual,
  ]
  static let keywords: Set<String> = [
    "metric", "answer", "within", "of", "equals", "at", "least", "most", "and", "or", "true",
    "false",
  ]

  var tokens: [(token: Token, offset: Int, text: String)] = []
  var position = 0
  let length: Int

  init(_ text: String) throws(CheckRuleError) {
    let s = Array(text.unicodeScalars)
    // Where each scalar starts in `text`, so that tokens are sliced, not rebuilt.
    var starts = Array(text.unicodeScalars.indices)
    starts.append(text.endIndex)
    length = s.count
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    func isLetter(_ c: Unicode.Scalar) -> Bool {
      let v = c.value | 0x20
      return c.value < 0x80 ? (v >= 97 && v <= 122) || c == "_" : c.properties.isAlphabetic
    }
    func isWordPart(_ c: Unicode.Scalar) -> Bool {
      isLetter(c) || isDigit(c) || c == "." || c == "-"
    }
    func slice(_ range: Range<Int>) -> String {
      String(text[starts[range.lowerBound]..<starts[range.upperBound]])
    }
    var i = 0
    while i < s.count {
      let c = s[i]
      let start = i
      if AnswerParser.isSpace(c) {
        i += 1
        continue
      }
      guard tokens.count < CheckRuleParser.maximumTokens else {
        throw CheckRuleError("check rule too long", offset: start)
      }
      func next(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
      let startsNumber =
        isDigit(c) || c == "." && next(1).map(isDigit) == true
        || (c == "-" || c == "+" || c == "\u{2212}") && next(1).map(isDigit) == true
      if isLetter(c) {
        while i < s.count, isWordPart(s[i]) { i += 1 }
        let word = slice(start..<i)
        tokens.append((.word(word), start, word))
      } else if startsNumber {
        i += 1
        while i < s.count {
          let d = s[i]
          if isDigit(d) || d == "_" || d == "." {
            i += 1
          } else if d == ",", i + 1 < s.count, isDigit(s[i + 1]) {
            i += 1
          } else if d == "e" || d == "E", i + 1 < s.count,
            isDigit(s[i + 1])
              || (s[i + 1] == "-" || s[i + 1] == "+")
                && i + 2 < s.count && isDigit(s[i + 2])
          {
            i += 2
          } else {
            break
          }
        }
        let literal = slice(start..<i)
        guard let value = NumberText.parse(literal) else {
          throw CheckRuleError("'\(literal)' is not a number", offset: start)
        }
        tokens.append((.number(value), start, literal))
      } else if c == "\"" || c == "'" || c == "“" {
        let close: Unicode.Scalar = c == "“" ? "”" : c
        i += 1
        while i < s.count, s[i] != close { i += 1 }
        guard i < s.count else {
          throw CheckRuleError("quoted text is not closed", offset: start)
        }
        tokens.append((.text(slice((start + 1)..<i)), start, slice(start..<(i + 1))))
        i += 1
      } else {
        if let second = next(1),
          let op = CheckRuleParser.twoCharacterOperators[
            String(Character(c)) + String(Character(second))]
        {
          tokens.append((.op(op), start, slice(start..<(i + 2))))
          i += 2
          continue
        }
        let single: ComparisonOperator? =
          switch c {
          case "<": .less
          case ">": .greater
          case "=": .equal
          case "≤": .lessOrEqual
          case "≥": .greaterOrEqual
          case "≠": .notEqual
          default: nil
          }
        if let single {
          tokens.append((.op(single), start, String(Character(c))))
        } else if c == "%" {
          tokens.append((.percent, start, "%"))
        } else if c == "±" {
          tokens.append((.plusMinus, start, "±"))
        } else if c == "×" {
          tokens.append((.times, start, "×"))
        } else {
          throw CheckRuleError("unexpected '\(Character(c))' in check rule", offset: start)
        }
        i += 1
      }
    }
    tokens.append((.end, length, "end of rule"))
  }

  var current: Token { tokens[min(position, tokens.count - 1)].token }
  var currentOffset: Int { tokens[min(position, tokens.count - 1)].offset }
  var currentText: String { tokens[min(position, tokens.count - 1)].text }

  mutating func advance() { position = min(position + 1, tokens.count - 1) }

  func keyword(_ token: Token) -> String? {
    if case .word(let w) = token { return w.lowercased() }
    return nil
  }

  func error(_ expected: String) -> CheckRuleError {
    let found = current == .end ? "the end of the rule" : "'\(currentText)'"
    return CheckRuleError("expected \(expected), found \(found)", offset: currentOffset)
  }

  mutating func rule() throws(CheckRuleError) -> CheckRule {
    guard current != .end else {
      throw CheckRuleError(
        "empty check rule; write e.g. 'metric final < 2000000' or 'equals metric pid'",
        offset: 0)
    }
    let result: CheckRule
    switch keyword(current) {
    case "within":
      advance()
      let tolerance = try self.tolerance()
      guard keyword(current) == "of" else { throw error("'of'") }
      advance()
      result = .within(tolerance, of: try answerFreeOperand())
    case "equals":
      advance()
      result = .equals(try answerFreeOperand())
    case "at":
      advance()
      switch keyword(current) {
      case "least":
        advance()
        result = .atLeast(try answerFreeOperand())
      case "most":
        advance()
        result = .atMost(try answerFreeOperand())
      default:
        throw error("'least' or 'most' after 'at'")
      }
    default:
      result = try condition()
    }
    guard current == .end else {
      throw error(
        result.isCondition ? "'and', 'or' or the end of the rule" : "the end of the rule")
    }
    guard !result.metricPaths.isEmpty else {
      throw CheckRuleError(
        "the rule reads no metric; name one as 'metric <name>'", offset: 0)
    }
    return result
  }

  static let toleranceForms =
    "'within ± 0.5 of …' (a distance in the answer's unit, such as ± 0.5 durations) or "
    + "'within ×1.25 of …' (a ratio)"

  /// What follows `within`: `± 0.5`, `± 0.5 durations`, `0.5`, `×1.25` or `x1.25`.
  mutating func tolerance() throws(CheckRuleError) -> CheckTolerance {
    // The ratio form: `×1.25`, `× 1.25`, `x1.25` (one word to the tokenizer).
    if current == .times {
      let at = currentOffset
      advance()
      return try factor(afterTimesAt: at)
    }
    if case .word(let w) = current, w.count > 1, w.first == "x" || w.first == "X",
      let f = NumberText.parse(w.dropFirst())
    {
      let at = currentOffset
      advance()
      return try CheckRuleParser.checkedFactor(f, at: at)
    }
    let signed = current == .plusMinus
    if signed { advance() }
    guard case .number(let amount) = current, amount >= 0 else {
      throw error("a tolerance after 'within', such as ± 0.5 or ×1.25")
    }
    let amountText = currentText
    let amountOffset = currentOffset
    advance()
    if current == .percent {
      throw CheckRuleError(
        "'within \(amountText)%' is not symmetric (\(amountText)% below is further off than "
          + "\(amountText)% above); write \(CheckRuleParser.toleranceForms)", offset: amountOffset)
    }
    var unit: String?
    if current == .times {
      unit = "×"
    } else if case .word(let w) = current, !CheckRuleParser.keywords.contains(w.lowercased()) {
      unit = w
    }
    if let unit {
      if !signed, QuantityUnit.lookup(unit)?.dimension == .factor {
        throw CheckRuleError(
          "'within \(amountText)\(unit)' is ambiguous; write 'within ×\(amountText) of …' for a "
            + "ratio or 'within ± \(amountText) \(unit) of …' for a distance", offset: amountOffset)
      }
      advance()
    }
    return .plusMinus(amount, unit: unit)
  }

  mutating func factor(afterTimesAt at: Int) throws(CheckRuleError) -> CheckTolerance {
    guard case .number(let f) = current else {
      throw error("a ratio after '×', such as ×1.25")
    }
    advance()
    return try CheckRuleParser.checkedFactor(f, at: at)
  }

  static func checkedFactor(_ f: Double, at: Int) throws(CheckRuleError) -> CheckTolerance {
    guard f.isFinite, f > 1 else {
      throw CheckRuleError(
        "a ratio tolerance is above 1, such as ×1.25 (×1 would be 'equals')", offset: at)
    }
    return .factor(f)
  }

  mutating func condition() throws(CheckRuleError) -> CheckRule {
    var alternatives: [[CheckComparison]] = [[try comparison()]]
    while true {
      switch keyword(current) {
      case "and":
        advance()
        alternatives[alternatives.count - 1].append(try comparison())
      case "or":
        advance()
        alternatives.append([try comparison()])
      default:
        return .condition(alternatives)
      }
    }
  }

  mutating func comparison() throws(CheckRuleError) -> CheckComparison {
    let lhs = try operand()
    guard case .op(let op) = current else {
      throw error("a comparison (<, <=, >, >=, ==, !=) after \(lhs)")
    }
    advance()
    let rhs = try operand()
    return CheckComparison(lhs, op, rhs)
  }

  mutating func answerFreeOperand() throws(CheckRuleError) -> CheckOperand {
    let offset = currentOffset
    let result = try operand()
    if result == .answer {
      throw CheckRuleError("compare the answer with a metric, not with itself", offset: offset)
    }
    return result
  }

  mutating func operand() throws(CheckRuleError) -> CheckOperand {
    switch current {
    case .number(let n):
      advance()
      return .number(n)
    case .text(let t):
      advance()
      return .text(t)
    case .word(let w):
      switch w.lowercased() {
      case "metric":
        advance()
        guard case .word(let path) = current else { throw error("a metric name after 'metric'") }
        let offset = currentOffset
        advance()
        return .metric(try CheckRuleParser.validPath(path, offset: offset))
      case "answer":
        advance()
        return .answer
      case "true":
        advance()
        return .truth(true)
      case "false":
        advance()
        return .truth(false)
      default:
        guard !CheckRuleParser.keywords.contains(w.lowercased()) else {
          throw error("a metric, a number or 'answer'")
        }
        let offset = currentOffset
        advance()
        return .metric(try CheckRuleParser.validPath(w, offset: offset))
      }
    default:
      throw error("a metric, a number or 'answer'")
    }
  }

  static func validPath(_ path: String, offset: Int) throws(CheckRuleError) -> String {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false)
    guard !parts.contains(where: \.isEmpty), !path.hasSuffix("-") else {
      throw CheckRuleError("'\(path)' is not a metric name", offset: offset)
    }
    return path
  }
}

extension CheckRule {
  var isCondition: Bool {
    if case .condition = self { return true }
    return false
  }
}
