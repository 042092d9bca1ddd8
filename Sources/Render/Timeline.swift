public import DemoContract
public import Localization

/// A timeline of who did what when: one row (lane) per worker, thread or process, time running
/// left to right, each busy span drawn with its label, and a time axis underneath.
///
/// ```
/// worker 1 │task 1█████████task 3███████      │
/// worker 2 │   task 2███████████████████████  │
///          └┬───────┬───────┬───────┬───────┬─┘
///           0 s   25 ms   50 ms   75 ms   100 ms
/// ```
///
/// With colour, spans are drawn as coloured bars with the label inside; the same label gets
/// the same colour in every lane, so a task that moves between workers can be followed.
/// Keep labels short: a span too narrow for its label shows the label's last word (the "3" of
/// "task 3"), else no label; a label never runs into the next span's (one column of the span's
/// fill stays between them), so "run" then "zombie" never reads "runzombie" or "rzombie". The data, `Timeline`, is DemoContract's: a demo sends it as an
/// event and the host draws it here, at its terminal's width.
extension Timeline {
  /// Draws the timeline to fit `style.width`, its axis in `language`'s units (the process's
  /// own when not given).
  ///
  /// - Returns: The lines joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle, language: Language? = nil) -> String {
    var lines: [String] = []
    if let title, !title.isEmpty {
      lines += DisplayWidth.wrap(style.asciiFallback(title), width: style.width).map(style.bold)
    }
    guard !lanes.isEmpty else { return lines.joined(separator: "\n") }

    let allSpans = lanes.flatMap(\.spans).filter { $0.start.isFinite && $0.end.isFinite }
    let t0 = start ?? allSpans.map(\.start).min() ?? 0
    var t1 = end ?? allSpans.map(\.end).max() ?? t0 + 1
    if !(t1 > t0) { t1 = t0 + 1 }

    let box = BoxDrawing.for(style)
    let labels = lanes.map { style.asciiFallback($0.label) }
    var labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, max(4, style.width / 4))
    var trackWidth = style.width - labelWidth - 3
    if trackWidth < 10 {
      labelWidth = max(0, style.width - 13)
      trackWidth = max(10, style.width - labelWidth - 3)
    }
    let ellipsis = style.unicode ? "…" : "..."
    let frame = TimelineFrame(t0: t0, t1: t1, trackWidth: trackWidth)

    // Colours by label, so that a task keeps its colour across lanes.
    let palette: [TerminalStyle.Color] = [.cyan, .yellow, .green, .magenta, .blue, .red]
    var colourOf: [String: TerminalStyle.Color] = [:]
    for span in allSpans where colourOf[span.label] == nil {
      colourOf[span.label] = palette[colourOf.count % palette.count]
    }

    for (laneIndex, lane) in lanes.enumerated() {
      let track = Self.track(lane, frame: frame, style: style, colourOf: colourOf)
      let label = DisplayWidth.pad(
        DisplayWidth.truncate(labels[laneIndex], to: labelWidth, ellipsis: ellipsis),
        to: labelWidth)
      lines.append(label + " " + box.vertical + track + box.vertical)
    }
    lines += Self.axis(
      frame: frame, labelWidth: labelWidth, style: style, box: box,
      language: language ?? Catalog.language)
    return lines.joined(separator: "\n")
  }

  /// One lane's track: its spans painted into `frame.trackWidth` columns, coloured by label.
  static func track(
    _ lane: Lane, frame: TimelineFrame, style: TerminalStyle,
    colourOf: [String: TerminalStyle.Color]
  ) -> String {
    let trackWidth = frame.trackWidth
    var (cells, owners) = paint(lane, frame: frame, style: style)
    // A wide character whose other half was painted over shows as a space.
    var cell = 0
    while cell < trackWidth {
      if cells[cell].isEmpty {
        cells[cell] = " "
      } else if DisplayWidth.of(cells[cell]) == 2 {
        if cell + 1 < trackWidth, cells[cell + 1].isEmpty, owners[cell + 1] == owners[cell] {
          cell += 2
          continue
        }
        cells[cell] = " "
      }
      cell += 1
    }

    var track = ""
    var index = 0
    while index < trackWidth {
      let owner = owners[index]
      var run = ""
      while index < trackWidth && owners[index] == owner {
        run += cells[index]
        index += 1
      }
      if owner >= 0, style.color {
        let colour = colourOf[lane.spans[owner].label] ?? .cyan
        run = style.inverse(style.color(run, colour))
      }
      track += run
    }
    return track
  }

  /// Each column's text and the index of the span that owns it (-1: none); the second column
  /// of a wide character holds "".
  static func paint(
    _ lane: Lane, frame: TimelineFrame, style: TerminalStyle
  ) -> (cells: [String], owners: [Int]) {
    let trackWidth = frame.trackWidth
    var cells = [String](repeating: " ", count: trackWidth)
    var owners = [Int](repeating: -1, count: trackWidth)
    for (spanIndex, span) in lane.spans.enumerated() {
      guard span.start.isFinite, span.end.isFinite, span.end >= span.start else { continue }
      guard span.end >= frame.t0, span.start <= frame.t1 else { continue }
      var first = frame.column(span.start)
      var last = frame.column(span.end)
      if first >= trackWidth { first = trackWidth - 1 }
      if last <= first { last = first + 1 }
      // A span starting where this one ends: keep a column between the two labels.
      let followed = lane.spans.indices.contains { other in
        other != spanIndex && lane.spans[other].start >= span.start
          && frame.column(lane.spans[other].start) <= last
          && (other > spanIndex || lane.spans[other].start > span.start)
      }
      let room = followed ? last - first - 1 : last - first
      let text = spanText(style.asciiFallback(span.label), width: room) ?? ""
      let fill = style.color ? " " : (style.unicode ? "█" : "=")
      var position = first
      forEachPiece(in: text) { piece in
        guard !piece.isEscape, piece.width > 0, position + piece.width <= last else { return }
        cells[position] = String(text[piece.range])
        owners[position] = spanIndex
        for extra in 1..<max(1, piece.width) {
          cells[position + extra] = ""
          owners[position + extra] = spanIndex
        }
        position += piece.width
      }
      while position < last {
        cells[position] = fill
        owners[position] = spanIndex
        position += 1
      }
    }
    return (cells, owners)
  }

  /// The axis: tick marks on the frame's bottom line, times under them in `language`'s units.
  /// About one tick per 10 columns, fewer where the labels are wider ("25밀리초"), so that
  /// every tick has its label.
  static func axis(
    frame: TimelineFrame, labelWidth: Int, style: TerminalStyle, box: BoxDrawing,
    language: Language
  ) -> [String] {
    let first = ticks(frame: frame, spacing: 10, style: style, box: box, language: language)
    var chosen = first
    var spacing = 10
    while !chosen.complete && spacing < frame.trackWidth {
      spacing += 2
      chosen = ticks(frame: frame, spacing: spacing, style: style, box: box, language: language)
    }
    if !chosen.complete { chosen = first }
    let indent = " ".repeated(labelWidth + 1)
    return [
      indent + box.bottomLeft + chosen.marks.joined() + box.bottomRight,
      trimmingTrailingSpaces(indent + chosen.labels.joined()),
    ]
  }

  /// Tick marks at about one per `spacing` columns and their labels, one cell per column (the
  /// second column of a wide character holds ""); `complete` is false when a label had no room.
  static func ticks(
    frame: TimelineFrame, spacing: Int, style: TerminalStyle, box: BoxDrawing,
    language: Language
  ) -> (marks: [String], labels: [String], complete: Bool) {
    let trackWidth = frame.trackWidth
    var marks = [String](repeating: box.horizontal, count: trackWidth)
    var labels = [String](repeating: " ", count: trackWidth + 2)
    var nextFree = 0
    var complete = true
    for tick in axisTicks(duration: frame.duration, trackWidth: trackWidth, spacing: spacing) {
      let position = min(trackWidth - 1, frame.column(frame.t0 + tick))
      marks[position] = style.unicode ? "┬" : "+"
      let text = style.asciiFallback(tickLabel(tick, language: language))
      let textWidth = DisplayWidth.of(text)
      var labelStart = position + 1 - textWidth / 2  // +1: the frame's corner column
      labelStart = min(trackWidth + 2 - textWidth, max(0, labelStart))
      guard labelStart >= nextFree, labelStart + textWidth <= labels.count else {
        complete = false
        continue
      }
      var column = labelStart
      for character in text {
        let width = max(1, DisplayWidth.of(String(character)))
        labels[column] = String(character)
        for extra in 1..<width { labels[column + extra] = "" }
        column += width
      }
      nextFree = labelStart + textWidth + 1
    }
    return (marks, labels, complete)
  }
}

