import Glibc

/// The language ProcLab speaks: English or Korean.
///
/// Chosen once per process by ``current(arguments:environment:)`` and read by every module
/// that shows text (lessons pick `lessons/ko/<file>` by it, the catalog its texts). The choice
/// reads only the command line and the environment's strings: no `setlocale` or `nl_langinfo`
/// result decides it, so Korean works where the ko_KR locale is not generated (many Debian
/// images have only C.UTF-8) and in the static binary.
public enum Language: String, Sendable, CaseIterable, Hashable {
  case en
  case ko

  /// The language chosen for this process.
  ///
  /// In order, the first that decides:
  /// 1. `--lang ko|en` (or `--lang=ko`) in `arguments`, before a `--`; the last one given wins.
  ///    A value other than `ko` or `en` does not decide here: ``explicitChoice(in:)`` reports it.
  /// 2. `PROCLAB_LANG`, when set to a value ``fromLocaleName(_:)`` recognises (`ko`, `en`,
  ///    `ko_KR.UTF-8`, `C`, …); an unrecognised value is passed over.
  /// 3. The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and non-empty (the POSIX
  ///    order): a Korean locale name means Korean, any other value English.
  /// 4. `LANGUAGE`, a colon-separated list: its first entry that is Korean or English.
  /// 5. English.
  ///
  /// - Parameters:
  ///   - arguments: The command line (with or without the program name first).
  ///   - environment: The process environment.
  /// - Returns: The language to speak.
  public static func current(arguments: [String], environment: [String: String]) -> Language {
    if let chosen = try? explicitChoice(in: arguments) { return chosen }
    if let value = environment["PROCLAB_LANG"], let chosen = fromLocaleName(value) {
      return chosen
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return fromLocaleName(value) ?? .en
      }
    }
    if let list = environment["LANGUAGE"] {
      for entry in list.split(separator: ":") {
        if let chosen = fromLocaleName(String(entry)) { return chosen }
      }
    }
    return .en
  }

  /// The environment variables ``current(arguments:environment:)`` reads.
  public static let environmentNames = [
    "PROCLAB_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE",
  ]

  /// ``environmentNames`` as this process has them (read with `getenv`, no locale involved).
  public static func processEnvironment() -> [String: String] {
    var found: [String: String] = [:]
    for name in environmentNames {
      if let value = getenv(name) { found[name] = String(cString: value) }
    }
    return found
  }

  /// `arguments` without their `--lang` options (`--lang ko`, `--lang=ko`) before a `--`: what
  /// the command line parser then reads, `--lang` being ProcLab's global option.
  public static func removingOption(from arguments: [String]) -> [String] {
    var kept: [String] = []
    var index = arguments.startIndex
    var options = true
    while index < arguments.endIndex {
      let word = arguments[index]
      if options && word == "--" { options = false }
      if options && word == "--lang" {
        index =
          arguments.index(index, offsetBy: 2, limitedBy: arguments.endIndex)
          ?? arguments.endIndex
        continue
      }
      if !(options && word.hasPrefix("--lang=")) { kept.append(word) }
      index = arguments.index(after: index)
    }
    return kept
  }

  /// The language named by `--lang` on the command line, if any.
  ///
  /// - Parameter arguments: The command line; scanning stops at `--`.
  /// - Returns: The language of the last `--lang` given, or `nil` when there is none.
  /// - Throws: ``LanguageError`` when a `--lang` value is not `ko` or `en`, or is missing.
  public static func explicitChoice(in arguments: [String]) throws(LanguageError) -> Language? {
    var chosen: Language?
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let word = arguments[index]
      if word == "--" { break }
      var value: String?
      if word == "--lang" {
        let next = arguments.index(after: index)
        guard next < arguments.endIndex else { throw LanguageError(value: nil) }
        value = arguments[next]
        index = next
      } else if word.hasPrefix("--lang=") {
        value = String(word.dropFirst("--lang=".count))
      }
      if let value {
        guard let language = Language(rawValue: value) else {
          throw LanguageError(value: value)
        }
        chosen = language
      }
      index = arguments.index(after: index)
    }
    return chosen
  }

  /// The language a locale or language name stands for, if it names one.
  ///
  /// `ko`, `ko_KR`, `ko_KR.UTF-8`, `ko.UTF-8`, `ko-KR`, `ko_KR@euro` mean Korean; `en`, `en_*`,
  /// `C`, `C.UTF-8`, `POSIX` mean English. Case does not matter.
  ///
  /// - Parameter name: A locale name as found in `LANG` and friends.
  /// - Returns: The language, or `nil` for any other name (`fr_FR`, `xx`, the empty string).
  public static func fromLocaleName(_ name: String) -> Language? {
    let lowered = name.lowercased()
    let base = lowered.prefix { !"_.@-".contains($0) }
    switch base {
    case "ko": return .ko
    case "en", "c", "posix": return .en
    default: return nil
    }
  }
}

/// A `--lang` value that names no language ProcLab speaks.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The value given, or `nil` when `--lang` ended the command line.
  public var value: String?

  public init(value: String?) { self.value = value }

  /// One line; control and format characters of the value shown as `\u{…}` escapes, so a
  /// value from the command line cannot move the cursor or change colours.
  public var description: String {
    if let value {
      var shown = ""
      for scalar in value.unicodeScalars {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
          shown += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: shown.unicodeScalars.append(scalar)
        }
      }
      return "--lang \(shown): unknown language; use ko (한국어) or en (English)."
    }
    return "--lang needs a language: ko (한국어) or en (English)."
  }
}
