public import DemoContract
import Localization

extension ParameterError {
  /// This refusal said in the process's language (`Catalog.language`): the same line, built
  /// from its `reason` with the catalog's `demo.param.…` sentences. English, or a refusal with
  /// no reason, stays as it is.
  public func inLanguage() -> ParameterError {
    guard let reason, Catalog.language != .en else { return self }
    var copy = self
    copy.message = Self.text(reason, word: word)
    return copy
  }

  /// The whole line for `reason` about `word` in the process's language.
  static func text(_ reason: Reason, word: String) -> String {
    func value(_ why: String) -> String {
      Catalog.text("demo.param.value", ["word": word, "why": why])
    }
    func names(_ list: [String]) -> String {
      list.isEmpty ? Catalog.text("demo.param.noParameters") : list.joined(separator: ", ")
    }
    switch reason {
    case .needsValue(let kind):
      return value(Catalog.text("demo.param.needsValue", ["allowed": allowed(kind)]))
    case .notWhole(let min, let max):
      return value(Catalog.text("demo.param.notWhole", ["min": "\(min)", "max": "\(max)"]))
    case .notNumber(let min, let max):
      return value(
        Catalog.text(
          "demo.param.notNumber",
          ["min": ParameterSpec.format(min), "max": ParameterSpec.format(max)]))
    case .outOfRange(let kind), .notAllowed(let kind):
      return value(Catalog.text("demo.param.mustBe", ["allowed": allowed(kind)]))
    case .unknownItem(let item, let words):
      let list = words.joined(separator: ",")
      return value(
        item.isEmpty
          ? Catalog.text("demo.param.emptyItem", ["allowed": list])
          : Catalog.text("demo.param.unknownItem", ["item": item, "allowed": list]))
    case .notNameValue(let demo, let list):
      return Catalog.text(
        "demo.param.notNameValue", ["word": word, "demo": demo, "names": names(list)])
    case .missingName(let demo, let list):
      return Catalog.text(
        "demo.param.missingName", ["word": word, "demo": demo, "names": names(list)])
    case .unknownName(let name, let demo, let list):
      return Catalog.text(
        "demo.param.unknownName", ["name": name, "demo": demo, "names": names(list)])
    }
  }

  /// What a parameter of `kind` allows, in `language` (the process's own when not given).
  static func allowed(_ kind: ParameterKind, in language: Language? = nil) -> String {
    switch kind {
    case .integer(let min, let max):
      Catalog.text("demo.param.allowed.integer", in: language, ["min": "\(min)", "max": "\(max)"])
    case .decimal(let min, let max):
      Catalog.text(
        "demo.param.allowed.decimal", in: language,
        ["min": ParameterSpec.format(min), "max": ParameterSpec.format(max)])
    case .choice(let words):
      Catalog.text(
        "demo.param.allowed.choice", in: language, ["words": words.joined(separator: ", ")])
    case .list(let words):
      Catalog.text(
        "demo.param.allowed.list", in: language, ["words": words.joined(separator: ",")])
    case .flag: Catalog.text("demo.param.allowed.flag", in: language)
    }
  }
}
