/// The operating-systems terms as Korean OS courses and textbooks use them, with their English:
/// what the `glossary` command lists and searches, either way.
public enum Glossary {
  /// One term: its Korean and English names (and other English names it goes by).
  public struct Term: Sendable, Equatable {
    public var korean: String
    public var english: String
    /// Other spellings a student may search by: "mutual exclusion lock", "GIL".
    public var also: [String]

    public init(_ korean: String, _ english: String, also: [String] = []) {
      self.korean = korean
      self.english = english
      self.also = also
    }
  }

  /// Every term, in the order a course meets them.
  public static let terms: [Term] = [
    Term("운영체제", "operating system", also: ["OS"]),
    Term("커널", "kernel"),
    Term("시스템 호출", "system call", also: ["syscall"]),
    Term("프로그램", "program"),
    Term("프로세스", "process"),
    Term("프로세스 식별자", "process ID", also: ["PID"]),
    Term("부모 프로세스", "parent process", also: ["parent"]),
    Term("자식 프로세스", "child process", also: ["child"]),
    Term("좀비 프로세스", "zombie process", also: ["zombie"]),
    Term("고아 프로세스", "orphan process", also: ["orphan"]),
    Term("회수", "reap", also: ["reaping", "wait"]),
    Term("종료 상태", "exit status"),
    Term("시그널", "signal"),
    Term("프로세스 제어 블록", "process control block", also: ["PCB"]),
    Term("주소 공간", "address space"),
    Term("가상 메모리", "virtual memory"),
    Term("쓰기 시 복사", "copy-on-write", also: ["COW"]),
    Term("스레드", "thread"),
    Term("멀티스레딩", "multithreading"),
    Term("동시성", "concurrency"),
    Term("병렬성", "parallelism"),
    Term("스케줄러", "scheduler"),
    Term("스케줄링", "scheduling"),
    Term("문맥 교환", "context switch"),
    Term("선점", "preemption"),
    Term("타임 슬라이스", "time slice", also: ["quantum"]),
    Term("CPU 친화도", "CPU affinity"),
    Term("경쟁 상태", "race condition", also: ["race"]),
    Term("임계 구역", "critical section"),
    Term("상호 배제", "mutual exclusion"),
    Term("뮤텍스", "mutex", also: ["mutual exclusion lock"]),
    Term("락", "lock"),
    Term("세마포어", "semaphore"),
    Term("조건 변수", "condition variable"),
    Term("원자적 연산", "atomic operation", also: ["atomic"]),
    Term("교착 상태", "deadlock"),
    Term("기아 상태", "starvation"),
    Term("동기화", "synchronization"),
    Term("프로세스 간 통신", "interprocess communication", also: ["IPC"]),
    Term("공유 메모리", "shared memory"),
    Term("파이프", "pipe"),
    Term("메시지 큐", "message queue"),
    Term("파일 디스크립터", "file descriptor", also: ["fd"]),
    Term("버퍼", "buffer"),
    Term("직렬화", "serialization", also: ["pickle"]),
    Term("생산자-소비자 문제", "producer-consumer problem"),
    Term("프로세스 풀", "process pool"),
    Term("스레드 풀", "thread pool"),
    Term("작업", "task"),
    Term("전역 인터프리터 락", "global interpreter lock", also: ["GIL"]),
    Term("CPU 바운드", "CPU-bound"),
    Term("I/O 바운드", "I/O-bound"),
    Term("블로킹", "blocking"),
    Term("처리량", "throughput"),
    Term("지연 시간", "latency"),
    Term("오버헤드", "overhead"),
    Term("속도 향상", "speedup"),
    Term("평균", "mean"),
    Term("중앙값", "median"),
    Term("표준편차", "standard deviation", also: ["σ"]),
    Term("백분위수", "percentile"),
    Term("이상값", "outlier"),
  ]

  /// The terms whose Korean or English name (or another name) contains `query`, in the order of
  /// ``terms``: case, spaces and hyphens do not matter, and Hangul is compared after NFC-style
  /// canonical equivalence (Swift's `String` comparison), so any input method's syllables match.
  ///
  /// - Parameter query: What the student typed: Korean or English, whole or part of a name.
  /// - Returns: The terms that match; those whose name is exactly `query` first.
  public static func search(_ query: String) -> [Term] {
    let wanted = folded(query)
    guard !wanted.isEmpty else { return terms }
    let names = { (t: Term) in [t.korean, t.english] + t.also }
    let exact = terms.filter { names($0).contains { folded($0) == wanted } }
    let partial = terms.filter { t in
      !exact.contains(t) && names(t).contains { folded($0).contains(wanted) }
    }
    return exact + partial
  }

  /// `text` lower-cased without spaces and hyphens, as a sequence of characters (so Hangul
  /// compares by canonical equivalence).
  static func folded(_ text: String) -> String {
    String(text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
  }
}
