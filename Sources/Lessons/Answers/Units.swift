import Localization

/// The units a numeric answer may carry, and how to convert between units of one kind.
enum QuantityUnit {
  /// What a unit measures; only units of one dimension convert into each other.
  enum Dimension: Sendable {
    case time, size, percent, factor

    /// How an error message describes an answer of this dimension.
    var example: String {
      switch self {
      case .time: Catalog.text("quiz.answer.unit.time")
      case .size: Catalog.text("quiz.answer.unit.size")
      case .percent: Catalog.text("quiz.answer.unit.percent")
      case .factor: Catalog.text("quiz.answer.unit.factor")
      }
    }
  }

  /// A known unit: its dimension and its size in the dimension's base unit.
  struct Info: Sendable {
    var dimension: Dimension
    var scale: Double
  }

  /// Known units by lowercased spelling (English and Korean).
  static let table: [String: Info] = {
    var t: [String: Info] = [:]
    func add(_ names: [String], _ dimension: Dimension, _ scale: Double) {
      for n in names { t[n] = Info(dimension: dimension, scale: scale) }
    }
    add(["ns", "nsec", "nanosecond", "nanoseconds", "나노초"], .time, 1e-9)
    add(
      ["us", "µs", "μs", "usec", "microsecond", "microseconds", "마이크로초"], .time, 1e-6)
    add(["ms", "msec", "millisecond", "milliseconds", "밀리초"], .time, 1e-3)
    add(["s", "sec", "secs", "second", "seconds", "초"], .time, 1)
    add(["min", "mins", "minute", "minutes", "분"], .time, 60)
    add(["h", "hr", "hrs", "hour", "hours", "시간"], .time, 3600)
    add(["b", "byte", "bytes", "바이트"], .size, 1)
    add(["kb", "kilobyte", "kilobytes", "킬로바이트"], .size, 1e3)
    add(["mb", "megabyte", "megabytes", "메가바이트"], .size, 1e6)
    add(["gb", "gigabyte", "gigabytes", "기가바이트"], .size, 1e9)
    add(["kib", "k", "키비바이트"], .size, 1024)
    add(["mib", "m", "메비바이트"], .size, 1_048_576)
    add(["gib", "g", "기비바이트"], .size, 1_073_741_824)
    add(["%", "percent", "퍼센트", "프로"], .percent, 1)
    add(["x", "×", "times", "배"], .factor, 1)
    return t
  }()

  /// Korean counter words: `개` (things), `번`/`회`/`차례` (times), `명` (people), `가지`
  /// (kinds).
  static let counters: Set<String> = ["개", "번", "회", "차례", "명", "가지"]

  /// The known unit spelled `text` (case-insensitive).
  static func lookup(_ text: some StringProtocol) -> Info? {
    table[text.lowercased()]
  }

  /// Converts `value`, given in `unit`, to `declared`.
  /// - Returns: the value in the declared unit, or a message saying what was expected.
  static func convert(
    _ value: Double, from unit: Substring, to declared: String?
  ) -> Result<Double, AnswerError> {
    if unit.isEmpty { return .success(value) }
    // A Korean counter (`4개`, `3번`) counts things: fine for a plain number or a count of
    // the lesson's own things (`processes`), never for a time or a size.
    if counters.contains(String(unit)), declared.map({ lookup($0) == nil }) ?? true {
      return .success(value)
    }
    guard let declared, !declared.isEmpty else {
      return .failure(AnswerError(Catalog.text("quiz.answer.plainNumber", ["unit": String(unit)])))
    }
    if let target = lookup(declared) {
      guard let given = lookup(unit) else {
        return .failure(
          AnswerError(
            Catalog.text(
              "quiz.answer.unknownUnit",
              ["unit": String(unit), "example": target.dimension.example])))
      }
      guard given.dimension == target.dimension else {
        return .failure(
          AnswerError(
            Catalog.text(
              "quiz.answer.unitMismatch",
              ["unit": String(unit), "example": target.dimension.example])))
      }
      return .success(value * given.scale / target.scale)
    }
    // A unit of the lesson's own (`processes`): accept it, singular or plural, or nothing.
    if sameWord(unit, declared) { return .success(value) }
    return .failure(AnswerError(Catalog.text("quiz.answer.numberIn", ["unit": declared])))
  }

  /// `process` and `processes`, `task` and `tasks`, any case.
  static func sameWord(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
    let x = a.lowercased()
    let y = b.lowercased()
    return x == y || x + "s" == y || y + "s" == x || x + "es" == y || y + "es" == x
  }
}
