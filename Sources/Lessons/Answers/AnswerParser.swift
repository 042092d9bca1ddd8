import Localization

/// A student's answer that could not be read: one line saying what to type instead.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One line for the student (`answer with a letter from a to d, for example b`).
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Reads what a student typed as an answer to a question. Pure functions, safe on any input.
public enum AnswerParser {
  /// Reads `text` as an answer to `question` (any kind but `predict`).
  ///
  /// - Parameters:
  ///   - text: what the student typed.
  ///   - question: the question, for its kind, choices, items and unit.
  /// - Returns: the typed answer: choice indices, true/false, a number in the question's
  ///   unit, text, or an order of items.
  /// - Throws: `AnswerError` saying what to type instead.
  public static func parse(_ raw: String, for question: Question) throws(AnswerError) -> Answer {
    // Decomposed Hangul and full-width forms read as typed on any keyboard.
    let text = AnswerNormalization.normalized(raw)
    switch question.kind {
    case .choice:
      let picks = try choices(text, from: question.choices)
      guard picks.count == 1 else {
        throw AnswerError(
          Catalog.text("quiz.answer.chooseOne", ["range": range(question.choices.count)]))
      }
      return .choices(picks)
    case .multi:
      return .choices(Array(Set(try choices(text, from: question.choices))).sorted())
    case .truefalse:
      guard let value = truth(text) else {
        throw AnswerError(Catalog.text("quiz.answer.trueFalse"))
      }
      return .truth(value)
    case .number:
      return .number(try number(text, unit: question.unit))
    case .text:
      let trimmed = text.trimmingWhitespace()
      guard !trimmed.isEmpty else { throw AnswerError(Catalog.text("quiz.answer.typeAnswer")) }
      return .text(String(trimmed))
    case .order:
      return .order(try order(text, items: question.items))
    case .predict:
      throw AnswerError("a prediction is read with AnswerParser.parsePrediction")
    }
  }

  /// Reads `text` as a prediction for a `predict` question, as its `predictInput` says.
  /// - Throws: `AnswerError` saying what to type instead.
  public static func parsePrediction(
    _ raw: String, for question: Question
  ) throws(AnswerError) -> PredictAnswer {
    let text = AnswerNormalization.normalized(raw)
    switch question.predictInput ?? .value {
    case .truth:
      guard let value = truth(text) else {
        throw AnswerError(Catalog.text("quiz.answer.predictTrueFalse"))
      }
      return .truth(value)
    case .number:
      return .number(try number(text, unit: question.unit))
    case .choice:
      let picks = try choices(text, from: question.choices)
      guard picks.count == 1, let i = picks.first, question.choices.indices.contains(i) else {
        throw AnswerError(
          Catalog.text("quiz.answer.chooseOne", ["range": range(question.choices.count)]))
      }
      return .choice(index: i, label: question.choices[i].label, text: question.choices[i].text)
    case .value:
      let trimmed = text.trimmingWhitespace()
      guard !trimmed.isEmpty else { throw AnswerError(Catalog.text("quiz.answer.numberOrWord")) }
      if let quantity = NumberText.splitQuantity(trimmed),
        case .success(let converted) = QuantityUnit.convert(
          quantity.value, from: quantity.unit, to: question.unit)
      {
        return .number(converted)
      }
      return .text(String(trimmed))
    }
  }

