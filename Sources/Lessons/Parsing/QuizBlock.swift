/// One `key: value` field of a quiz block, as byte offsets into the file (the parser turns
/// them into text only where it needs text).
struct QuizField {
  let key: String
  let known: QuizKey?
  /// The index of the key's line in the parser's `lines`.
  let line: Int
  /// Byte offsets in the file: the key, the `feedback` argument, the value on the key's line.
  let keyOffset: Int
  let argument: Range<Int>?
  var value: Range<Int>
  /// Continuation lines (the fence's indentation removed), blank ones included.
  var continuation: [Range<Int>] = []
  /// Whether a continuation line has text (so the value is not on the key's line alone).
  var continues = false
  /// `a) text` lines, for `choices:` and `items:`: letter, text, line index and byte offset.
  var entries: [(label: Int, text: String, line: Int, offset: Int)] = []

  init(key: String, line: Int, keyOffset: Int, argument: Range<Int>?, value: Range<Int>) {
    self.key = key
    self.known = QuizKey(key)
    self.line = line
    self.keyOffset = keyOffset
    self.argument = argument
    self.value = value
  }

  var isList: Bool { known == .choices || known == .items }

  /// Whether the value is on the key's line alone (so columns inside it are exact).
  var isSingleLine: Bool { !continues }
}

/// The keys of a quiz block.
enum QuizKey: Int, CaseIterable {
  case id, kind, ask, choices, items, answer, accept, pattern, tolerance, range, unit, demo, check
  case hint, explain, feedback, retries, step

  init?(_ name: String) {
    switch name {
    case "id": self = .id
    case "kind": self = .kind
    case "ask": self = .ask
    case "choices": self = .choices
    case "items": self = .items
    case "answer": self = .answer
    case "accept": self = .accept
    case "pattern": self = .pattern
    case "tolerance": self = .tolerance
    case "range": self = .range
    case "unit": self = .unit
    case "demo": self = .demo
    case "check": self = .check
    case "hint": self = .hint
    case "explain": self = .explain
    case "feedback": self = .feedback
    case "retries": self = .retries
    case "step": self = .step
    default: return nil
    }
  }

  var isRepeatable: Bool { self == .hint || self == .feedback || self == .accept }

  /// A set of keys as bits.
  struct Set {
    var bits: UInt32
    init(_ keys: [QuizKey]) { bits = keys.reduce(0) { $0 | 1 << $1.rawValue } }
    func contains(_ key: QuizKey) -> Bool { bits & 1 << key.rawValue != 0 }
  }

  static let common: [QuizKey] = [.id, .kind, .ask, .hint, .explain, .feedback, .retries, .step]
  static let choiceKeys = Set(common + [.choices, .answer])
  static let truefalseKeys = Set(common + [.answer])
  static let numberKeys = Set(common + [.answer, .tolerance, .range, .unit])
  static let textKeys = Set(common + [.answer, .accept, .pattern])
  static let orderKeys = Set(common + [.items, .answer])
  static let predictKeys = Set(common + [.demo, .check, .choices, .unit])

  /// The keys a question of this kind may have.
  static func allowed(for kind: QuestionKind) -> Set {
    switch kind {
    case .choice, .multi: choiceKeys
    case .truefalse: truefalseKeys
    case .number: numberKeys
    case .text: textKeys
    case .order: orderKeys
    case .predict: predictKeys
    }
  }
}

/// The fields of a quiz block by key: a slot per known key, cheaper than hashing names.
struct QuizFieldTable {
  var fields: [QuizField] = []
  private var slots = [Int](repeating: -1, count: QuizKey.allCases.count)

  /// The first field with this key.
  subscript(key: String) -> QuizField? {
    guard let known = QuizKey(key) else { return nil }
    return self[known]
  }

  /// The first field with this key.
  subscript(key: QuizKey) -> QuizField? {
    let slot = slots[key.rawValue]
    return slot >= 0 ? fields[slot] : nil
  }

  /// Adds a field (the first of its key is the one looked up).
  mutating func add(_ field: QuizField) {
    if let key = field.known, slots[key.rawValue] < 0 { slots[key.rawValue] = fields.count }
    fields.append(field)
  }
}

extension Substring {
  func trimmingTrailingWhitespace() -> Substring {
    var end = utf8.endIndex
    while end > startIndex {
      let last = utf8.index(before: end)
      let b = utf8[last]
      guard b == 32 || (b >= 9 && b <= 13) else { break }
      end = last
    }
    return end == utf8.endIndex ? self : self[..<end].trimmingWhitespace()
  }
}

