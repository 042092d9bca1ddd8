// The parser of `TextPattern`: the pattern's text to a tree, refusing what cannot run in
// linear time.

/// A parsed pattern.
indirect enum PatternNode: Sendable {
  case scalar(Unicode.Scalar)
  case any
  case set(TextPattern.CharacterSet)
  case assert(TextPattern.Assertion)
  case empty
  case concat([PatternNode])
  case alternation([PatternNode])
  case `repeat`(PatternNode, min: Int, max: Int?)
}

/// Reads a pattern by recursive descent; groups nest at most `TextPattern.maximumNesting` deep.
struct PatternParser {
  let scalars: [Unicode.Scalar]
  var i = 0
  var depth = 0

  typealias Failure = TextPattern.PatternError

  static let subset =
    "patterns use literals, ., [classes], \\d \\w \\s, groups, |, * + ? {m,n}, ^ $ and \\b"

  func fail(_ message: String) -> Failure { Failure(message: message) }

  func unsupported(_ what: String) -> Failure {
    Failure(
      message: "\(what) cannot be matched in linear time and is not supported; \(Self.subset)")
  }

  var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

  mutating func parseAll() throws(Failure) -> PatternNode {
    let node = try alternation()
    if let c = peek {
      // Only an unmatched ')' stops the top level early.
      throw fail("unmatched '\(c)' at character \(i + 1)")
    }
    return node
  }

  mutating func alternation() throws(Failure) -> PatternNode {
    var choices = [try concatenation()]
    while peek == "|" {
      i += 1
      choices.append(try concatenation())
    }
    return choices.count == 1 ? choices[0] : .alternation(choices)
  }

  mutating func concatenation() throws(Failure) -> PatternNode {
    var parts: [PatternNode] = []
    while let c = peek, c != "|", c != ")" {
      parts.append(try repetition())
    }
    if parts.isEmpty { return .empty }
    return parts.count == 1 ? parts[0] : .concat(parts)
  }

  mutating func repetition() throws(Failure) -> PatternNode {
    let start = i
    var node = try atom()
    while let c = peek {
      var bounds: (Int, Int?)
      switch c {
      case "*": bounds = (0, nil)
      case "+": bounds = (1, nil)
      case "?": bounds = (0, 1)
      case "{":
        guard let counted = try counts() else { return node }
        bounds = counted
      default: return node
      }
      if c != "{" { i += 1 }
      if case .assert = node {
        throw fail("'\(c)' after an anchor at character \(start + 1) repeats nothing")
      }
      if peek == "?" {
        i += 1  // lazy: the same for a whole match
      } else if peek == "+" {
        throw unsupported("a possessive quantifier ('\(c)+')")
      }
      node = .repeat(node, min: bounds.0, max: bounds.1)
    }
    return node
  }

  /// `{m}`, `{m,}`, `{m,n}` at `i`; nil (and `i` unchanged) when the brace is a literal.
  mutating func counts() throws(Failure) -> (Int, Int?)? {
    var j = i + 1
    func number(_ j: inout Int) -> Int? {
      var value: Int?
      while j < scalars.count, let digit = Int(String(scalars[j])), scalars[j].isASCII {
        value = min((value ?? 0) * 10 + digit, 1_000_000)
        j += 1
      }
      return value
    }
    guard let low = number(&j) else { return nil }
    var high: Int? = low
    if j < scalars.count, scalars[j] == "," {
      j += 1
      high = number(&j)
    }
    guard j < scalars.count, scalars[j] == "}" else { return nil }
    let limit = TextPattern.maximumCount
    guard low <= limit, (high ?? 0) <= limit else {
      throw fail("a count in {m,n} is larger than \(limit)")
    }
    if let high, high < low { throw fail("{\(low),\(high)}: the counts are in the wrong order") }
    i = j + 1
    return (low, high)
  }

