// The problems the parser reports, each a catalog phrase (`LintPhrase`, Messages+Lint*.swift)
// at a place in the file.
extension LessonFileParser {
  func location(_ line: SourceLine, _ index: String.Index) -> SourceLocation {
    SourceLocation(file: file, line: line.number, column: line.column(of: index))
  }

  mutating func error(at line: Int, column: Int = 1, _ phrase: LintPhrase) {
    problems.append(LessonProblem(SourceLocation(file: file, line: line, column: column), phrase))
  }

  mutating func error(_ line: SourceLine, _ index: String.Index, _ phrase: LintPhrase) {
    problems.append(LessonProblem(location(line, index), phrase))
  }

  mutating func error(_ location: SourceLocation, _ phrase: LintPhrase) {
    problems.append(LessonProblem(location, phrase))
  }

  mutating func warning(_ line: SourceLine, _ index: String.Index, _ phrase: LintPhrase) {
    problems.append(LessonProblem(location(line, index), phrase, severity: .warning))
  }

  mutating func warning(_ location: SourceLocation, _ phrase: LintPhrase) {
    problems.append(LessonProblem(location, phrase, severity: .warning))
  }
}
