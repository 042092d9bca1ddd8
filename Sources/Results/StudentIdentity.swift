import FoundationEssentials
import Glibc
public import Localization
public import OSKit

/// Who the student says they are (`proclab whoami set "Kim Minji" --id 2026123`), kept in
/// `whoami.json` in the state directory. A claim, not a proof: docs/grading.md says so.
public struct StudentIdentity: Sendable, Codable, Equatable {
  public var name: String
  public var id: String

  /// The file's name in the state directory.
  public static let fileName = "whoami.json"
  /// Larger than any valid identity file by far; a larger file is refused, never read whole.
  public static let maximumFileSize = 4096
  public static let maximumNameLength = 100
  public static let maximumIDLength = 32

  /// A validated identity.
  /// - Throws: `IdentityProblem` naming what was wrong and what is allowed.
  public init(name: String, id: String) throws(IdentityProblem) {
    self.name = try StudentIdentity.validName(name)
    self.id = try StudentIdentity.validID(id)
  }

  /// `name` without surrounding spaces, if it is 1 to 100 characters of letters (any script:
  /// Hangul welcome), spaces and `.`, `-`, `'`; control characters and digits are refused.
  public static func validName(_ raw: String) throws(IdentityProblem) -> String {
    let name = raw.trimmingSpaces
    let allowed = CatalogLine("results.identity.nameAllowed", ["length": "\(maximumNameLength)"])
    func refused(_ key: String, _ arguments: [String: String] = [:]) -> IdentityProblem {
      IdentityProblem(CatalogLine(key, arguments, lines: ["allowed": allowed]))
    }
    guard !name.isEmpty else { throw refused("results.identity.nameEmpty") }
    guard name.count <= maximumNameLength else {
      throw refused("results.identity.nameLength", ["count": "\(name.count)"])
    }
    for scalar in name.unicodeScalars {
      let p = scalar.properties
      let ok =
        p.isAlphabetic || p.generalCategory == .nonspacingMark
        || p.generalCategory == .spacingMark || scalar == " "
        || ".-'’".unicodeScalars.contains(scalar)
      guard ok else {
        throw IdentityProblem(
          CatalogLine(
            "results.identity.nameContains",
            lines: ["allowed": allowed, "character": describe(scalar)]))
      }
    }
    return name
  }

  /// `id` without surrounding spaces, if it is 1 to 32 ASCII letters, digits, `-` and `_`.
  public static func validID(_ raw: String) throws(IdentityProblem) -> String {
    let id = raw.trimmingSpaces
    let allowed = CatalogLine("results.identity.idAllowed", ["length": "\(maximumIDLength)"])
    func refused(_ key: String, _ arguments: [String: String] = [:]) -> IdentityProblem {
      IdentityProblem(CatalogLine(key, arguments, lines: ["allowed": allowed]))
    }
    guard !id.isEmpty else { throw refused("results.identity.idEmpty") }
    guard id.unicodeScalars.count <= maximumIDLength else {
      throw refused("results.identity.idLength", ["count": "\(id.unicodeScalars.count)"])
    }
    for scalar in id.unicodeScalars {
      let ok =
        scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
          || scalar == "_")
      guard ok else {
        throw IdentityProblem(
          CatalogLine(
            "results.identity.idContains",
            lines: ["allowed": allowed, "character": describe(scalar)]))
      }
    }
    return id
  }

  /// A character as the refusal names it: control characters by code point, never raw.
  static func describe(_ scalar: Unicode.Scalar) -> CatalogLine {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let p = scalar.properties
    if p.generalCategory == .control || p.generalCategory == .format || scalar == " " {
      return CatalogLine("results.identity.control", ["code": code])
    }
    return CatalogLine("results.identity.character", ["character": "\(scalar)", "code": code])
  }

  /// The identity kept in `directory`, or nil when none is set.
  /// - Throws: `IdentityProblem` for a file that cannot be read or does not hold a valid one.
  public static func load(from directory: String) throws(IdentityProblem) -> StudentIdentity? {
    let path = directory + "/" + fileName
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readRegular(path, limit: maximumFileSize)
    } catch {
      if error.isMissing { return nil }
      throw IdentityProblem(error.line)
    }
    struct Stored: Decodable {
      var name: String
      var id: String
    }
    guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)) else {
      throw IdentityProblem(CatalogLine("results.identity.notAFile", ["path": path]))
    }
    do {
      return try StudentIdentity(name: stored.name, id: stored.id)
    } catch {
      throw IdentityProblem(
        CatalogLine("results.identity.invalidFile", ["path": path, "problem": error.message]))
    }
  }

  /// Saves the identity in `directory`, atomically.
  /// - Throws: `SystemError` naming the step that failed.
  public func save(in directory: String) throws(SystemError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let bytes = (try? encoder.encode(self)).map(Array.init) ?? []
    try FileIO.writeAtomically(
      directory: directory, name: StudentIdentity.fileName, bytes: bytes + [10])
  }
}

/// Why a name, an id or an identity file was refused: one line, naming what is allowed.
public struct IdentityProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// The sentence in the process's language.
  public var message: String
  public init(_ message: String) { self.message = message }
  public init(_ line: CatalogLine) { message = line.text() }
  public var description: String { message }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
