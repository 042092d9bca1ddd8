// The IPC demos' texts (pipe, queue, shm-race, semaphore, mutex, ipc-compare): headings, table
// titles, column names, the cells drawn for a reader, notes, progress labels. Metric names and
// values stay the same in both languages. Column names that the Korean lessons quote in
// backticks (`waited`, `total`, `lost`, `final`, `ns/increment`, `median`, `relative`) and the
// statistics' columns (`mean ± σ`, `median`, `p99`, `min`) keep their names.
// Over 400 lines for a reason: a table and nothing else, every text a whole sentence in two
// languages; splitting it by demo would only scatter the shared column names.
extension Messages {
  static let demosIPC: [Message] = [
    Message("demo.progress.done", en: "done", ko: "완료"),

    // pipe
    Message(
      "demo.pipe.heading.oneWay", en: "One-way: the child sends, the parent receives",
      ko: "한 방향: 자식이 보내고 부모가 받습니다"),
    Message("demo.pipe.more", en: "{count} more", ko: "{count}개 더"),
    Message("demo.pipe.yes", en: "yes", ko: "예"),
    Message("demo.pipe.no", en: "NO", ko: "아니오"),
    Message("demo.pipe.nothing", en: "nothing", ko: "없음"),
    Message(
      "demo.pipe.oneWay.title",
      en: "parent {parent} received from child {child} (recv, one frame each)",
      ko: "부모 {parent}가 자식 {child}에게서 받은 것(recv 한 번에 프레임 하나)"),
    Message("demo.pipe.column.message", en: "message", ko: "메시지"),
    Message(
      "demo.pipe.oneWay.footer",
      en:
        "{received} of {sent} frames received; in order: {inOrder}; intact: {intact}; {reads} read() calls",
      ko: "프레임 {sent}개 중 {received}개 받음, 순서대로: {inOrder}, 손상 없음: {intact}, read() 호출 {reads}번"),
    Message(
      "demo.pipe.oneWay.note",
      en:
        "Like the IPC tutorial's f(conn), the child sent [42, None, 'hello'] and the parent printed it after recv(). Each message went out as one write of a 4-byte length and the encoded message (Python's Connection does the same with a pickle); the parent needed {reads} reads for {frames} frames, and the lengths are what let it split them.",
      ko:
        "IPC 튜토리얼의 f(conn)처럼 자식이 [42, None, 'hello']를 보냈고, 부모는 recv() 뒤에 그것을 출력했습니다. 메시지마다 4바이트 길이와 인코딩된 메시지를 write 한 번으로 보냈습니다(Python의 Connection도 pickle로 똑같이 합니다). 부모는 프레임 {frames}개를 read {reads}번으로 받았고, 메시지를 나눌 수 있었던 것은 그 길이 덕분입니다."
    ),
    Message(
      "demo.pipe.heading.stream", en: "A pipe is a byte stream: three writes, no framing",
      ko: "파이프는 바이트 스트림입니다: write 세 번, 프레이밍 없음"),
    Message("demo.pipe.stream.write", en: "write {n}", ko: "write {n}"),
    Message("demo.pipe.stream.read", en: "read {n}", ko: "read {n}"),
    Message("demo.pipe.stream.bytes", en: "{bytes} bytes", ko: "{bytes}바이트"),
    Message(
      "demo.pipe.stream.glued", en: "holds all {count} messages, glued",
      ko: "메시지 {count}개가 모두 붙어 있음"),
    Message(
      "demo.pipe.stream.title", en: "What the child wrote, and what the parent's read() returned",
      ko: "자식이 쓴 것과 부모의 read()가 돌려준 것"),
    Message("demo.pipe.column.call", en: "call", ko: "호출"),
    Message("demo.pipe.column.size", en: "size", ko: "크기"),
    Message("demo.pipe.column.content", en: "content", ko: "내용"),
    Message(
      "demo.pipe.stream.note.single",
      en:
        "{writes} writes arrived as {reads} read of {bytes} bytes: the kernel keeps bytes, not messages. Something must mark where each message ends; framing=on puts a 4-byte length in front of each.",
      ko:
        "write {writes}번이 {bytes}바이트짜리 read {reads}번으로 도착했습니다. 커널은 메시지가 아니라 바이트를 보관합니다. 메시지가 어디서 끝나는지 무언가가 표시해야 합니다. framing=on은 메시지마다 앞에 4바이트 길이를 붙입니다."
    ),
    Message(
      "demo.pipe.stream.note.several",
      en:
        "{writes} writes arrived as {reads} reads of {bytes} bytes: the kernel keeps bytes, not messages. Something must mark where each message ends; framing=on puts a 4-byte length in front of each.",
      ko:
        "write {writes}번이 모두 {bytes}바이트, read {reads}번으로 도착했습니다. 커널은 메시지가 아니라 바이트를 보관합니다. 메시지가 어디서 끝나는지 무언가가 표시해야 합니다. framing=on은 메시지마다 앞에 4바이트 길이를 붙입니다."
    ),
    Message(
      "demo.pipe.heading.duplex", en: "Duplex: requests one way, replies the other",
      ko: "양방향: 요청은 한쪽으로, 응답은 반대쪽으로"),
    Message(
      "demo.pipe.duplex.title", en: "parent {parent} → child {child} → parent, over two pipes",
      ko: "부모 {parent} → 자식 {child} → 부모, 파이프 두 개로"),
    Message("demo.pipe.column.parentSent", en: "parent sent", ko: "부모가 보냄"),
    Message("demo.pipe.column.childReplied", en: "child replied", ko: "자식이 답함"),
    Message(
      "demo.pipe.duplex.note",
      en:
        "A pipe carries bytes one way only, so a two-way conversation uses two of them. Python's Pipe() is duplex by default and uses a Unix socketpair instead; Pipe(duplex=False) is a single os.pipe(), like the one-way part above.",
      ko:
        "파이프는 바이트를 한 방향으로만 나르므로, 양방향 대화에는 파이프가 두 개 필요합니다. Python의 Pipe()는 기본이 양방향이고 대신 Unix socketpair를 씁니다. Pipe(duplex=False)는 위의 한 방향 부분처럼 os.pipe() 하나입니다."
    ),
    Message("demo.pipe.heading.latency", en: "Round-trip latency", ko: "왕복 지연 시간(latency)"),
    Message("demo.pipe.progress.roundTrips", en: "{size} B round trips", ko: "{size} B 왕복"),
    Message(
      "demo.pipe.latency.title",
      en: "Round trip parent → child {child} → parent (write, child reads and writes back, read)",
      ko: "왕복 부모 → 자식 {child} → 부모(write, 자식이 읽고 되돌려 씀, read)"),
    Message("demo.pipe.column.roundTrips", en: "round trips", ko: "왕복 횟수"),
    Message(
      "demo.pipe.latency.warmUp", en: "after {count} untimed warm-up round trips",
      ko: "재지 않는 예열 왕복 {count}번 뒤"),
    Message(
      "demo.pipe.latency.note",
      en:
        "A round trip is four system calls and two wake-ups: the sleeping reader is woken by the write and must be scheduled before it can answer. The p99 column shows the rare slow trips, when a process had to wait for a CPU.",
      ko:
        "왕복 한 번은 시스템 호출 네 번과 깨우기 두 번입니다. 잠든 읽는 쪽은 write에 깨어나고, 답하기 전에 스케줄되어야 합니다. p99 열은 프로세스가 CPU를 기다려야 했던 드문 느린 왕복을 보여 줍니다."
    ),
    Message(
      "demo.pipe.latency.placement",
      en:
        "Waking a process on another CPU costs more than switching to it on the same one, most of all when that CPU has gone idle: compare cpus=same with cpus=apart.",
      ko:
        "다른 CPU에 있는 프로세스를 깨우는 것은 같은 CPU에서 그 프로세스로 전환하는 것보다 비쌉니다. 그 CPU가 유휴 상태로 들어갔다면 더욱 그렇습니다. cpus=same과 cpus=apart를 비교해 보세요."
    ),
    Message("demo.pipe.heading.bandwidth", en: "Bandwidth by chunk size", ko: "청크 크기별 대역폭"),
    Message("demo.pipe.progress.chunks", en: "chunks of {size}", ko: "{size} 청크"),
    Message(
      "demo.pipe.bandwidth.title",
      en: "Parent → child {child} through one pipe (writes and reads of one chunk each)",
      ko: "부모 → 자식 {child}, 파이프 하나로(write와 read마다 청크 하나)"),
    Message("demo.pipe.column.chunk", en: "chunk", ko: "청크"),
    Message("demo.pipe.column.moved", en: "moved", ko: "보낸 양"),
    Message("demo.pipe.column.writes", en: "writes", ko: "write 횟수"),
    Message("demo.pipe.column.medianOf3", en: "median of 3", ko: "3번의 중앙값"),
    Message("demo.pipe.column.best", en: "best", ko: "최고"),
    Message(
      "demo.pipe.bandwidth.note",
      en:
        "Small chunks are dominated by the fixed cost of each system call; large ones by copying (user → kernel → user, two copies per byte). A Linux pipe holds 64 KiB by default, so past that size the writer waits for the reader to drain it.",
      ko:
        "작은 청크는 시스템 호출마다 드는 고정 비용이, 큰 청크는 복사(user → kernel → user, 바이트마다 두 번 복사)가 좌우합니다. 리눅스 파이프는 기본으로 64 KiB를 담으므로, 그보다 크면 쓰는 쪽은 읽는 쪽이 비울 때까지 기다립니다."
    ),
    Message(
      "demo.pipe.bandwidth.placement",
      en:
        "Where the two processes run changes the rate several times over: on one CPU they take turns and the data stays in that CPU's cache; on two they run at once but every byte crosses between caches. Compare cpus=same with cpus=apart.",
      ko:
        "두 프로세스가 어디서 실행되는지에 따라 속도가 몇 배씩 달라집니다. CPU 하나에서는 번갈아 실행되고 데이터가 그 CPU의 캐시에 머뭅니다. CPU 두 개에서는 동시에 실행되지만 모든 바이트가 캐시 사이를 건너갑니다. cpus=same과 cpus=apart를 비교해 보세요."
    ),
    Message(
      "demo.pipe.python.title",
      en: "The IPC tutorial's Pipe(): the child sends [42, None, 'hello'], the parent recv()s it",
      ko: "IPC 튜토리얼의 Pipe(): 자식이 [42, None, 'hello']를 보내고 부모가 recv()로 받습니다"),
    Message("demo.pipe.column.runtime", en: "runtime", ko: "런타임"),
    Message("demo.pipe.column.childToParent", en: "child → parent", ko: "자식 → 부모"),
    Message("demo.pipe.column.received", en: "received", ko: "받은 것"),
    Message("demo.pipe.column.intact", en: "intact", ko: "손상 없음"),
    Message(
      "demo.pipe.python.footer", en: "recv() returned a {type} of {items}, unpickled from the pipe",
      ko: "recv()는 파이프에서 unpickle한 {items}의 {type}을 돌려주었습니다"),
    Message(
      "demo.pipe.cpus.seen", en: "parent/child seen on CPUs {pairs}", ko: "부모/자식이 보인 CPU {pairs}"),
    Message(
      "demo.pipe.cpus.same", en: "cpus=same: both pinned to CPU {cpu}; {seen}",
      ko: "cpus=same: 둘 다 CPU {cpu}에 고정, {seen}"),
    Message(
      "demo.pipe.cpus.apart",
      en: "cpus=apart: parent pinned to CPU {parent}, child to CPU {child}; {seen}",
      ko: "cpus=apart: 부모는 CPU {parent}, 자식은 CPU {child}에 고정, {seen}"),
    Message(
      "demo.pipe.cpus.any", en: "cpus=any (not pinned): {seen}", ko: "cpus=any(고정 안 함): {seen}"),
    // queue
    Message(
      "demo.queue.heading.order", en: "The same puts, three kinds of queue",
      ko: "같은 put, 세 종류의 큐"),
    Message(
      "demo.queue.order.title", en: "put: {values}   →   get until Empty:",
      ko: "put: {values}   →   Empty가 될 때까지 get:"),
    Message("demo.queue.column.kind", en: "kind", ko: "종류"),
    Message("demo.queue.column.order", en: "order of get()", ko: "get()의 순서"),
    Message("demo.queue.kind.fifo", en: "FIFO (Queue)", ko: "FIFO(Queue)"),
    Message("demo.queue.kind.lifo", en: "LIFO (LifoQueue)", ko: "LIFO(LifoQueue)"),
    Message("demo.queue.kind.priority", en: "priority (PriorityQueue)", ko: "우선순위(PriorityQueue)"),
    Message(
      "demo.queue.order.note",
      en:
        "FIFO gives items back in the order they were put, LIFO newest first, and the priority queue lowest value first (ties keep their order), as Python's Queue, LifoQueue and PriorityQueue do.",
      ko:
        "FIFO는 넣은 순서대로, LIFO는 가장 최근 것부터, 우선순위 큐는 가장 작은 값부터(같은 값은 넣은 순서대로) 돌려줍니다. Python의 Queue, LifoQueue, PriorityQueue와 같습니다."
    ),
    Message(
      "demo.queue.heading.timeouts", en: "maxsize, block and timeout: Full and Empty",
      ko: "maxsize, block, timeout: Full과 Empty"),
    Message("demo.queue.timeouts.title", en: "A queue with maxsize=2", ko: "maxsize=2인 큐"),
    Message("demo.queue.column.result", en: "result", ko: "결과"),
    Message("demo.queue.column.after", en: "after", ko: "호출 뒤"),
    Message("demo.queue.raised", en: "raised {error}", ko: "{error} 발생"),
    Message("demo.queue.didNotRaise", en: "did not raise", ko: "예외 없음"),
    Message("demo.queue.got", en: "got {value}", ko: "{value}을(를) 받음"),
    Message(
      "demo.queue.joinReturned", en: "join() returned, {taken} of {items} done",
      ko: "join() 반환, {items}개 중 {taken}개 끝남"),
    Message(
      "demo.queue.timeouts.pythonFooter",
      en: "queue.Queue(maxsize=2); task_done/join with multiprocessing.JoinableQueue",
      ko: "queue.Queue(maxsize=2), task_done/join은 multiprocessing.JoinableQueue로"),
    Message(
      "demo.queue.timeouts.note",
      en:
        "With block=False the answer is immediate; with a timeout the call sleeps on a condition variable and gives up after {waited} (asked: {asked}). Only two items were put, so the third task_done() raised, as Python's does.",
      ko:
        "block=False면 답이 바로 옵니다. timeout이 있으면 호출은 조건 변수(condition variable)에서 잠들었다가 {waited} 뒤에 포기합니다(요청한 시간: {asked}). 넣은 항목이 두 개뿐이라 세 번째 task_done()은 Python에서처럼 예외를 냈습니다."
    ),
    Message(
      "demo.queue.heading.workers",
      en: "{producers} producer and {consumers} consumer processes, one queue",
      ko: "생산자 프로세스 {producers}개와 소비자 프로세스 {consumers}개, 큐 하나"),
    Message(
      "demo.queue.workers.producer", en: "producer {n} (pid {pid})", ko: "생산자 {n}(pid {pid})"),
    Message(
      "demo.queue.workers.title",
      en: "Items put by each producer (rows) and taken by each consumer (columns)",
      ko: "생산자(행)마다 넣은 항목과 소비자(열)마다 가져간 항목"),
    Message("demo.queue.column.producer", en: "producer", ko: "생산자"),
    Message("demo.queue.column.put", en: "put", ko: "넣음"),
    Message("demo.queue.column.consumer", en: "consumer {n} ({pid})", ko: "소비자 {n}({pid})"),
    Message(
      "demo.queue.workers.footer",
      en:
        "each item taken exactly once: {once} (missing {missing}, taken twice {twice}); join() returned after {after} with {unfinished} unfinished",
      ko:
        "모든 항목을 정확히 한 번씩 가져감: {once}(빠짐 {missing}, 두 번 가져감 {twice}), join()은 {after} 뒤에 끝나지 않은 작업 {unfinished}개로 반환"
    ),
    Message(
      "demo.queue.workers.note",
      en:
        "Every put raised the count of unfinished tasks and every task_done() lowered it; the parent's join() slept until it reached 0, then put one sentinel per consumer to send them home. Which consumer gets an item depends on who is awake first, so the split changes from run to run.",
      ko:
        "put마다 끝나지 않은 작업 수가 늘고 task_done()마다 줄었습니다. 부모의 join()은 그 수가 0이 될 때까지 잠들었다가, 소비자마다 종료 신호(sentinel)를 하나씩 넣어 돌려보냈습니다. 어느 소비자가 항목을 받는지는 누가 먼저 깨어 있느냐에 달려 있어서, 나뉘는 모양은 실행할 때마다 바뀝니다."
    ),
    Message(
      "demo.queue.heading.bounded",
      en: "A bounded queue (maxsize={maxsize}) makes a fast producer wait",
      ko: "크기가 정해진 큐(maxsize={maxsize})는 빠른 생산자를 기다리게 합니다"),
    Message(
      "demo.queue.bounded.title",
      en: "Producer's blocked put() calls and the consumer's work on each item",
      ko: "생산자의 막힌 put() 호출과 항목마다 소비자가 한 일"),
    Message("demo.queue.bounded.producer", en: "producer {pid} waits", ko: "생산자 {pid} 대기"),
    Message("demo.queue.bounded.consumer", en: "consumer {pid} works", ko: "소비자 {pid} 작업"),
    Message(
      "demo.queue.bounded.note.single",
      en:
        "The producer could run ahead by only {maxsize} item; after that {waiting} of its {items} put() calls blocked, {waited} in all, until the consumer's get() freed a slot. A bounded queue is how a fast producer is kept from filling memory.",
      ko:
        "생산자는 항목 {maxsize}개만큼만 앞서 갈 수 있었습니다. 그 뒤로 put() 호출 {items}번 중 {waiting}번이 소비자의 get()이 자리를 비울 때까지 막혔고, 모두 합쳐 {waited}였습니다. 크기가 정해진 큐는 빠른 생산자가 메모리를 채우지 못하게 막는 방법입니다."
    ),
    Message(
      "demo.queue.bounded.note.several",
      en:
        "The producer could run ahead by only {maxsize} items; after that {waiting} of its {items} put() calls blocked, {waited} in all, until the consumer's get() freed a slot. A bounded queue is how a fast producer is kept from filling memory.",
      ko:
        "생산자는 항목 {maxsize}개만큼만 앞서 갈 수 있었습니다. 그 뒤로 put() 호출 {items}번 중 {waiting}번이 소비자의 get()이 자리를 비울 때까지 막혔고, 모두 합쳐 {waited}였습니다. 크기가 정해진 큐는 빠른 생산자가 메모리를 채우지 못하게 막는 방법입니다."
    ),
    Message(
      "demo.queue.heading.throughput", en: "Throughput: this queue against a pipe",
      ko: "처리량: 이 큐와 파이프 비교"),
    Message(
      "demo.queue.throughput.title", en: "{count} 8-byte messages from one process to another",
      ko: "한 프로세스에서 다른 프로세스로 보낸 8바이트 메시지 {count}개"),
    Message("demo.queue.column.channel", en: "channel", ko: "통로"),
    Message("demo.queue.column.seconds", en: "seconds", ko: "걸린 시간"),
    Message("demo.queue.column.rate", en: "messages/s", ko: "초당 메시지"),
    Message("demo.queue.column.perMessage", en: "per message", ko: "메시지당"),
    Message(
      "demo.queue.throughput.queue", en: "shared-memory queue (put/get)",
      ko: "공유 메모리 큐(put/get)"),
    Message("demo.queue.throughput.pipe", en: "pipe (framed send/recv)", ko: "파이프(프레임 send/recv)"),
    Message(
      "demo.queue.throughput.sleeps",
      en: "the queue's get() had to sleep {gets} times, its put() {puts} times",
      ko: "큐의 get()은 {gets}번, put()은 {puts}번 잠들어야 했습니다"),
    Message(
      "demo.queue.throughput.note.pipe",
      en:
        "The IPC tutorial says a pipe is faster than a queue. That is true of Python's multiprocessing.Queue, which pickles each item and pushes it through a pipe with a lock and a feeder thread. This queue copies items straight into shared memory and makes a system call only to sleep or wake; here the pipe was faster, by {ratio}.",
      ko:
        "IPC 튜토리얼은 파이프가 큐보다 빠르다고 말합니다. 항목마다 pickle하고 잠금(lock)과 피더 스레드로 파이프에 밀어 넣는 Python의 multiprocessing.Queue라면 맞는 말입니다. 이 큐는 항목을 공유 메모리에 바로 복사하고 잠들거나 깨울 때만 시스템 호출을 합니다. 이번에는 파이프가 {ratio} 더 빨랐습니다."
    ),
    Message(
      "demo.queue.throughput.note.queue",
      en:
        "The IPC tutorial says a pipe is faster than a queue. That is true of Python's multiprocessing.Queue, which pickles each item and pushes it through a pipe with a lock and a feeder thread. This queue copies items straight into shared memory and makes a system call only to sleep or wake; here the shared-memory queue was faster, by {ratio}.",
      ko:
        "IPC 튜토리얼은 파이프가 큐보다 빠르다고 말합니다. 항목마다 pickle하고 잠금(lock)과 피더 스레드로 파이프에 밀어 넣는 Python의 multiprocessing.Queue라면 맞는 말입니다. 이 큐는 항목을 공유 메모리에 바로 복사하고 잠들거나 깨울 때만 시스템 호출을 합니다. 이번에는 공유 메모리 큐가 {ratio} 더 빨랐습니다."
    ),
    // shm-race
    Message(
      "demo.shmRace.heading",
      en: "{processes} processes × {increments} increments of one shared counter",
      ko: "프로세스 {processes}개 × 공유 카운터 하나를 {increments}번 증가"),
    Message(
      "demo.shmRace.workers",
      en:
        "Each worker is a separate process (proclab worker shm-add) that opens the shared memory by name, as the IPC tutorial's workers do with SharedMemory(name=…); all of them wait at a start line in the shared memory, so they really run at the same time.",
      ko:
        "작업자는 저마다 별개의 프로세스(proclab worker shm-add)이고, IPC 튜토리얼의 작업자가 SharedMemory(name=…)로 하듯 공유 메모리를 이름으로 엽니다. 모두 공유 메모리 안의 출발선에서 기다리므로 정말로 동시에 실행됩니다."
    ),
    Message(
      "demo.shmRace.footer",
      en:
        "seconds: from the first worker leaving the start line to the last one finishing; ns/increment = seconds ÷ {expected} increments",
      ko: "걸린 시간: 첫 작업자가 출발선을 떠날 때부터 마지막 작업자가 끝날 때까지, ns/increment = 걸린 시간 ÷ 증가 {expected}번"),
    Message(
      "demo.shmRace.footer.median",
      en:
        "seconds: from the first worker leaving the start line to the last one finishing (median of {repeats} runs); ns/increment = seconds ÷ {expected} increments",
      ko:
        "걸린 시간: 첫 작업자가 출발선을 떠날 때부터 마지막 작업자가 끝날 때까지(실행 {repeats}번의 중앙값), ns/increment = 걸린 시간 ÷ 증가 {expected}번"
    ),
    Message(
      "demo.shmRace.title", en: "Shared counter after {processes} × {increments} increments",
      ko: "{processes} × {increments}번 증가한 뒤의 공유 카운터"),
    Message("demo.shmRace.column.expected", en: "expected", ko: "기대값"),
    Message(
      "demo.shmRace.histogram",
      en: "{sync}: race seen in {raced}/{repeats} runs — lost updates per run",
      ko: "{sync}: 실행 {repeats}번 중 {raced}번 경쟁 발생 — 실행마다 잃어버린 갱신"),
    Message(
      "demo.shmRace.lives",
      en:
        "The counter lives in {name} ({size}, mode 0600); its name was unlinked as soon as all {processes} workers had attached, so nothing is left in /dev/shm even if a worker is killed.",
      ko:
        "카운터는 {name}({size}, mode 0600)에 있습니다. 작업자 {processes}개가 모두 붙자마자 이름을 unlink했으므로, 작업자가 죽더라도 /dev/shm에는 아무것도 남지 않습니다."
    ),
    Message("demo.shmRace.sync.none", en: "none (load, then store)", ko: "none(load 후 store)"),
    Message("demo.shmRace.sync.semaphore", en: "semaphore per increment", ko: "semaphore(증가마다)"),
    Message("demo.shmRace.sync.mutex", en: "mutex per increment", ko: "mutex(증가마다)"),
    Message("demo.shmRace.sync.atomic", en: "atomic fetch-add", ko: "atomic fetch-add"),
    Message(
      "demo.shmRace.sync.local", en: "local count, one locked add",
      ko: "local(따로 센 뒤 잠그고 한 번 더함)"),
    Message(
      "demo.shmRace.oneProcess",
      en: "With one process there is nobody to race with: the plain load and store lost nothing.",
      ko: "프로세스가 하나면 경쟁할 상대가 없습니다. 평범한 load와 store로도 잃은 것이 없습니다."),
    Message(
      "demo.shmRace.lost",
      en:
        "Without synchronisation {lost} of {expected} increments ({percent}) were lost: an increment is a load and then a store, and another process's store landed in between and was overwritten.",
      ko:
        "동기화 없이 증가 {expected}번 중 {lost}번({percent})을 잃었습니다. 증가는 load 다음에 store이고, 그 사이에 다른 프로세스의 store가 끼어들어 덮어써졌습니다."
    ),
    Message(
      "demo.shmRace.noLoss",
      en:
        "This time no update was lost even without synchronisation: the workers barely overlapped (too few increments, or too few free CPUs). The race is still there; try more increments or repeat=20.",
      ko:
        "이번에는 동기화 없이도 잃은 갱신이 없습니다. 작업자들이 거의 겹치지 않았습니다(증가 횟수가 너무 적거나, 남는 CPU가 너무 적음). 경쟁 상태(race condition)는 여전히 있습니다. increments를 늘리거나 repeat=20으로 해 보세요."
    ),
    Message(
      "demo.shmRace.semaphoreCost",
      en:
        "A semaphore around every increment keeps the count exact but costs {ns} ns per increment, {ratio} an atomic fetch-add, which the CPU does as one indivisible instruction.",
      ko:
        "증가마다 세마포어로 감싸면 값은 정확하지만 증가 한 번에 {ns} ns가 듭니다. CPU가 나눌 수 없는 명령 하나로 처리하는 atomic fetch-add의 {ratio}입니다."
    ),
    Message(
      "demo.shmRace.local",
      en:
        "local is the IPC tutorial's assignment: each process counts in its own memory and adds its total once under the semaphore, so the lock is taken {processes} times instead of {expected}: {ratio} faster than locking every increment here.",
      ko:
        "local은 IPC 튜토리얼의 과제입니다. 프로세스마다 자기 메모리에서 세고 합계를 세마포어 아래에서 한 번 더하므로, 잠금을 {expected}번이 아니라 {processes}번만 잡습니다. 여기서는 증가마다 잠그는 것보다 {ratio} 빨랐습니다."
    ),
    Message(
      "demo.shmRace.python.rows",
      en:
        "CPython local: the IPC tutorial's assignment, each of 2 processes counts in a local variable, then adds it to the numpy view of the SharedMemory under a Semaphore(1); CPython none: b[0] += 1 in both, no lock.",
      ko:
        "CPython local: IPC 튜토리얼의 과제로, 프로세스 2개가 각자 지역 변수에 센 뒤 Semaphore(1) 아래에서 SharedMemory의 numpy 뷰에 더합니다. CPython none: 둘 다 잠금 없이 b[0] += 1."
    ),
    Message(
      "demo.shmRace.python.seconds",
      en: "numpy {numpy}; its seconds run from starting the two processes to joining them",
      ko: "numpy {numpy}, 걸린 시간은 두 프로세스를 시작할 때부터 join할 때까지입니다"),
    Message(
      "demo.shmRace.python.capped", en: "; CPython local adds {count} per process, to stay short",
      ko: ". 짧게 끝나도록 CPython local은 프로세스마다 {count}번 더합니다"),
    Message(
      "demo.shmRace.python.cappedNone", en: "; CPython none adds {count} per process",
      ko: ". CPython none은 프로세스마다 {count}번 더합니다"),
    Message(
      "demo.shmRace.python.assignment",
      en:
        ". The tutorial's assignment is 2 × 50,000,000 = 100,000,000: python3 -I lessons/python/ipc-tutorial/shm_assignment.py --increments 50_000_000 (several seconds)",
      ko:
        ". 튜토리얼의 과제는 2 × 50,000,000 = 100,000,000입니다: python3 -I lessons/python/ko/ipc-tutorial/shm_assignment.py --increments 50_000_000(몇 초 걸림)"
    ),
    // semaphore
    Message(
      "demo.semaphore.heading", en: "{count} processes, a semaphore of {limit}",
      ko: "프로세스 {count}개, 값이 {limit}인 세마포어"),
    Message(
      "demo.semaphore.timeline",
      en: "Who was inside when (each bar: acquire() returned … release())",
      ko: "누가 언제 안에 있었나(막대 하나: acquire() 반환 … release())"),
    Message("demo.semaphore.title", en: "Waiting and holding", ko: "기다린 시간과 머문 시간"),
    Message("demo.semaphore.column.worker", en: "worker", ko: "작업자"),
    Message("demo.semaphore.column.waited", en: "waited", ko: "기다림"),
    Message("demo.semaphore.column.inside", en: "inside", ko: "안에 있던 시간"),
    Message(
      "demo.semaphore.footer",
      en: "at most {max} inside at once (limit {limit}); the workers' own count says {counted}",
      ko: "동시에 안에 있던 작업자는 최대 {max}명(한도 {limit}), 작업자들이 직접 센 값은 {counted}"),
    Message(
      "demo.semaphore.note.single",
      en:
        "acquire() takes one unit or sleeps while the value is 0; release() gives one back and wakes one sleeper. With {limit} units, at most {max} of the {count} workers were ever inside together; the others queued up, which is why the bars form a single file.",
      ko:
        "acquire()는 한 단위를 가져가거나, 값이 0이면 잠듭니다. release()는 한 단위를 돌려주고 잠든 하나를 깨웁니다. 단위가 {limit}개라 작업자 {count}명 중 동시에 안에 있던 것은 최대 {max}명이고, 나머지는 줄을 섰습니다. 그래서 막대가 한 줄로 늘어섭니다."
    ),
    Message(
      "demo.semaphore.note.several",
      en:
        "acquire() takes one unit or sleeps while the value is 0; release() gives one back and wakes one sleeper. With {limit} units, at most {max} of the {count} workers were ever inside together; the others queued up, which is why the bars form at most {limit} overlapping rows.",
      ko:
        "acquire()는 한 단위를 가져가거나, 값이 0이면 잠듭니다. release()는 한 단위를 돌려주고 잠든 하나를 깨웁니다. 단위가 {limit}개라 작업자 {count}명 중 동시에 안에 있던 것은 최대 {max}명이고, 나머지는 줄을 섰습니다. 그래서 막대가 겹쳐도 최대 {limit}줄입니다."
    ),
    Message(
      "demo.semaphore.heading.timeout",
      en: "acquire(timeout=…) and releasing more than was acquired",
      ko: "acquire(timeout=…)와 acquire한 것보다 더 많이 release하기"),
    Message(
      "demo.semaphore.acquireTimeout", en: "value 0: acquire(timeout={timeout})",
      ko: "값 0: acquire(timeout={timeout})"),
    Message("demo.semaphore.waited", en: "waited {waited}", ko: "{waited} 기다림"),
    Message("demo.semaphore.value", en: "value {value}", ko: "값 {value}"),
    Message("demo.semaphore.initialZero", en: "the initial value was 0", ko: "처음 값은 0이었음"),
    Message("demo.semaphore.releaseTwice", en: "release() twice more", ko: "release() 두 번 더"),
    Message(
      "demo.semaphore.nothingAcquired", en: "nothing had been acquired", ko: "acquire한 것이 없었음"),
    Message(
      "demo.semaphore.untilFails", en: "acquire(blocking=False) until it fails",
      ko: "실패할 때까지 acquire(blocking=False)"),
    Message("demo.semaphore.succeeded", en: "{count} succeeded", ko: "{count}번 성공"),
    Message("demo.semaphore.thenFalse", en: "then False", ko: "그다음 False"),
    Message(
      "demo.semaphore.valueZero.title", en: "A semaphore created with value 0",
      ko: "값 0으로 만든 세마포어"),
    Message("demo.semaphore.column.note", en: "note", ko: "설명"),
    Message(
      "demo.semaphore.timeout.note",
      en:
        "With a timeout, acquire gives up and returns False (it waited {waited}). Nothing stops a release() that was never paired with an acquire(): the value simply grows past where it started, and {entered} later acquires get in. Python's BoundedSemaphore refuses that with ValueError; a POSIX semaphore, like Python's plain Semaphore, allows it.",
      ko:
        "timeout이 있으면 acquire는 포기하고 False를 돌려줍니다({waited} 기다림). acquire()와 짝이 없는 release()를 막는 것은 없습니다. 값은 처음보다 그냥 커지고, 나중의 acquire {entered}번이 들어갑니다. Python의 BoundedSemaphore는 이것을 ValueError로 거부하고, POSIX 세마포어는 Python의 평범한 Semaphore처럼 허용합니다."
    ),
    // mutex
    Message(
      "demo.mutex.heading.ownership", en: "A mutex belongs to the thread that locked it",
      ko: "뮤텍스(mutex)는 잠근 스레드의 것입니다"),
    Message("demo.mutex.threadA", en: "A (tid {tid})", ko: "A(tid {tid})"),
    Message("demo.mutex.threadB", en: "B (tid {tid})", ko: "B(tid {tid})"),
    Message(
      "demo.mutex.foreignUnlock", en: "unlock() — B does not own it", ko: "unlock() — B는 주인이 아님"),
    Message("demo.mutex.relock", en: "lock() again while holding it", ko: "쥔 채로 다시 lock()"),
    Message(
      "demo.mutex.errorcheck.title", en: "An error-checking mutex (PTHREAD_MUTEX_ERRORCHECK)",
      ko: "오류를 검사하는 뮤텍스(PTHREAD_MUTEX_ERRORCHECK)"),
    Message("demo.mutex.column.thread", en: "thread", ko: "스레드"),
    Message(
      "demo.mutex.ownership.note",
      en:
        "The mutex remembers its owner: thread B's unlock was refused with {unlock}, and A locking it twice was caught as {relock} instead of hanging. (A default mutex does not check; unlocking another thread's mutex is then undefined behaviour.)",
      ko:
        "뮤텍스는 주인을 기억합니다. 스레드 B의 unlock은 {unlock}로 거부되었고, A가 두 번 잠근 것은 멈춰 버리는 대신 {relock}로 잡혔습니다. (기본 뮤텍스는 검사하지 않습니다. 그때 다른 스레드의 뮤텍스를 푸는 것은 정의되지 않은 동작입니다.)"
    ),
    Message(
      "demo.mutex.heading.nobody", en: "A semaphore belongs to nobody",
      ko: "세마포어(semaphore)는 누구의 것도 아닙니다"),
    Message("demo.mutex.threadTid", en: "thread tid {tid}", ko: "스레드 tid {tid}"),
    Message("demo.mutex.process", en: "process {pid}", ko: "프로세스 {pid}"),
    Message(
      "demo.mutex.releaseShared", en: "release() through shared memory",
      ko: "공유 메모리를 통해 release()"),
    Message("demo.mutex.success", en: "0 (success)", ko: "0(성공)"),
    Message(
      "demo.mutex.nobody.title",
      en: "Semaphores that start at 0: whoever releases, the waiter gets in",
      ko: "0에서 시작하는 세마포어: 누가 release하든 기다리던 쪽이 들어갑니다"),
    Message("demo.mutex.column.who", en: "who", ko: "누가"),
    Message(
      "demo.mutex.nobody.note",
      en:
        "No one owns a semaphore, so a thread or process that never acquired it may release it. That makes it a signal (\"your data is ready\") as much as a lock, and is why the IPC tutorial says a semaphore can be released by a thread that does not hold it.",
      ko:
        "세마포어에는 주인이 없으므로, acquire한 적 없는 스레드나 프로세스도 release할 수 있습니다. 그래서 세마포어는 잠금인 만큼 신호(\"데이터가 준비됐어\")이기도 하고, IPC 튜토리얼이 세마포어는 쥐고 있지 않은 스레드도 release할 수 있다고 말하는 까닭입니다."
    ),
    Message(
      "demo.mutex.heading.robust", en: "When the owner of a mutex dies", ko: "뮤텍스의 주인이 죽으면"),
    Message(
      "demo.mutex.robust.title", en: "A process-shared robust mutex (PTHREAD_MUTEX_ROBUST)",
      ko: "프로세스끼리 공유하는 robust 뮤텍스(PTHREAD_MUTEX_ROBUST)"),
    Message(
      "demo.mutex.exitHolding", en: "lock(), then exit without unlock()",
      ko: "lock() 뒤 unlock() 없이 종료"),
    Message("demo.mutex.exited", en: "exited", ko: "종료됨"),
    Message("demo.mutex.notNeeded", en: "not needed", ko: "필요 없음"),
    Message(
      "demo.mutex.robust.note",
      en:
        "Because a mutex has an owner, the system can tell the next locker that the owner died holding it ({rc}): the data it guarded may be half-updated. A semaphore cannot do this; if a process dies between acquire and release, that unit is simply gone.",
      ko:
        "뮤텍스에는 주인이 있으므로, 시스템은 다음에 잠그는 쪽에게 주인이 쥔 채로 죽었다고 알려 줄 수 있습니다({rc}). 뮤텍스가 지키던 데이터는 반쯤 고쳐진 상태일 수 있습니다. 세마포어는 이렇게 할 수 없습니다. 프로세스가 acquire와 release 사이에 죽으면 그 단위는 그냥 사라집니다."
    ),
    Message(
      "demo.mutex.heading.named", en: "A named semaphore lives in the file system",
      ko: "이름 있는 세마포어는 파일 시스템에 있습니다"),
    Message("demo.mutex.column.step", en: "step", ko: "단계"),
    Message("demo.mutex.afterOpen", en: "after sem_open", ko: "sem_open 뒤"),
    Message(
      "demo.mutex.afterUnlink", en: "after sem_close + sem_unlink", ko: "sem_close + sem_unlink 뒤"),
    Message("demo.mutex.exists", en: "exists", ko: "있음"),
    Message("demo.mutex.missing", en: "missing", ko: "없음"),
    Message("demo.mutex.gone", en: "gone", ko: "사라짐"),
    Message("demo.mutex.stillThere", en: "still there", ko: "아직 있음"),
    Message(
      "demo.mutex.named.note",
      en:
        "The IPC tutorial notes that a semaphore is system-wide and lives as a file, while a mutex belongs to its process: a named POSIX semaphore is a file in /dev/shm that stays until someone unlinks it, even after every process using it has exited.",
      ko:
        "IPC 튜토리얼은 세마포어가 시스템 전체의 것이고 파일로 존재하는 반면, 뮤텍스는 자기 프로세스의 것이라고 말합니다. 이름 있는 POSIX 세마포어는 /dev/shm 안의 파일이고, 쓰던 프로세스가 모두 끝난 뒤에도 누군가 unlink할 때까지 남습니다."
    ),
    Message(
      "demo.mutex.heading.binary", en: "A semaphore of 1 used as a lock",
      ko: "값이 1인 세마포어를 잠금으로 쓰기"),
    Message(
      "demo.mutex.binary.title", en: "{threads} threads × {increments} increments of one counter",
      ko: "스레드 {threads}개 × 카운터 하나를 {increments}번 증가"),
    Message("demo.mutex.column.lock", en: "lock", ko: "잠금"),
    Message(
      "demo.mutex.binary.note",
      en:
        "A semaphore with one unit admits one holder at a time, so it protects the counter as well as the mutex does (the IPC tutorial: a mutex is a binary semaphore, not the other way round). Here it took {ratio} the mutex's time; what it lacks is the owner, and with it the error checks above.",
      ko:
        "단위가 하나인 세마포어는 한 번에 하나만 들여보내므로 뮤텍스만큼 카운터를 잘 지킵니다(IPC 튜토리얼: 뮤텍스는 이진 세마포어이지만 그 반대는 아닙니다). 여기서는 뮤텍스 시간의 {ratio}가 걸렸습니다. 세마포어에 없는 것은 주인이고, 주인이 없으니 위의 오류 검사도 없습니다."
    ),
    // ipc-compare
    Message(
      "demo.ipcCompare.whyPipe", en: "2 copies, syscalls, wake-up", ko: "복사 2번, 시스템 호출, 깨우기"),
    Message("demo.ipcCompare.whySocketpair", en: "pipe + socket layer", ko: "파이프 + 소켓 계층"),
    Message(
      "demo.ipcCompare.whyMqueue", en: "2 copies, keeps boundaries", ko: "복사 2번, 메시지 경계 유지"),
    Message("demo.ipcCompare.whyShm", en: "1 copy, futex wake-up", ko: "복사 1번, futex 깨우기"),
    Message("demo.ipcCompare.whyFile", en: "page cache, polling", ko: "페이지 캐시, 폴링"),
    Message(
      "demo.ipcCompare.heading.one", en: "One exchange over {count} mechanism",
      ko: "메커니즘 {count}개로 같은 주고받기"),
    Message(
      "demo.ipcCompare.heading.other", en: "One exchange over {count} mechanisms",
      ko: "메커니즘 {count}개로 같은 주고받기"),
    Message(
      "demo.ipcCompare.footer",
      en:
        "round trip: {size} there and back, {rounds} times after a warm-up; bandwidth: {volume} one way in {chunk} messages, then an acknowledgement",
      ko: "왕복: {size}를 보내고 돌려받기를 예열 뒤 {rounds}번, 대역폭: {volume}를 {chunk} 메시지로 한 방향으로 보낸 뒤 확인 응답"),
    Message(
      "demo.ipcCompare.mqSize",
      en: "* in messages of {size}, the largest a POSIX message may be here",
      ko: "* 이곳에서 POSIX 메시지가 가질 수 있는 가장 큰 크기인 {size} 메시지로"),
    Message(
      "demo.ipcCompare.mqueue.listed",
      en: "message queues are listed in /dev/mqueue while they exist",
      ko: "메시지 큐는 있는 동안 /dev/mqueue에 나타납니다"),
    Message(
      "demo.ipcCompare.mqueue.notMounted",
      en: "/dev/mqueue is not mounted here: message queues work, but cannot be listed as files",
      ko: "이곳에는 /dev/mqueue가 마운트되어 있지 않습니다. 메시지 큐는 동작하지만 파일로 볼 수는 없습니다"),
    Message(
      "demo.ipcCompare.title",
      en: "Round trip (median, p99, relative) and bandwidth, fastest round trip first",
      ko: "왕복(median, p99, relative)과 대역폭, 왕복이 빠른 순"),
    Message("demo.ipcCompare.column.bandwidth", en: "bandwidth", ko: "대역폭"),
    Message("demo.ipcCompare.column.why", en: "why", ko: "이유"),
    Message(
      "demo.ipcCompare.note",
      en:
        "{first} answered fastest ({median} per round trip), {last} slowest ({ratio}). A round trip is dominated by waking the other process, which every mechanism pays; the copies show in bandwidth: pipes, sockets and message queues copy each byte into the kernel and out again, shared memory copies it once into memory both processes see.",
      ko:
        "{first}가 가장 빨리 답했고(왕복 한 번에 {median}), {last}가 가장 느렸습니다({ratio}). 왕복 시간은 상대 프로세스를 깨우는 비용이 좌우하고, 그 비용은 모든 메커니즘이 치릅니다. 복사의 차이는 대역폭에 드러납니다. 파이프, 소켓, 메시지 큐는 바이트마다 커널로 복사했다가 다시 꺼내고, 공유 메모리는 두 프로세스가 함께 보는 메모리에 한 번만 복사합니다."
    ),
    Message(
      "demo.ipcCompare.best", en: " The highest bandwidth here: {best}, {rate}.",
      ko: " 여기서 대역폭이 가장 높은 것: {best}, {rate}."),
    Message(
      "demo.ipcCompare.file",
      en:
        "The concepts tutorial says shared memory beats going through files or sockets; the file here has no kernel wake-up at all, so its reader must poll with pread, burning CPU while it waits.",
      ko:
        "개념 튜토리얼은 공유 메모리가 파일이나 소켓을 거치는 것보다 낫다고 말합니다. 여기서 파일에는 커널의 깨우기가 전혀 없으므로, 읽는 쪽은 pread로 폴링해야 하고 기다리는 동안 CPU를 태웁니다."
    ),
    Message(
      "demo.ipcCompare.python.why.pipe", en: "pickle, then one write per message",
      ko: "pickle 뒤 메시지마다 write 한 번"),
    Message(
      "demo.ipcCompare.python.why.queue", en: "pickle, a feeder thread, a lock and a semaphore",
      ko: "pickle, 피더 스레드, 잠금, 세마포어"),
    Message(
      "demo.ipcCompare.python.held",
      en:
        "† CPython rows: one way, {messages} messages of {size} from a child process, time per message (median of 3 runs; relative to CPython's Pipe). Here the Queue took {ratio} the Pipe's time, as the IPC tutorial says (\"a pipe is faster than a queue\").",
      ko:
        "† CPython 행: 자식 프로세스에서 {size} 메시지 {messages}개를 한 방향으로 보낸 메시지당 시간(실행 3번의 중앙값, CPython Pipe 대비). 여기서 Queue는 Pipe 시간의 {ratio}가 걸렸습니다. IPC 튜토리얼의 말(\"파이프가 큐보다 빠르다\")대로입니다."
    ),
    Message(
      "demo.ipcCompare.python.notHeld",
      en:
        "† CPython rows: one way, {messages} messages of {size} from a child process, time per message (median of 3 runs; relative to CPython's Pipe). Here the Queue took {ratio} the Pipe's time: on this run the tutorial's claim did not hold; run it again.",
      ko:
        "† CPython 행: 자식 프로세스에서 {size} 메시지 {messages}개를 한 방향으로 보낸 메시지당 시간(실행 3번의 중앙값, CPython Pipe 대비). 여기서 Queue는 Pipe 시간의 {ratio}가 걸렸습니다. 이번 실행에서는 튜토리얼의 말이 맞지 않았습니다. 다시 실행해 보세요."
    ),
  ]
}
