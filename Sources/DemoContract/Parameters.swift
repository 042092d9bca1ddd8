/// The type and bounds of one demo parameter.
public enum ParameterKind: Sendable, Equatable {
  /// A whole number between `min` and `max`, inclusive.
  case integer(min: Int, max: Int)
  /// A decimal number between `min` and `max`, inclusive (durations in seconds, fractions).
  case decimal(min: Double, max: Double)
  /// One word out of a fixed set.
  case choice([String])
  /// A comma-separated list of words out of a fixed set (`sync=none,atomic`).
  case list([String])
  /// `on`/`off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
  case flag
}

/// One declared parameter of a demo: its name, type, bounds, default and meaning.
public struct ParameterSpec: Sendable, Equatable {
  public var name: String
  public var kind: ParameterKind
  public var defaultValue: String
  public var help: String

  public init(_ name: String, _ kind: ParameterKind, default defaultValue: String, help: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
  }

  /// What values are allowed, said the way an error message says it.
  public var allowed: String {
    switch kind {
    case .integer(let min, let max): "a whole number between \(min) and \(max)"
    case .decimal(let min, let max):
      "a number between \(ParameterSpec.format(min)) and \(ParameterSpec.format(max))"
    case .choice(let words): "one of \(words.joined(separator: ", "))"
    case .list(let words): "one or more of \(words.joined(separator: ",")) (comma-separated)"
    case .flag: "on or off (also true/false, yes/no, 1/0)"
    }
  }

  public static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// Checks one textual value against this parameter's type and bounds.
  /// - Returns: the typed value.
  /// - Throws: `ParameterError` with a one-line message naming the parameter and what is allowed.
  public func parse(_ text: String) throws(ParameterError) -> ParameterValue {
    let raw = text.trimmingCharacters(in: " \t")
    func fail(_ why: String, _ reason: ParameterError.Reason) -> ParameterError {
      ParameterError(message: "\(name)=\(text): \(why)", reason: reason, word: "\(name)=\(text)")
    }
    if raw.isEmpty { throw fail("needs a value: \(allowed)", .needsValue(kind)) }
    switch kind {
    case .integer(let min, let max):
      let digits = String(raw.filter { $0 != "_" })
      guard
        digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }),
        digits.contains(where: \.isNumber)
      else {
        throw fail(
          "not a whole number; must be between \(min) and \(max)", .notWhole(min: min, max: max))
      }
      guard let value = Int(digits), value >= min, value <= max else {
        throw fail("must be between \(min) and \(max)", .outOfRange(kind))
      }
      return .integer(value)
    case .decimal(let min, let max):
      guard let value = ParameterSpec.parseDecimal(raw), value.isFinite else {
        throw fail(
          "not a number; must be between \(ParameterSpec.format(min)) and \(ParameterSpec.format(max))",
          .notNumber(min: min, max: max))
      }
      guard value >= min, value <= max else {
        throw fail(
          "must be between \(ParameterSpec.format(min)) and \(ParameterSpec.format(max))",
          .outOfRange(kind))
      }
      return .decimal(value)
    case .choice(let words):
      guard words.contains(raw) else { throw fail("must be \(allowed)", .notAllowed(kind)) }
      return .word(raw)
    case .list(let words):
      let items = raw.split(separator: ",", omittingEmptySubsequences: false).map {
        String($0).trimmingCharacters(in: " ")
      }
      var seen: [String] = []
      for item in items {
        guard words.contains(item) else {
          throw fail(
            item.isEmpty
              ? "empty item in list; allowed: \(words.joined(separator: ","))"
              : "unknown item '\(item)'; allowed: \(words.joined(separator: ","))",
            .unknownItem(item, words))
        }
        if !seen.contains(item) { seen.append(item) }
      }
      return .words(seen)
    case .flag:
      switch raw.lowercased() {
      case "true", "on", "yes", "1": return .flag(true)
      case "false", "off", "no", "0": return .flag(false)
      default: throw fail("must be \(allowed)", .notAllowed(kind))
      }
    }
  }

  /// Parses a decimal number, allowing a unit suffix of s or ms (`0.5`, `500ms`, `2s`).
  static func parseDecimal(_ text: String) -> Double? {
    var body = Substring(text)
    var scale = 1.0
    if body.hasSuffix("ms") {
      body = body.dropLast(2)
      scale = 0.001
    } else if body.hasSuffix("s") {
      body = body.dropLast()
    }
    guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE_".contains($0)) }),
      let value = Double(String(body.filter { $0 != "_" }))
    else { return nil }
    return value * scale
  }
}

