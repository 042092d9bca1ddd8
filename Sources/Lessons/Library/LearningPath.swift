/// The order in which lessons read as a learning path, and the cycles that prevent one.
enum LearningPath {
  /// Where a lesson goes among lessons that are ready at the same time: its `order:`, else
  /// the number its file name starts with (`03-measuring.md` → 3), else last; then its file
  /// name; then the order it was given in.
  static func key(_ lesson: Lesson, _ position: Int) -> (Int, String, Int) {
    let name = LessonFiles.baseName(lesson.file)
    let digits = name.prefix { $0.isASCII && $0.isNumber }.prefix(9)
    let rank = lesson.order ?? Int(digits) ?? Int.max
    return (rank, name, position)
  }

  /// The indices of `lessons` in learning order: every lesson after the lessons it requires
  /// (when they are among `lessons`), ties broken by `key`. Lessons in a cycle keep their
  /// `key` order, after what does not depend on the cycle.
  static func order(_ lessons: [Lesson]) -> [Int] {
    var index: [String: Int] = [:]
    for (i, lesson) in lessons.enumerated() where index[lesson.id] == nil { index[lesson.id] = i }
    let keys = lessons.enumerated().map { key($1, $0) }
    let needs: [[Int]] = lessons.enumerated().map { i, lesson in
      lesson.requires.compactMap { index[$0] }.filter { $0 != i }
    }
    var done = [Bool](repeating: false, count: lessons.count)
    var remaining = Array(lessons.indices)
    var result: [Int] = []
    result.reserveCapacity(lessons.count)
    while !remaining.isEmpty {
      let ready = remaining.filter { i in needs[i].allSatisfy { done[$0] } }
      let pool = ready.isEmpty ? remaining : ready
      guard let next = pool.min(by: { keys[$0] < keys[$1] }) else { break }
      result.append(next)
      done[next] = true
      remaining.removeAll { $0 == next }
    }
    return result
  }

  /// Every cycle of `requires` among `lessons`, each as lesson indices `[a, b, c]` meaning
  /// a requires b, b requires c, c requires a; each cycle once, starting at its first lesson.
  static func cycles(_ lessons: [Lesson]) -> [[Int]] {
    var index: [String: Int] = [:]
    for (i, lesson) in lessons.enumerated() where index[lesson.id] == nil { index[lesson.id] = i }
    let needs: [[Int]] = lessons.map { $0.requires.compactMap { index[$0] } }
    // Peel off every lesson whose requirements can all be met; what is left is in a cycle or
    // depends on one.
    var left = Set(lessons.indices)
    var changed = true
    while changed {
      changed = false
      for i in left.sorted() where needs[i].allSatisfy({ !left.contains($0) }) {
        left.remove(i)
        changed = true
      }
    }
    var found: [[Int]] = []
    var seen: Set<[Int]> = []
    for start in left.sorted() {
      var path: [Int] = []
      var position: [Int: Int] = [:]
      var node = start
      var from: Int?
      while from == nil {
        if let p = position[node] {
          from = p
          break
        }
        position[node] = path.count
        path.append(node)
        guard let next = needs[node].first(where: { left.contains($0) }) else { break }
        node = next
      }
      guard let from, path.count > from else { continue }
      var cycle = Array(path[from...])
      if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
        cycle = Array(cycle[smallest...] + cycle[..<smallest])
      }
      if seen.insert(cycle).inserted { found.append(cycle) }
    }
    return found
  }
}
