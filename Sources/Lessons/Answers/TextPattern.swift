/// The `pattern:` of a `text` question: a regular expression the whole answer may match.
///
/// Patterns are a subset of regular expressions that always matches in linear time, as RE2
/// does: the pattern is compiled to a Thompson NFA and run as a set of states over the answer
/// once, so that no pattern (`(a+)+b` included) can take longer than the answer's length
/// times the program's size. Understood: literal characters, `.`, classes `[a-z]` and `[^…]`,
/// `\d \w \s \D \W \S`, escaped punctuation (`\.`), `\t \n`, groups `( )` and `(?: )`,
/// alternation `|`, repetition `* + ?` and `{m}`, `{m,}`, `{m,n}` (lazy forms such as `*?`
/// accepted; for a whole match they mean the same), anchors `^ $` and word boundaries
/// `\b \B`. Back-references, look-around and other extensions cannot run in linear time and
/// are refused with one message (the linter reports it). Matching ignores case.
public enum TextPattern {
  /// The longest pattern accepted, in characters.
  public static let maximumLength = 500
  /// The largest count in `{m,n}`.
  public static let maximumCount = 100
  /// The most NFA instructions a pattern may compile to (repetition copies its operand).
  public static let maximumProgramSize = 4000
  /// Answers longer than this (in Unicode scalars, after trimming) never match a pattern.
  public static let maximumAnswerLength = 4096
  /// The deepest nesting of groups.
  public static let maximumNesting = 32

  /// Whether `text`, without surrounding whitespace, matches `pattern` as a whole, ignoring
  /// case. A pattern that does not compile matches nothing (the linter reports it).
  public static func wholeMatch(_ pattern: String, _ text: String) -> Bool {
    guard let program = try? compile(pattern) else { return false }
    return run(program, text.trimmingWhitespace()).matched
  }

  /// Why `pattern` cannot be used, or `nil` if it can.
  public static func problem(_ pattern: String) -> String? {
    do {
      _ = try compile(pattern)
      return nil
    } catch {
      return error.message
    }
  }

  /// A pattern that cannot be compiled, and why.
  public struct PatternError: Error, Sendable {
    /// One line: what is wrong and what is allowed.
    public var message: String
  }

  // MARK: Program

  enum Instruction: Sendable, Equatable {
    case scalar(Unicode.Scalar)
    case any
    case set(CharacterSet)
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
  }

  enum Assertion: Sendable, Equatable {
    case start, end, wordBoundary, notWordBoundary
  }

