// `proclab trace`'s own texts: why a run was stopped, the notes on how it was observed, why a
// command could not start, and the labels of the trace's metrics on the screen. The tables'
// titles, column names and cells stay as they are in both languages: they are the report's data
// (JSON), which lesson rules, exercises' checks and grading read by name.
extension Messages {
  static let trace: [Message] = [
    Message(
      "demo.trace.stop.timeout",
      en: "stopped after the time budget of {seconds} s: every process it started was killed",
      ko: "시간 예산 {seconds}초가 지나 멈췄습니다. 이 프로그램이 시작한 프로세스를 모두 종료했습니다"),
    Message(
      "demo.trace.stop.processLimit",
      en:
        "stopped at more than {count} processes (a fork bomb?): every process it started was killed",
      ko: "프로세스가 {count}개를 넘어 멈췄습니다(fork 폭탄일까요?). 이 프로그램이 시작한 프로세스를 모두 종료했습니다"),
    Message(
      "demo.trace.stop.interrupted",
      en: "interrupted (Ctrl-C): every process it started was killed",
      ko: "중단했습니다(Ctrl-C). 이 프로그램이 시작한 프로세스를 모두 종료했습니다"),
    Message(
      "demo.trace.note.ptrace",
      en:
        "Traced with ptrace: every fork, vfork, clone, exec and exit, exactly. Zombie times run from the exit to the reap, checked every 1 ms while a zombie waits.",
      ko:
        "ptrace로 추적했습니다. fork, vfork, clone, exec, exit를 하나도 빠짐없이 정확히 봅니다. 좀비 시간은 종료부터 거두어질 때까지이며, 좀비가 기다리는 동안 1ms마다 확인합니다."
    ),
    Message(
      "demo.trace.note.polling",
      en:
        "{reason}; /proc was polled every 1 ms instead: processes shorter than that may be missed, start, exit and reap times are ±1 ms, and exit statuses are known only for the processes ProcLab reaped.",
      ko:
        "{reason}. 대신 /proc을 1ms마다 읽었습니다. 그보다 짧게 사는 프로세스는 놓칠 수 있고, 시작·종료·거두기 시각은 ±1ms이며, 종료 상태는 ProcLab이 거둔 프로세스의 것만 압니다."
    ),
    Message(
      "demo.trace.note.subreaper",
      en:
        "ProcLab (pid {pid}) is a child subreaper: orphans are re-parented to it, not to init, and it reaps them.",
      ko:
        "ProcLab(pid {pid})은 자식 서브리퍼(child subreaper)입니다. 고아 프로세스는 init이 아니라 ProcLab의 자식이 되고, ProcLab이 거둡니다."
    ),
    Message(
      "demo.trace.reason.ptraceRefused",
      en:
        "ptrace is not allowed here (PTRACE_TRACEME: {error}): Yama ptrace_scope, seccomp or a container",
      ko:
        "여기서는 ptrace가 허용되지 않습니다(PTRACE_TRACEME: {error}). Yama ptrace_scope, seccomp 또는 컨테이너 때문입니다"),
    Message(
      "demo.trace.reason.pollingForced",
      en: "ptrace turned off (PROCLAB_TRACE_POLL)",
      ko: "ptrace를 껐습니다(PROCLAB_TRACE_POLL)"),
    Message(
      "demo.trace.reason.seccompRefused",
      en: "the seccomp filter could not be installed ({error})",
      ko: "seccomp 필터를 설치할 수 없었습니다({error})"),
    Message(
      "demo.trace.reason.noSeccompWithoutPtrace",
      en: "no seccomp filter without ptrace",
      ko: "ptrace 없이는 seccomp 필터도 쓰지 않습니다"),
    Message(
      "demo.trace.note.bytesUncounted",
      en:
        "Bytes not measured: the reads and writes of process {pids} could not be trapped when it first held a pipe or socket, so the byte counts are left out.",
      ko:
        "바이트 수를 재지 못했습니다. 프로세스 {pids}가 파이프나 소켓을 처음 쥐었을 때 그 read와 write를 멈출 수 없어서 바이트 수를 뺐습니다."
    ),
    Message(
      "demo.trace.note.ipcSeccomp",
      en:
        "Pipes, sockets and IPC objects: a seccomp filter stops the program only at pipe, socketpair, socket, connect, accept, mq_open, mq_unlink, link, unlink, the opens that may create (O_CREAT, O_NOFOLLOW: shm_open, sem_open) and the reads and writes of each process from when it first holds one of the program's pipes or sockets (made, accepted or inherited), of which only those on them wait for their result (the bytes each process wrote and read); who holds which end is read from /proc/<pid>/fd at each fork, exec and exit, and who talks to whom over a Unix, TCP or UDP socket from the kernel's sock_diag.",
      ko:
        "파이프, 소켓, IPC 객체: seccomp 필터가 pipe, socketpair, socket, connect, accept, mq_open, mq_unlink, link, unlink, 무언가를 만들 수 있는 open(O_CREAT, O_NOFOLLOW: shm_open, sem_open), 그리고 read와 write에서만 프로그램을 멈춥니다. read와 write는 프로세스가 프로그램의 파이프나 소켓을 처음 쥔 때(만들거나 accept하거나 물려받은 때)부터만 멈추고, 그 파이프와 소켓에서만 결과까지 기다립니다(프로세스마다 쓰고 읽은 바이트 수). 어느 프로세스가 어느 끝을 쥐고 있는지는 fork, exec, exit 때마다 /proc/<pid>/fd에서, 유닉스·TCP·UDP 소켓으로 누가 누구와 이야기하는지는 커널의 sock_diag에서 읽습니다."
    ),
    Message(
      "demo.trace.note.ipcScan",
      en:
        "{reason}: pipes, sockets, /dev/shm objects and message queues were found by reading /proc/<pid>/fd and maps at events and every 50 ms, so those made and closed between two looks are missed (a queue opened and closed at once among them), an object counts as made when it was not there at the start, and bytes per pipe and who talks to whom are not counted.",
      ko:
        "{reason}. 파이프, 소켓, /dev/shm 객체, 메시지 큐는 이벤트 때와 50ms마다 /proc/<pid>/fd와 maps를 읽어 찾았습니다. 두 번 보는 사이에 만들어지고 닫힌 것은 놓치며(열자마자 닫은 메시지 큐도), 시작할 때 없던 객체를 이 실행이 만든 것으로 칩니다. 파이프별 바이트 수와 누가 누구와 이야기하는지는 세지 않습니다."
    ),
    Message(
      "demo.trace.note.waitsHidden",
      en: "/proc/<pid>/task/<tid>/syscall could not be read: blocked readers not seen.",
      ko: "/proc/<pid>/task/<tid>/syscall을 읽을 수 없어, 읽다가 막힌 쪽을 보지 못했습니다."),
    Message(
      "demo.trace.note.removed",
      en: "Left behind and removed by ProcLab: {objects}.",
      ko: "남겨져 있어 ProcLab이 지운 것: {objects}."),
    Message(
      "demo.trace.startFailure.exec",
      en: "cannot run '{program}': {error}",
      ko: "'{program}'을(를) 실행할 수 없습니다: {error}"),
    Message(
      "demo.trace.startFailure.fork",
      en: "cannot fork: {error}",
      ko: "fork할 수 없습니다: {error}"),
    Message(
      "demo.trace.startFailure.pipes",
      en: "cannot make pipes for the command's output",
      ko: "명령의 출력을 받을 파이프를 만들 수 없습니다"),
  ]
}
