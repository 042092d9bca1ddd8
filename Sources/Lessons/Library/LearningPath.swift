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
    // The ready lessons in a heap by key; and every lesson by key, for when a cycle blocks
    // the rest (a pointer moves along it past placed lessons): O(n log n) in all.
    var ready = KeyHeap(keys: keys)
    for i in lessons.indices where waiting[i] == 0 { ready.push(i) }
    let byKey = lessons.indices.sorted { keys[$0] < keys[$1] }
    var nextByKey = 0
    var result: [Int] = []
    result.reserveCapacity(lessons.count)
    while result.count < lessons.count {
      let next: Int
      if let best = ready.pop() {
        next = best
      } else {
        // A cycle: place its first lesson by key and carry on.
        while nextByKey < byKey.count, placed[byKey[nextByKey]] { nextByKey += 1 }
        guard nextByKey < byKey.count else { break }
        next = byKey[nextByKey]
      }
      guard !placed[next] else { continue }
      placed[next] = true
      result.append(next)
      for d in dependents[next] where !placed[d] {
        waiting[d] -= 1
        if waiting[d] == 0 { ready.push(d) }
      }
    }
    return result
  }

  /// A binary min-heap of lesson indices ordered by their keys.
  struct KeyHeap {
    let keys: [(Int, String, Int)]
    private var items: [Int] = []

    init(keys: [(Int, String, Int)]) { self.keys = keys }

    private func less(_ a: Int, _ b: Int) -> Bool { keys[items[a]] < keys[items[b]] }

    mutating func push(_ index: Int) {
      items.append(index)
      var child = items.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard less(child, parent) else { break }
        items.swapAt(child, parent)
        child = parent
      }
    }

    mutating func pop() -> Int? {
      guard let top = items.first else { return nil }
      let last = items.removeLast()
      if !items.isEmpty {
        items[0] = last
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < items.count, less(left, smallest) { smallest = left }
          if right < items.count, less(right, smallest) { smallest = right }
          guard smallest != parent else { break }
          items.swapAt(parent, smallest)
          parent = smallest
        }
      }
      return top
    }
  }

  /// Every cycle of `requires` among `lessons`, each as lesson indices `[a, b, c]` meaning
  /// a requires b, b requires c, c requires a; each cycle once, starting at its first lesson.
  static func cycles(_ lessons: [Lesson]) -> [[Int]] {
    var index: [String: Int] = [:]
    for (i, lesson) in lessons.enumerated() where index[lesson.id] == nil { index[lesson.id] = i }
    let needs: [[Int]] = lessons.map { $0.requires.compactMap { index[$0] } }
    // Peel off every lesson whose requirements can all be met (Kahn's algorithm, linear);
    // what is left is in a cycle or depends on one.
    var unmet = needs.map(\.count)
    var dependents = [[Int]](repeating: [], count: lessons.count)
    for (i, required) in needs.enumerated() {
      for j in required { dependents[j].append(i) }
    }
    var left = Set(lessons.indices)
    var peel = lessons.indices.filter { unmet[$0] == 0 }
    while let i = peel.popLast() {
      left.remove(i)
      for d in dependents[i] {
        unmet[d] -= 1
        if unmet[d] == 0 { peel.append(d) }
      }
    }
    // Each lesson left follows its first requirement that is left; every walk stops at a
    // lesson an earlier walk went through, so each lesson is walked once.
    var found: [[Int]] = []
    var walked = Set<Int>()
    for start in left.sorted() where !walked.contains(start) {
      var path: [Int] = []
      var position: [Int: Int] = [:]
      var node = start
      var from: Int?
      while !walked.contains(node) || position[node] != nil {
        if let p = position[node] {
          from = p
          break
        }
        walked.insert(node)
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
      found.append(cycle)
    }
    return found
  }
}
