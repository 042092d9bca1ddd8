/// Reading an exercise check's condition (docs/exercises.md, "Checks"): the output forms
/// `stdout matches "REGEX"`, `stdout contains "TEXT"`, `stdout lines OP N` (and `stderr`), or
/// a check-rule condition over the trace report's metrics.
extension ExerciseCondition {
  /// Reads a condition as written before `::`.
  /// - Throws: `CheckRuleError`: one line saying what is wrong and what is allowed, with the
  ///   offset in `text` where it is.
  public static func parse(_ text: String) throws(CheckRuleError) -> ExerciseCondition {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    func skipSpaces() {
      while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    }
    func word() -> String {
      var w = String.UnicodeScalarView()
      while i < scalars.count, scalars[i] != " ", scalars[i] != "\t", scalars[i] != "\"" {
        w.append(scalars[i])
        i += 1
      }
      return String(w)
    }
    skipSpaces()
    let start = i
    let first = word()
    guard let stream = OutputStreamName(rawValue: first) else {
      let rule = try CheckRule.parse(text)
      guard case .condition = rule else {
        throw CheckRuleError(
          "an exercise check is a condition over the trace's metrics (processes == 4), not "
            + "'\(first)': there is no answer to compare", offset: start)
      }
      if rule.usesAnswer {
        throw CheckRuleError(
          "an exercise check has no 'answer': compare the trace's metrics with numbers",
          offset: start)
      }
      return .metrics(rule)
    }
    skipSpaces()
    let testStart = i
    let test = word()
    skipSpaces()
    let valueStart = i
    let allowed = "\(first) matches \"REGEX\", \(first) contains \"TEXT\" or \(first) lines == N"
    switch test {
    case "matches", "contains":
      let quoted = try Self.quoted(scalars, from: &i)
      skipSpaces()
      if i < scalars.count {
        throw CheckRuleError(
          "nothing may follow the quoted text; join two checks by writing two 'check:' lines",
          offset: i)
      }
      if test == "matches" {
        // Checked as it runs: some part of a line matching, `.*(?:REGEX).*` (docs/exercises.md).
        if let why = TextPattern.problem(quoted) ?? TextPattern.problem(Self.searching(quoted)) {
          throw CheckRuleError("the pattern does not compile: \(why)", offset: valueStart)
        }
        return .output(stream, .matches(quoted))
      }
      return .output(stream, .contains(quoted))
    case "lines":
      var op = String.UnicodeScalarView()
      while i < scalars.count, "<>=!≤≥≠".unicodeScalars.contains(scalars[i]) {
        op.append(scalars[i])
        i += 1
      }
      let spelled: [String: ComparisonOperator] = [
        "<": .less, "<=": .lessOrEqual, "≤": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
        "≥": .greaterOrEqual, "==": .equal, "=": .equal, "!=": .notEqual, "≠": .notEqual,
      ]
      guard let comparison = spelled[String(op)] else {
        throw CheckRuleError(
          "expected a comparison (==, !=, <, <=, >, >=) after 'lines'", offset: valueStart)
      }
      skipSpaces()
      let numberStart = i
      let count = word()
      skipSpaces()
      guard let n = Int(count), n >= 0, i == scalars.count else {
        throw CheckRuleError(
          "expected a whole number of lines after '\(String(op))'", offset: numberStart)
      }
      return .output(stream, .lines(comparison, n))
    default:
      throw CheckRuleError("expected \(allowed)", offset: testStart)
    }
  }

  /// The whole-line pattern that holds when some part of a line matches `pattern`.
  static func searching(_ pattern: String) -> String { ".*(?:" + pattern + ").*" }

  /// A `"…"` text with `\"` and `\\` escapes, starting at `i`.
  static func quoted(
    _ scalars: [Unicode.Scalar], from i: inout Int
  ) throws(CheckRuleError) -> String {
    guard i < scalars.count, scalars[i] == "\"" else {
      throw CheckRuleError("expected a quoted text, \"like this\"", offset: i)
    }
    let open = i
    i += 1
    var out = String.UnicodeScalarView()
    while i < scalars.count {
      let c = scalars[i]
      if c == "\\", i + 1 < scalars.count, scalars[i + 1] == "\"" || scalars[i + 1] == "\\" {
        out.append(scalars[i + 1])
        i += 2
        continue
      }
      if c == "\"" {
        i += 1
        return String(out)
      }
      out.append(c)
      i += 1
    }
    throw CheckRuleError("the quoted text opened here is never closed", offset: open)
  }
}
