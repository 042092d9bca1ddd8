public import DemoContract
public import Localization
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

/// A sentence of the linter's or the parser's: a catalog key (`lint.…`, Messages+Lint.swift)
/// with its arguments, so that a finding is said in the reader's language while its identity
/// (the key) and its English text stay what tests and CI match.
///
/// `values` fill placeholders as they are (ids, file names, numbers: the lesson's own text);
/// `phrases` fill them with another phrase said in the same language (`none`, a field's
/// name). A `near` value adds "did you mean" after the sentence.
public struct LintPhrase: Sendable, Hashable {
  /// The catalog key.
  public var key: String
  /// Placeholders filled as they are.
  public var values: [String: String]
  /// Placeholders filled with another phrase in the same language.
  public var phrases: [String: LintPhrase]

  /// Creates a phrase.
  public init(
    _ key: String, _ values: [String: String] = [:], phrases: [String: LintPhrase] = [:]
  ) {
    self.key = key
    self.values = values
    self.phrases = phrases
  }

  /// A phrase that is a value as it is (a parameter's refusal, already a whole line).
  static func verbatim(_ text: String) -> LintPhrase { LintPhrase("lint.text", ["text": text]) }

  /// The sentence in the language ProcLab speaks (`Catalog.language`).
  public var text: String { text(in: Catalog.language) }

  /// `none`, in the reader's language, or `value` as it is.
  static func orNone(_ value: String?) -> LintPhrase {
    value.map(verbatim) ?? LintPhrase("lint.none")
  }

  /// The sentence in `language`, "did you mean" after it when there is a `near` value.
  public func text(in language: Language) -> String {
    var all = values
    for (name, phrase) in phrases { all[name] = phrase.text(in: language) }
    var out = Catalog.text(key, in: language, all)
    if let near = values["near"] {
      out += Catalog.text("lint.didYouMean", in: language, ["near": near])
    }
    return out
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
  /// One line saying what is wrong, without the location, in English: what tests match and
  /// what problems are ordered by, whatever the language shown.
  public var message: String
  /// What is wrong as a catalog key and its arguments (``code`` is its key).
  public var phrase: LintPhrase
  /// How much it matters.
  public var severity: Severity
  /// A demo's refused parameter, when that is the problem: said in the reader's language by
  /// the layer that knows the demos (``line(parameterText:)``).
  public var parameterError: ParameterError?

  /// Creates a problem from its phrase; the English ``message`` is the phrase's English text.
  public init(_ location: SourceLocation, _ phrase: LintPhrase, severity: Severity = .error) {
    self.location = location
    self.phrase = phrase
    self.message = phrase.text(in: .en)
    self.severity = severity
  }

  /// Creates a problem from a key and its values (``LintPhrase``).
  public init(
    _ location: SourceLocation, key: String, _ values: [String: String] = [:],
    phrases: [String: LintPhrase] = [:], severity: Severity = .error
  ) {
    self.init(location, LintPhrase(key, values, phrases: phrases), severity: severity)
  }

  /// Creates a problem from a line said the same in every language (a line not in the
  /// catalog: the tutorial manifest's, whose readers are the course's authors).
  public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
    self.init(location, .verbatim(message), severity: severity)
  }

  /// Creates a problem that is a demo's refused parameter.
  public init(_ location: SourceLocation, parameter: ParameterError) {
    self.init(location, .verbatim(parameter.message))
    self.parameterError = parameter
  }

  /// The problem's identity: its catalog key (`lint.unknownDemo`), the same in every language.
  public var code: String { phrase.key }

  /// Whether this problem makes `proclab lint` fail.
  public var isError: Bool { severity == .error }

  /// What is wrong in the language ProcLab speaks (`Catalog.language`), without the location.
  public var text: String { phrase.text(in: Catalog.language) }

  /// One line: `file:line:col: message`, with `warning: ` or `note: ` before the message
  /// when the problem is not an error, in the language ProcLab speaks. Safe to print: the
  /// file name and the message are untrusted text, so their control characters are made
  /// visible (``TerminalSafe``).
  public var description: String { line() }

  /// ``description``, with a refused parameter said by `parameterText` (the demos' layer
  /// passes its translation; this module knows only the English line).
  public func line(parameterText: (ParameterError) -> String = { $0.message }) -> String {
    let message = parameterError.map(parameterText) ?? text
    let key =
      switch severity {
      case .error: "lint.line.error"
      case .warning: "lint.line.warning"
      case .info: "lint.line.note"
      }
    return TerminalSafe.escape(
      Catalog.text(key, ["location": location.description, "message": message]))
  }

  public static func == (a: LessonProblem, b: LessonProblem) -> Bool {
    a.location == b.location && a.phrase == b.phrase && a.severity == b.severity
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(location)
    hasher.combine(phrase)
    hasher.combine(severity)
  }

  /// Orders by file, line, column, then the English message.
  public static func < (a: LessonProblem, b: LessonProblem) -> Bool {
    if a.location != b.location { return a.location < b.location }
    return a.message < b.message
  }
}
