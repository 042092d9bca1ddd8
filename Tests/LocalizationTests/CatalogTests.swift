import FoundationEssentials
import Localization
import Testing

/// The catalog is complete and agrees with the sources: every key has both texts with the same
/// placeholders, every key is used, every key used is declared.
@Suite struct CatalogTests {
  /// The repository's Sources directory.
  static var sources: String {
    var parts = #filePath.split(separator: "/").map(String.init)
    parts.removeLast(3)
    return "/" + parts.joined(separator: "/") + "/Sources"
  }

  /// The first segments of the keys this catalog declares: a string literal in the sources
  /// that starts with one of them and a dot is a key.
  static let namespaces = [
    "quiz", "summary", "verdict", "repl", "command", "glossary", "progress", "figure", "results",
    "step", "cli", "demo", "grade", "lint",
  ]

  /// Every Swift file under Sources that imports Localization (only those can look a key up),
  /// but the catalog's own tables, with its text.
  static func sourceFiles() throws -> [(path: String, text: String)] {
    let fm = FileManager.default
    let paths = try #require(fm.subpathsOfDirectory(atPath: sources) as [String]?)
    return paths.filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Localization/Messages+") }
      .sorted().compactMap { path in
        guard let data = fm.contents(atPath: sources + "/" + path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("import Localization\n") || path.hasPrefix("Localization/") else {
          return nil
        }
        return (path, text)
      }
  }

  /// The string literals in `text` that look like catalog keys of `namespaces`. A key written
  /// inside another literal's interpolation is not seen (and so fails as unused): look it up
  /// outside the interpolation.
  static func keyLiterals(in text: String) -> Set<String> {
    var found: Set<String> = []
    var rest = text[...]
    while let quote = rest.firstIndex(of: "\"") {
      let after = rest[rest.index(after: quote)...]
      guard let end = after.firstIndex(where: { $0 == "\"" || $0 == "\n" }) else { break }
      let literal = String(after[..<end])
      if let dot = literal.firstIndex(of: "."), namespaces.contains(String(literal[..<dot])),
        literal.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }),
        !literal.hasSuffix(".")
      {
        found.insert(literal)
      }
      rest = after[end...].dropFirst()
    }
    return found
  }

  @Test func everyKeyHasBothTexts() {
    for message in Catalog.messages.values {
      #expect(!message.en.isEmpty, "\(message.key) has no English text")
      #expect(!message.ko.isEmpty, "\(message.key) has no Korean text")
    }
  }

  @Test func noKeyIsDeclaredTwice() {
    var seen: Set<String> = []
    for message in Catalog.tables.joined() {
      #expect(seen.insert(message.key).inserted, "\(message.key) is declared twice")
    }
  }

  @Test func placeholdersAgreeBetweenLanguages() {
    for message in Catalog.messages.values {
      #expect(
        Catalog.placeholders(message.en) == Catalog.placeholders(message.ko),
        "\(message.key): English \(Catalog.placeholders(message.en).sorted()) vs Korean \(Catalog.placeholders(message.ko).sorted())"
      )
    }
  }

  @Test func pluralKeysComeInPairs() {
    for key in Catalog.messages.keys where key.hasSuffix(".one") || key.hasSuffix(".other") {
      let base = key.hasSuffix(".one") ? key.dropLast(4) : key.dropLast(6)
      #expect(Catalog.messages[base + ".one"] != nil, "\(base).one is missing")
      #expect(Catalog.messages[base + ".other"] != nil, "\(base).other is missing")
      #expect(Catalog.placeholders(Catalog.messages[key]!.en).contains("count"), "\(key)")
    }
  }

  @Test func everyKeyIsUsedInTheSources() throws {
    var used: Set<String> = []
    for file in try Self.sourceFiles() { used.formUnion(Self.keyLiterals(in: file.text)) }
    for key in Catalog.messages.keys.sorted() {
      var base = key
      if key.hasSuffix(".one") { base = String(key.dropLast(4)) }
      if key.hasSuffix(".other") { base = String(key.dropLast(6)) }
      #expect(used.contains(key) || used.contains(base), "\(key) is declared but never used")
    }
  }

  @Test func everyKeyUsedIsDeclared() throws {
    let files = try Self.sourceFiles()
    #expect(files.count > 10, "the sources were not found under \(Self.sources)")
    for file in files {
      for key in Self.keyLiterals(in: file.text).sorted() {
        let declared =
          Catalog.messages[key] != nil
          || (Catalog.messages[key + ".one"] != nil && Catalog.messages[key + ".other"] != nil)
        #expect(declared, "\(file.path) uses \(key), which the catalog does not declare")
      }
    }
  }

  @Test func lookupFillsWholeSentencesInEitherLanguage() {
    #expect(
      Catalog.text("summary.title", in: .en, ["title": "Fork", "score": "2", "total": "3"])
        == "Fork: 2 of 3 right on the first try")
    #expect(
      Catalog.text("summary.title", in: .ko, ["title": "Fork", "score": "2", "total": "3"])
        == "Fork: 3문제 중 2문제를 한 번에 맞혔습니다")
    #expect(Catalog.plural("quiz.tryAgain", count: 1, in: .en).contains("1 more try)"))
    #expect(Catalog.plural("quiz.tryAgain", count: 2, in: .en).contains("2 more tries)"))
    #expect(Catalog.text("no.such.key", in: .ko) == "no.such.key")
  }

  @Test func fillLeavesUnknownPlaceholdersAndBracesVisible() {
    #expect(Catalog.fill("{a} and {b}", ["a": "1"]) == "1 and {b}")
    #expect(Catalog.fill("open { brace", ["a": "1"]) == "open { brace")
    #expect(Catalog.fill("{a}{a}", ["a": "{a}"]) == "{a}{a}")
    #expect(Catalog.placeholders("{x} {y} {x}") == ["x", "y"])
  }

  @Test func theScanFindsKeysAndOnlyKeys() {
    let text = #"a("quiz.right") b("quiz.") c("quiz.right x") d("other.key") e("repl.where")"#
    #expect(Self.keyLiterals(in: text) == ["quiz.right", "repl.where"])
  }
}
