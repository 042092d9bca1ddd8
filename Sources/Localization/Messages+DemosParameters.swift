// The demos' parameter help in Korean (`help run <demo>`), keyed by the English help each
// parameter declares (`ParameterSpec.help`): a help text changed in English has no Korean until
// it is translated again (ParameterHelpTests fails on a declared help without Korean, and on an
// entry no parameter declares). One table and nothing else.

/// The Korean help of every declared demo parameter, by English help.
public enum ParameterHelp {
  /// The help `english` in `language` (the process's own when not given): its Korean entry,
  /// else the English as it is.
  public static func text(_ english: String, in language: Language? = nil) -> String {
    guard (language ?? Catalog.language) == .ko else { return english }
    return korean[english] ?? english
  }

  /// The Korean help of each English one.
  public static let korean: [String: String] = [
    // Conditions
    "slots in the bounded buffer": "유한 버퍼의 칸 수",
    "producer threads": "생산자 스레드 수",
    "consumer threads": "소비자 스레드 수",
    "items each producer puts": "생산자 하나가 넣는 항목 수",
    "also run the same buffer with threading.Condition in CPython when python3 is on PATH":
      "PATH에 python3가 있으면 같은 버퍼를 CPython의 threading.Condition으로도 실행",
    "milliseconds each thread holds its first lock before it asks for the second":
      "각 스레드가 첫 번째 락을 쥔 채 두 번째 락을 요청하기 전까지 기다리는 밀리초",
    "rounds of both locks each thread takes in the fixes":
      "해결책에서 각 스레드가 두 락을 잡는 횟수",
    "microseconds a thread holds its first lock before the second, in the fixes":
      "해결책에서 스레드가 두 번째 락 전에 첫 번째 락을 쥐고 있는 마이크로초",
    "microseconds the timed lock waits for the second lock before it gives up":
      "시간 제한 락이 두 번째 락을 기다리다 포기하기까지의 마이크로초",
    // Descriptors
    "open closed.txt with O_CLOEXEC (off: it survives execve like kept.txt)":
      "closed.txt를 O_CLOEXEC로 엶 (off: kept.txt처럼 execve 뒤에도 남음)",
    "which parts to run": "실행할 부분",
    "lines each of the two writers writes in the offset part":
      "offset 부분에서 두 writer가 각각 쓰는 줄 수",
    "files in the directory ls | wc -l counts": "ls | wc -l이 세는 디렉터리의 파일 수",
    "seconds a forgotten write end stays open in the eof part":
      "eof 부분에서 잊힌 쓰기 끝이 열려 있는 초",
    // IPC
    "which mechanisms to compare": "비교할 메커니즘",
    "bytes per message in the round trips": "왕복에서 메시지 하나의 바이트 수",
    "timed round trips": "시간을 재는 왕복 횟수",
    "bytes per message in the bandwidth test (message queues: at most 8192)":
      "대역폭 측정에서 메시지 하나의 바이트 수 (메시지 큐는 최대 8192)",
    "MiB for the bandwidth test": "대역폭 측정에 보내는 MiB",
    "also time CPython's Pipe() against its Queue on the same messages (lessons/python/ipc-tutorial/pipe_vs_queue.py)":
      "같은 메시지로 CPython의 Pipe()와 Queue도 비교해 잼 (lessons/python/ipc-tutorial/pipe_vs_queue.py)",
    "threads adding to one counter in the lock comparison":
      "락 비교에서 카운터 하나에 더하는 스레드 수",
    "additions per thread in the lock comparison": "락 비교에서 스레드 하나가 더하는 횟수",
    "length-prefix each message (off: show the pipe is a byte stream)":
      "메시지마다 길이를 앞에 붙임 (off: 파이프가 바이트 스트림임을 보여 줌)",
    "numbered messages the child sends after the IPC tutorial's [42, None, 'hello']":
      "IPC 튜토리얼의 [42, None, 'hello'] 다음에 자식이 보내는 번호 붙은 메시지 수",
    "timed round trips per message size": "메시지 크기마다 시간을 재는 왕복 횟수",
    "MiB sent per chunk size in the bandwidth test (less for small chunks)":
      "대역폭 측정에서 조각 크기마다 보내는 MiB (작은 조각은 더 적게)",
    "where parent and child run: as the scheduler likes, pinned to one CPU, or to two":
      "부모와 자식이 도는 곳: 스케줄러 마음대로, CPU 하나에 고정, 또는 두 CPU에 고정",
    "also send [42, None, 'hello'] through CPython's Pipe() (lessons/python/ipc-tutorial/pipe_send_recv.py)":
      "CPython의 Pipe()로도 [42, None, 'hello']를 보냄 (lessons/python/ipc-tutorial/pipe_send_recv.py)",
    "producer processes": "생산자 프로세스 수",
    "consumer processes": "소비자 프로세스 수",
    "items per producer": "생산자 하나당 항목 수",
    "capacity of the bounded queue that makes the producer wait":
      "생산자를 기다리게 하는 유한 큐의 용량",
    "seconds the slow consumer spends on each item (bounded part)":
      "느린 소비자가 항목 하나에 쓰는 초 (bounded 부분)",
    "seconds put/get wait before raising Full/Empty":
      "put/get이 Full/Empty를 일으키기 전에 기다리는 초",
    "messages in the throughput comparison with a pipe": "파이프와 처리량을 비교할 때의 메시지 수",
    "also run the IPC tutorial's queues in CPython (lessons/python/ipc-tutorial/queue_kinds.py)":
      "IPC 튜토리얼의 큐를 CPython으로도 실행 (lessons/python/ipc-tutorial/queue_kinds.py)",
    "worker processes that want in": "들어가려는 작업 프로세스 수",
    "the semaphore's initial value: how many may be inside at once":
      "세마포어의 초깃값: 한꺼번에 안에 있을 수 있는 수",
    "seconds each worker stays inside": "작업 프로세스 하나가 안에 머무는 초",
    "seconds acquire(timeout=…) waits on a semaphore at 0":
      "값이 0인 세마포어에서 acquire(timeout=…)가 기다리는 초",
    "worker processes, each adding to the shared counter":
      "공유 카운터에 각자 더하는 작업 프로세스 수",
    "additions per process (the IPC tutorial: 50000000)":
      "프로세스 하나가 더하는 횟수 (IPC 튜토리얼: 50000000)",
    "how the increments are synchronised": "증가를 동기화하는 방법",
    "runs of each variant; above 1 a histogram of lost updates is shown":
      "방법마다 실행하는 횟수. 1보다 크면 잃어버린 갱신의 히스토그램을 보여 줌",
    "also run the IPC tutorial's assignment in CPython (lessons/python/ipc-tutorial/shm_assignment.py, needs numpy)":
      "IPC 튜토리얼의 과제를 CPython으로도 실행 (lessons/python/ipc-tutorial/shm_assignment.py, numpy 필요)",
    // Inside
    "pool: the GIL tutorial's Pool(3).map over 10 tasks; queue: the IPC tutorial's queues":
      "pool: GIL 튜토리얼의 작업 10개에 대한 Pool(3).map, queue: IPC 튜토리얼의 큐",
    "how multiprocessing starts its processes": "multiprocessing이 프로세스를 시작하는 방법",
    "seconds each of the Pool's tasks sleeps": "Pool의 작업 하나가 자는 초",
    // Memory
    "MiB the parent maps and writes before it forks the writing children":
      "쓰는 자식들을 fork하기 전에 부모가 매핑하고 쓰는 MiB",
    "percent of the region's pages a child writes, one child for each":
      "자식이 쓰는 영역 페이지의 백분율, 값마다 자식 하나",
    "faults: the writing children; fork: fork, vfork, exec and posix_spawn timed by size":
      "faults: 쓰는 자식들, fork: 크기별로 잰 fork, vfork, exec, posix_spawn",
    "MiB the parent has written when the ways of starting a child are timed":
      "자식을 시작하는 방법들을 잴 때 부모가 써 둔 MiB",
    "timed runs of each way at each size": "크기마다 방법마다 시간을 재는 실행 횟수",
    // Parallel
    "steps each worker counts down (the tutorial used 100,000,000)":
      "작업자 하나가 거꾸로 세는 걸음 수 (튜토리얼은 100,000,000)",
    "threads and processes": "스레드와 프로세스 수",
    "runs of each Swift row (median)": "Swift 행마다 실행하는 횟수 (중앙값)",
    "also run lessons/python/gil-tutorial/countdown.py in CPython when python3 is on PATH":
      "PATH에 python3가 있으면 lessons/python/gil-tutorial/countdown.py도 CPython으로 실행",
    "CPython counts down n ÷ this, to stay interactive":
      "CPython은 기다림이 길지 않도록 n ÷ 이 값만큼 거꾸로 셈",
    "seconds of CPU work in each task": "작업 하나의 CPU 작업 초",
    "seconds shown in the close-up timelines": "확대한 타임라인에 보이는 초",
    "schedule: the GIL tutorial's Pool(3).map; apply: the pool tutorial's apply; overhead: cost of a task":
      "schedule: GIL 튜토리얼의 Pool(3).map, apply: pool 튜토리얼의 apply, overhead: 작업 하나의 비용",
    "worker processes or threads (schedule and apply)":
      "작업 프로세스나 스레드 수 (schedule과 apply)",
    "pool size; 0: the tutorial's (3 for schedule, 4 for apply, usable CPUs for overhead)":
      "풀 크기. 0이면 튜토리얼의 값 (schedule은 3, apply는 4, overhead는 쓸 수 있는 CPU 수)",
    "tasks; 0: the tutorial's (10 for schedule, 4 for apply)":
      "작업 수. 0이면 튜토리얼의 값 (schedule은 10, apply는 4)",
    "seconds each task lasts (the tutorials used 1)": "작업 하나가 걸리는 초 (튜토리얼은 1)",
    "tasks handed to a worker at a time by map": "map이 작업자에게 한 번에 넘기는 작업 수",
    "sleep like the tutorials' time.sleep, or keep a CPU busy":
      "튜토리얼의 time.sleep처럼 잠들기, 또는 CPU를 계속 바쁘게 하기",
    "also run the lessons' Python program (lessons/python) when python3 is on PATH":
      "PATH에 python3가 있으면 레슨의 파이썬 프로그램(lessons/python)도 실행",
    "pool size; 0 means one per usable CPU, like ProcessPoolExecutor()":
      "풀 크기. 0이면 ProcessPoolExecutor()처럼 쓸 수 있는 CPU마다 하나",
    "timed runs of each way": "방법마다 시간을 재는 실행 횟수",
    "which ways to run": "실행할 방법",
    "also run lessons/python/process-tutorial/primes.py (serial and ProcessPoolExecutor) when python3 is on PATH":
      "PATH에 python3가 있으면 lessons/python/process-tutorial/primes.py(직렬과 ProcessPoolExecutor)도 실행",
    "CPython's list: small (each number ÷ 100, about 0.5 s) or full, the tutorial's (about 3 s more)":
      "CPython의 목록: small(수마다 ÷ 100, 약 0.5초) 또는 튜토리얼의 full(약 3초 더)",
    "seconds per time unit of the schedule": "일정의 시간 단위 하나의 초",
    "include an event that runs for 1.5 units, to show nothing interrupts it":
      "1.5단위 동안 도는 이벤트를 넣어, 아무것도 그것을 끊지 않음을 보여 줌",
    // Processes
    "how many children": "자식 수",
    "how many lines to feed sort": "sort에 넣을 줄 수",
    "also ask a CPython child (lessons/python/process-tutorial/ids.py) for its ids, as the process tutorial does":
      "process 튜토리얼처럼 CPython 자식(lessons/python/process-tutorial/ids.py)에게도 id를 물음",
    "seconds the parent leaves the zombie unreaped": "부모가 좀비를 거두지 않고 두는 초",
    "make the demo process a child subreaper, so it adopts (and reaps) the orphan":
      "데모 프로세스를 child subreaper로 만들어 고아를 입양하고 거두게 함",
    "also run the tutorial's example in CPython (lessons/python) when python3 is on PATH":
      "PATH에 python3가 있으면 튜토리얼의 예제(lessons/python)도 CPython으로 실행",
    "which ways of starting to time": "시간을 잴 시작 방법",
    "timed runs after the warm-up": "예열 뒤 시간을 재는 실행 횟수",
    "seconds each run should take at least (the loop count is picked to reach it)":
      "실행 한 번이 적어도 걸려야 하는 초 (그에 맞게 반복 횟수를 고름)",
    "MiB the demo process writes before timing fork once more (0: do not)":
      "fork를 한 번 더 재기 전에 데모 프로세스가 쓰는 MiB (0: 쓰지 않음)",
    // Scheduling
    "the nice value of the second spinner": "두 번째 스피너의 nice 값",
    "seconds in each timed run": "시간을 재는 실행 한 번의 초",
    "timed runs of each part": "부분마다 시간을 재는 실행 횟수",
    // Signals
    "which parts of the demo to run": "실행할 데모의 부분",
    "timed kill() → handler deliveries after the warm-up":
      "예열 뒤 시간을 재는 kill() → 핸들러 전달 횟수",
    "children the SIGCHLD parent forks": "SIGCHLD 부모가 fork하는 자식 수",
    // Threads
    "threads to start and join": "시작하고 join할 스레드 수",
    "seconds between the worker's \"do Overwork\" lines":
      "작업 스레드의 \"do Overwork\" 줄 사이의 초",
    "seconds before the flag is set for you (Enter sets it sooner)":
      "플래그가 대신 세워지기까지의 초 (Enter를 누르면 더 일찍 섬)",
    "also run the process tutorial's stop-flag worker in CPython (lessons/python/process-tutorial/thread_stop_flag.py)":
      "process 튜토리얼의 멈춤 플래그 작업 스레드를 CPython으로도 실행 (lessons/python/process-tutorial/thread_stop_flag.py)",
    "the value written": "쓰는 값",
    // Timing
    "which rows to time": "시간을 잴 행",
    "seconds each run should take at least": "실행 한 번이 적어도 걸려야 하는 초",
    "also time the tutorial's eight ways in CPython (lessons/python/process-tutorial/timeit_collections.py)":
      "튜토리얼의 여덟 가지 방법을 CPython으로도 잼 (lessons/python/process-tutorial/timeit_collections.py)",
  ]
}
