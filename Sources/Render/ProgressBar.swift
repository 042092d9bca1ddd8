/// A one-line progress bar: `label ▕██████▍       ▏  47%`.
public enum ProgressBar {
  /// The progress line, exactly `width` columns wide (unless `width` is too narrow even for
  /// the percentage). The caller writes it after a "\r" to redraw in place.
  ///
  /// - Parameters:
  ///   - fraction: How much is done, from 0 to 1; values outside are clamped, NaN counts as 0.
  ///   - label: What is in progress; shortened with an ellipsis to leave room for the bar.
  ///   - width: The columns the line may take.
  ///   - unicode: Whether to draw with block elements (in eighths) or with `#` and `-`.
  /// - Returns: The line, without "\r" or "\n".
  public static func line(fraction: Double, label: String, width: Int, unicode: Bool) -> String {
    let fraction = fraction.isNaN ? 0 : min(1, max(0, fraction))
    let percent = Int((fraction * 100).rounded(.down))
    let percentText = DisplayWidth.pad(String(percent) + "%", to: 4, align: .right)
    let frame = 2  // the two ends of the bar
    var labelText = label.replacing("\n", with: " ")
    if !unicode { labelText = TerminalStyle.plain().asciiFallback(labelText) }
    let ellipsis = unicode ? "…" : "..."

    let room = width - percentText.count - 1 - frame
    if room < 3 {
      let compact = String(percent) + "%"
      return width >= compact.count ? DisplayWidth.pad(compact, to: width, align: .right) : ""
    }
    var labelWidth = DisplayWidth.of(labelText)
    if labelWidth > 0 {
      // Give the bar at least 10 columns (or what there is), the label the rest.
      let maximumLabel = max(0, room - min(10, room) - 1)
      if labelWidth > maximumLabel {
        labelText = DisplayWidth.truncate(labelText, to: maximumLabel, ellipsis: ellipsis)
        labelWidth = DisplayWidth.of(labelText)
      }
    }
    let barWidth = room - (labelWidth > 0 ? labelWidth + 1 : 0)
    var bar = barText(fraction: fraction, width: barWidth, unicode: unicode)
    bar += (unicode ? " " : "-").repeated(barWidth - DisplayWidth.of(bar))
    let (left, right) = unicode ? ("▕", "▏") : ("[", "]")
    return (labelWidth > 0 ? labelText + " " : "") + left + bar + right + " " + percentText
  }
}
