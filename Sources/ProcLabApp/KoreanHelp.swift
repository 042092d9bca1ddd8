import ArgumentParser
import Glibc
import Localization
import OSKit
import Render

/// `proclab --help`, `proclab help [command]` and every subcommand's `--help` in Korean.
///
/// ArgumentParser prints its own English headings and words, so in Korean ProcLab asks it for
/// the screen it would print (for the command the line names, one line per text: no
/// wrapping), puts each text's Korean in its place (`HelpTexts`, keyed by the English), and
/// lays the screen out again to the terminal's width with Hangul two columns wide. The usage
/// line, the arguments, options and subcommands are ArgumentParser's, so the two screens
/// cannot list different ones (KoreanHelpTests).
enum KoreanHelp {
  /// Where ArgumentParser starts an entry's text: two spaces, the label, padding to here.
  static let textColumn = 26

  /// The help screen `arguments` ask for, in English as ArgumentParser writes it without
  /// wrapping, or nil when they do not ask for help: `help [command …]`, or `-h`/`--help`
  /// before any `--`, for the command the words before it name (as ArgumentParser reads
  /// them: `trace --help` too, which the parser would take for a program to trace).
  static func englishScreen(for arguments: [String]) -> String? {
    let options = arguments.prefix { $0 != "--" }
    let names: ArraySlice<String>
    if options.first == "help" {
      names = options.dropFirst()
    } else if options.contains(where: { $0 == "-h" || $0 == "--help" }) {
      names = options
    } else {
      return nil
    }
    var command: any ParsableCommand.Type = ProcLabCommand.self
    for name in names {
      guard
        let sub = command.configuration.subcommands.first(where: {
          $0.configuration.commandName == name
        })
      else { break }
      command = sub
    }
    return ProcLabCommand.helpMessage(for: command, columns: Int(Int32.max))
  }

  /// `screen` (ArgumentParser's, unwrapped) with every heading and text in Korean, wrapped
  /// to `width` columns.
  static func translated(_ screen: String, width: Int) -> String {
    var out: [String] = []
    var inEntries = false
    for line in screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.isEmpty {
        out.append("")
      } else if let korean = HelpTexts.headings[line] {
        out.append(korean)
        inEntries = true
      } else if let (english, korean) = HelpTexts.headings.first(where: {
        line.hasPrefix($0.key + " ")
      }) {
        let rest = String(line.dropFirst(english.count + 1))
        let text = english == "USAGE:" ? rest : Self.text(rest)
        out += DisplayWidth.wrap(korean + " " + text, width: width, hangingIndent: 2)
        inEntries = false
      } else if let command = seeHelp(line) {
        out.append("  " + HelpTexts.seeHelp.korean + "'" + command + "'")
      } else if inEntries, line.hasPrefix("  "), !line.hasPrefix("   ") {
        // A label too wide for its column has the line to itself, its text on the next.
        let fits = line.count > textColumn && line.dropFirst(textColumn - 1).first == " "
        var label = fits ? String(line.prefix(textColumn)) : line
        while label.last == " " { label.removeLast() }
        label = label.replacing(HelpTexts.defaultMark.english, with: HelpTexts.defaultMark.korean)
        let text = fits ? String(line.dropFirst(textColumn)) : ""
        out +=
          text.isEmpty
          ? [label]
          : DisplayWidth.wrap(label: label, text: Self.text(text), column: textColumn, width: width)
      } else {
        let indent = String(line.prefix { $0 == " " })
        let text = Self.text(String(line.dropFirst(indent.count)))
        out += DisplayWidth.wrap(text, width: width - indent.count).map { indent + $0 }
      }
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n")
  }

  /// The command a `See 'proclab help <subcommand>' for detailed help.` line names.
  static func seeHelp(_ line: String) -> String? {
    let (head, tail) = HelpTexts.seeHelp.english
    let trimmed = line.drop { $0 == " " }
    guard trimmed.hasPrefix(head), trimmed.hasSuffix(tail) else { return nil }
    return String(trimmed.dropFirst(head.count).dropLast(tail.count))
  }

  /// The Korean of one help text; a default value ArgumentParser appends (` (default: 3)`)
  /// kept after it. A text without Korean stays English (KoreanHelpTests finds it).
  static func text(_ english: String) -> String {
    if let korean = HelpTexts.korean(english) { return korean }
    let mark = HelpTexts.defaultValue.english
    if english.hasSuffix(")"), let start = english.ranges(of: mark).last,
      let korean = HelpTexts.korean(String(english[..<start.lowerBound]))
    {
      return korean + HelpTexts.defaultValue.korean + english[start.upperBound...]
    }
    return english
  }

  /// Prints the Korean help screen `arguments` ask for and returns true, or returns false
  /// when they ask for none.
  static func printIfAsked(_ arguments: [String]) -> Bool {
    guard let screen = englishScreen(for: arguments) else { return false }
    let width = TerminalStyle.detect().width
    print(translated(screen, width: max(40, width)))
    return true
  }

