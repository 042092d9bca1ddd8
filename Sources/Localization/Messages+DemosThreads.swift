// The thread demos' own texts (threads, memory): notes, headings, table titles, column names
// and the cells drawn for a reader. Metric values and names stay the same in both languages.
extension Messages {
  static let demosThreads: [Message] = [
    // threads
    Message("demo.threads.thread", en: "thread {index}", ko: "스레드 {index}"),
    Message(
      "demo.threads.title", en: "{count} threads started and joined",
      ko: "스레드 {count}개를 시작하고 join함"),
    Message("demo.threads.column.who", en: "who", ko: "누구"),
    Message("demo.threads.column.tid", en: "thread id (tid)", ko: "스레드 id (tid)"),
    Message("demo.threads.main", en: "main thread", ko: "메인 스레드"),
    Message(
      "demo.threads.onePid",
      en:
        "One pid, {ids} thread ids: the threads live inside one process. Each added its number to one shared counter, and the main thread reads {sum} (1+…+{count} = {expected}): they share memory.",
      ko:
        "pid는 하나, 스레드 id는 {ids}개입니다. 스레드들은 한 프로세스 안에 삽니다. 각 스레드가 공유 카운터 하나에 자기 번호를 더했고, 메인 스레드가 읽은 값은 {sum}입니다(1+…+{count} = {expected}). 스레드들은 메모리를 공유합니다."
    ),
    Message("demo.threads.heading.stopFlag", en: "A worker with a stop flag", ko: "정지 플래그가 있는 작업자"),
    Message(
      "demo.threads.overwork", en: "[{time}] worker (tid {tid}): do Overwork #{n}",
      ko: "[{time}] 작업자 (tid {tid}): do Overwork #{n}"),
    Message("demo.threads.retired", en: "worker (tid {tid}): retired", ko: "작업자 (tid {tid}): 은퇴함"),
    Message(
      "demo.threads.waitsUpTo",
      en: "The main thread now waits up to {limit}; press Enter to set the stop flag.",
      ko: "이제 메인 스레드가 최대 {limit} 기다립니다. Enter를 누르면 정지 플래그가 설정됩니다."),
    Message(
      "demo.threads.waits", en: "The main thread now waits; press Enter to set the stop flag.",
      ko: "이제 메인 스레드가 기다립니다. Enter를 누르면 정지 플래그가 설정됩니다."),
    Message("demo.threads.reason.enter", en: "you pressed Enter", ko: "Enter를 눌렀음"),
    Message("demo.threads.reason.interrupt", en: "Ctrl-C", ko: "Ctrl-C"),
    Message("demo.threads.reason.time", en: "time was up", ko: "시간이 다 됨"),
    Message(
      "demo.threads.flagSet", en: "main thread: stop flag set ({reason}); joining the worker…",
      ko: "메인 스레드: 정지 플래그 설정({reason}). 작업자를 join하는 중…"),
    Message(
      "demo.threads.joined",
      en: "main thread: joined. The worker saw the flag because both threads share memory.",
      ko: "메인 스레드: join 완료. 두 스레드가 메모리를 공유하므로 작업자가 플래그를 보았습니다."),

    // threads' CPython table (ThreadsPython)
    Message(
      "demo.python.threads.title",
      en: "Thread start/join and the stop-flag worker: {swift} and {python}",
      ko: "스레드 시작/join과 정지 플래그 작업자: {swift}와 {python}"),
    Message("demo.python.threads.column.joined", en: "threads joined", ko: "join한 스레드"),
    Message("demo.python.threads.column.ids", en: "distinct ids", ko: "서로 다른 id"),
    Message("demo.python.threads.column.flagAt", en: "flag set at", ko: "플래그 설정 시점"),
    Message("demo.python.threads.column.joinWaited", en: "join waited", ko: "join 대기"),
    Message(
      "demo.python.threads.how",
      en: "its worker slept {interval} per round and the flag was set after {after}",
      ko: "작업자는 라운드마다 {interval} 잤고, 플래그는 {after} 뒤에 설정되었습니다"),
    Message(
      "demo.python.threads.howRetired",
      en:
        "its worker slept {interval} per round and the flag was set after {after}; it printed \"retired..\" and ended",
      ko:
        "작업자는 라운드마다 {interval} 잤고, 플래그는 {after} 뒤에 설정되었습니다. 작업자는 \"retired..\"를 출력하고 끝났습니다"
    ),
    Message(
      "demo.python.threads.note",
      en:
        "In both, join() returned once the worker had seen the flag. CPython's worker checks it once per round, after each sleep of {interval}, so join() can wait up to one round ({waited} here); ProcLab's worker also checks it every 10 ms while it sleeps. CPython's worker read a module-level variable that the main thread set, as the tutorial's Stopped does: threads share their process's memory.",
      ko:
        "두 런타임 모두, 작업자가 플래그를 본 뒤에 join()이 반환했습니다. CPython의 작업자는 {interval}씩 잘 때마다 라운드에 한 번 플래그를 확인하므로, join()은 최대 한 라운드를 기다릴 수 있습니다(여기서는 {waited}). ProcLab의 작업자는 자는 동안에도 10밀리초마다 확인합니다. CPython의 작업자는 튜토리얼의 Stopped처럼 메인 스레드가 설정한 모듈 수준 변수를 읽었습니다. 스레드들은 자기 프로세스의 메모리를 공유합니다."
    ),

    // memory
    Message(
      "demo.memory.title", en: "One variable, two kinds of sharing",
      ko: "변수 하나, 두 가지 공유 방식"),
    Message("demo.memory.column.writer", en: "writer", ko: "쓴 쪽"),
    Message("demo.memory.column.wrote", en: "wrote", ko: "쓴 값"),
    Message("demo.memory.column.address", en: "address", ko: "주소"),
    Message("demo.memory.column.writerSees", en: "writer sees", ko: "쓴 쪽이 보는 값"),
    Message("demo.memory.column.mainSees", en: "main sees", ko: "메인이 보는 값"),
    Message("demo.memory.column.shared", en: "shared?", ko: "공유?"),
    Message("demo.memory.thread", en: "thread", ko: "스레드"),
    Message("demo.memory.child", en: "child {pid}", ko: "자식 {pid}"),
    Message("demo.memory.yes", en: "yes", ko: "예"),
    Message("demo.memory.no", en: "no", ko: "아니오"),
    Message(
      "demo.memory.threadWrote",
      en: "The thread wrote into the process's own memory, so the main thread saw it at once.",
      ko: "스레드는 프로세스 자신의 메모리에 썼으므로 메인 스레드가 곧바로 그 값을 보았습니다."),
    Message(
      "demo.memory.childWrote",
      en:
        "The child wrote at the same virtual address, but fork gave it its own copy-on-write copy of the memory: the parent still reads {value}. To share between processes you must ask for it (shared memory, pipes, queues).",
      ko:
        "자식은 같은 가상 주소에 썼지만, fork가 자식에게 쓰기 시 복사(copy-on-write)로 된 자기만의 메모리 사본을 주었습니다. 그래서 부모가 읽는 값은 여전히 {value}입니다. 프로세스 사이에서 공유하려면 따로 요청해야 합니다(공유 메모리, 파이프, 큐)."
    ),
  ]
}