  /// A character class: ranges of scalars and named classes, maybe negated.
  struct CharacterSet: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>] = []
    var named: [NamedClass] = []
    var negated = false

    func contains(_ c: Unicode.Scalar) -> Bool {
      var found = containsExactly(c)
      if !found {
        // Ignoring case: the scalar's other case too (answers are lowercased first).
        let upper = c.properties.uppercaseMapping.unicodeScalars
        if upper.count == 1, let u = upper.first, u != c { found = containsExactly(u) }
      }
      return found != negated
    }

    private func containsExactly(_ c: Unicode.Scalar) -> Bool {
      ranges.contains { $0.contains(c.value) } || named.contains { $0.contains(c) }
    }
  }

  enum NamedClass: Sendable, Equatable {
    case digit, word, space
    case notDigit, notWord, notSpace

    func contains(_ c: Unicode.Scalar) -> Bool {
      switch self {
      case .digit: c.properties.numericType == .decimal
      case .word: TextPattern.isWord(c)
      case .space: c.properties.isWhitespace
      case .notDigit: c.properties.numericType != .decimal
      case .notWord: !TextPattern.isWord(c)
      case .notSpace: !c.properties.isWhitespace
      }
    }
  }

  static func isWord(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
  }

  /// Compiles `pattern` to an NFA program.
  static func compile(_ pattern: String) throws(PatternError) -> [Instruction] {
    let scalars = Array(pattern.unicodeScalars)
    guard pattern.count <= maximumLength else {
      throw PatternError(
        message: "the pattern is longer than \(maximumLength) characters; shorten it")
    }
    var parser = PatternParser(scalars: scalars)
    let tree = try parser.parseAll()
    var program: [Instruction] = []
    try emit(tree, into: &program)
    program.append(.match)
    return program
  }

  /// Runs `program` over `text` (lowercased first) as a set of NFA states.
  /// - Returns: whether the whole text matches, and the work done (states visited), which is
  ///   at most the program's size for each scalar of the text, plus one.
  static func run(_ program: [Instruction], _ text: some StringProtocol) -> (
    matched: Bool, steps: Int
  ) {
    let input = Array(text.lowercased().unicodeScalars)
    guard input.count <= maximumAnswerLength else { return (false, 0) }
    var current = StateSet(capacity: program.count)
    var next = StateSet(capacity: program.count)
    var stack: [Int] = []
    var steps = 0

    // Adds `pc` and every state reachable from it without reading a scalar at `position`.
    func add(_ pc: Int, to set: inout StateSet, at position: Int) {
      stack.append(pc)
      while let pc = stack.popLast() {
        guard set.insert(pc) else { continue }
        steps += 1
        switch program[pc] {
        case .jump(let target): stack.append(target)
        case .split(let a, let b):
          stack.append(b)
          stack.append(a)
        case .assert(let kind):
          if holds(kind, at: position, in: input) { stack.append(pc + 1) }
        case .scalar, .any, .set, .match: break
        }
      }
    }

    add(0, to: &current, at: 0)
    for (position, c) in input.enumerated() {
      if current.isEmpty { break }
      next.clear()
      for pc in current.members {
        steps += 1
        let advances: Bool
        switch program[pc] {
        case .scalar(let s): advances = s == c
        case .any: advances = c != "\n"
        case .set(let set): advances = set.contains(c)
        default: advances = false
        }
        if advances { add(pc + 1, to: &next, at: position + 1) }
      }
      swap(&current, &next)
    }
    let matched = current.members.contains { program[$0] == .match }
    return (matched, steps)
  }

  static func holds(_ kind: Assertion, at position: Int, in input: [Unicode.Scalar]) -> Bool {
    switch kind {
    case .start: return position == 0
    case .end: return position == input.count
    case .wordBoundary, .notWordBoundary:
      let before = position > 0 && isWord(input[position - 1])
      let after = position < input.count && isWord(input[position])
      return (before != after) == (kind == .wordBoundary)
    }
  }

  /// A set of program counters with constant-time insert and clear (a sparse set).
  struct StateSet {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(capacity: Int) {
      dense = [Int](repeating: 0, count: capacity)
      sparse = [Int](repeating: 0, count: capacity)
    }

    var isEmpty: Bool { count == 0 }
    var members: ArraySlice<Int> { dense[0..<count] }

    mutating func insert(_ pc: Int) -> Bool {
      let at = sparse[pc]
      if at < count && dense[at] == pc { return false }
      sparse[pc] = count
      dense[count] = pc
      count += 1
      return true
    }

    mutating func clear() { count = 0 }
  }

  // MARK: Code generation

  static func emit(_ node: PatternNode, into program: inout [Instruction]) throws(PatternError) {
    guard program.count <= maximumProgramSize else {
      throw PatternError(
        message: "the pattern is too large once its repetitions are expanded (more than "
          + "\(maximumProgramSize) steps); use smaller counts in {m,n}")
    }
    switch node {
    case .scalar(let s): program.append(.scalar(s))
    case .any: program.append(.any)
    case .set(let set): program.append(.set(set))
    case .assert(let kind): program.append(.assert(kind))
    case .empty: break
    case .concat(let parts):
      for part in parts { try emit(part, into: &program) }
    case .alternation(let choices):
      // split L1, next; L1: a; jump end; next: split L2, …
      var jumps: [Int] = []
      for (i, choice) in choices.enumerated() {
        if i < choices.count - 1 {
          let split = program.count
          program.append(.split(split + 1, 0))
          try emit(choice, into: &program)
          jumps.append(program.count)
          program.append(.jump(0))
          program[split] = .split(split + 1, program.count)
        } else {
          try emit(choice, into: &program)
        }
      }
      for j in jumps { program[j] = .jump(program.count) }
    case .repeat(let operand, let min, let max):
      for _ in 0..<min { try emit(operand, into: &program) }
      if let max {
        // Each optional copy: split body, end.
        var splits: [Int] = []
        for _ in min..<max {
          splits.append(program.count)
          program.append(.split(program.count + 1, 0))
          try emit(operand, into: &program)
        }
        for s in splits { program[s] = .split(s + 1, program.count) }
      } else {
        // loop: split body, end; body; jump loop
        let loop = program.count
        program.append(.split(loop + 1, 0))
        try emit(operand, into: &program)
        program.append(.jump(loop))
        program[loop] = .split(loop + 1, program.count)
      }
    }
    guard program.count <= maximumProgramSize else {
      throw PatternError(
        message: "the pattern is too large once its repetitions are expanded (more than "
          + "\(maximumProgramSize) steps); use smaller counts in {m,n}")
    }
  }
}