  /// Reads choice letters: `b`, `B`, `b)`, `(b)`, `a, c`, `a c`, `a and c`, `ac`; also the
  /// exact text of a choice, or positions `2`, `1 3` when no choice is itself a number.
  ///
  /// - Returns: 0-based indices in the order typed, without repeats.
  /// - Throws: `AnswerError` for anything else, or a letter past the last choice.
  public static func choices(
    _ raw: String, from choices: [Choice]
  ) throws(AnswerError) -> [Int] {
    let count = choices.count
    let text = AnswerNormalization.normalized(raw)
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else {
      throw AnswerError(Catalog.text("quiz.answer.typeLetter", ["range": range(count)]))
    }
    if trimmed.utf8.count == 1, let i = letterIndex(trimmed), i < count { return [i] }
    let tokens = words(trimmed, separators: ",;/&+·、")
      .map { strip($0, ")(].[:") }
      .filter { !$0.isEmpty && !["and", "및", "그리고"].contains($0.lowercased()) }
    guard !tokens.isEmpty else {
      throw AnswerError(Catalog.text("quiz.answer.typeLetter", ["range": range(count)]))
    }
    // The text of a choice, exactly, in the lesson's language or the original's.
    let normal = normalizedText(String(trimmed))
    let named = choices.firstIndex { $0.isNamed(normal) }
    // Letters, one per word; a choice's own text wins over a letter past the last choice
    // (`Z` among R, S, Z, X names the choice Z).
    if tokens.allSatisfy({ letterIndex($0) != nil }) {
      if let named, tokens.contains(where: { (letterIndex($0) ?? count) >= count }) {
        return [named]
      }
      var picks: [Int] = []
      for token in tokens {
        guard let i = letterIndex(token), i < count else {
          throw AnswerError(
            Catalog.text(
              "quiz.answer.noChoiceLetter", ["choice": token.lowercased(), "range": range(count)]))
        }
        if !picks.contains(i) { picks.append(i) }
      }
      return picks
    }
    if let named { return [named] }
    // Several letters in one word: `ac`.
    if tokens.count == 1, let token = tokens.first, token.count <= count {
      let letters = token.map { letterIndex(String($0)) }
      if letters.allSatisfy({ ($0 ?? count) < count }) {
        var picks: [Int] = []
        for case let i? in letters where !picks.contains(i) { picks.append(i) }
        return picks
      }
    }
    // Positions, unless a choice's text is a number (then `2` would be ambiguous).
    let numericChoices = choices.contains { NumberText.parse($0.text.trimmingWhitespace()) != nil }
    if !numericChoices, tokens.allSatisfy({ Int($0) != nil }) {
      var picks: [Int] = []
      for token in tokens {
        guard let n = Int(token), n >= 1, n <= count else {
          throw AnswerError(
            Catalog.text("quiz.answer.noChoiceNumber", ["choice": token, "range": range(count)]))
        }
        if !picks.contains(n - 1) { picks.append(n - 1) }
      }
      return picks
    }
    throw AnswerError(Catalog.text("quiz.answer.withLetter", ["range": range(count)]))
  }

  /// Reads true or false: `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, `o`/`x`, `1`/`0`,
  /// and Korean `참`/`거짓`, `예`/`아니오`, `네`/`아니요`, `맞다`/`틀리다`.
  /// - Returns: `nil` for anything else.
  public static func truth(_ text: String) -> Bool? {
    let folded = AnswerNormalization.normalized(text)
    let word = strip(folded.trimmingWhitespace(), ".!。").lowercased()
    switch word {
    case "true", "t", "yes", "y", "o", "○", "◯", "1", "right", "correct", "참", "예", "네", "응",
      "맞다", "맞음", "맞아요", "그렇다", "맞습니다", "그렇습니다":
      return true
    case "false", "f", "no", "n", "x", "×", "✗", "0", "wrong", "incorrect", "거짓", "아니오",
      "아니요", "아니", "틀리다", "틀림", "틀려요", "아니다", "틀립니다", "아닙니다":
      return false
    default:
      return nil
    }
  }

  /// Reads a number with an optional unit and converts it to `unit`: `4 s`, `4000ms`,
  /// `4,000 ms`, `1.5e3`, `2_000`, `25%`, `3x`, `4초`.
  ///
  /// - Parameters:
  ///   - text: what the student typed.
  ///   - unit: the question's unit; `nil` when the answer is a plain number.
  /// - Returns: the number in `unit`.
  /// - Throws: `AnswerError` for text that is not a number, or a unit of another kind.
  public static func number(_ raw: String, unit: String?) throws(AnswerError) -> Double {
    let text = AnswerNormalization.normalized(raw)
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { throw AnswerError(Catalog.text("quiz.answer.typeNumber")) }
    guard let quantity = NumberText.splitQuantity(trimmed) else {
      if trimmed.contains(",") && !trimmed.contains(".") {
        throw AnswerError(Catalog.text("quiz.answer.notNumberComma", ["text": String(trimmed)]))
      }
      throw AnswerError(Catalog.text("quiz.answer.notNumber", ["text": String(trimmed)]))
    }
    switch QuantityUnit.convert(quantity.value, from: quantity.unit, to: unit) {
    case .success(let converted): return converted
    case .failure(let error): throw error
    }
  }

