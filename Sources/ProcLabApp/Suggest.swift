import Lessons

/// "Did you mean…?" for mistyped commands, demos and lesson ids: the linter's own suggestion
/// rule, so the REPL and `proclab lint` suggest alike.
enum Suggest {
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    Suggestions.nearest(word, candidates)
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
