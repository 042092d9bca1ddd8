public import DemoContract

/// Reading demo reports: ProcLab's own `JSONValue` (Demos), with the lookups the bench needs.
extension JSONValue {
  /// The value at a dotted path (`fork.median_seconds`): a member whose name is the whole
  /// path (demos may write flat dotted keys), or else nested members one part at a time.
  public func value(at path: String) -> JSONValue? {
    if let direct = self[path] { return direct }
    guard let dot = path.firstIndex(of: ".") else { return nil }
    // Try every split point, so "bandwidth.65536.bytes_per_second" is found however the
    // demo nested it.
    var split: String.Index? = dot
    while let index = split {
      let head = String(path[..<index])
      let tail = String(path[path.index(after: index)...])
      if let inner = self[head], let found = inner.value(at: tail) { return found }
      split = path[path.index(after: index)...].firstIndex(of: ".")
    }
    return nil
  }

  /// The number, or nil for anything else.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

}
