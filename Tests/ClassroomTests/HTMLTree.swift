/// A strict reader of the HTML the class report emits, for tests without a browser: every
/// element opened is closed in order (void elements excepted, `/>` allowed in SVG), attribute
/// values are quoted, and text is decoded from the five entities the page uses. Anything else
/// is an error naming where it happened.
struct HTMLNode {
  /// The element's name, or `#text` for a run of text.
  var name: String
  var attributes: [String: String]
  /// Elements and text runs, in document order.
  var children: [HTMLNode] = []
  /// A text run's text (decoded); "" for an element.
  var text = ""

  /// Every element below this one (itself included), depth first.
  var all: [HTMLNode] { name == "#text" ? [] : [self] + children.flatMap(\.all) }

  func elements(_ name: String) -> [HTMLNode] { all.filter { $0.name == name } }

  /// The text of this element and all below it, in document order.
  var allText: String { text + children.map(\.allText).joined() }

  func element(id: String) -> HTMLNode? { all.first { $0.attributes["id"] == id } }
}

struct HTMLError: Error, CustomStringConvertible {
  var description: String
}

enum HTMLTree {
  static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "wbr"]

  /// The document's root (a node named `#document`).
  static func parse(_ html: String) throws -> HTMLNode {
    let bytes = Array(html.utf8)
    var stack = [HTMLNode(name: "#document", attributes: [:])]
    var i = 0
    func fail(_ message: String) -> HTMLError {
      let line = bytes[..<min(i, bytes.count)].filter { $0 == 10 }.count + 1
      return HTMLError(description: "line \(line): \(message)")
    }
    while i < bytes.count {
      if bytes[i] != UInt8(ascii: "<") {
        let start = i
        while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
        let raw = String(decoding: bytes[start..<i], as: UTF8.self)
        if raw.contains(">") { throw fail("a bare > in text") }
        stack[stack.count - 1].children.append(
          HTMLNode(name: "#text", attributes: [:], text: try decode(raw, fail)))
        continue
      }
      guard let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else {
        throw fail("a tag that never ends")
      }
      let tag = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
      i = end + 1
      if tag.hasPrefix("!") { continue }  // <!DOCTYPE html>
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst())
        guard stack.count > 1, stack[stack.count - 1].name == name else {
          throw fail("</\(name)> closes <\(stack[stack.count - 1].name)>")
        }
        let node = stack.removeLast()
        stack[stack.count - 1].children.append(node)
        continue
      }
      var body = Substring(tag)
      let selfClosing = body.hasSuffix("/")
      if selfClosing { body = body.dropLast() }
      let name = String(body.prefix { $0 != " " && $0 != "\n" })
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
        throw fail("a tag without a name: <\(tag)>")
      }
      let node = HTMLNode(
        name: name, attributes: try attributes(body.dropFirst(name.count), fail))
      if selfClosing || void.contains(name) {
        stack[stack.count - 1].children.append(node)
      } else {
        stack.append(node)
      }
    }
    guard stack.count == 1 else { throw fail("<\(stack[stack.count - 1].name)> is never closed") }
    return stack[0]
  }

  static func attributes(
    _ text: Substring, _ fail: (String) -> HTMLError
  ) throws -> [String: String] {
    var result: [String: String] = [:]
    var rest = text.drop { $0 == " " || $0 == "\n" }
    while !rest.isEmpty {
      let name = String(rest.prefix { $0 != "=" && $0 != " " })
      rest = rest.dropFirst(name.count)
      guard rest.first == "=" else {
        result[name] = ""
        rest = rest.drop { $0 == " " || $0 == "\n" }
        continue
      }
      rest = rest.dropFirst()
      guard rest.first == "\"" else { throw fail("attribute \(name) is not quoted") }
      rest = rest.dropFirst()
      guard let close = rest.firstIndex(of: "\"") else {
        throw fail("attribute \(name) never ends")
      }
      let value = String(rest[..<close])
      if value.contains("<") || value.contains(">") {
        throw fail("a raw < or > in attribute \(name)")
      }
      guard result[name] == nil else { throw fail("attribute \(name) twice") }
      result[name] = try decode(value, fail)
      rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\n" }
    }
    return result
  }

  /// Text with the page's entities decoded; any other `&` is an error.
  static func decode(_ raw: String, _ fail: (String) -> HTMLError) throws -> String {
    guard raw.contains("&") else { return raw }
    let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
    var out = ""
    var rest = Substring(raw)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      rest = rest[amp...]
      guard let (entity, value) = entities.first(where: { rest.hasPrefix($0.key) }) else {
        throw fail("an unescaped & in \(raw.prefix(40))")
      }
      out += value
      rest = rest.dropFirst(entity.count)
    }
    return out + rest
  }
}