extension LessonFileParser {
  static let quizKeys = [
    "id", "kind", "ask", "choices", "items", "answer", "accept", "pattern", "tolerance", "range",
    "unit", "demo", "check", "hint", "explain", "feedback", "retries", "step",
  ]

  static let kindAliases: [String: String] = [
    "true-false": "truefalse", "tf": "truefalse", "boolean": "truefalse", "bool": "truefalse",
    "yesno": "truefalse", "multiple": "multi", "checkbox": "multi", "numeric": "number",
    "integer": "number", "ordering": "order", "sequence": "order", "prediction": "predict",
    "single": "choice", "mcq": "choice", "string": "text", "word": "text",
  ]

  /// Reads the fields of a quiz block from the bytes of its lines.
  mutating func quizFields(_ content: Range<Int>, indent: Int) -> [QuizField] {
    var fields: [QuizField] = []
    fields.reserveCapacity(content.count)
    for k in content {
      var start = bounds[k].lowerBound
      let end = bounds[k].upperBound
      var removed = 0
      while removed < indent, start < end, bytes[start] == 32 {
        start += 1
        removed += 1
      }
      let last = fields.indices.last
      if isBlank(start..<end) {
        if let last { fields[last].continuation.append(start..<start) }
        continue
      }
      let first = bytes[start]
      let indented = first == 32 || first == 9
      if let last, fields[last].isList, let entry = choiceLine(start..<end) {
        fields[last].entries.append((entry.label, entry.text, k, entry.offset))
        continue
      }
      if indented {
        guard let last else {
          error(location(line: k, offset: start), "indented line before any 'key:' in a quiz block")
          continue
        }
        if fields[last].isList {
          if let entry = fields[last].entries.indices.last {
            fields[last].entries[entry].text += " " + string(trimmed(start..<end))
          } else {
            error(location(line: k, offset: start), "expected a choice such as 'a) text'")
          }
        } else {
          fields[last].continuation.append(start..<end)
          fields[last].continues = true
        }
        continue
      }
      if first == 35 { continue }
      var colon = start
      while colon < end, bytes[colon] != 58 { colon += 1 }
      var keyEnd = start
      while keyEnd < colon, bytes[keyEnd] != 32, bytes[keyEnd] != 9 { keyEnd += 1 }
      guard colon < end, keyEnd > start,
        bytes[start..<keyEnd].allSatisfy({ Scanning.isAlnum($0) || $0 == 45 || $0 == 95 })
      else {
        error(
          location(line: k, offset: start),
          "expected 'key: value' in a quiz block (or indent a continued value)")
        continue
      }
      let argument = trimmed(keyEnd..<colon)
      var field = QuizField(
        key: String(decoding: bytes[start..<keyEnd], as: UTF8.self).lowercased(), line: k,
        keyOffset: start, argument: argument.isEmpty ? nil : argument,
        value: trimmed((colon + 1)..<end))
      if field.isList, !field.value.isEmpty {
        if let entry = choiceLine(field.value) {
          field.entries.append((entry.label, entry.text, k, entry.offset))
        } else {
          error(
            location(line: k, offset: field.value.lowerBound),
            "write each choice on its own line: a) …, b) …")
        }
        field.value = field.value.upperBound..<field.value.upperBound
      }
      fields.append(field)
    }
    return fields
  }

  /// `a) text` → 0, `text` and where the letter is.
  func choiceLine(_ range: Range<Int>) -> (label: Int, text: String, offset: Int)? {
    let r = trimmed(range)
    guard r.count >= 2, bytes[r.lowerBound + 1] == 41 else { return nil }
    let letter = bytes[r.lowerBound] | 0x20
    guard letter >= 97, letter <= 122 else { return nil }
    return (Int(letter - 97), string(trimmed((r.lowerBound + 2)..<r.upperBound)), r.lowerBound)
  }

  // MARK: Bytes of the file

  /// Whether the bytes hold only spaces, tabs and carriage returns.
  func isBlank(_ range: Range<Int>) -> Bool {
    bytes[range].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }

  /// The range without ASCII whitespace at either end.
  func trimmed(_ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi, bytes[lo] == 32 || (bytes[lo] >= 9 && bytes[lo] <= 13) { lo += 1 }
    while hi > lo, bytes[hi - 1] == 32 || (bytes[hi - 1] >= 9 && bytes[hi - 1] <= 13) { hi -= 1 }
    return lo..<hi
  }