/// A parameter value after validation.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
  case integer(Int)
  case decimal(Double)
  case word(String)
  case words([String])
  case flag(Bool)

  public var description: String {
    switch self {
    case .integer(let v): String(v)
    case .decimal(let v): ParameterSpec.format(v)
    case .word(let v): v
    case .words(let v): v.joined(separator: ",")
    case .flag(let v): v ? "true" : "false"
    }
  }
}

/// A refused parameter: one line saying what was wrong and what is allowed.
///
/// `message` is the English line; `reason` says the same as data, so that a layer with the
/// message catalog can say it in the reader's language (Demos' `ParameterError.inLanguage`).
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was wrong, with what the line names.
  public enum Reason: Sendable, Equatable {
    /// `name=` with no value; the parameter is of this kind.
    case needsValue(ParameterKind)
    /// Not a whole number for an integer parameter.
    case notWhole(min: Int, max: Int)
    /// Not a number for a decimal parameter.
    case notNumber(min: Double, max: Double)
    /// A number outside the bounds of this kind.
    case outOfRange(ParameterKind)
    /// A word that is not one of a choice, or not a flag's word.
    case notAllowed(ParameterKind)
    /// A list item that is not allowed (empty for an empty item), and the allowed ones.
    case unknownItem(String, [String])
    /// A word without `=`; the demo and its parameters' names.
    case notNameValue(demo: String, names: [String])
    /// A word that starts with `=`.
    case missingName(demo: String, names: [String])
    /// A name the demo does not declare.
    case unknownName(String, demo: String, names: [String])
  }

  public var message: String
  public var reason: Reason?
  /// The word refused, as the line quotes it (`children=abc`, `'abc'`).
  public var word: String

  public init(message: String, reason: Reason? = nil, word: String = "") {
    self.message = message
    self.reason = reason
    self.word = word
  }

  public var description: String { message }

  /// Two refusals are the same when they say the same line: `reason` and `word` are that line
  /// as data.
  public static func == (a: ParameterError, b: ParameterError) -> Bool { a.message == b.message }
}

/// The validated parameters of one demo run, every declared parameter present.
public struct Parameters: Sendable, Equatable {
  public private(set) var values: [String: ParameterValue]
  /// Declaration order, for printing.
  public private(set) var order: [String]

  public init(values: [String: ParameterValue], order: [String]) {
    self.values = values
    self.order = order
  }

  /// `name=value` pairs in declaration order: what a child process is started with.
  public var arguments: [String] { order.compactMap { n in values[n].map { "\(n)=\($0)" } } }

  /// As a JSON-friendly dictionary of strings and numbers.
  public var asJSON: [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for (name, value) in values {
      switch value {
      case .integer(let v): out[name] = .number(Double(v))
      case .decimal(let v): out[name] = .number(v)
      case .word(let v): out[name] = .string(v)
      case .words(let v): out[name] = .array(v.map { .string($0) })
      case .flag(let v): out[name] = .bool(v)
      }
    }
    return out
  }
}

extension Array where Element == ParameterSpec {
  /// Validates `name=value` words against these specs, filling in defaults.
  /// - Throws: `ParameterError` for the first bad word: unknown name, missing `=`, bad value.
  public func validate(_ words: [String], demo: String) throws(ParameterError) -> Parameters {
    var values: [String: ParameterValue] = [:]
    for word in words {
      let (name, value) = try parse(word, demo: demo)
      values[name] = value
    }
    for spec in self where values[spec.name] == nil {
      values[spec.name] = try spec.parse(spec.defaultValue)
    }
    return Parameters(values: values, order: map(\.name))
  }

  /// Checks one `name=value` word, without filling in defaults (what a linter needs).
  /// - Throws: `ParameterError`: unknown name, missing `=`, bad value.
  public func parse(_ word: String, demo: String) throws(ParameterError) -> (
    name: String, value: ParameterValue
  ) {
    guard let eq = word.firstIndex(of: "=") else {
      throw ParameterError(
        message: "'\(word)': parameters are written name=value; \(demo) takes \(namesList)",
        reason: .notNameValue(demo: demo, names: map(\.name)), word: word)
    }
    let name = String(word[..<eq])
    let text = String(word[word.index(after: eq)...])
    guard let spec = first(where: { $0.name == name }) else {
      throw ParameterError(
        message: name.isEmpty
          ? "'\(word)': missing parameter name; \(demo) takes \(namesList)"
          : "unknown parameter '\(name)' for \(demo); it takes \(namesList)",
        reason: name.isEmpty
          ? .missingName(demo: demo, names: map(\.name))
          : .unknownName(name, demo: demo, names: map(\.name)),
        word: word)
    }
    return (name, try spec.parse(text))
  }

  var namesList: String { isEmpty ? "no parameters" : map(\.name).joined(separator: ", ") }
}

extension String {
  /// The string without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
