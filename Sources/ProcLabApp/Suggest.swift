/// "Did you mean…?" for mistyped commands, demos and lesson ids.
enum Suggest {
  /// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for c in candidates {
      let d = distance(w, Array(c.lowercased()))
      if best == nil || d < best!.1 { best = (c, d) }
    }
    guard let (name, d) = best else { return nil }
    let limit = max(1, min(3, w.count / 3 + 1))
    if d <= limit { return name }
    if let prefixMatch = candidates.first(where: { $0.hasPrefix(word) && !word.isEmpty }) {
      return prefixMatch
    }
    return nil
  }

  /// Levenshtein distance (with adjacent transpositions counted as one edit).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], prev2[j - 2] + 1)
        }
      }
      prev2 = prev
      prev = cur
    }
    return prev[b.count]
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmedSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return String(s)
  }
}