  /// Whether `arguments` are `trace --help` or `trace -h`: help, which the parser would take
  /// for the program to trace.
  static func isTraceHelp(_ arguments: [String]) -> Bool {
    arguments.count == 2 && arguments[0] == "trace" && ["-h", "--help"].contains(arguments[1])
  }

  /// `ProcLabCommand.main(arguments)` in Korean: the same parse and run, and a usage error
  /// (exit status 64) said in Korean (``translatedError(_:)``).
  static func main(_ arguments: [String]) -> Never {
    do {
      var command = try ProcLabCommand.parseAsRoot(arguments)
      try command.run()
    } catch {
      let code = ProcLabCommand.exitCode(for: error)
      guard code == .validationFailure else { ProcLabCommand.exit(withError: error) }
      let text = ProcLabCommand.fullMessage(for: error)
      try? FileIO.writeAll(2, translatedError(text) + "\n")
      Glibc.exit(code.rawValue)
    }
    Glibc.exit(0)
  }

  /// ArgumentParser's usage error (`Error: …`, `Usage: …`, `See '…' for more information.`)
  /// in Korean; a message of ProcLab's own (a `ValidationError`, already in the reader's
  /// language) keeps its words.
  static func translatedError(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      // `Help:  <lesson>  A lesson id …`: the argument's help, after its name.
      if let rest = line.strippingPrefix("Help:  "),
        let split = rest.ranges(of: "  ").first
      {
        let help = String(rest[split.upperBound...])
        return "도움말:  " + rest[..<split.lowerBound] + "  " + Self.text(help)
      }
      for (english, korean) in UsageErrors.lines {
        if let rest = line.strippingPrefix(english.prefix),
          let middle = rest.strippingSuffix(english.suffix)
        {
          return korean.prefix + UsageErrors.message(String(middle)) + korean.suffix
        }
      }
      return String(line)
    }.joined(separator: "\n")
  }
}

/// ArgumentParser's words in a usage error, and their Korean.
enum UsageErrors {
  /// Whole lines: (English prefix, suffix) and the Korean ones; the middle is kept or, for the
  /// `Error:` line, translated by ``message(_:)``.
  static let lines: [((prefix: String, suffix: String), (prefix: String, suffix: String))] = [
    (("Error: ", ""), ("오류: ", "")),
    (("Usage: ", ""), ("사용법: ", "")),
    (("  See '", "' for more information."), ("  자세한 내용: '", "'")),
  ]

  /// ArgumentParser's error sentences: (English before, English after) the quoted part, and
  /// the Korean around it.
  static let sentences: [((String, String), (String, String))] = [
    (("Unknown option '", "'"), ("알 수 없는 옵션 '", "'")),
    (("Missing value for '", "'"), ("'", "'에 값이 없습니다")),
    (("Unexpected argument '", "'"), ("예상하지 못한 인자 '", "'")),
    (("Missing expected argument '", "'"), ("빠진 인자: '", "'")),
    (("Missing one of: '", "'"), ("다음 중 하나가 빠졌습니다: '", "'")),
    (("Invalid option: ", ""), ("잘못된 옵션: ", "")),
    (("Missing required subcommand.", ""), ("하위 명령이 빠졌습니다.", "")),
  ]

  /// The Korean of one `Error:` message, or the message as it is (ProcLab's own).
  static func message(_ text: String) -> String {
    if let (value, option) = invalidValue(text) {
      return "'\(option)'에 쓸 수 없는 값입니다: '\(value)'"
    }
    if let count = text.split(separator: " ", maxSplits: 1).first.flatMap({ Int($0) }),
      let rest = text.strippingPrefix("\(count) unexpected arguments: ")
    {
      return "예상하지 못한 인자 \(count)개: \(rest)"
    }
    for ((before, after), (koBefore, koAfter)) in sentences {
      if let rest = text.strippingPrefix(before), let middle = rest.strippingSuffix(after) {
        return koBefore + middle + koAfter
      }
    }
    return text
  }

  /// `The value 'x' is invalid for '--seed <seed>'` as (value, option).
  static func invalidValue(_ text: String) -> (String, String)? {
    guard let rest = text.strippingPrefix("The value '"),
      let split = rest.ranges(of: "' is invalid for '").first, rest.hasSuffix("'")
    else { return nil }
    return (
      String(rest[..<split.lowerBound]), String(rest[split.upperBound...].dropLast())
    )
  }
}

extension StringProtocol {
  /// The text after `prefix`, or nil when it does not start with it.
  fileprivate func strippingPrefix(_ prefix: String) -> SubSequence? {
    hasPrefix(prefix) ? self[index(startIndex, offsetBy: prefix.count)...] : nil
  }

  /// The text before `suffix`, or nil when it does not end with it.
  fileprivate func strippingSuffix(_ suffix: String) -> SubSequence? {
    hasSuffix(suffix) ? self[..<index(endIndex, offsetBy: -suffix.count)] : nil
  }
}
