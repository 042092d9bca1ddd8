/// The characters that draw a table's frame.
struct BoxDrawing {
  var horizontal: String
  var vertical: String
  var topLeft: String
  var topMiddle: String
  var topRight: String
  var middleLeft: String
  var cross: String
  var middleRight: String
  var bottomLeft: String
  var bottomMiddle: String
  var bottomRight: String
  var ellipsis: String

  static let unicode = BoxDrawing(
    horizontal: "─", vertical: "│",
    topLeft: "┌", topMiddle: "┬", topRight: "┐",
    middleLeft: "├", cross: "┼", middleRight: "┤",
    bottomLeft: "└", bottomMiddle: "┴", bottomRight: "┘",
    ellipsis: "…")

  static let ascii = BoxDrawing(
    horizontal: "-", vertical: "|",
    topLeft: "+", topMiddle: "+", topRight: "+",
    middleLeft: "+", cross: "+", middleRight: "+",
    bottomLeft: "+", bottomMiddle: "+", bottomRight: "+",
    ellipsis: "...")

  static func `for`(_ style: TerminalStyle) -> BoxDrawing { style.unicode ? .unicode : .ascii }
}

extension String {
  /// `self` repeated `count` times (none for a negative count).
  func repeated(_ count: Int) -> String { count > 0 ? String(repeating: self, count: count) : "" }
}
