import Synchronization

/// One text of ProcLab's own, in English and in Korean.
///
/// Each text is a whole sentence (or a whole label) with named placeholders, `{count}`,
/// `{lesson}`: the two languages order their words differently, so a sentence is never glued
/// from fragments. The two texts of a message have the same placeholders (CatalogTests).
public struct Message: Sendable, Equatable {
  public var key: String
  public var en: String
  public var ko: String

  public init(_ key: String, en: String, ko: String) {
    self.key = key
    self.en = en
    self.ko = ko
  }

  /// The text in `language`, placeholders still in it.
  public func text(in language: Language) -> String {
    switch language {
    case .en: en
    case .ko: ko
    }
  }
}

/// The message catalog: every text ProcLab says itself, looked up by key in the language
/// chosen for the process (``language``) or in one given.
///
/// The texts are declared in the `Messages+*.swift` files, one table per part of ProcLab; a
/// demo declares its own keys the same way (`demo.<name>.…`). A key used in the sources must be
/// declared, a declared key must be used, and both languages' texts must have the same
/// placeholders: CatalogTests reads the sources and checks all three.
public enum Catalog {
  /// Every message, by key. Built once from the tables; a key declared twice keeps the first
  /// (CatalogTests fails on the duplicate).
  public static let messages: [String: Message] = {
    var all: [String: Message] = [:]
    for message in tables.joined() where all[message.key] == nil { all[message.key] = message }
    return all
  }()

  /// The tables the catalog is built from, in declaration order (duplicates visible here).
  public static let tables: [[Message]] = [
    Messages.repl, Messages.commands, Messages.quiz, Messages.glossary,
    Messages.progress, Messages.results, Messages.demosProcesses,
    Messages.demosTiming, Messages.demosThreads, Messages.demosIPC, Messages.demosParallel,
    Messages.answers, Messages.demosScheduling, Messages.trace, Messages.exercises,
    Messages.demosSignals, Messages.demosMemory, Messages.demosDescriptors,
    Messages.demosConditions, Messages.demosInside,
    Messages.sources, Messages.exerciseRecords,
    Messages.traceScreen, Messages.metrics, Messages.errors, Messages.grading,
    Messages.lint,
    Messages.gradingFlags,
  ]

  private static let chosen = Atomic<UInt8>(0)

  /// The language of this process: set once at start (`Language.current`), English until then.
  public static var language: Language {
    get { chosen.load(ordering: .relaxed) == 1 ? .ko : .en }
    set { chosen.store(newValue == .ko ? 1 : 0, ordering: .relaxed) }
  }

  /// The text of `key` in `language` with its placeholders filled from `arguments`.
  ///
  /// An unknown key shows as the key itself (the tests make sure there is none); a placeholder
  /// with no argument stays as written, so the missing value is visible rather than dropped.
  ///
  /// - Parameters:
  ///   - key: The message's key, e.g. `"quiz.right"`.
  ///   - language: The language; the process's own (``language``) when not given.
  ///   - arguments: The placeholders' values by name (`["count": "3"]`).
  /// - Returns: The whole sentence.
  public static func text(
    _ key: String, in language: Language? = nil, _ arguments: [String: String] = [:]
  ) -> String {
    guard let message = messages[key] else { return key }
    return fill(message.text(in: language ?? Self.language), arguments)
  }

  /// `text(_:in:_:)` for a sentence about a count: the key's `.one` form when `count` is 1,
  /// its `.other` form otherwise, with `{count}` filled.
  public static func plural(
    _ key: String, count: Int, in language: Language? = nil, _ arguments: [String: String] = [:]
  ) -> String {
    var all = arguments
    all["count"] = all["count"] ?? String(count)
    return text(key + (count == 1 ? ".one" : ".other"), in: language, all)
  }

  /// `template` with each `{name}` replaced by `arguments[name]`; other text as it is.
  public static func fill(_ template: String, _ arguments: [String: String]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var out = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else {
        out += rest[open...]
        return out
      }
      let name = String(after[..<close])
      if let value = arguments[name] {
        out += value
      } else {
        out += rest[open...close]
      }
      rest = after[after.index(after: close)...]
    }
    out += rest
    return out
  }

  /// The placeholder names in `template`: `{count}` gives `count`.
  public static func placeholders(_ template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      names.insert(String(after[..<close]))
      rest = after[after.index(after: close)...]
    }
    return names
  }
}

/// The catalog's tables, one per part of ProcLab (Messages+*.swift).
public enum Messages {}