  /// The bytes as text.
  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The bytes as a part of the file's text.
  func substring(_ range: Range<Int>) -> Substring {
    let utf8 = source.utf8
    let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let hi = utf8.index(lo, offsetBy: range.count)
    return source[lo..<hi]
  }

  /// The location of a byte offset in line `line` (an index into `lines`).
  func location(line: Int, offset: Int) -> SourceLocation {
    let start = bounds[line].lowerBound
    let prefix = bytes[start..<max(start, offset)]
    let column =
      prefix.allSatisfy({ $0 < 0x80 })
      ? prefix.count + 1 : String(decoding: prefix, as: UTF8.self).count + 1
    return SourceLocation(file: file, line: line + 1, column: column)
  }

  /// The value with its continuation lines: joined by newlines (blank lines kept as paragraph
  /// breaks) when `multiline`, else by spaces.
  func fieldText(_ field: QuizField, multiline: Bool) -> String {
    guard field.continues else { return string(field.value) }
    var indent = 0
    if let first = field.continuation.first(where: { !isBlank($0) }) {
      while first.lowerBound + indent < first.upperBound,
        bytes[first.lowerBound + indent] == 32 || bytes[first.lowerBound + indent] == 9
      {
        indent += 1
      }
    }
    var out = string(field.value)
    var started = !field.value.isEmpty
    var pendingBlankLines = 0
    for line in field.continuation {
      var start = line.lowerBound
      var dropped = 0
      while dropped < indent, start < line.upperBound, bytes[start] == 32 || bytes[start] == 9 {
        start += 1
        dropped += 1
      }
      var part = trimmed(start..<line.upperBound)
      if multiline, !part.isEmpty { part = start..<part.upperBound }
      if part.isEmpty {
        if started { pendingBlankLines += 1 }
        continue
      }
      if started { out += multiline ? String(repeating: "\n", count: pendingBlankLines + 1) : " " }
      out += string(part)
      started = true
      pendingBlankLines = 0
    }
    return out
  }

  func location(_ field: QuizField) -> SourceLocation {
    location(line: field.line, offset: field.keyOffset)
  }

  func valueLocation(_ field: QuizField) -> SourceLocation {
    location(
      line: field.line, offset: field.value.isEmpty ? field.keyOffset : field.value.lowerBound)
  }

  /// The `feedback` argument as text.
  func argument(of field: QuizField) -> Substring? { field.argument.map { substring($0) } }

