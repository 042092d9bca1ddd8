// The condvar and deadlock demos' own texts (lesson conditions-and-deadlock): headings, table
// titles, column names, cells and notes. Metric values stay in English (lesson rules compare
// them: `wait_for` is "thread 1 → lock B → …" in both languages).
extension Messages {
  static let demosConditions: [Message] = [
    // condvar
    Message(
      "demo.condvar.heading", en: "A bounded buffer: one mutex, two condition variables",
      ko: "유한 버퍼(bounded buffer): 뮤텍스 하나, 조건 변수 둘"),
    Message(
      "demo.condvar.title",
      en: "{producers} producers, {consumers} consumers, {items} items through {capacity} slots",
      ko: "생산자 {producers}개, 소비자 {consumers}개, 항목 {items}개가 칸 {capacity}개를 지나감"),
    Message("demo.condvar.column.run", en: "run", ko: "실행"),
    Message("demo.condvar.column.taken", en: "taken", ko: "꺼낸 수"),
    Message("demo.condvar.column.once", en: "once", ko: "한 번씩"),
    Message("demo.condvar.column.wokeEmpty", en: "woke empty", ko: "깨어 보니 빔"),
    Message("demo.condvar.column.tookEmpty", en: "took empty", ko: "빈 데서 꺼냄"),
    Message("demo.condvar.column.rate", en: "items/s", ko: "항목/초"),
    Message("demo.condvar.yes", en: "yes", ko: "예"),
    Message("demo.condvar.no", en: "NO", ko: "아니요"),
    Message("demo.condvar.rate", en: "{n}/s", ko: "초당 {n}"),
    // A count said with its word: "1 time", "5 times" (Korean: one form, 번).
    Message("demo.count.times.one", en: "{count} time", ko: "{count}번"),
    Message("demo.count.times.other", en: "{count} times", ko: "{count}번"),
    Message("demo.count.children.one", en: "{count} child", ko: "자식 {count}개"),
    Message("demo.count.children.other", en: "{count} children", ko: "자식 {count}개"),
    Message("demo.count.runs.one", en: "{count} run", ko: "{count}번"),
    Message("demo.count.runs.other", en: "{count} runs", ko: "{count}번"),
    Message(
      "demo.condvar.note.while",
      en:
        "With while, all {items} items were taken exactly once. Consumers woke {woke} to an empty buffer (another consumer had taken the item first); each checked again and went back to waiting. Threads waited {waits} in all.",
      ko:
        "while로 다시 확인하니 항목 {items}개가 모두 정확히 한 번씩 꺼내졌습니다. 소비자는 {woke} 깨어나 빈 버퍼를 보았지만(다른 소비자가 먼저 꺼냈습니다), 그때마다 다시 확인하고 다시 기다렸습니다. 스레드가 기다린 횟수는 모두 {waits}입니다."
    ),
    Message(
      "demo.condvar.note.whileShort",
      en:
        "With while, the run stopped short of {items} items (it hit ProcLab's time limit): consumers woke {woke} to an empty buffer; threads waited {waits} in all.",
      ko:
        "while 실행이 항목 {items}개를 다 옮기기 전에 ProcLab의 시간 한도에 걸려 멈췄습니다. 소비자는 모두 {waits} 기다렸고 {woke} 빈 버퍼에 깨어났습니다."
    ),
    Message(
      "demo.condvar.note.if",
      en:
        "With if, consumers woke {woke} to an empty buffer and went on {takes} to take an item that was not there; producers went on {puts} to put into a full buffer. Real code would read a stale slot or overwrite an item; ProcLab counted each instead of doing it.",
      ko:
        "if로 한 번만 확인하니 소비자가 {woke} 빈 버퍼에 깨어나 그중 {takes}은 없는 항목을 꺼내러 나아갔고, 생산자는 {puts} 꽉 찬 버퍼에 넣으러 나아갔습니다. 실제 코드라면 낡은 칸을 읽거나 항목을 덮어썼을 것입니다. ProcLab은 그렇게 하지 않고 횟수만 셌습니다."
    ),
    Message(
      "demo.condvar.note.ifLucky",
      en:
        "With if, this run was lucky: consumers woke {woke} to an empty buffer, then tried {takes} to take from an empty buffer and {puts} to put into a full one. Run it again, or with more consumers: the bug is there whether it shows or not.",
      ko:
        "if로 한 이번 실행은 운이 좋았습니다. 소비자가 빈 버퍼에 깨어난 것은 {woke}, 빈 버퍼에서 꺼내려 한 것은 {takes}, 꽉 찬 버퍼에 넣으려 한 것은 {puts}입니다. 다시, 또는 소비자를 늘려 실행해 보십시오. 버그는 드러나든 아니든 그대로 있습니다."
    ),
    Message(
      "demo.condvar.note.timeouts.one",
      en: "{count} wait ran into ProcLab's 2-second safety limit; none should.",
      ko: "대기 {count}번이 ProcLab의 2초 안전 한도에 걸렸습니다. 한 번도 걸리지 않아야 합니다."),
    Message(
      "demo.condvar.note.timeouts.other",
      en: "{count} waits ran into ProcLab's 2-second safety limit; none should.",
      ko: "대기 {count}번이 ProcLab의 2초 안전 한도에 걸렸습니다. 한 번도 걸리지 않아야 합니다."),
    Message(
      "demo.condvar.python.how",
      en: "threading.Condition, the same producers, consumers and capacity",
      ko: "threading.Condition으로, 같은 생산자·소비자 수와 용량"),

    // deadlock: two threads
    Message(
      "demo.deadlock.heading.threads", en: "Two threads, two locks, opposite orders",
      ko: "스레드 둘, 락 둘, 서로 반대 순서"),
    Message("demo.deadlock.thread", en: "thread {n}", ko: "스레드 {n}"),
    Message("demo.deadlock.lock", en: "lock {name}", ko: "락 {name}"),
    Message(
      "demo.deadlock.title.states", en: "Wait states of worker {pid}'s threads, read from /proc",
      ko: "워커 {pid}의 스레드 대기 상태(/proc에서 읽음)"),
    Message("demo.deadlock.column.thread", en: "thread", ko: "스레드"),
    Message("demo.deadlock.column.state", en: "state", ko: "상태"),
    Message("demo.deadlock.column.holds", en: "holds", ko: "가진 것"),
    Message("demo.deadlock.column.waitsFor", en: "waits for", ko: "기다리는 것"),
    Message(
      "demo.deadlock.footer.states",
      en:
        "state, wchan: /proc/{pid}/task/<tid>/stat and wchan; syscall: the first field of …/syscall. Holds and waits for: what each thread said just before it asked.",
      ko:
        "상태와 wchan은 /proc/{pid}/task/<tid>/stat과 wchan, syscall은 …/syscall의 첫 필드입니다. 가진 것과 기다리는 것은 각 스레드가 요청 직전에 알린 내용입니다."
    ),
    Message(
      "demo.deadlock.cycle",
      en:
        "The wait-for graph has a cycle: {cycle}. Neither thread can go on until the other lets go, and neither will: that is a deadlock.",
      ko:
        "대기 그래프(wait-for graph)에 순환이 있습니다: {cycle}. 두 스레드 모두 상대가 놓아 주어야 나아갈 수 있는데, 어느 쪽도 놓지 않습니다. 이것이 교착 상태(deadlock)입니다."
    ),
    Message(
      "demo.deadlock.killed",
      en:
        "ProcLab ended it by sending SIGKILL to worker {pid}, the process the two threads were in (waitpid: {status}). A thread blocked in pthread_mutex_lock can be neither woken nor cancelled, so only the end of its process frees it.",
      ko:
        "ProcLab이 두 스레드가 들어 있던 프로세스인 워커 {pid}에 SIGKILL을 보내 끝냈습니다(waitpid: {status}). pthread_mutex_lock에서 막힌 스레드는 깨울 수도 취소할 수도 없어서, 그 프로세스가 끝나야만 풀려납니다."
    ),
    Message(
      "demo.deadlock.noDeadlock",
      en:
        "No deadlock this time: one thread got both locks before the other asked (gap={gap} ms). Run it again, or with a longer gap.",
      ko:
        "이번에는 교착 상태가 없었습니다. 한 스레드가 상대가 요청하기 전에 두 락을 다 얻었습니다(gap={gap} ms). 다시, 또는 gap을 늘려 실행해 보십시오."
    ),

    // deadlock: two processes, fcntl
    Message(
      "demo.deadlock.heading.fcntl",
      en: "Two processes, two byte locks (fcntl F_SETLKW), opposite orders",
      ko: "프로세스 둘, 바이트 락 둘(fcntl F_SETLKW), 서로 반대 순서"),
    Message("demo.deadlock.process", en: "process {n}", ko: "프로세스 {n}"),
    Message("demo.deadlock.byte", en: "byte {n}", ko: "바이트 {n}"),
    Message("demo.deadlock.column.process", en: "process", ko: "프로세스"),
    Message("demo.deadlock.column.asksFor", en: "asks for", ko: "요청한 것"),
    Message(
      "demo.deadlock.title.fcntl", en: "Byte-range locks on one file: what each request got",
      ko: "한 파일의 바이트 범위 락: 각 요청의 결과"),
    Message(
      "demo.deadlock.footer.fcntl",
      en:
        "Process 1 asked first and slept in the kernel (state {state}, in the {syscall} system call, wchan {wchan}); then process 2 asked.",
      ko:
        "프로세스 1이 먼저 요청하고 커널 안에서 잠들었습니다(상태 {state}, {syscall} 시스템 호출 안, wchan {wchan}). 그다음 프로세스 2가 요청했습니다."
    ),
    Message(
      "demo.deadlock.edeadlk",
      en:
        "The kernel refused process 2's request with EDEADLK: it keeps a graph of who waits for whose fcntl lock and saw that this wait would close a cycle. Process 2 exited, letting go of its byte, and process 1's wait ended with {other}.",
      ko:
        "커널이 프로세스 2의 요청을 EDEADLK로 거절했습니다. 커널은 누가 누구의 fcntl 락을 기다리는지 그래프로 관리하므로, 이 대기가 순환을 닫는다는 것을 알았습니다. 프로세스 2가 끝나며 바이트를 놓자 프로세스 1의 대기가 {other}로 끝났습니다."
    ),
    Message(
      "demo.deadlock.noEdeadlk",
      en: "This time the kernel did not answer EDEADLK; process 1's wait ended with {other}.",
      ko: "이번에는 커널이 EDEADLK로 답하지 않았습니다. 프로세스 1의 대기는 {other}로 끝났습니다."),
    Message(
      "demo.deadlock.fcntlTimedOut",
      en: "the fcntl workers did not report within 5 s; they were killed and reaped",
      ko: "fcntl 워커가 5초 안에 알리지 않아 죽이고 거두었습니다"),
    Message(
      "demo.deadlock.workerFailed",
      en: "fcntl worker {pid} {status}; both workers were killed and reaped",
      ko: "fcntl 워커 {pid}: {status}. 두 워커를 모두 죽이고 거두었습니다"),

    // deadlock: the fixes
    Message(
      "demo.deadlock.heading.fixes", en: "Three fixes, measured",
      ko: "세 가지 해결책, 측정"),
    Message(
      "demo.deadlock.title.fixes",
      en: "Two threads, {rounds} rounds each, {hold} µs between the first lock and the second",
      ko: "스레드 둘, 각각 {rounds}번, 첫 락과 둘째 락 사이 {hold} µs"),
    Message("demo.deadlock.column.fix", en: "fix", ko: "해결책"),
    Message("demo.deadlock.column.rounds", en: "rounds done", ko: "마친 횟수"),
    Message("demo.deadlock.column.retried", en: "let go, retried", ko: "놓고 재시도"),
    Message("demo.deadlock.column.time", en: "time", ko: "시간"),
    Message(
      "demo.deadlock.fix.ordered", en: "one order: A then B, always",
      ko: "순서 하나: 언제나 A 다음 B"),
    Message(
      "demo.deadlock.fix.trylock", en: "opposite orders, trylock + back-off",
      ko: "반대 순서, trylock + 물러서기"),
    Message(
      "demo.deadlock.fix.timedlock", en: "opposite orders, timed lock",
      ko: "반대 순서, 시간 제한 락"),
    Message("demo.deadlock.retries.one", en: "{count} retry", ko: "재시도 {count}번"),
    Message("demo.deadlock.retries.other", en: "{count} retries", ko: "재시도 {count}번"),
    Message("demo.deadlock.giveups", en: "{n} gave up", ko: "포기 {n}번"),
    Message(
      "demo.deadlock.footer.fixes",
      en:
        "trylock: pthread_mutex_trylock (EBUSY: let go, pause at random, try again); timed lock: pthread_mutex_clocklock for {timeout} µs (ETIMEDOUT: the same).",
      ko:
        "trylock은 pthread_mutex_trylock(EBUSY면 놓고, 무작위로 쉬고, 다시 시도), 시간 제한 락은 {timeout} µs 동안 pthread_mutex_clocklock(ETIMEDOUT이면 마찬가지)입니다."
    ),
    Message(
      "demo.deadlock.note.ordered",
      en:
        "With one order for everyone, all {rounds} rounds finished in {time}: a thread that holds A never waits for anyone who holds B and wants A, so no cycle can form.",
      ko:
        "모두가 같은 순서로 잡으니 {rounds}번이 모두 {time}에 끝났습니다. A를 가진 스레드가 B를 가지고 A를 원하는 스레드를 기다리는 일이 없으므로 순환이 생길 수 없습니다."
    ),
    Message(
      "demo.deadlock.note.short",
      en: "With one order for everyone, the run stopped short of {rounds} rounds after {time}.",
      ko: "같은 순서로 잡았는데도 {time} 뒤 {rounds}번을 다 마치지 못하고 멈췄습니다."),
    Message(
      "demo.deadlock.note.trylock",
      en:
        "With trylock, the opposite orders stayed, and {retries} a thread found its second lock busy, let go of its first and tried again; {rounds} rounds took {time}. No deadlock, but work thrown away each time.",
      ko:
        "trylock을 쓰면 반대 순서는 그대로인데, 스레드가 둘째 락이 잠긴 것을 보고 첫 락을 놓고 다시 시도한 것이 {retries}입니다. {rounds}번에 걸린 시간은 {time}입니다. 교착 상태는 없지만 그때마다 한 일을 버렸습니다."
    ),
    Message(
      "demo.deadlock.note.timedlock",
      en:
        "With a timed lock, a thread gave up waiting {giveups} and started over; {rounds} rounds took {time}. A time-out breaks the cycle, but only after waiting it out, each time.",
      ko:
        "시간 제한 락을 쓰면 스레드가 {giveups} 기다리기를 포기하고 처음부터 다시 했습니다. {rounds}번에 걸린 시간은 {time}입니다. 시간 제한은 순환을 끊지만, 매번 그 시간을 다 기다린 뒤에야 끊습니다."
    ),
  ]
}
