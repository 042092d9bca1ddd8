// The demos' summaries in Korean (`proclab demos`, `help run <demo>`), keyed by the English
// summary each demo declares: a summary changed in English has no Korean until it is
// translated again (MetricLabelTests fails on a demo without one, and on an entry no demo has).

/// The Korean summary of every demo, by English summary.
public enum DemoSummaries {
  /// The summary `english` in `language` (the process's own when not given): its Korean entry,
  /// else the English as it is.
  public static func text(_ english: String, in language: Language? = nil) -> String {
    guard (language ?? Catalog.language) == .ko else { return english }
    return korean[english] ?? english
  }

  /// The Korean summary of each English one.
  public static let korean: [String: String] = [
    "pid, ppid, pgid, sid, uid, euid, gid and cwd of ProcLab and of a child process":
      "ProcLab과 자식 프로세스의 pid·ppid·pgid·sid·uid·euid·gid·cwd",
    "start and join threads; a worker that runs until a stop flag is set":
      "스레드를 시작하고 join합니다. 멈춤 플래그가 설 때까지 도는 작업 스레드",
    "a thread's write is seen by the main thread; a forked child's write is not":
      "스레드가 쓴 값은 메인 스레드가 보지만, fork한 자식이 쓴 값은 보지 못합니다",
    "time eight ways to build a collection of 0..<100, %timeit style":
      "0..<100 컬렉션을 만드는 여덟 가지 방법을 %timeit처럼 잽니다",
    "start, join and terminate a process; the cost of fork, exec, posix_spawn, threads":
      "프로세스를 시작하고 join하고 종료합니다. fork, exec, posix_spawn, 스레드의 비용",
    "fork children, draw the process tree with pids and ppids, wait for each status":
      "자식을 fork하고, pid와 ppid로 프로세스 트리를 그리고, 각 종료 상태를 기다립니다",
    "run sort with stdin, stdout and stderr on pipes, and collect its exit status":
      "stdin, stdout, stderr를 파이프로 연결해 sort를 실행하고 종료 상태를 받습니다",
    "a child exits before its parent waits: it shows as Z until it is reaped":
      "부모가 기다리기 전에 자식이 끝납니다. 거두어질 때까지 Z로 보입니다",
    "a parent exits before its child: the child is adopted by a subreaper or pid 1":
      "부모가 자식보다 먼저 끝납니다. 자식은 서브리퍼나 pid 1에게 입양됩니다",
    "send/recv structured messages over a pipe: framing, latency, bandwidth":
      "파이프로 구조 있는 메시지를 send/recv합니다. 메시지 경계, 지연 시간, 대역폭",
    "a process-safe queue: FIFO/LIFO/priority, maxsize, Full/Empty, task_done/join":
      "프로세스 사이에 안전한 큐: FIFO/LIFO/우선순위, maxsize, Full/Empty, task_done/join",
    "processes add to one counter in shared memory: lost updates, and five ways to fix them":
      "프로세스들이 공유 메모리의 카운터 하나에 더합니다. 잃어버리는 갱신과 그것을 고치는 다섯 가지 방법",
    "a counting semaphore lets limit= of workers= processes in at a time":
      "카운팅 세마포어가 workers= 프로세스 중 limit=개만 한 번에 들여보냅니다",
    "mutex vs semaphore: ownership, release by anyone, a binary semaphore as a lock":
      "뮤텍스와 세마포어: 소유권, 아무나 하는 해제, 락으로 쓰는 이진 세마포어",
    "one exchange over pipe, socketpair, message queue, shared memory and a file":
      "파이프, socketpair, 메시지 큐, 공유 메모리, 파일로 한 번씩 주고받기",
    "process and thread pools: map's schedule, apply vs apply_async, the cost per task":
      "프로세스 풀과 스레드 풀: map의 일정, apply와 apply_async, 작업당 비용",
    "the process tutorial's is_prime over the PRIMES list: serial, process pool, thread pool, task group":
      "프로세스 튜토리얼의 is_prime을 PRIMES 목록에: 직렬, 프로세스 풀, 스레드 풀, 태스크 그룹",
    "the GIL tutorial's countdown in 1 thread, k threads and k processes; Swift vs CPython's GIL":
      "GIL 튜토리얼의 카운트다운을 스레드 1개, 스레드 k개, 프로세스 k개로. Swift와 CPython의 GIL 비교",
    "concurrency vs parallelism: two CPU-bound tasks on one CPU, then on two":
      "동시성과 병렬성: CPU 바운드 작업 두 개를 CPU 하나에서, 그다음 두 개에서",
    "an event scheduler (Python's sched) next to the kernel's process scheduler":
      "이벤트 스케줄러(Python의 sched)와 커널의 프로세스 스케줄러를 나란히",
    "kill and sigaction between processes, masks, SIGCHLD, SIGTERM vs SIGKILL, Ctrl-C":
      "프로세스 사이의 kill과 sigaction, 마스크, SIGCHLD, SIGTERM과 SIGKILL, Ctrl-C",
    "the descriptor table across fork, dup2 and exec; shared offsets; O_CLOEXEC; pipes":
      "fork, dup2, exec를 거치는 디스크립터 테이블. 공유되는 오프셋, O_CLOEXEC, 파이프",
    "what execve keeps (pid, parent, descriptors) and replaces (program, memory)":
      "execve가 지키는 것(pid, 부모, 디스크립터)과 바꾸는 것(프로그램, 메모리)",
    "fork shares the parent's pages copy-on-write: a child's faults and memory follow its writes; fork's cost follows the parent's size, vfork's and posix_spawn's do not":
      "fork는 부모의 페이지를 쓰기 시 복사로 나눕니다. 자식의 폴트와 메모리는 쓰기를 따라가고, fork의 비용은 부모의 크기를 따라가지만 vfork와 posix_spawn은 그렇지 않습니다",
    "a bounded buffer with a mutex and two condition variables, re-checked with while and with if":
      "뮤텍스 하나와 조건 변수 두 개로 만든 크기 제한 버퍼. while로, 그리고 if로 다시 확인",
    "two threads and two processes take two locks in opposite orders; the fixes measured":
      "스레드 둘과 프로세스 둘이 락 두 개를 반대 순서로 잡습니다. 고치는 방법도 측정합니다",
    "two CPU-bound processes on one CPU at different nice values, yield, SCHED_FIFO, quotas":
      "CPU 하나에서 nice 값이 다른 CPU 바운드 프로세스 둘, yield, SCHED_FIFO, 할당량",
    "a tutorial's multiprocessing program traced: its workers, resource tracker, forkserver, threads":
      "튜토리얼의 multiprocessing 프로그램을 추적합니다: 워커, 리소스 트래커, 포크 서버, 스레드",
  ]
}