  /// Reads one quiz block. Returns `nil` (with problems reported) when the question has an
  /// error, so that a quiz never asks a broken question.
  mutating func question(fence: SourceLine, content: Range<Int>, indent: Int) -> Question? {
    let errorsBefore = errorCount
    let fenceLocation = location(fence, fence.text.startIndex)
    let fields = quizFields(content, indent: indent)
    var first = QuizFieldTable()
    var repeated = QuizFieldTable()
    first.fields.reserveCapacity(fields.count)
    repeated.fields.reserveCapacity(fields.count)
    for field in fields {
      guard let key = field.known else {
        error(
          location(field),
          "unknown key '\(field.key)' in a quiz block"
            + Suggestions.didYouMean(field.key, Self.quizKeys))
        continue
      }
      if let argument = argument(of: field), field.key != "feedback" {
        error(location(field), "'\(field.key) \(argument)' is not a key; write '\(field.key): …'")
        continue
      }
      if key.isRepeatable {
        repeated.add(field)
      } else if let earlier = first[key] {
        error(
          location(field),
          "'\(field.key)' is given twice (first at line \(earlier.line + 1))")
      } else {
        first.add(field)
      }
    }

    guard let idField = first["id"] else {
      error(fenceLocation, "quiz question has no 'id:'")
      return nil
    }
    let id = fieldText(idField, multiline: false)
    guard Scanning.isValidID(id) else {
      error(
        valueLocation(idField),
        "'\(id)' is not a valid question id: use letters, digits, '-' and '_'")
      return nil
    }
    guard let kindField = first["kind"] else {
      error(
        location(idField),
        "question '\(id)' has no 'kind:' ("
          + QuestionKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      return nil
    }
    let kindText = fieldText(kindField, multiline: false).lowercased()
    guard let kind = QuestionKind(rawValue: kindText) else {
      let names = QuestionKind.allCases.map(\.rawValue)
      let hint =
        Self.kindAliases[kindText].map { "; did you mean '\($0)'?" }
        ?? Suggestions.didYouMean(kindText, names)
      error(
        valueLocation(kindField),
        "unknown question kind '\(kindText)' (\(names.joined(separator: ", ")))\(hint)")
      return nil
    }
    let allowed = QuizKey.allowed(for: kind)
    for field in fields {
      guard let key = field.known, !allowed.contains(key) else { continue }
      error(location(field), "'\(field.key)' does not apply to a \(kind.rawValue) question")
    }
    let ask = first["ask"].map { fieldText($0, multiline: true) } ?? ""
    if ask.isEmpty { error(location(idField), "question '\(id)' has no 'ask:'") }

    var question = Question(id: id, kind: kind, ask: ask, location: location(idField))
    for field in repeated.fields where field.key == "hint" {
      let text = fieldText(field, multiline: true)
      if text.isEmpty {
        error(location(field), "empty hint")
      } else {
        question.hints.append(text)
      }
    }
    if let field = first["explain"] { question.explanation = fieldText(field, multiline: true) }
    if let field = first["step"] {
      // The step that teaches this question, for "to review" (checked once every step is known).
      let step = fieldText(field, multiline: false)
      if step.isEmpty {
        error(location(field), "'step:' needs the id of the step that teaches this question")
      } else {
        question.stepID = step
        explicitSteps[id] = location(field)
      }
    }
    if let field = first["unit"] {
      let unit = fieldText(field, multiline: false)
      if unit.isEmpty { error(location(field), "'unit:' needs a unit, such as s or ms") }
      question.unit = unit.isEmpty ? nil : unit
    }
    if let field = first["retries"] {
      let text = fieldText(field, multiline: false)
      if let n = Int(text), n >= 0, n <= 20 {
        question.retries = n
      } else {
        error(valueLocation(field), "retries must be a whole number from 0 to 20")
      }
    }
    if let field = first["choices"], allowed.contains(.choices) {
      question.choices = lettered(field, what: "choices")
    }
    if let field = first["items"], allowed.contains(.items) {
      question.items = lettered(field, what: "items")
    }
    switch kind {
    case .choice, .multi:
      if question.choices.count < 2 {
        error(location(first["choices"] ?? idField), "question '\(id)' needs at least two choices")
      }
    case .order:
      if question.items.count < 2 {
        error(location(first["items"] ?? idField), "question '\(id)' needs at least two items")
      }
    default:
      break
    }

    if kind == .predict {
      predictParts(&question, first)
    } else if errorCount == errorsBefore {
      answerKey(&question, first, repeated)
    }
    if errorCount == errorsBefore {
      for field in repeated.fields where field.key == "feedback" { addFeedback(&question, field) }
    }
    return errorCount == errorsBefore ? question : nil
  }

  /// `a)`, `b)`, `c)`… lines, checked to be lettered in order.
  mutating func lettered(_ field: QuizField, what: String) -> [Choice] {
    var result: [Choice] = []
    for (n, entry) in field.entries.enumerated() {
      if entry.label != n {
        error(
          location(line: entry.line, offset: entry.offset),
          "\(what) are lettered a), b), c)… in order; expected '\(Choice.label(at: n)))' here")
      }
      if entry.text.isEmpty {
        error(
          location(line: entry.line, offset: entry.offset),
          "\(Choice.label(at: entry.label))) has no text")
      }
      result.append(Choice(label: Choice.label(at: n), text: entry.text))
    }
    if field.entries.count > 26 {
      error(location(field), "at most 26 \(what)")
    }
    return result
  }

  /// Reads `answer:` (and `range:`, `tolerance:`, `accept:`, `pattern:`) into the key.
  mutating func answerKey(
    _ question: inout Question, _ first: QuizFieldTable, _ repeated: QuizFieldTable
  ) {
    let id = question.id
    let answerField = first["answer"]
    let answerText = answerField.map { fieldText($0, multiline: false) } ?? ""
    if question.kind == .number, let rangeField = first["range"] {
      if answerField != nil {
        error(location(rangeField), "give either 'answer:' or 'range:', not both")
        return
      }
      if let tolerance = first["tolerance"] {
        error(location(tolerance), "'tolerance' goes with 'answer:', not with 'range:'")
        return
      }
      if let range = numberRange(rangeField, unit: question.unit) {
        question.answer = .number(.range(range.0, range.1))
      }
      return
    }
    guard let answerField, !answerText.isEmpty else {
      error(question.location, "question '\(id)' has no answer")
      return
    }
    let at = valueLocation(answerField)
    switch question.kind {
    case .choice, .multi:
      let letters = AnswerParser.words(substring(answerField.value), separators: ",;/&")
        .map { AnswerParser.strip($0, ")(.") }
      let count = question.choices.count
      if let bad = letters.first(where: { (AnswerParser.letterIndex($0) ?? -1) >= count }) {
        error(
          at,
          "answer '\(bad)' of question '\(id)' is not among the choices "
            + "(\(AnswerParser.range(count)))")
        return
      }
      guard letters.allSatisfy({ AnswerParser.letterIndex($0) != nil }),
        case .choices(let picks)? = try? AnswerParser.parse(answerText, for: question)
      else {
        error(at, "the answer of question '\(id)' is written as letters, such as b or a, c")
        return
      }
      question.answer = .choices(picks)
    case .truefalse:
      guard let value = AnswerParser.truth(answerText) else {
        error(at, "the answer of question '\(id)' is true or false")
        return
      }
      question.answer = .truth(value)
    case .number:
      numberKey(&question, answerField, tolerance: first["tolerance"])
    case .text:
      var accepted = [answerText]
      for field in repeated.fields where field.key == "accept" {
        let text = fieldText(field, multiline: false)
        if text.isEmpty { error(location(field), "empty 'accept:'") } else { accepted.append(text) }
      }
      var pattern: String?
      if let field = first["pattern"] {
        pattern = fieldText(field, multiline: false)
        if pattern?.isEmpty ?? true { error(location(field), "empty 'pattern:'") }
      }
      question.answer = .text(accepted: accepted, pattern: pattern)
    case .order:
      do throws(AnswerError) {
        let sequence = try AnswerParser.order(answerText, items: question.items)
        question.answer = .order(sequence)
      } catch {
        self.error(
          at, "the answer of question '\(id)' must name every item once, in order (e.g. c, a, b)")
      }
    case .predict:
      break
    }
  }

  /// `answer: 4 s`, `answer: 4 ± 0.5 s`, with `tolerance: 5%` or `tolerance: ± 0.5`.
  mutating func numberKey(_ question: inout Question, _ field: QuizField, tolerance: QuizField?) {
    let text = fieldText(field, multiline: false)
    var valuePart = Substring(text)
    var tolerancePart: Substring?
    for marker in ["±", "+/-", "+-"] {
      if let r = text.firstRange(of: marker) {
        valuePart = text[..<r.lowerBound]
        tolerancePart = text[r.upperBound...]
        break
      }
    }
    let at = valueLocation(field)
    // A unit written after the tolerance applies to the value too: `4 ± 0.5 s`.
    var unitAfter: Substring = ""
    if let part = tolerancePart, let q = NumberText.splitQuantity(part.trimmingWhitespace()),
      q.unit != "%"
    {
      unitAfter = q.unit
    }
    let valueText = String(valuePart.trimmingWhitespace())
    let value: Double
    do throws(AnswerError) {
      let plain = NumberText.splitQuantity(Substring(valueText))
      let withUnit =
        (plain?.unit.isEmpty ?? false) && !unitAfter.isEmpty
        ? valueText + " " + unitAfter : valueText
      value = try AnswerParser.number(withUnit, unit: question.unit)
    } catch let failure {
      error(at, "the answer of question '\(question.id)': \(failure.message)")
      return
    }
    var tol = Tolerance.exact
    if let tolerance, tolerancePart != nil {
      error(location(tolerance), "the tolerance is given twice: in 'answer:' and in 'tolerance:'")
      return
    }
    if let part = tolerancePart {
      guard let t = parseTolerance(String(part), unit: question.unit, at: at) else { return }
      tol = t
    } else if let tolerance {
      guard
        let t = parseTolerance(
          fieldText(tolerance, multiline: false), unit: question.unit, at: valueLocation(tolerance))
      else { return }
      tol = t
    }
    question.answer = .number(.value(value, tolerance: tol))
  }

  /// `5%`, `± 0.5`, `0.5 s`.
  mutating func parseTolerance(_ text: String, unit: String?, at: SourceLocation) -> Tolerance? {
    var s = text.trimmingWhitespace()
    for marker in ["±", "+/-", "+-"] where s.hasPrefix(marker) {
      s = s.dropFirst(marker.count).trimmingWhitespace()
    }
    if s.hasSuffix("%") {
      guard let p = NumberText.parse(s.dropLast().trimmingWhitespace()), p >= 0 else {
        error(at, "a tolerance is a percentage such as 5% or an amount such as ± 0.5")
        return nil
      }
      return .relative(p / 100)
    }
    do throws(AnswerError) {
      let d = try AnswerParser.number(String(s), unit: unit)
      guard d >= 0 else {
        error(at, "a tolerance cannot be negative")
        return nil
      }
      return .absolute(d)
    } catch {
      self.error(at, "a tolerance is a percentage such as 5% or an amount such as ± 0.5")
      return nil
    }
  }

  /// `3..5`, `3 .. 5 s`, `3 s...5 s`.
  mutating func numberRange(_ field: QuizField, unit: String?) -> (Double, Double)? {
    let text = fieldText(field, multiline: false)
    let at = valueLocation(field)
    guard let r = text.firstRange(of: "...") ?? text.firstRange(of: "..") else {
      error(at, "a range is written low..high, such as 3..5")
      return nil
    }
    let lowText = String(text[..<r.lowerBound].trimmingWhitespace())
    let highText = String(text[r.upperBound...].trimmingWhitespace())
    let highUnit = NumberText.splitQuantity(Substring(highText))?.unit ?? ""
    let lowHasUnit = !(NumberText.splitQuantity(Substring(lowText))?.unit.isEmpty ?? true)
    do throws(AnswerError) {
      let low = try AnswerParser.number(
        lowHasUnit || highUnit.isEmpty ? lowText : lowText + " " + highUnit, unit: unit)
      let high = try AnswerParser.number(highText, unit: unit)
      guard low <= high else {
        error(at, "the range's low end is above its high end")
        return nil
      }
      return (low, high)
    } catch let failure {
      error(at, "range of question: \(failure.message)")
      return nil
    }
  }

  /// `demo:` and `check:` of a predict question.
  mutating func predictParts(_ question: inout Question, _ first: QuizFieldTable) {
    let id = question.id
    if let field = first["answer"] {
      error(location(field), "a predict question has no answer: its check rule grades it live")
    }
    if let field = first["demo"] {
      if let invocation = demoInvocation(lines[field.line].with(substring(field.value))),
        field.isSingleLine
      {
        question.demo = invocation
      } else {
        error(location(field), "'demo:' names a demo and its parameters on one line")
      }
    } else {
      error(question.location, "predict question '\(id)' needs a 'demo:' line")
    }
    guard let field = first["check"] else {
      error(question.location, "predict question '\(id)' needs a 'check:' rule")
      return
    }
    let text = fieldText(field, multiline: false)
    do throws(CheckRuleError) {
      var rule = try CheckRule.parse(text)
      switch rule.inAnswerUnit(question.unit) {
      case .success(let converted): rule = converted
      case .failure(let failure):
        error(valueLocation(field), "bad check rule: \(failure.message)")
        return
      }
      question.check = rule
      question.checkText = text
      if !question.choices.isEmpty, rule.input == .truth {
        error(
          location(field),
          "this rule is graded true or false; a predict question with choices needs a rule "
            + "over the answer, such as 'equals metric …'")
      }
    } catch let failure {
      var at = valueLocation(field)
      if field.isSingleLine { at.column += failure.offset }
      error(at, "bad check rule: \(failure.message)")
    }
  }

  /// `feedback <answer>: message`, its answer read the way a student's answer is read.
  mutating func addFeedback(_ question: inout Question, _ field: QuizField) {
    let message = fieldText(field, multiline: true)
    guard let argument = argument(of: field), !argument.isEmpty else {
      error(location(field), "write the answer the feedback is for: 'feedback b: …'")
      return
    }
    guard !message.isEmpty else {
      error(location(field), "feedback for '\(argument)' has no text")
      return
    }
    var item = Feedback(answer: String(argument), message: message, location: location(field))
    let argumentLocation = location(line: field.line, offset: field.argument?.lowerBound ?? 0)
    if question.kind == .predict {
      do throws(AnswerError) {
        item.key = .prediction(try AnswerParser.parsePrediction(String(argument), for: question))
      } catch let failure {
        error(argumentLocation, "feedback for '\(argument)': \(failure.message)")
        return
      }
    } else {
      do throws(AnswerError) {
        let answer = try AnswerParser.parse(String(argument), for: question)
        item.key = .answer(answer)
        if question.kind != .multi, question.isCorrect(answer) {
          warning(
            argumentLocation,
            "feedback for '\(argument)' is for the right answer, and a right answer gets the "
              + "explanation instead")
        }
      } catch let failure {
        error(argumentLocation, "feedback for '\(argument)': \(failure.message)")
        return
      }
    }
    question.feedback.append(item)
  }
}
