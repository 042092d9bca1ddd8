/// A JSON value, decoded from a demo's report (`proclab run <demo> --json`).
public indirect enum JSONValue: Sendable, Equatable, Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// The member named `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The value at a dotted path (`fork.median_seconds`): a member whose name is the whole
  /// path (demos may write flat dotted keys), or else nested members one part at a time.
  public func value(at path: String) -> JSONValue? {
    if let direct = self[path] { return direct }
    guard let dot = path.firstIndex(of: ".") else { return nil }
    // Try every split point, so "bandwidth.65536.bytes_per_second" is found however the
    // demo nested it.
    var split: String.Index? = dot
    while let index = split {
      let head = String(path[..<index])
      let tail = String(path[path.index(after: index)...])
      if let inner = self[head], let found = inner.value(at: tail) { return found }
      split = path[path.index(after: index)...].firstIndex(of: ".")
    }
    return nil
  }

  /// The number, or nil for anything else.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The text, or nil for anything else.
  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }
}
