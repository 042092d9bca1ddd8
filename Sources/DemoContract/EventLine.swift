import FoundationEssentials

/// Why a line of a demo's event stream could not be read, with what the line held (bounded),
/// for the session log.
public struct EventLineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The first bytes of the line, at most ``EventLineError/keptBytes``.
  public var prefix: [UInt8]
  /// How long the whole line was, in bytes.
  public var length: Int
  /// What the decoder said.
  public var reason: String

  /// How much of an undecodable line is kept for the log.
  public static let keptBytes = 300

  public init(line: some Collection<UInt8>, reason: String) {
    prefix = Array(line.prefix(EventLineError.keptBytes))
    length = line.count
    self.reason = reason
  }

  /// One line: the reason, the length and the line's first bytes, printable ASCII as it is and
  /// every other byte as `\xNN` (so a control character or broken UTF-8 shows as what it was).
  public var description: String {
    var shown = ""
    for byte in prefix {
      switch byte {
      case UInt8(ascii: "\\"): shown += "\\\\"
      case 0x20..<0x7F: shown.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        shown += "\\x" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    let cut = length > prefix.count ? "… (\(length - prefix.count) more bytes)" : ""
    return "undecodable event line (\(reason)), \(length) bytes: \(shown)\(cut)"
  }
}

extension DemoEvent {
  /// Reads one line of the event stream (without its newline).
  ///
  /// - Returns: The event, or what was wrong with the line.
  public static func decodeLine(_ line: some Collection<UInt8>) -> Result<DemoEvent, EventLineError>
  {
    do {
      return .success(try eventDecoder().decode(DemoEvent.self, from: Data(line)))
    } catch let error as DecodingError {
      return .failure(EventLineError(line: line, reason: EventLineError.summary(of: error)))
    } catch {
      return .failure(EventLineError(line: line, reason: "\(error)"))
    }
  }

  /// The event as one line of JSON ending in a newline, written by a JSON encoder: quotes,
  /// backslashes, tabs, newlines and every other control character in its text are escaped,
  /// so the only newline is the last byte. Non-finite numbers are written as the strings
  /// "nan", "inf" and "-inf" (``decodeLine(_:)`` reads them back). Never fails: an event that
  /// cannot be encoded becomes a `failed` event saying so.
  public func encodedLine() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    var bytes: [UInt8]
    do {
      bytes = Array(try encoder.encode(self))
    } catch {
      let failure = DemoEvent.failed("the demo could not encode an event (\(kind)): \(error)")
      bytes = (try? Array(encoder.encode(failure))) ?? Array(#"{"type":"failed"}"#.utf8)
    }
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }

  /// The event's `type` on the wire.
  var kind: String {
    switch self {
    case .started: "started"
    case .heading: "heading"
    case .note: "note"
    case .figure: "figure"
    case .table: "table"
    case .progress: "progress"
    case .report: "report"
    case .failed: "failed"
    }
  }

  private static func eventDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}

extension EventLineError {
  /// A decoding error in a few words: what was wrong, and where in the event.
  static func summary(of error: DecodingError) -> String {
    func at(_ path: [any CodingKey]) -> String {
      path.isEmpty
        ? ""
        : " at "
          + path.map { $0.intValue.map(String.init) ?? $0.stringValue }
          .joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "not JSON" : context.debugDescription + at(context.codingPath)
    case .keyNotFound(let key, let context): return "no \(key.stringValue)\(at(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "wrong type\(at(context.codingPath))"
    @unknown default: return "\(error)"
    }
  }
}
