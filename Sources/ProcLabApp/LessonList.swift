import DemoContract
import Render

/// How `lessons` fits each lesson's `summary` and its prerequisites beside the other columns
/// (docs/progress.md): the titles first, the summaries in the room they leave, the
/// prerequisites last.
enum LessonList {
  /// The fewest columns of room a summary is shown in; below it the column is left out (at 80
  /// and 100 columns there is no room: the titles come first).
  static let summaryMinimum = 20
  /// The width from which the prerequisites column is shown when it fits.
  static let requiresMinimumWidth = 130

  struct Layout {
    /// The width each summary is cut to, or 0 for no summary column.
    var summaryWidth = 0
    /// Whether the `needs` column is shown.
    var showsRequires = false
    /// Each lesson's prerequisites, joined.
    var requires: [String]

    init(columns: [Table.Column], rows: [[String]], width: Int, requires: [String]) {
      self.requires = requires
      let room = LessonList.room(columns: columns, rows: rows, width: width)
      let needs = max(DisplayWidth.of("needs"), requires.map(DisplayWidth.of).max() ?? 0) + 3
      showsRequires = width >= LessonList.requiresMinimumWidth && room >= needs
      let left = showsRequires ? room - needs : room
      if left >= LessonList.summaryMinimum {
        summaryWidth = left
      } else if room >= LessonList.summaryMinimum {
        // Not room for both: the summaries.
        showsRequires = false
        summaryWidth = room
      }
    }
  }

  /// The display columns left for one more column (its `│ ` and ` │` counted), once the
  /// table's columns take their natural widths.
  static func room(columns: [Table.Column], rows: [[String]], width: Int) -> Int {
    var used = 1
    for (i, column) in columns.enumerated() {
      let widest = rows.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0
      used += max(widest, DisplayWidth.of(column.name)) + 3
    }
    return width - used - 3
  }
}
