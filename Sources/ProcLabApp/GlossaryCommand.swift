import ArgumentParser
import DemoContract
import Localization
import OSKit
import Render

/// `glossary [term]` at the prompt and `proclab glossary [term]` at the shell: the OS terms in
/// Korean and English, searched by either.
enum GlossaryPage {
  /// The table of `terms`: the session's language in the first column, the other beside it;
  /// an English term's other names in parentheses ("global interpreter lock (GIL)").
  static func render(_ terms: [Glossary.Term], style: TerminalStyle) -> String {
    let korean = Catalog.language == .ko
    let names = [Catalog.text("glossary.korean"), Catalog.text("glossary.english")]
    var table = Table(
      title: Catalog.text("glossary.title"),
      columns: (korean ? names : names.reversed()).map { Table.Column($0, align: .left) })
    for term in terms {
      let english =
        term.also.isEmpty ? term.english : "\(term.english) (\(term.also.joined(separator: ", ")))"
      table.append(korean ? [term.korean, english] : [english, term.korean])
    }
    table.footer = [Catalog.text("glossary.how")]
    return table.render(style)
  }

  /// The page for `query` (every term when nil), or the one line saying nothing matched.
  static func page(_ query: String?, style: TerminalStyle) -> (text: String, found: Bool) {
    let terms = query.map(Glossary.search) ?? Glossary.terms
    guard !terms.isEmpty else {
      return (Catalog.text("glossary.noMatch", ["term": TerminalSafe.escape(query ?? "")]), false)
    }
    return (render(terms, style: style), true)
  }
}

extension Session {
  /// `glossary [term]`: the words after `glossary` are one term ("race condition").
  func glossary(_ args: [String]) {
    let (text, found) = GlossaryPage.page(
      args.isEmpty ? nil : args.joined(separator: " "), style: style)
    if found { say(text) } else { refuse(text) }
  }
}

struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "The OS terms in Korean and English, searched by either (glossary 세마포어).")

  @Argument(help: "A term, or part of one, in Korean or English.")
  var term: [String] = []

  func run() throws {
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    let (text, found) = GlossaryPage.page(
      term.isEmpty ? nil : term.joined(separator: " "), style: style)
    try FileIO.writeAll(found ? 1 : 2, text + "\n")
    if !found { throw ExitCode(1) }
  }
}
