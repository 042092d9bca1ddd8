/// The `pattern:` of a `text` question: a regular expression the whole answer may match.
enum TextPattern {
  /// Whether `text`, without surrounding whitespace, matches `pattern` as a whole, ignoring
  /// case. A pattern that does not compile matches nothing (the linter reports it).
  static func wholeMatch(_ pattern: String, _ text: String) -> Bool {
    guard let regex = try? Regex(pattern).ignoresCase() else { return false }
    let trimmed = text.trimmingWhitespace()
    return (try? regex.wholeMatch(in: trimmed)) != nil
  }

  /// Why `pattern` does not compile, or `nil` if it does.
  static func problem(_ pattern: String) -> String? {
    do {
      _ = try Regex(pattern)
      return nil
    } catch {
      let text = String(describing: error)
      let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
      return firstLine
    }
  }
}
