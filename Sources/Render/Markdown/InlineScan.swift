/// One pass over a paragraph's characters that finds, for every opener, where it closes, so
/// that rendering never scans ahead (which made unclosed `[` or `*a` quadratic).
///
/// - Code spans: a backtick run closes at the next run of exactly its length (CommonMark);
///   the starts of the runs of each length are kept sorted and searched.
/// - Emphasis: the runs of `*`, `_` and `~` outside code spans and escapes that may close
///   emphasis (not after a space; `_` not before a letter or digit), by marker and length;
///   an opener closes at the first such run of its length after it.
/// - Brackets and parentheses: matched pairs, found with a stack.
///
/// Everything is an array or a dictionary of sorted arrays: linear to build, a binary search
/// to consult.
struct InlineScan {
  let characters: [Character]
  /// The start of every maximal backtick run, by the run's length, in order.
  private var backtickRuns: [Int: [Int]] = [:]
  /// Runs that may close emphasis, by marker and length, in order.
  private var closers: [Character: [Int: [Int]]] = [:]
  /// The matching `]` of each `[` (outside code spans and escapes).
  private(set) var bracketClose: [Int: Int] = [:]
  /// The matching `)` of each `(` (outside escapes).
  private(set) var parenthesisClose: [Int: Int] = [:]

  init(_ characters: [Character]) {
    self.characters = characters
    let s = characters
    let n = s.count
    // Backtick runs, whatever surrounds them (a backslash does not escape inside a code span).
    var i = 0
    while i < n {
      if s[i] == "`" {
        let run = runLength(at: i, end: n)
        backtickRuns[run, default: []].append(i)
        i += run
      } else {
        i += 1
      }
    }
    // Parentheses, with backslash escapes, as a link's destination is read.
    var open: [Int] = []
    i = 0
    while i < n {
      switch s[i] {
      case "\\": i += 1
      case "(": open.append(i)
      case ")": if let o = open.popLast() { parenthesisClose[o] = i }
      default: break
      }
      i += 1
    }
    // Emphasis runs and brackets, outside code spans and escapes.
    var brackets: [Int] = []
    i = 0
    while i < n {
      let c = s[i]
      switch c {
      case "\\":
        i += 2
        continue
      case "`":
        let run = runLength(at: i, end: n)
        if let close = codeSpanClose(at: i, run: run, end: n) {
          i = close + run
        } else {
          i += run
        }
        continue
      case "*", "_", "~":
        let run = runLength(at: i, end: n)
        let mayClose =
          i > 0 && !s[i - 1].isWhitespace
          && !(c == "_" && i + run < n && isWordCharacter(s[i + run]))
        if mayClose { closers[c, default: [:]][run, default: []].append(i) }
        i += run
        continue
      case "[": brackets.append(i)
      case "]": if let o = brackets.popLast() { bracketClose[o] = i }
      default: break
      }
      i += 1
    }
  }

  /// The length of the run of `characters[index]` starting there, up to `end`.
  func runLength(at index: Int, end: Int) -> Int {
    let c = characters[index]
    var j = index
    while j < end && characters[j] == c { j += 1 }
    return j - index
  }

  /// The start of the backtick run of exactly `run` that closes a code span opened at
  /// `index`, if it ends by `end`.
  func codeSpanClose(at index: Int, run: Int, end: Int) -> Int? {
    guard let starts = backtickRuns[run],
      let close = Self.first(in: starts, atLeast: index + run), close + run <= end
    else { return nil }
    return close
  }

  /// Where the emphasis opened by the delimiter run at `open` closes, and how many delimiter
  /// characters it uses; nil when it does not open emphasis or nothing in `range` closes it.
  func emphasisClose(open: Int, run: Int, in range: Range<Int>) -> (Int, Int)? {
    let s = characters
    let marker = s[open]
    let used: Int
    if marker == "~" {
      guard run == 2 else { return nil }
      used = 2
    } else {
      guard run <= 3 else { return nil }
      used = run
    }
    let after = open + run
    guard after < range.upperBound, !s[after].isWhitespace else { return nil }
    if marker == "_", open > range.lowerBound, isWordCharacter(s[open - 1]) { return nil }
    guard let starts = closers[marker]?[used],
      let close = Self.first(in: starts, atLeast: after + 1), close + used <= range.upperBound
    else { return nil }
    return (close, used)
  }

  /// The first element of the sorted `values` that is at least `bound`.
  static func first(in values: [Int], atLeast bound: Int) -> Int? {
    var lo = 0
    var hi = values.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if values[mid] < bound { lo = mid + 1 } else { hi = mid }
    }
    return lo < values.count ? values[lo] : nil
  }
}
