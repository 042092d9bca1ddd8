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
      error(
        at: 1, "empty file: a lesson starts with front matter (a '---' line, id:, title:, '---')")
      return nil
    }
    guard first.text.trimmingWhitespace() == "---" else {
      error(
        at: 1, "missing front matter: a lesson file starts with a '---' line, then id: and title:")
      return nil
    }
    guard
      let close = lines.indices.dropFirst().first(where: {
        let t = lines[$0].text.trimmingWhitespace()
        return t == "---" || t == "..."
      })
    else {
      error(at: 1, "front matter not closed: no '---' line after line 1")
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
          error(line, trimmed.startIndex, "a '- item' line belongs under 'requires:'")
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
        error(line, trimmed.startIndex, "indented line outside a front matter value")
        continue
      }
      guard let colon = text.firstIndex(of: ":") else {
        error(line, trimmed.startIndex, "expected 'key: value' in the front matter")
        continue
      }
      let key = text[..<colon].trimmingWhitespace()
      guard !key.isEmpty, key.utf8.allSatisfy({ Scanning.isAlnum($0) || $0 == 45 || $0 == 95 })
      else {
        error(line, text.startIndex, "'\(key)' is not a front matter key")
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
        error(line, key.startIndex, "'\(keyName)' is given twice (first at line \(previous))")
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
            error(line, value.startIndex, "'[' without ']' in requires")
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
          error(line, value.startIndex, "order must be a whole number from 0 to 1000000")
          continue
        }
        result.order = n
      case "title", "summary":
        break
      default:
        warning(
          line, key.startIndex,
          "unknown front matter key '\(keyName)' (known: "
            + Self.frontMatterKeys.joined(separator: ", ") + ")"
            + Suggestions.didYouMean(keyName, Self.frontMatterKeys))
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
      error(location, "'\(item)' in requires is not a lesson id")
      return
    }
    if result.requirements.contains(where: { $0.id == item }) {
      warning(location, "'\(item)' is required twice")
      return
    }
    result.requirements.append(LessonRequirement(id: String(item), location: location))
  }
}
