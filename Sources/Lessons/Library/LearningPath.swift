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
    // Kahn's algorithm: a lesson is ready when every lesson it requires is placed.
    var waiting = [Int](repeating: 0, count: lessons.count)
    var dependents = [[Int]](repeating: [], count: lessons.count)
    for (i, lesson) in lessons.enumerated() {
      var seen: Set<Int> = []
      for id in lesson.requires {
        guard let j = index[id], j != i, seen.insert(j).inserted else { continue }
        waiting[i] += 1
        dependents[j].append(i)
      }
    }
    var placed = [Bool](repeating: false, count: lessons.count)
    var ready = lessons.indices.filter { waiting[$0] == 0 }
    var result: [Int] = []
    result.reserveCapacity(lessons.count)
    while result.count < lessons.count {
      let next: Int
      if let best = ready.indices.min(by: { keys[ready[$0]] < keys[ready[$1]] }) {
        next = ready.remove(at: best)
      } else {
        // A cycle: place its first lesson by key and carry on.
        guard let best = lessons.indices.filter({ !placed[$0] }).min(by: { keys[$0] < keys[$1] })
        else { break }
        next = best
      }
      guard !placed[next] else { continue }
      placed[next] = true
      result.append(next)
      for d in dependents[next] where !placed[d] {
        waiting[d] -= 1
        if waiting[d] == 0 { ready.append(d) }
      }
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
