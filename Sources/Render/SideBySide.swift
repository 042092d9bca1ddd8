/// Two blocks of text side by side, such as an explanation beside a timing table.
public enum SideBySide {
  /// Joins `left` and `right` line by line, the left block padded to a common width.
  ///
  /// When both fit in `width` they keep their natural widths. Otherwise the right block keeps
  /// its shape (it is usually a table) and the left block is word-wrapped to the columns left
  /// over. When that would leave the left block fewer than 20 columns, the right block goes
  /// under the left one instead. So put the block that may be re-wrapped on the left.
  ///
  /// - Parameters:
  ///   - left: The left block; lines separated by "\n".
  ///   - right: The right block.
  ///   - width: The columns available.
  ///   - gap: Spaces between the blocks.
  /// - Returns: The joined lines, without a final newline; trailing spaces are trimmed.
  public static func join(left: String, right: String, width: Int, gap: Int = 3) -> String {
    var leftLines = left.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let rightLines =
      right.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let gap = max(0, gap)
    let naturalLeft = leftLines.map(DisplayWidth.of).max() ?? 0
    let naturalRight = rightLines.map(DisplayWidth.of).max() ?? 0
    var leftWidth = naturalLeft
    if naturalLeft + gap + naturalRight > width {
      leftWidth = width - gap - naturalRight
      if leftWidth < min(20, naturalLeft) {
        // Stacked: each block wrapped to the whole width where it is wider.
        func fitted(_ lines: [String]) -> [String] {
          lines.flatMap { DisplayWidth.of($0) > width ? DisplayWidth.wrap($0, width: width) : [$0] }
        }
        return (fitted(leftLines) + [""] + fitted(rightLines)).map(trimmingTrailingSpaces)
          .joined(separator: "\n")
      }
      leftLines = leftLines.flatMap { DisplayWidth.wrap($0, width: leftWidth) }
    }
    let height = max(leftLines.count, rightLines.count)
    var lines: [String] = []
    lines.reserveCapacity(height)
    for index in 0..<height {
      let leftLine = index < leftLines.count ? leftLines[index] : ""
      let rightLine = index < rightLines.count ? rightLines[index] : ""
      let line = DisplayWidth.pad(leftLine, to: leftWidth) + " ".repeated(gap) + rightLine
      lines.append(trimmingTrailingSpaces(line))
    }
    return lines.joined(separator: "\n")
  }
}
