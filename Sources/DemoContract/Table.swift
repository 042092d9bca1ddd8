/// Horizontal alignment of text in a field: table cells, padded labels.
public enum Alignment: String, Sendable, Codable, Equatable, CaseIterable {
  case left
  case right
  case center
}

/// A table of text cells with a title and footer lines: what a demo sends and its report keeps.
/// Pure data; Render draws it (`Table.render(_:)`), at the width of the terminal it is shown on.
///
/// JSON: `{"title": "…", "columns": [{"name": "…", "align": "right"}], "rows": [["…"]],
/// "footer": ["…"]}`; `title` and `footer` may be left out, and so may `align` (left).
public struct Table: Sendable, Codable, Equatable {
  /// A column: its heading and how its cells are aligned.
  public struct Column: Sendable, Codable, Equatable {
    /// The heading.
    public var name: String
    /// How the heading and the cells are aligned; numbers read best right-aligned.
    public var align: Alignment
    /// Never cut this column's cells to fit (something the student must type, such as an id);
    /// the other columns give way, or the table becomes one block per row.
    public var whole: Bool

    /// Creates a column.
    public init(_ name: String, align: Alignment = .left, whole: Bool = false) {
      self.name = name
      self.align = align
      self.whole = whole
    }

    private enum CodingKeys: String, CodingKey { case name, align, whole }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      name = try container.decode(String.self, forKey: .name)
      align = try container.decodeIfPresent(Alignment.self, forKey: .align) ?? .left
      whole = try container.decodeIfPresent(Bool.self, forKey: .whole) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(align, forKey: .align)
      if whole { try container.encode(whole, forKey: .whole) }
    }
  }

  /// A line printed above the table, or nil.
  public var title: String?
  /// The columns, left to right.
  public var columns: [Column]
  /// The rows; a row with fewer cells than columns is padded with empty cells, extra cells
  /// are ignored. A cell may hold several lines separated by "\n".
  public var rows: [[String]]
  /// Lines printed under the table, such as the machine environment; each is wrapped to the
  /// terminal width.
  public var footer: [String]

  /// Creates a table.
  public init(
    title: String? = nil, columns: [Column], rows: [[String]] = [], footer: [String] = []
  ) {
    self.title = title
    self.columns = columns
    self.rows = rows
    self.footer = footer
  }

  /// Appends a row.
  public mutating func append(_ row: [String]) { rows.append(row) }

  private enum CodingKeys: String, CodingKey { case title, columns, rows, footer }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    title = try container.decodeIfPresent(String.self, forKey: .title)
    columns = try container.decode([Column].self, forKey: .columns)
    rows = try container.decodeIfPresent([[String]].self, forKey: .rows) ?? []
    footer = try container.decodeIfPresent([String].self, forKey: .footer) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(title, forKey: .title)
    try container.encode(columns, forKey: .columns)
    try container.encode(rows, forKey: .rows)
    try container.encode(footer, forKey: .footer)
  }
}
