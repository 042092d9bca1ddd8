import Glibc
import Testing

/// Golden files: expected renderings checked in under Tests/RenderTests/Golden.
///
/// Run the tests with `UPDATE_GOLDEN=1` to rewrite them from the current output, then review
/// the diff (`git diff Tests/RenderTests/Golden`; `cat` shows the colour files in colour).
enum Golden {
  /// The Golden directory beside this source file.
  static let directory: String = {
    let path = #filePath
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    return folder.joined(separator: "/") + "/Golden"
  }()

  static var updating: Bool { getenv("UPDATE_GOLDEN").map { String(cString: $0) } == "1" }

  /// Compares `actual` with the golden file `name`, or rewrites the file when updating.
  static func check(
    _ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = directory + "/" + name
    let contents = actual + "\n"
    if updating {
      #expect(write(contents, to: path), "could not write \(path)", sourceLocation: sourceLocation)
      return
    }
    guard let expected = read(path) else {
      Issue.record(
        "missing golden file \(name): run the tests with UPDATE_GOLDEN=1",
        sourceLocation: sourceLocation)
      return
    }
    if expected != contents {
      let message =
        "\(name) differs from the rendering: \(firstDifference(expected, contents))"
        + "\n(UPDATE_GOLDEN=1 rewrites it)"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }

  private static func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : "<none>"
      let right = index < b.count ? String(b[index]) : "<none>"
      if left != right {
        return "line \(index + 1)\n  expected: \(left.debugDescription)\n  actual:   "
          + right.debugDescription
      }
    }
    return "no line differs"
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func write(_ text: String, to path: String) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, file) == bytes.count
  }
}
