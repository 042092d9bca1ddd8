import FoundationEssentials

// What DocsClaimsTests read from `proclab demos --json` and `progress --json`.

/// Any JSON value (decoding only proves the text is JSON).
struct AnyJSON: Decodable {
  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() { return }
    if (try? c.decode(Bool.self)) != nil { return }
    if (try? c.decode(Double.self)) != nil { return }
    if (try? c.decode(String.self)) != nil { return }
    if (try? c.decode([AnyJSON].self)) != nil { return }
    _ = try c.decode([String: AnyJSON].self)
  }
}

/// What the claims read from `proclab demos --json`.
enum DemoCatalogJSON {
  struct Parameter {
    var name: String
    var min: Int
    var max: Int
  }
  struct Metric: CustomStringConvertible {
    var path: String
    var unit: String
    var type: String
    var description: String { "\(path): \(unit), \(type)" }
  }

  struct Demo: Decodable {
    struct P: Decodable {
      var name: String
      var min: Double?
      var max: Double?
    }
    struct M: Decodable {
      var path: String
      var unit: String
      var type: String
    }
    var parameters: [P]?
    var metrics: [M]?
  }

  struct Catalog: Decodable { var demos: [Demo] }

  static func demos(_ text: String) throws -> [Demo] {
    try JSONDecoder().decode(Catalog.self, from: Data(text.utf8)).demos
  }

  static func parameters(_ text: String) throws -> [Parameter] {
    try demos(text).flatMap { $0.parameters ?? [] }.compactMap { p in
      guard let min = p.min, let max = p.max else { return nil }
      return Parameter(name: p.name, min: Int(min), max: Int(max))
    }
  }

  static func metrics(_ text: String) throws -> [Metric] {
    try demos(text).flatMap { $0.metrics ?? [] }.map {
      Metric(path: $0.path, unit: $0.unit, type: $0.type)
    }
  }
}