  mutating func atom() throws(Failure) -> PatternNode {
    guard let c = peek else { throw fail("the pattern ends too early") }
    let at = i
    i += 1
    switch c {
    case "(":
      if peek == "?" {
        if i + 1 < scalars.count, scalars[i + 1] == ":" {
          i += 2
        } else {
          let next = i + 1 < scalars.count ? String(scalars[i + 1]) : ""
          let what =
            next == "=" || next == "!" || next == "<"
            ? "look-around ('(?\(next)')" : "the group extension '(?\(next)'"
          throw unsupported(what)
        }
      }
      depth += 1
      guard depth <= TextPattern.maximumNesting else {
        throw fail("groups nest more than \(TextPattern.maximumNesting) deep")
      }
      let inner = try alternation()
      depth -= 1
      guard peek == ")" else { throw fail("'(' at character \(at + 1) is never closed") }
      i += 1
      return inner
    case ")": throw fail("unmatched ')' at character \(at + 1)")
    case "*", "+", "?":
      throw fail("'\(c)' at character \(at + 1) repeats nothing")
    case ".": return .any
    case "^": return .assert(.start)
    case "$": return .assert(.end)
    case "[": return .set(try characterClass(openedAt: at))
    case "\\": return try escape(inClass: false).node
    default: return .scalar(Self.lowercased(c))
    }
  }

  static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
    let lower = c.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : c
  }

  /// An escape after `\`: a literal, a named class or an assertion.
  mutating func escape(inClass: Bool) throws(Failure) -> (
    node: PatternNode, scalar: Unicode.Scalar?
  ) {
    guard let c = peek else { throw fail("the pattern ends with '\\'") }
    i += 1
    func named(_ n: TextPattern.NamedClass) -> (PatternNode, Unicode.Scalar?) {
      (.set(TextPattern.CharacterSet(named: [n])), nil)
    }
    switch c {
    case "d": return named(.digit)
    case "D": return named(.notDigit)
    case "w": return named(.word)
    case "W": return named(.notWord)
    case "s": return named(.space)
    case "S": return named(.notSpace)
    case "t": return (.scalar("\t"), "\t")
    case "n": return (.scalar("\n"), "\n")
    case "r": return (.scalar("\r"), "\r")
    case "b" where !inClass: return (.assert(.wordBoundary), nil)
    case "B" where !inClass: return (.assert(.notWordBoundary), nil)
    case "1"..."9": throw unsupported("a back-reference ('\\\(c)')")
    case "k": throw unsupported("a named back-reference ('\\k')")
    default:
      if c.isASCII, !c.properties.isAlphabetic, !(("0"..."9").contains(c)) {
        let lower = Self.lowercased(c)
        return (.scalar(lower), lower)
      }
      if !c.isASCII { return (.scalar(Self.lowercased(c)), Self.lowercased(c)) }
      throw fail("'\\\(c)' is not an escape ProcLab's patterns know; \(Self.subset)")
    }
  }

  /// A class after `[`, up to its `]`.
  mutating func characterClass(openedAt at: Int) throws(Failure) -> TextPattern.CharacterSet {
    var set = TextPattern.CharacterSet()
    if peek == "^" {
      set.negated = true
      i += 1
    }
    var first = true
    while true {
      guard let c = peek else { throw fail("'[' at character \(at + 1) is never closed") }
      if c == "]" && !first {
        i += 1
        return set
      }
      first = false
      if c == "[" && i + 1 < scalars.count && scalars[i + 1] == ":" {
        throw unsupported("a POSIX class ('[:')")
      }
      var low: Unicode.Scalar
      i += 1
      if c == "\\" {
        let escaped = try escape(inClass: true)
        guard let scalar = escaped.scalar else {
          if case .set(let inner) = escaped.node { set.named += inner.named }
          continue
        }
        low = scalar
      } else {
        low = c
      }
      // A range a-z (a '-' before ']' is literal).
      if peek == "-", i + 1 < scalars.count, scalars[i + 1] != "]" {
        i += 1
        var high = scalars[i]
        i += 1
        if high == "\\" {
          guard let scalar = try escape(inClass: true).scalar else {
            throw fail("a range in '[…]' ends in a class")
          }
          high = scalar
        }
        guard low.value <= high.value else {
          throw fail("the range '\(low)-\(high)' in '[…]' is in the wrong order")
        }
        set.ranges.append(low.value...high.value)
      } else {
        set.ranges.append(low.value...low.value)
      }
    }
  }
}
