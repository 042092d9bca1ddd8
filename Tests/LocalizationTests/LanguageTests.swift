import Localization
import Testing

/// The language choice: `--lang`, then PROCLAB_LANG, then the POSIX locale variables, then
/// LANGUAGE, then English; never the generated locales.
@Suite struct LanguageTests {
  @Test(arguments: [
    ("ko", Language.ko), ("ko_KR", .ko), ("ko_KR.UTF-8", .ko), ("ko.UTF-8", .ko),
    ("ko_KR.utf8", .ko), ("KO_kr.EUC-KR", .ko), ("ko-KR", .ko), ("ko_KR@latin", .ko),
    ("en", .en), ("en_US.UTF-8", .en), ("en_GB", .en), ("C", .en), ("C.UTF-8", .en),
    ("POSIX", .en),
  ])
  func localeNames(name: String, expected: Language) {
    #expect(Language.fromLocaleName(name) == expected)
  }

  @Test(arguments: ["", "fr_FR.UTF-8", "kor", "k", "xx", "korean", "de", ".UTF-8", "_KR"])
  func unrecognisedLocaleNames(name: String) {
    #expect(Language.fromLocaleName(name) == nil)
  }

  @Test func commandLineForms() throws {
    #expect(try Language.explicitChoice(in: ["proclab", "--lang", "ko"]) == .ko)
    #expect(try Language.explicitChoice(in: ["proclab", "--lang=en"]) == .en)
    #expect(try Language.explicitChoice(in: ["proclab", "run", "fork", "--lang", "ko"]) == .ko)
    #expect(try Language.explicitChoice(in: ["--lang", "ko", "--lang", "en"]) == .en)
    #expect(try Language.explicitChoice(in: ["proclab", "lessons"]) == nil)
    #expect(try Language.explicitChoice(in: ["proclab", "--", "--lang", "ko"]) == nil)
    #expect(try Language.explicitChoice(in: ["--language", "ko"]) == nil)
  }

  @Test func badCommandLineValueIsOneLineNamingBoth() {
    #expect(throws: LanguageError(value: "xx")) {
      try Language.explicitChoice(in: ["proclab", "--lang", "xx"])
    }
    #expect(throws: LanguageError(value: nil)) {
      try Language.explicitChoice(in: ["proclab", "--lang"])
    }
    #expect(throws: LanguageError(value: "KO")) {
      try Language.explicitChoice(in: ["--lang=KO"])
    }
    for error in [LanguageError(value: "xx"), LanguageError(value: nil)] {
      let line = error.description
      #expect(!line.contains("\n"))
      #expect(line.contains("ko") && line.contains("en"))
    }
    let hostile = LanguageError(value: "\u{1B}[2Jx\n").description
    #expect(!hostile.unicodeScalars.contains { $0.value < 0x20 })
    #expect(hostile.contains("\\u{1b}"))
    #expect(LanguageError(value: "xx").description.contains("xx"))
  }

  @Test func aBadCommandLineValueDoesNotDecide() {
    #expect(Language.current(arguments: ["--lang", "xx"], environment: ["LANG": "ko_KR"]) == .ko)
  }

  /// The values each variable takes in the exhaustive table; `nil` is unset.
  static let argumentValues: [[String]] = [[], ["--lang", "ko"], ["--lang=en"]]
  static let proclabValues: [String?] = [nil, "ko", "en", "xx", ""]
  static let localeValues: [String?] = [nil, "", "ko_KR.UTF-8", "C.UTF-8", "fr_FR.UTF-8"]
  static let languageValues: [String?] = [nil, "", "ko:en", "en:ko", "fr:ko_KR:en", "fr"]

  /// The precedence written out as the table in the documentation reads, one rule at a time.
  static func expected(
    arguments: [String], proclab: String?, lcAll: String?, lcMessages: String?, lang: String?,
    language: String?
  ) -> Language {
    if arguments == ["--lang", "ko"] { return .ko }
    if arguments == ["--lang=en"] { return .en }
    switch proclab {
    case "ko": return .ko
    case "en": return .en
    default: break
    }
    for value in [lcAll, lcMessages, lang] {
      guard let value, value != "" else { continue }
      return value == "ko_KR.UTF-8" ? .ko : .en
    }
    switch language {
    case "ko:en", "fr:ko_KR:en": return .ko
    default: return .en
    }
  }

  @Test func precedenceTableExhaustive() {
    var checked = 0
    for arguments in Self.argumentValues {
      for proclab in Self.proclabValues {
        for lcAll in Self.localeValues {
          for lcMessages in Self.localeValues {
            for lang in Self.localeValues {
              for language in Self.languageValues {
                var environment: [String: String] = ["HOME": "/tmp", "TERM": "xterm"]
                environment["PROCLAB_LANG"] = proclab
                environment["LC_ALL"] = lcAll
                environment["LC_MESSAGES"] = lcMessages
                environment["LANG"] = lang
                environment["LANGUAGE"] = language
                let got = Language.current(
                  arguments: ["proclab"] + arguments, environment: environment)
                let want = Self.expected(
                  arguments: arguments, proclab: proclab, lcAll: lcAll, lcMessages: lcMessages,
                  lang: lang, language: language)
                #expect(
                  got == want,
                  "args \(arguments) PROCLAB_LANG \(proclab ?? "-") LC_ALL \(lcAll ?? "-") LC_MESSAGES \(lcMessages ?? "-") LANG \(lang ?? "-") LANGUAGE \(language ?? "-")"
                )
                checked += 1
              }
            }
          }
        }
      }
    }
    #expect(checked == 3 * 5 * 5 * 5 * 5 * 6)
  }

  @Test func emptyEnvironmentIsEnglish() {
    #expect(Language.current(arguments: [], environment: [:]) == .en)
  }
}