  /// Reads an order of items: `3 1 2`, `c a b`, `c, a, b`, `c > a > b`, `cab`, `312`, or the
  /// items' own words (`fork exec wait`).
  ///
  /// - Returns: 0-based item indices in the order given; each item exactly once.
  /// - Throws: `AnswerError` unless every item is named once.
  public static func order(_ raw: String, items: [Choice]) throws(AnswerError) -> [Int] {
    let text = AnswerNormalization.normalized(raw)
    let count = items.count
    let example = (0..<min(count, 3)).reversed().map { Choice.label(at: $0) }.joined(
      separator: " ")
    let needAll = AnswerError(
      Catalog.text("quiz.answer.order", ["count": String(count), "example": example]))
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty, count > 0 else { throw needAll }
    let tokens = words(trimmed, separators: ",;>→-/·、").map { strip($0, ")(].[:") }
      .filter { !$0.isEmpty }
    var sequence: [Int]?
    if tokens.allSatisfy({ letterIndex($0) != nil }) {
      sequence = tokens.compactMap { letterIndex($0) }
    } else if tokens.allSatisfy({ Int($0) != nil }) {
      sequence = tokens.compactMap { Int($0).map { $0 - 1 } }
    }
    if tokens.count == 1, let token = tokens.first, token.count == count, count > 1 {
      let letters = token.map { letterIndex(String($0)) }
      let digits = token.map { $0.wholeNumberValue }
      if letters.allSatisfy({ $0 != nil }) {
        sequence = letters.compactMap { $0 }
      } else if count <= 9, digits.allSatisfy({ $0 != nil }) {
        sequence = digits.compactMap { $0.map { $0 - 1 } }
      }
    }
    if sequence == nil {
      // The items' own words, separated by commas or arrows, else by spaces.
      let byMarks = trimmed.split(whereSeparator: { ",;>→/·、".contains($0) })
      let bySpaces = trimmed.split(whereSeparator: { $0.isWhitespace })
      for split in [byMarks, bySpaces] {
        let parts = split.map { normalizedText(String($0)) }.filter { !$0.isEmpty }
        let indices = parts.map { part in items.firstIndex { $0.isNamed(part) } }
        if parts.count == count, indices.allSatisfy({ $0 != nil }) {
          sequence = indices.compactMap { $0 }
          break
        }
      }
    }
    if sequence == nil { sequence = orderByItemTexts(String(trimmed), items: items) }
    guard let sequence, sequence.count == count,
      sequence.allSatisfy({ $0 >= 0 && $0 < count }), Set(sequence).count == count
    else { throw needAll }
    return sequence
  }

  /// Text as compared for `text` answers: lowercased, without any whitespace, without
  /// surrounding quotes, backticks or a final full stop. `Parent PID.` → `parentpid`;
  /// `자식 프로세스` → `자식프로세스`.
  /// The items' own words, each item's whole text in turn with separators between them
  /// (`fork (copy), then exec, wait`): commas and parentheses inside an item are its own. Nil
  /// when the answer is not every item once; the search gives up after 10,000 tries.
  static func orderByItemTexts(_ text: String, items: [Choice]) -> [Int]? {
    let answer = Array(normalizedText(text))
    let texts = items.map { Array(normalizedText($0.text)) }
    guard !texts.contains(where: \.isEmpty) else { return nil }
    let separators: Set<Character> = [",", ";", ">", "→", "/", "·", "、"]
    var used = [Bool](repeating: false, count: items.count)
    var sequence: [Int] = []
    var budget = 10_000
    func match(from start: Int) -> Bool {
      var p = start
      while p < answer.count, separators.contains(answer[p]) { p += 1 }
      if p == answer.count { return sequence.count == items.count }
      for i in texts.indices where !used[i] && p + texts[i].count <= answer.count {
        budget -= 1
        guard budget > 0 else { return false }
        guard answer[p..<(p + texts[i].count)].elementsEqual(texts[i]) else { continue }
        used[i] = true
        sequence.append(i)
        if match(from: p + texts[i].count) { return true }
        used[i] = false
        sequence.removeLast()
      }
      return false
    }
    return match(from: 0) ? sequence : nil
  }

