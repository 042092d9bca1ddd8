import Render

/// A place in a lesson file: the file as it was given, a 1-based line and a 1-based column.
///
/// Columns count characters (extended grapheme clusters), so a Hangul syllable or an emoji is
/// one column, whatever its width on screen or its length in bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's path as it was given to the parser or the linter.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in characters.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:col`.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.line != b.line { return a.line < b.line }
    return a.column < b.column
  }
}

/// Something wrong (or worth knowing) about a lesson file, at a place in it.
public struct LessonProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How much a problem matters.
  public enum Severity: Sendable, Hashable, Comparable {
    /// Worth knowing, never a failure (a teacher's lesson overriding a built-in one).
    case info
    /// Probably a mistake, but the lesson works (an unknown front matter key).
    case warning
    /// The lesson, or part of it, does not work as written; `proclab lint` fails.
    case error
  }

  /// Where the problem is.
  public var location: SourceLocation
  /// One line saying what is wrong, without the location.
  public var message: String
  /// How much it matters.
  public var severity: Severity

  /// Creates a problem.
  public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
    self.location = location
    self.message = message
    self.severity = severity
  }

  /// Whether this problem makes `proclab lint` fail.
  public var isError: Bool { severity == .error }

  /// One line: `file:line:col: message`, with `warning: ` or `note: ` before the message
  /// when the problem is not an error. Safe to print: the file name and the message are
  /// untrusted text, so their control characters are made visible (``TerminalSafe``).
  public var description: String {
    let line =
      switch severity {
      case .error: "\(location): \(message)"
      case .warning: "\(location): warning: \(message)"
      case .info: "\(location): note: \(message)"
      }
    return TerminalSafe.escape(line)
  }

  /// Orders by file, line, column, then message.
  public static func < (a: LessonProblem, b: LessonProblem) -> Bool {
    if a.location != b.location { return a.location < b.location }
    return a.message < b.message
  }
}
