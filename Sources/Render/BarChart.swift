public import DemoContract

/// A horizontal bar chart: one labelled bar per row, scaled to the largest value, with an
/// annotation (usually the formatted value) after the bars.
///
/// ```
/// pipe      ████████████████████████████▍   1.23 GB/s
/// socket    ██████████████▊                 645 MB/s
/// ```
///
/// Bars are drawn in eighths of a column (`█▏▎▍▌▋▊▉`) on a UTF-8 terminal and with `#`
/// otherwise. A value above zero always shows at least a sliver. The data, `BarChart`, is
/// DemoContract's; the host draws it here.
extension BarChart {
  /// Draws the chart to fit `style.width`.
  ///
  /// - Returns: The lines joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle) -> String {
    var lines: [String] = []
    if let title, !title.isEmpty {
      lines += DisplayWidth.wrap(style.asciiFallback(title), width: style.width).map(style.bold)
    }
    lines += barLines(
      bars.map { (style.asciiFallback($0.label), $0.value, style.asciiFallback($0.annotation)) },
      style: style)
    return lines.joined(separator: "\n")
  }
}

/// Lines of labelled bars, shared by ``BarChart`` and ``Histogram``.
func barLines(_ rows: [(label: String, value: Double, annotation: String)], style: TerminalStyle)
  -> [String]
{
  guard !rows.isEmpty else { return [] }
  let ellipsis = style.unicode ? "…" : "..."
  let naturalLabel = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
  let annotationWidth = rows.map { DisplayWidth.of($0.annotation) }.max() ?? 0
  // Labels keep their width unless that leaves the bars fewer than 10 columns.
  let gaps = (naturalLabel > 0 ? 1 : 0) + (annotationWidth > 0 ? 1 : 0)
  let labelWidth = min(naturalLabel, max(6, style.width - annotationWidth - gaps - 10))
  let barWidth = max(1, style.width - labelWidth - annotationWidth - gaps)
  let largest = rows.map { $0.value.isFinite ? $0.value : 0 }.max() ?? 0

  return rows.map { row in
    var line = ""
    if labelWidth > 0 {
      line += DisplayWidth.pad(
        DisplayWidth.truncate(row.label, to: labelWidth, ellipsis: ellipsis), to: labelWidth)
      line += " "
    }
    let fraction = largest > 0 && row.value.isFinite && row.value > 0 ? row.value / largest : 0
    let bar = barText(fraction: fraction, width: barWidth, unicode: style.unicode)
    let padding = " ".repeated(barWidth - DisplayWidth.of(bar))
    line += style.color(bar, .cyan)
    if annotationWidth > 0 {
      line += padding + " " + row.annotation
    }
    return trimmingTrailingSpaces(line)
  }
}

private let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

/// A bar `fraction` of `width` columns long (at most `width`).
func barText(fraction: Double, width: Int, unicode: Bool) -> String {
  guard fraction.isFinite, fraction > 0, width > 0 else { return "" }
  let fraction = min(1, fraction)
  if unicode {
    var total = Int((fraction * Double(width) * 8).rounded())
    if total == 0 { total = 1 }
    return "█".repeated(total / 8) + (total % 8 > 0 ? eighths[total % 8 - 1] : "")
  }
  let count = max(1, Int((fraction * Double(width)).rounded()))
  return "#".repeated(count)
}

/// `line` without spaces at its end.
func trimmingTrailingSpaces(_ line: String) -> String {
  guard line.hasSuffix(" ") else { return line }
  var result = Substring(line)
  while result.last == " " { result = result.dropLast() }
  return String(result)
}
