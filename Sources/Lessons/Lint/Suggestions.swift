/// "Did you mean…?" for misspelt names.
public enum Suggestions {
  /// The candidate nearest to `word`, if one is near enough to be a likely misspelling:
  /// within an edit distance of a third of the word's length (at least 1, at most 3), or
  /// one starting with the word (three characters or more).
  public static func nearest(_ word: String, _ candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    guard !w.isEmpty, w.count <= 64 else { return nil }
    let limit = max(1, min(3, w.count / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let c = Array(candidate.lowercased())
      guard c.count <= 64 else { continue }
      let d = distance(w, c)
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    if let best { return best.name }
    if w.count >= 3 {
      return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
    }
    return nil
  }

  /// `; did you mean 'x'?` or nothing.
  static func didYouMean(_ word: String, _ candidates: [String]) -> String {
    nearest(word, candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// "Did you mean…?" for many words against one list of candidates (every `requires:` of a
  /// library against its lesson ids), with a bound on the total work: each word is compared
  /// with every candidate, so 3,000 lessons that each require an unknown id would otherwise
  /// take 3,000² comparisons. Once `budget` comparisons are spent, words get no suggestion.
  struct Batch {
    let candidates: [String]
    private(set) var budget: Int

    /// - Parameters:
    ///   - candidates: the names to suggest, in the order ties are broken.
    ///   - budget: how many word–candidate comparisons may be made in all.
    init(_ candidates: [String], budget: Int = 100_000) {
      self.candidates = candidates
      self.budget = budget
    }

    /// `; did you mean 'x'?` or nothing.
    mutating func didYouMean(_ word: String) -> String {
      nearest(word).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The candidate nearest to `word` (``Suggestions/nearest(_:_:)``), or nil, also once
    /// the budget is spent.
    mutating func nearest(_ word: String) -> String? {
      guard budget >= candidates.count else { return nil }
      budget -= candidates.count
      return Suggestions.nearest(word, candidates)
    }
  }

  /// Levenshtein distance (insertions, deletions, substitutions; a swap of neighbours
  /// counts as one).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d = min(d, previous2[j - 2] + 1)
        }
        current[j] = d
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

extension String? {
  /// `values` with this suggestion as their `near` value (``LintPhrase``'s "did you mean"),
  /// or as they are when there is none.
  func withNear(_ values: [String: String]) -> [String: String] {
    guard let self else { return values }
    return values.merging(["near": self]) { a, _ in a }
  }
}
