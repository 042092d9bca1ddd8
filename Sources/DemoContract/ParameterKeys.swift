/// Typed parameter keys: a demo declares each parameter once, as a stored property of its
/// `ParameterSet`, and that one declaration both builds the `ParameterSpec` that `help run`,
/// `proclab demos --json` and validation use and reads the validated value with its Swift type.
/// A demo reads its parameters only through `DemoParameters<Keys>` (`params.processes`), so a
/// misspelt name does not compile, and an enum parameter is a Swift enum whose cases are the
/// allowed words.

/// One declared parameter that reads its validated value as a `Value`.
public protocol ParameterKey<Value>: Sendable {
  associatedtype Value: Sendable, Equatable
  /// The declaration: name, kind with its bounds or words, default as text, meaning.
  var spec: ParameterSpec { get }
  /// The default, typed; `spec.defaultValue` is its text.
  var defaultValue: Value { get }
  /// The typed value of a validated value of this key's kind, nil for any other kind.
  func value(of validated: ParameterValue) -> Value?
}

/// The words of an enum parameter: a Swift enum whose cases, in order, are the allowed values.
public protocol ParameterChoice: CaseIterable, RawRepresentable, Sendable, Equatable
where RawValue == String {}

extension ParameterChoice {
  static var words: [String] { allCases.map(\.rawValue) }
}

/// A whole-number parameter within `range`.
public struct IntParameter: ParameterKey {
  public let spec: ParameterSpec
  public let defaultValue: Int

  public init(_ name: String, default defaultValue: Int, range: ClosedRange<Int>, help: String) {
    spec = ParameterSpec(
      name, .integer(min: range.lowerBound, max: range.upperBound),
      default: String(defaultValue), help: help)
    self.defaultValue = defaultValue
  }

  public func value(of validated: ParameterValue) -> Int? {
    if case .integer(let v) = validated { v } else { nil }
  }
}

/// A decimal parameter within `range` (seconds, fractions); `500ms` and `2s` are accepted too.
public struct DecimalParameter: ParameterKey {
  public let spec: ParameterSpec
  public let defaultValue: Double

  public init(
    _ name: String, default defaultValue: Double, range: ClosedRange<Double>, help: String
  ) {
    spec = ParameterSpec(
      name, .decimal(min: range.lowerBound, max: range.upperBound),
      default: ParameterSpec.format(defaultValue), help: help)
    self.defaultValue = defaultValue
  }

  public func value(of validated: ParameterValue) -> Double? {
    switch validated {
    case .decimal(let v): v
    case .integer(let v): Double(v)
    default: nil
    }
  }
}

/// An on/off parameter (`true`/`false`, `yes`/`no`, `1`/`0` are accepted too).
public struct FlagParameter: ParameterKey {
  public let spec: ParameterSpec
  public let defaultValue: Bool

  public init(_ name: String, default defaultValue: Bool, help: String) {
    spec = ParameterSpec(name, .flag, default: defaultValue ? "on" : "off", help: help)
    self.defaultValue = defaultValue
  }

  public func value(of validated: ParameterValue) -> Bool? {
    if case .flag(let v) = validated { v } else { nil }
  }
}

/// One word out of `Choice`'s cases.
public struct EnumParameter<Choice: ParameterChoice>: ParameterKey {
  public let spec: ParameterSpec
  public let defaultValue: Choice

  public init(_ name: String, default defaultValue: Choice, help: String) {
    spec = ParameterSpec(
      name, .choice(Choice.words), default: defaultValue.rawValue, help: help)
    self.defaultValue = defaultValue
  }

  public func value(of validated: ParameterValue) -> Choice? {
    if case .word(let v) = validated { Choice(rawValue: v) } else { nil }
  }
}

/// A comma-separated list of `Choice`'s cases (`sync=none,atomic`), in the order given, each
/// once.
public struct EnumListParameter<Choice: ParameterChoice>: ParameterKey {
  public let spec: ParameterSpec
  public let defaultValue: [Choice]

  /// - Parameters:
  ///   - defaultValue: the cases run when none are named; every case unless said otherwise.
  public init(
    _ name: String, default defaultValue: [Choice] = Array(Choice.allCases), help: String
  ) {
    spec = ParameterSpec(
      name, .list(Choice.words),
      default: defaultValue.map(\.rawValue).joined(separator: ","), help: help)
    self.defaultValue = defaultValue
  }

  public func value(of validated: ParameterValue) -> [Choice]? {
    guard case .words(let words) = validated else { return nil }
    let cases = words.compactMap(Choice.init(rawValue:))
    return cases.count == words.count ? cases : nil
  }
}

/// A demo's parameters, declared once: a struct whose stored properties are its typed keys,
/// in the order `help run` lists them. It holds nothing else.
public protocol ParameterSet: Sendable {
  init()
}

extension ParameterSet {
  /// The keys, in declaration order, with the property that holds each.
  public static var keys: [(property: String, key: any ParameterKey)] {
    Mirror(reflecting: Self()).children.compactMap { child in
      (child.value as? any ParameterKey).map { (child.label ?? "", $0) }
    }
  }

  /// The stored properties that are not parameter keys (a test requires none).
  public static var strayProperties: [String] {
    Mirror(reflecting: Self()).children.compactMap { child in
      child.value is any ParameterKey ? nil : child.label ?? "?"
    }
  }

  /// The declaration's `ParameterSpec`s, one per key, in declaration order.
  public static var specs: [ParameterSpec] { keys.map(\.key.spec) }
}

/// A set with no parameters.
public struct NoParameters: ParameterSet {
  public init() {}
}

/// The validated parameters of one run of a demo whose keys are `Keys`, read by key:
/// `params.processes` is an `Int`, `params.cpus` a `Placement.Mode`.
@dynamicMemberLookup
public struct DemoParameters<Keys: ParameterSet>: Sendable {
  /// What the runner validated against `Keys.specs`, every declared parameter present.
  public let validated: Parameters
  let keys = Keys()

  public init(_ validated: Parameters) {
    self.validated = validated
  }

  public subscript<Key: ParameterKey>(dynamicMember path: KeyPath<Keys, Key>) -> Key.Value {
    validated[keys[keyPath: path]]
  }
}

extension Parameters {
  /// The value of `key`, typed. Validation fills in every declared parameter, so the default
  /// is only a fallback for parameters validated against another declaration; it never traps.
  public subscript<Key: ParameterKey>(key: Key) -> Key.Value {
    values[key.spec.name].flatMap(key.value(of:)) ?? key.defaultValue
  }
}
