public import DemoContract

/// Checks a JSON value against the subset of JSON Schema (2020-12) that ProcLab's schema files
/// use: `type` (one or a list; `integer` is a whole number), `enum`, `properties`, `required`,
/// `additionalProperties: false`, `items`, `minimum`, `minLength`, `maxLength`, `pattern`,
/// `oneOf` (exactly one of the schemas holds) and `$ref` to `#/$defs/<name>`. Any other keyword in a schema is reported, never ignored, so the
/// schema cannot say more than is checked.
public struct JSONSchemaCheck {
  let root: JSONValue
  static let known: Set<String> = [
    "$schema", "$id", "title", "description", "type", "enum", "properties", "required",
    "additionalProperties", "items", "minimum", "minLength", "maxLength", "pattern", "$ref",
    "$defs", "oneOf",
  ]

  public init(schema: JSONValue) { root = schema }

  /// Every way `value` breaks the schema, each naming its path; empty when it conforms.
  public func problems(_ value: JSONValue) -> [String] {
    var out: [String] = []
    check(value, against: root, at: "$", into: &out)
    return out
  }

  func check(
    _ value: JSONValue, against schema: JSONValue, at path: String, into out: inout [String]
  ) {
    guard case .object(let s) = schema else {
      out.append("\(path): the schema here is not an object")
      return
    }
    for key in s.keys where !Self.known.contains(key) {
      out.append("\(path): the schema uses \(key), which this check does not implement")
    }
    if case .string(let ref)? = s["$ref"] {
      let name = ref.hasPrefix("#/$defs/") ? String(ref.dropFirst("#/$defs/".count)) : ""
      guard case .object(let root) = root, case .object(let defs)? = root["$defs"],
        let target = defs[name]
      else {
        out.append("\(path): $ref \(ref) names nothing in $defs")
        return
      }
      check(value, against: target, at: path, into: &out)
    }
    if let type = s["type"] {
      let allowed: [String] =
        switch type {
        case .string(let t): [t]
        case .array(let ts): ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: []
        }
      if !allowed.contains(where: { Self.isType(value, $0) }) {
        out.append(
          "\(path): \(Self.typeName(value)) where the schema wants \(allowed.joined(separator: " or "))"
        )
        return
      }
    }
    if case .array(let schemas)? = s["oneOf"] {
      var each: [[String]] = []
      for option in schemas {
        var found: [String] = []
        check(value, against: option, at: path, into: &found)
        each.append(found)
      }
      let holding = each.filter(\.isEmpty).count
      if holding == 0 {
        out.append(
          "\(path): none of oneOf holds; closest: \(each.min { $0.count < $1.count } ?? [])")
      } else if holding > 1 {
        out.append("\(path): \(holding) schemas of oneOf hold, where exactly one must")
      }
    }
    if case .array(let options)? = s["enum"], !options.contains(value) {
      out.append("\(path): \(value) is not one of \(options)")
    }
    if case .number(let min)? = s["minimum"], case .number(let n) = value, n < min {
      out.append("\(path): \(n) is below the minimum \(min)")
    }
    if case .string(let text) = value {
      if case .number(let min)? = s["minLength"], Double(text.count) < min {
        out.append("\(path): shorter than \(Int(min)) characters")
      }
      if case .number(let max)? = s["maxLength"], Double(text.count) > max {
        out.append("\(path): longer than \(Int(max)) characters")
      }
      if case .string(let pattern)? = s["pattern"] {
        if let regex = try? Regex(pattern) {
          if (try? regex.firstMatch(in: text)) == nil {
            out.append("\(path): \(text.debugDescription) does not match \(pattern)")
          }
        } else {
          out.append("\(path): the pattern \(pattern) does not compile")
        }
      }
    }
    if case .object(let fields) = value {
      if case .array(let required)? = s["required"] {
        for case .string(let name) in required where fields[name] == nil {
          out.append("\(path): no \(name)")
        }
      }
      let properties: [String: JSONValue]
      if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
      for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
        if let sub = properties[name] {
          check(field, against: sub, at: path + "." + name, into: &out)
        } else if s["additionalProperties"] == .bool(false) {
          out.append("\(path): \(name) is not in the schema")
        }
      }
    }
    if case .array(let elements) = value, let items = s["items"] {
      for (i, element) in elements.enumerated() {
        check(element, against: items, at: "\(path)[\(i)]", into: &out)
      }
    }
  }

  static func isType(_ value: JSONValue, _ type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
      ("array", .array), ("object", .object):
      true
    case ("integer", .number(let n)): n == n.rounded() && n.isFinite
    default: false
    }
  }

  static func typeName(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
