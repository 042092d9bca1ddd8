// The pieces of a quiz block before it is a question: its fields, the keys they may have, and
// the table the parser looks them up in.
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
  case hint, explain, feedback, retries, step, points

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
    case "points": self = .points
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

  static let common: [QuizKey] = [
    .id, .kind, .ask, .hint, .explain, .feedback, .retries, .step, .points,
  ]
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
