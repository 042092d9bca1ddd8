/// A sentence of the catalog carried as data: its key and its arguments, said in whichever
/// language reads it.
///
/// What a check finds (a grading flag, why a file is not a result file, why an answer was not
/// recorded) is kept this way, so the screen says it in the reader's language while the
/// machine outputs (JSON, CSV) keep the English sentence, the same bytes in every language.
public struct CatalogLine: Sendable, Equatable {
  /// The message's key (`grade.flag.chainBroken`).
  public var key: String
  /// The placeholders' values that are the same in every language: ids, numbers, paths.
  public var arguments: [String: String]
  /// The placeholders' values that are sentences themselves, said in the same language.
  public var lines: [String: CatalogLine]

  public init(
    _ key: String, _ arguments: [String: String] = [:], lines: [String: CatalogLine] = [:]
  ) {
    self.key = key
    self.arguments = arguments
    self.lines = lines
  }

  /// The whole sentence in `language` (the process's own when not given).
  public func text(in language: Language? = nil) -> String {
    var all = arguments
    for (name, line) in lines { all[name] = line.text(in: language) }
    return Catalog.text(key, in: language, all)
  }

  /// The sentence in English: what JSON, CSV and logs carry.
  public var english: String { text(in: .en) }
}
