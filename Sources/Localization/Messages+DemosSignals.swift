// The signals demo's own texts: headings, table titles, column names, the cells drawn for a
// reader and the notes made from live numbers. Signal names, call names and metric values stay
// the same in both languages (lesson rules compare the values).
extension Messages {
  static let demosSignals: [Message] = [
    Message("demo.signals.yes", en: "yes", ko: "예"),
    Message("demo.signals.no", en: "no", ko: "아니요"),
    Message("demo.signals.none", en: "none", ko: "없음"),

    // kill and sigaction
    Message(
      "demo.signals.heading.kill", en: "kill() in one process, a handler in the other",
      ko: "한 프로세스의 kill(), 다른 프로세스의 핸들러"),
    Message(
      "demo.signals.kill.title", en: "Signals sent by the demo, handled (or not) by a child",
      ko: "데모가 보내고 자식이 처리한(또는 처리하지 못한) 시그널"),
    Message("demo.signals.column.call", en: "call", ko: "호출"),
    Message("demo.signals.column.child", en: "child's handler", ko: "자식의 핸들러"),
    Message("demo.signals.column.seen", en: "result", ko: "결과"),
    Message("demo.signals.kill.caught", en: "ran", ko: "실행됨"),
    Message("demo.signals.kill.noHandler", en: "none installed", ko: "설치하지 않음"),
    Message("demo.signals.kill.sender", en: "sender si_pid {pid}", ko: "보낸 쪽 si_pid {pid}"),
    Message(
      "demo.signals.kill.note.one",
      en:
        "The demo (pid {demo}) called kill() twice; the child {child}'s handler ran {count} time, in the child, and read the sender's pid from its siginfo_t: {demo}.",
      ko:
        "데모(pid {demo})가 kill()을 두 번 호출했고, 자식 {child}의 핸들러가 자식 안에서 {count}번 실행되었습니다. 핸들러는 siginfo_t에서 보낸 쪽의 pid({demo})를 읽었습니다."
    ),
    Message(
      "demo.signals.kill.note.other",
      en:
        "The demo (pid {demo}) called kill() twice; the child {child}'s handlers ran {count} times, in the child, and each read the sender's pid from its siginfo_t: {demo}.",
      ko:
        "데모(pid {demo})가 kill()을 두 번 호출했고, 자식 {child}의 핸들러가 자식 안에서 {count}번 실행되었습니다. 핸들러는 siginfo_t에서 보낸 쪽의 pid({demo})를 읽었습니다."
    ),
    Message(
      "demo.signals.kill.default",
      en:
        "A child that installed no handler was {status}: SIGUSR1's default action ends the process.",
      ko: "핸들러를 설치하지 않은 자식의 결과: {status}. SIGUSR1의 기본 동작은 프로세스를 끝내는 것입니다."),

    // latency
    Message(
      "demo.signals.heading.latency", en: "How long a signal takes to arrive",
      ko: "시그널이 도착하는 데 걸리는 시간"),
    Message(
      "demo.signals.latency.progress", en: "sending SIGUSR1", ko: "SIGUSR1 보내는 중"),
    Message(
      "demo.signals.latency.label", en: "kill() → handler", ko: "kill() → 핸들러"),
    Message(
      "demo.signals.latency.title",
      en: "Signal delivery latency: kill() to the handler's first line, {count} sends",
      ko: "시그널 전달 지연: kill()부터 핸들러의 첫 줄까지, {count}번 보냄"),
    Message(
      "demo.signals.latency.note",
      en:
        "Each send was timed alone, from the monotonic clock just before kill() to the clock read first thing in the other process's handler, after {warmup} untimed sends. Single sends: median {median}, fastest {min}, slowest {max}; the table groups them in runs of {loops}. The sleeping child has to be woken and scheduled, which is most of it.",
      ko:
        "시간을 재지 않은 {warmup}번을 먼저 보낸 뒤, 한 번씩 따로 쟀습니다. kill() 직전에 읽은 단조 시계(monotonic clock)부터 다른 프로세스의 핸들러가 맨 먼저 읽은 시계까지입니다. 한 번씩 보낸 것의 중앙값은 {median}, 가장 빠른 것은 {min}, 가장 느린 것은 {max}이며, 표는 {loops}번씩 묶어 보여 줍니다. 대부분은 잠든 자식을 깨워 CPU에 올리는 시간입니다."
    ),

    // mask
    Message(
      "demo.signals.heading.mask", en: "Blocked and pending signals",
      ko: "막힌(blocked) 시그널과 대기 중인(pending) 시그널"),
    Message(
      "demo.signals.mask.title", en: "/proc/{pid}/status, read live at each step",
      ko: "/proc/{pid}/status를 단계마다 실시간으로 읽음"),
    Message("demo.signals.column.moment", en: "step", ko: "단계"),
    Message("demo.signals.column.handler", en: "handler ran", ko: "핸들러 실행"),
    Message("demo.signals.mask.blocked", en: "SIG_BLOCK", ko: "SIG_BLOCK"),
    Message("demo.signals.mask.sent", en: "kill() ×4", ko: "kill() ×4"),
    Message("demo.signals.mask.unblocked", en: "SIG_UNBLOCK", ko: "SIG_UNBLOCK"),
    Message(
      "demo.signals.mask.ran", en: "USR1 ×{usr1}, USR2 ×{usr2}", ko: "USR1 ×{usr1}, USR2 ×{usr2}"),
    Message(
      "demo.signals.mask.footer",
      en:
        "SIG_BLOCK, SIG_UNBLOCK: the child's sigprocmask() calls; kill() ×4: SIGUSR1 three times and SIGUSR2 once, from the demo. SigBlk: the thread's blocked set; SigPnd: pending for the thread; ShdPnd: pending for the whole process (where kill() puts a signal). Each is a hexadecimal bit mask, decoded here.",
      ko:
        "SIG_BLOCK, SIG_UNBLOCK: 자식의 sigprocmask() 호출, kill() ×4: 데모가 보낸 SIGUSR1 세 번과 SIGUSR2 한 번. SigBlk: 스레드가 막은 집합, SigPnd: 그 스레드에 대기 중, ShdPnd: 프로세스 전체에 대기 중(kill()이 시그널을 두는 곳). 모두 16진수 비트 마스크이며 여기서 이름으로 풀었습니다."
    ),
    Message(
      "demo.signals.mask.note.one",
      en:
        "While blocked, the signals waited as pending ({pending}; for the process: {shared}) and no handler ran. Three SIGUSR1 made one pending bit, not three: after unblocking, the SIGUSR1 handler ran {count} time.",
      ko:
        "막혀 있는 동안 시그널은 대기 상태({pending}, 프로세스 전체 대기: {shared})로 기다렸고 핸들러는 실행되지 않았습니다. SIGUSR1을 세 번 보냈지만 대기 비트는 셋이 아니라 하나였습니다. 막기를 풀자 SIGUSR1 핸들러는 {count}번 실행되었습니다."
    ),
    Message(
      "demo.signals.mask.note.other",
      en:
        "While blocked, the signals waited as pending ({pending}; for the process: {shared}) and no handler ran. After unblocking, the SIGUSR1 handler ran {count} times for three sends.",
      ko:
        "막혀 있는 동안 시그널은 대기 상태({pending}, 프로세스 전체 대기: {shared})로 기다렸고 핸들러는 실행되지 않았습니다. 막기를 풀자 세 번 보낸 SIGUSR1에 대해 핸들러가 {count}번 실행되었습니다."
    ),

    // SIGCHLD
    Message(
      "demo.signals.heading.sigchld", en: "SIGCHLD: who reaps the children",
      ko: "SIGCHLD: 누가 자식을 회수하는가"),
    Message(
      "demo.signals.sigchld.title.one",
      en: "A parent forks {count} child that exits at once, three ways",
      ko: "곧바로 끝나는 자식 {count}개를 fork하는 부모, 세 가지 방식"),
    Message(
      "demo.signals.sigchld.title.other",
      en: "A parent forks {count} children that exit at once, three ways",
      ko: "곧바로 끝나는 자식 {count}개를 fork하는 부모, 세 가지 방식"),
    Message("demo.signals.column.disposition", en: "SIGCHLD", ko: "SIGCHLD"),
    Message("demo.signals.column.reapedBy", en: "reaped by", ko: "회수한 쪽"),
    Message("demo.signals.column.zombies", en: "zombies (Z)", ko: "좀비(Z)"),
    Message(
      "demo.signals.sigchld.handler", en: "a handler that reaps", ko: "회수하는 핸들러"),
    Message(
      "demo.signals.sigchld.byHandler", en: "the handler: {children} in {runs}",
      ko: "핸들러: {runs} 실행으로 {children}"),
    Message(
      "demo.signals.sigchld.byKernel", en: "the kernel; waitpid failed with {errno}",
      ko: "커널. waitpid는 {errno}로 실패"),
    Message(
      "demo.signals.sigchld.byNobody", en: "nobody: the parent never waits",
      ko: "아무도 없음: 부모가 기다리지 않음"),
    Message(
      "demo.signals.sigchld.footer",
      en: "Zombies counted from /proc: the parent's children in state Z when it reported.",
      ko: "좀비 수는 /proc에서 셌습니다. 부모가 보고한 시점에 상태가 Z인 그 부모의 자식입니다."),
    Message(
      "demo.signals.sigchld.note.one",
      en:
        "The handler ran {count} time for {children} and reaped {reaped}: SIGCHLD does not queue, so one run may stand for several children, and the handler calls waitpid(-1, WNOHANG) until none is left.",
      ko:
        "{children}에 핸들러는 {count}번 실행되어 {reaped}개를 회수했습니다. SIGCHLD는 쌓이지 않아서 한 번의 실행이 여러 자식을 대신할 수 있으므로, 핸들러는 남은 자식이 없을 때까지 waitpid(-1, WNOHANG)를 부릅니다."
    ),
    Message(
      "demo.signals.sigchld.note.other",
      en:
        "The handler ran {count} times for {children} and reaped {reaped}: SIGCHLD does not queue, so one run may stand for several children, and the handler calls waitpid(-1, WNOHANG) until none is left.",
      ko:
        "{children}에 핸들러는 {count}번 실행되어 {reaped}개를 회수했습니다. SIGCHLD는 쌓이지 않아서 한 번의 실행이 여러 자식을 대신할 수 있으므로, 핸들러는 남은 자식이 없을 때까지 waitpid(-1, WNOHANG)를 부릅니다."
    ),
    Message(
      "demo.signals.sigchld.ignored",
      en:
        "With SIGCHLD set to SIG_IGN, waitpid waited until every child had ended and then failed with {errno}: the kernel had reaped them itself, and there was no status left to collect.",
      ko:
        "SIGCHLD를 SIG_IGN으로 두자 waitpid는 자식이 모두 끝날 때까지 기다린 뒤 {errno}로 실패했습니다. 커널이 직접 회수했으므로 받아 갈 종료 상태가 남아 있지 않았습니다."
    ),

    // SIGTERM and SIGKILL
    Message(
      "demo.signals.heading.term", en: "SIGTERM can be handled; SIGKILL cannot",
      ko: "SIGTERM은 처리할 수 있고 SIGKILL은 처리할 수 없습니다"),
    Message(
      "demo.signals.term.title", en: "Three children, three endings",
      ko: "자식 셋, 끝 셋"),
    Message("demo.signals.column.sent", en: "sent", ko: "보낸 시그널"),
    Message("demo.signals.column.handlerInstalled", en: "handler?", ko: "핸들러?"),
    Message("demo.signals.column.handlerDid", en: "what the handler did", ko: "핸들러가 한 일"),
    Message(
      "demo.signals.term.tidied", en: "flag set, tidied up, _exit(0)",
      ko: "플래그, 정리, _exit(0)"),
    Message("demo.signals.term.ran", en: "ran", ko: "실행됨"),
    Message("demo.signals.term.never", en: "never ran", ko: "실행되지 않음"),
    Message(
      "demo.signals.term.note",
      en:
        "The child that handled SIGTERM chose its own ending: waitpid says it {status}, not that a signal killed it.",
      ko:
        "SIGTERM을 처리한 자식은 스스로 끝을 정했습니다. waitpid가 알려 준 결과는 시그널에 의한 죽음이 아니라 {status}입니다."
    ),
    Message(
      "demo.signals.term.kill",
      en:
        "SIGKILL (and SIGSTOP) cannot be caught, blocked or ignored: the kernel ends the process without running any of its code, so it cannot tidy up.",
      ko:
        "SIGKILL(그리고 SIGSTOP)은 잡을 수도, 막을 수도, 무시할 수도 없습니다. 커널이 프로세스의 코드를 하나도 실행하지 않고 끝내므로 정리할 기회가 없습니다."
    ),

    // Ctrl-C and process groups
    Message(
      "demo.signals.heading.ctrlc", en: "What Ctrl-C does: SIGINT to a process group",
      ko: "Ctrl-C가 하는 일: 프로세스 그룹에 보내는 SIGINT"),
    Message(
      "demo.signals.ctrlc.title", en: "killpg({group}, SIGINT), as a terminal does on Ctrl-C",
      ko: "터미널이 Ctrl-C에 하듯 killpg({group}, SIGINT)"),
    Message("demo.signals.column.process", en: "process", ko: "프로세스"),
    Message("demo.signals.column.caught", en: "caught", ko: "받은 시그널"),
    Message(
      "demo.signals.ctrlc.leader", en: "group leader (setpgid(0, 0))",
      ko: "그룹 리더(setpgid(0, 0))"),
    Message(
      "demo.signals.ctrlc.member", en: "member (joined the leader's group)",
      ko: "구성원(리더의 그룹에 들어감)"),
    Message(
      "demo.signals.ctrlc.ownGroup", en: "a group of its own", ko: "자기만의 그룹"),
    Message("demo.signals.ctrlc.demo", en: "this demo", ko: "이 데모"),
    Message(
      "demo.signals.ctrlc.parent", en: "the demo's parent (ProcLab)",
      ko: "데모의 부모(ProcLab)"),
    Message(
      "demo.signals.ctrlc.footer",
      en:
        "Your terminal was not touched: the demo played the terminal's part with killpg() on groups it made.",
      ko: "여러분의 터미널은 건드리지 않았습니다. 데모가 직접 만든 그룹에 killpg()를 호출해 터미널의 역할을 대신했습니다."
    ),
    Message(
      "demo.signals.ctrlc.note",
      en:
        "One killpg() reached every process of group {group}: {count} caught SIGINT. The child in a group of its own ({other}) got nothing. Ctrl-C works the same way: the terminal sends SIGINT to its foreground process group, not to one process.",
      ko:
        "killpg() 한 번이 그룹 {group}의 모든 프로세스에 닿아 {count}개가 SIGINT를 받았습니다. 자기만의 그룹에 있는 자식({other})은 아무것도 받지 않았습니다. Ctrl-C도 이렇게 동작합니다. 터미널은 프로세스 하나가 아니라 포그라운드(foreground) 프로세스 그룹에 SIGINT를 보냅니다."
    ),
    Message(
      "demo.signals.ctrlc.proclab",
      en:
        "This demo runs in process group {demo}, not in its parent's group {parent}: ProcLab starts each demo in a group of its own, so a Ctrl-C at your terminal reaches ProcLab, which then decides what to send the demo.",
      ko:
        "이 데모는 부모와 다른 프로세스 그룹에서 실행됩니다(데모 {demo}, 부모 {parent}). ProcLab은 데모마다 따로 그룹을 만들어 시작하므로, 터미널에서 누른 Ctrl-C는 ProcLab에 닿고, 데모에 무엇을 보낼지는 ProcLab이 정합니다."
    ),

    // async-signal-safe
    Message(
      "demo.signals.heading.safe", en: "What a handler may call",
      ko: "핸들러가 부를 수 있는 것"),
    Message(
      "demo.signals.safe.title", en: "Async-signal-safe or not (POSIX, signal-safety(7))",
      ko: "비동기 시그널 안전(async-signal-safe)인가 아닌가(POSIX, signal-safety(7))"),
    Message("demo.signals.column.safe", en: "safe?", ko: "안전?"),
    Message("demo.signals.column.why", en: "why", ko: "이유"),
    Message(
      "demo.signals.safe.write", en: "a system call: no lock, no buffer",
      ko: "시스템 호출: 잠금도 버퍼도 없음"),
    Message(
      "demo.signals.safe.exitNow", en: "ends at once, runs nothing of the program",
      ko: "즉시 끝남. 프로그램의 코드를 실행하지 않음"),
    Message(
      "demo.signals.safe.syscall", en: "system calls; how a SIGCHLD handler reaps",
      ko: "시스템 호출. SIGCHLD 핸들러의 회수 수단"),
    Message(
      "demo.signals.safe.clock", en: "how this demo's handler timed the delivery",
      ko: "이 데모의 핸들러가 전달 시간을 잰 방법"),
    Message(
      "demo.signals.safe.flag", en: "set a flag, let the main loop do the work",
      ko: "플래그만 세우고 일은 주 루프에 맡김"),
    Message(
      "demo.signals.safe.printf", en: "stdio's buffer and lock may be mid-update",
      ko: "stdio의 버퍼와 잠금이 고치던 도중일 수 있음"),
    Message(
      "demo.signals.safe.malloc", en: "the interrupted code may hold the heap lock",
      ko: "중단된 코드가 힙 잠금을 쥐고 있을 수 있음"),
    Message(
      "demo.signals.safe.exit", en: "runs atexit handlers and flushes stdio",
      ko: "atexit 핸들러를 실행하고 stdio를 비움"),
    Message(
      "demo.signals.safe.mutex", en: "held by the interrupted code: waits forever",
      ko: "중단된 코드가 쥐고 있으면 영원히 기다림"),
    Message(
      "demo.signals.safe.footer",
      en: "Every handler in this demo makes only calls from the rows marked “yes”.",
      ko: "이 데모의 핸들러는 모두 “예” 행의 호출만 사용합니다."),
    Message(
      "demo.signals.safe.note",
      en:
        "A handler runs in the middle of whatever the process was doing, perhaps inside malloc or printf with their lock held. If it calls the same function, it waits for a lock that the code it interrupted can never release: the process hangs. So a handler only sets a volatile sig_atomic_t flag or writes to a pipe, and the main loop does the rest.",
      ko:
        "핸들러는 프로세스가 하던 일의 한가운데에서 실행됩니다. malloc이나 printf 안에서 잠금을 쥔 채일 수도 있습니다. 핸들러가 같은 함수를 부르면, 중단된 코드가 결코 풀 수 없는 잠금을 기다리게 되어 프로세스가 멈춥니다. 그래서 핸들러는 volatile sig_atomic_t 플래그를 세우거나 파이프에 쓰기만 하고, 나머지는 주 루프가 합니다."
    ),
    Message(
      "demo.signals.safe.python",
      en:
        "Python does exactly that for you: CPython's own C handler only records the signal, and the function given to signal.signal() runs later, in the main thread, between two bytecodes. That is why any Python code may go in it.",
      ko:
        "파이썬은 바로 이것을 대신 해 줍니다. CPython의 C 핸들러는 시그널을 기록만 하고, signal.signal()에 넘긴 함수는 나중에 주 스레드에서 바이트코드 사이에 실행됩니다. 그래서 그 안에는 어떤 파이썬 코드든 넣을 수 있습니다."
    ),
  ]
}
