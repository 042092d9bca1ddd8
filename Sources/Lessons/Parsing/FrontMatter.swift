import Localization

/// What the front matter of a lesson says.
struct FrontMatter {
  var id: String?
  var idLocation: SourceLocation?
  var title: String?
  var summary: String?
  var requirements: [LessonRequirement] = []
  var order: Int?
  var entries: [FrontMatterEntry] = []
  /// The index of the first line after the closing `---`.
  var bodyStart: Int
}

extension LessonFileParser {
  static let frontMatterKeys = ["id", "title", "summary", "requires", "order"]

  /// Reads the front matter: the lines between a first line `---` and the next `---`.
  /// - Returns: `nil` (with a problem reported) when there is none or it is not closed.
  mutating func frontMatter() -> FrontMatter? {
    guard let first = lines.first, !lines.allSatisfy({ Scanning.isBlank($0.text) }) else {
      error(at: 1, LintPhrase("lint.parse.emptyFile"))
      return nil
    }
    guard first.text.trimmingWhitespace() == "---" else {
      error(at: 1, LintPhrase("lint.parse.noFrontMatter"))
      return nil
    }
    guard
      let close = lines.indices.dropFirst().first(where: {
        let t = lines[$0].text.trimmingWhitespace()
        return t == "---" || t == "..."
      })
    else {
      error(at: 1, LintPhrase("lint.parse.frontMatterOpen"))
      return nil
    }
    var result = FrontMatter(bodyStart: close + 1)
    var requiresEntry: Int?
    var listOpen = false
    var seen: [String: Int] = [:]
    for index in 1..<close {
      let line = lines[index]
      let text = line.text
      let trimmed = text.trimmingWhitespace()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let startsIndented = text.first.map { $0 == " " || $0 == "\t" } ?? false
      if trimmed.hasPrefix("-"), trimmed.dropFirst().first.map(\.isWhitespace) ?? true {
        // A YAML list item: only `requires:` takes them.
        guard listOpen else {
          error(line, trimmed.startIndex, LintPhrase("lint.parse.listItem"))
          continue
        }
        let item = Scanning.unquoted(trimmed.dropFirst().trimmingWhitespace())
        addRequirement(item, line, &result)
        continue
      }
      if startsIndented {
        // A folded continuation of the previous value.
        if let last = result.entries.indices.last, result.entries[last].key != "requires" {
          let joined =
            result.entries[last].value.isEmpty
            ? String(trimmed) : result.entries[last].value + " " + trimmed
          result.entries[last].value = joined
          continue
        }
        error(line, trimmed.startIndex, LintPhrase("lint.parse.indented"))
        continue
      }
      guard let colon = text.firstIndex(of: ":") else {
        error(line, trimmed.startIndex, LintPhrase("lint.parse.keyValue"))
        continue
      }
      let key = text[..<colon].trimmingWhitespace()
      guard !key.isEmpty, key.utf8.allSatisfy({ Scanning.isAlnum($0) || $0 == 45 || $0 == 95 })
      else {
        error(line, text.startIndex, LintPhrase("lint.parse.notKey", ["key": String(key)]))
        continue
      }
      var rawValue = text[text.index(after: colon)...].trimmingWhitespace()
      if rawValue == ">" || rawValue == "|" || rawValue == ">-" || rawValue == "|-" {
        rawValue = rawValue[rawValue.endIndex...]
      }
      let value = Scanning.unquoted(rawValue)
      let keyName = String(key).lowercased()
      listOpen = keyName == "requires" && value.isEmpty
      let location = self.location(line, key.startIndex)
      if let previous = seen[keyName] {
        error(
          line, key.startIndex,
          LintPhrase("lint.parse.keyTwice", ["key": keyName, "line": String(previous)]))
        continue
      }
      seen[keyName] = line.number
      result.entries.append(
        FrontMatterEntry(key: keyName, value: String(value), location: location))
      switch keyName {
      case "id":
        result.idLocation = self.location(line, value.startIndex)
      case "requires":
        requiresEntry = result.entries.count - 1
        var list = value
        if list.hasPrefix("[") {
          guard list.hasSuffix("]") else {
            error(line, value.startIndex, LintPhrase("lint.parse.bracket"))
            continue
          }
          list = list.dropFirst().dropLast()
        }
        for part in list.split(separator: ",") {
          let item = Scanning.unquoted(part.trimmingWhitespace())
          if !item.isEmpty { addRequirement(item, line, &result) }
        }
      case "order":
        guard let n = Int(value), n >= 0, n <= 1_000_000 else {
          error(line, value.startIndex, LintPhrase("lint.parse.order"))
          continue
        }
        result.order = n
      case "title", "summary":
        break
      default:
        warning(
          line, key.startIndex,
          LintPhrase(
            "lint.parse.unknownKey",
            Suggestions.nearest(keyName, Self.frontMatterKeys).withNear([
              "key": keyName, "known": Self.frontMatterKeys.joined(separator: ", "),
            ])))
      }
    }
    // Values after folding.
    for entry in result.entries {
      switch entry.key {
      case "id": result.id = entry.value
      case "title": result.title = entry.value
      case "summary": result.summary = entry.value
      default: break
      }
    }
    if let entry = requiresEntry, result.entries.indices.contains(entry) {
      result.entries[entry].value = result.requirements.map(\.id).joined(separator: ", ")
    }
    return result
  }

  mutating func addRequirement(_ item: Substring, _ line: SourceLine, _ result: inout FrontMatter) {
    let location = self.location(line, item.startIndex)
    guard Scanning.isValidID(item) else {
      error(location, LintPhrase("lint.parse.requiresNotID", ["item": String(item)]))
      return
    }
    if result.requirements.contains(where: { $0.id == item }) {
      warning(location, LintPhrase("lint.parse.requiredTwice", ["item": String(item)]))
      return
    }
    result.requirements.append(LessonRequirement(id: String(item), location: location))
  }
}