  public static func normalizedText(_ text: String) -> String {
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: trim, drop whitespace and lowercase, byte by byte, into one allocation.
      func stripped(_ b: UInt8) -> Bool {
        b <= 32 || b == 96 || b == 39 || b == 34 || b == 46 || b == 33 || b == 63
      }
      var lo = utf8.startIndex
      var hi = utf8.endIndex
      while lo < hi, stripped(utf8[lo]) { lo = utf8.index(after: lo) }
      while hi > lo, stripped(utf8[utf8.index(before: hi)]) { hi = utf8.index(before: hi) }
      let slice = utf8[lo..<hi]
      return String(unsafeUninitializedCapacity: slice.count) { buffer in
        var n = 0
        for b in slice where b > 32 {
          buffer[n] = b >= 65 && b <= 90 ? b + 32 : b
          n += 1
        }
        return n
      }
    }
    let stripped = strip(
      AnswerNormalization.normalized(text).trimmingWhitespace(), "`'\"“”‘’.。!?")
    var out = ""
    out.reserveCapacity(stripped.utf8.count)
    for c in stripped.lowercased() where !c.isWhitespace { out.append(c) }
    return out
  }

  // MARK: - Pieces

  /// `a` → 0 … `z` → 25, upper or lower case, for a one-letter word; else `nil`.
  static func letterIndex(_ word: some StringProtocol) -> Int? {
    guard word.unicodeScalars.count == 1, let s = word.unicodeScalars.first else { return nil }
    let v = s.value
    if v >= 97, v <= 122 { return Int(v - 97) }
    if v >= 65, v <= 90 { return Int(v - 65) }
    return nil
  }

  /// `from a to d`, said for `count` choices.
  static func range(_ count: Int) -> String {
    count <= 0
      ? Catalog.text("quiz.answer.noChoices")
      : Catalog.text("quiz.answer.range", ["last": Choice.label(at: count - 1)])
  }

  /// Words split on whitespace and on any of `separators` (single-scalar characters).
  static func words(_ text: Substring, separators: String) -> [String] {
    let set = separators.unicodeScalars
    let scalars = text.unicodeScalars
    var result: [String] = []
    var start: String.Index?
    var i = scalars.startIndex
    while i != scalars.endIndex {
      let next = scalars.index(after: i)
      if isSpace(scalars[i]) || set.contains(scalars[i]) {
        if let s = start { result.append(String(text[s..<i])) }
        start = nil
      } else if start == nil {
        start = i
      }
      i = next
    }
    if let s = start { result.append(String(text[s..<scalars.endIndex])) }
    return result
  }

  /// `text` without leading and trailing characters from `set` (single-scalar characters).
  static func strip(_ text: some StringProtocol, _ set: String) -> String {
    let marks = set.unicodeScalars
    let scalars = Substring(text).unicodeScalars
    var lo = scalars.startIndex
    var hi = scalars.endIndex
    while lo < hi, marks.contains(scalars[lo]) { lo = scalars.index(after: lo) }
    while hi > lo, marks.contains(scalars[scalars.index(before: hi)]) {
      hi = scalars.index(before: hi)
    }
    return String(scalars[lo..<hi])
  }

  /// Whitespace, checked without a property lookup for ASCII.
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80
      ? scalar.value == 32 || (scalar.value >= 9 && scalar.value <= 13)
      : scalar.properties.isWhitespace
  }
}