/// A timeline's time range and the columns it maps onto.
struct TimelineFrame {
  let t0: Double
  let t1: Double
  let trackWidth: Int
  var duration: Double { t1 - t0 }

  /// The column a time falls in, clamped to the track.
  func column(_ time: Double) -> Int {
    let position = ((time - t0) / duration * Double(trackWidth)).rounded()
    guard position.isFinite else { return 0 }
    return Int(min(Double(trackWidth), max(0, position)))
  }
}

/// What fits of a span's label in `width` columns: the label, else its last word (the "3" of
/// "task 3"), else nothing (a cut label reads as another word).
func spanText(_ label: String, width: Int) -> String? {
  if DisplayWidth.of(label) <= width { return label }
  if let word = label.split(separator: " ").last, DisplayWidth.of(String(word)) <= width {
    return String(word)
  }
  return nil
}

/// A tick's time in `language` without trailing zeros: "20 ms", "2.5 ms", "1 s"; in Korean
/// "20밀리초", "2.5밀리초", "1초", as `Units.duration` and the demos' notes write them.
func tickLabel(_ seconds: Double, language: Language = .en) -> String {
  let text = Units.duration(seconds, language: language)
  guard let unit = text.firstIndex(where: { !($0.isASCII && ($0.isNumber || "-.".contains($0))) }),
    text[..<unit].contains(".")
  else { return text }
  var number = text[..<unit]
  while number.last == "0" { number = number.dropLast() }
  if number.last == "." { number = number.dropLast() }
  return String(number) + text[unit...]
}

/// Tick times (relative to the start) at a round step: 1, 2, 2.5 or 5 times a power of ten,
/// about one tick per `spacing` columns.
func axisTicks(duration: Double, trackWidth: Int, spacing: Int = 10) -> [Double] {
  guard duration > 0, duration.isFinite else { return [0] }
  let maximumTicks = max(1, trackWidth / max(1, spacing))
  let rough = duration / Double(maximumTicks)
  var power = 1.0
  while power * 10 <= rough { power *= 10 }
  while power > rough { power /= 10 }
  var step = power * 10
  for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] where power * multiple >= rough {
    step = power * multiple
    break
  }
  var ticks: [Double] = []
  var index = 0.0
  while index * step <= duration * (1 + 1e-9) {
    ticks.append(index * step)
    index += 1
  }
  return ticks
}
