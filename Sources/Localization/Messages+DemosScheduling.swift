// The scheduling demo's own texts (nice): notes, headings, table titles, column names and the
// cells drawn for a reader. Metric values and names stay the same in both languages.
extension Messages {
  static let demosScheduling: [Message] = [
    Message(
      "demo.nice.spread", en: "mean {mean} ± {sd}, {min}…{max} over {runs} runs",
      ko: "평균 {mean} ± {sd}, {runs}회 {min}…{max}"),
    Message(
      "demo.nice.heading.share", en: "Two spinners and a sleeper pinned to CPU {cpu}",
      ko: "CPU {cpu}에 고정한 스피너 둘과 잠자는 프로세스 하나"),
    Message(
      "demo.nice.share.title", en: "The share of CPU {cpu} each spinner got",
      ko: "각 스피너가 받은 CPU {cpu}의 몫"),
    Message("demo.nice.column.process", en: "process", ko: "프로세스"),
    Message("demo.nice.spinnerAt", en: "spinner {pid}, nice {nice}", ko: "스피너 {pid}, nice {nice}"),
    Message("demo.nice.row.weight", en: "weight", ko: "가중치"),
    Message("demo.nice.row.expected", en: "expected share", ko: "예상 몫"),
    Message("demo.nice.row.median", en: "measured share (median)", ko: "측정한 몫(중앙값)"),
    Message("demo.nice.row.mean", en: "mean ± σ", ko: "평균 ± σ"),
    Message("demo.nice.row.range", en: "min…max", ko: "최소…최대"),
    Message("demo.nice.column.does", en: "what it does", ko: "하는 일"),
    Message("demo.nice.column.cpuTime", en: "CPU time", ko: "CPU 시간"),
    Message("demo.nice.column.voluntary", en: "voluntary", ko: "자발적"),
    Message("demo.nice.column.involuntary", en: "involuntary", ko: "비자발적"),
    Message("demo.nice.spinner", en: "spinner {pid}", ko: "스피너 {pid}"),
    Message("demo.nice.sleeper", en: "sleeper {pid}", ko: "잠자는 프로세스 {pid}"),
    Message(
      "demo.nice.sleeperDoes", en: "sleeps 1 ms at a time", ko: "1밀리초씩 거듭 잠듦"),
    Message("demo.nice.spinnerDoes", en: "computes, never waits", ko: "계산만 하고 기다리지 않음"),
    Message(
      "demo.nice.share.note",
      en:
        "The scheduler gives each runnable process CPU time in proportion to its weight: {w0} at nice 0 and {wn} at nice {nice}, so the nice 0 spinner should get {w0} ÷ ({w0} + {wn}) = {expected}, {expectedRatio} as much as the other. It got {measured}, {ratio} as much.",
      ko:
        "스케줄러는 실행 가능한 프로세스마다 가중치에 비례해 CPU 시간을 나눠 줍니다. nice 0의 가중치는 {w0}, nice {nice}의 가중치는 {wn}이므로 nice 0 스피너의 몫은 {w0} ÷ ({w0} + {wn}) = {expected}, 곧 다른 스피너의 {expectedRatio}여야 합니다. 측정한 몫은 {measured}로, 다른 스피너의 {ratio}입니다."
    ),
    Message(
      "demo.nice.switches.title", en: "Context switches over the timed runs",
      ko: "측정 구간 동안의 문맥 교환"),
    Message(
      "demo.nice.switches.note",
      en:
        "The sleeper gave the CPU up itself {sleeperVoluntary} times (voluntary: it blocked in a sleep); the spinner never waits, and the kernel took the CPU away from it {spinnerInvoluntary} times (involuntary: preempted when its turn was over).",
      ko:
        "잠자는 프로세스는 {sleeperVoluntary}번 스스로 CPU를 내놓았습니다(자발적: 잠들며 블록됨). 스피너는 기다리는 일이 없는데, 커널이 {spinnerInvoluntary}번 CPU를 빼앗았습니다(비자발적: 차례가 끝나 선점됨)."
    ),
    Message(
      "demo.nice.heading.yield", en: "A spinner that calls sched_yield() beside one that does not",
      ko: "sched_yield()를 부르는 스피너와 부르지 않는 스피너"),
    Message(
      "demo.nice.yield.note",
      en:
        "Both at nice 0 on one CPU: the one that calls sched_yield() on every turn got {share} ({spread}), the other {other}. sched_yield() only offers the CPU to another runnable task of the same policy; it is not a sleep, and it is no way to wait for something.",
      ko:
        "둘 다 nice 0으로 한 CPU에 있습니다. 매 차례 sched_yield()를 부르는 쪽이 {share}({spread}), 다른 쪽이 {other}를 받았습니다. sched_yield()는 같은 정책의 다른 실행 가능한 태스크에게 CPU를 양보할 뿐입니다. 잠드는 것이 아니며, 무언가를 기다리는 방법도 아닙니다."
    ),
    Message(
      "demo.nice.heading.fifo", en: "A real-time SCHED_FIFO spinner beside a normal one",
      ko: "실시간 SCHED_FIFO 스피너와 보통 스피너"),
    Message(
      "demo.nice.fifo.oneCPU",
      en:
        "Skipped: this process may use only one CPU, and a SCHED_FIFO spinner on it would stop ProcLab itself.",
      ko: "건너뜁니다. 이 프로세스가 쓸 수 있는 CPU가 하나뿐이라, 그 CPU에서 SCHED_FIFO 스피너를 돌리면 ProcLab 자신이 멈춥니다."
    ),
    Message(
      "demo.nice.fifo.refused",
      en:
        "SCHED_FIFO is not permitted here ({error}): a real-time policy needs CAP_SYS_NICE or an RLIMIT_RTPRIO above 0, and yours is {rtprio} (ulimit -r).",
      ko:
        "여기서는 SCHED_FIFO가 허용되지 않습니다({error}). 실시간 정책에는 CAP_SYS_NICE 권한이나 0보다 큰 RLIMIT_RTPRIO가 필요한데, 지금 값은 {rtprio}입니다(ulimit -r)."
    ),
    Message(
      "demo.nice.fifo.note",
      en:
        "A SCHED_FIFO task runs until it blocks or yields, before every normal task on its CPU: the normal spinner beside it got {share} of the CPU ({spread}).",
      ko:
        "SCHED_FIFO 태스크는 블록되거나 양보할 때까지, 같은 CPU의 어떤 보통 태스크보다 먼저 실행됩니다. 옆의 보통 스피너가 받은 CPU 몫은 {share}입니다({spread})."
    ),
    Message(
      "demo.nice.fifo.throttle",
      en:
        "What it got comes from the kernel's real-time throttling: real-time tasks may use {runtime} of every {period} (sched_rt_runtime_us), leaving {left} to normal tasks.",
      ko:
        "그만큼이라도 받은 것은 커널의 실시간 스로틀링 덕분입니다. 실시간 태스크는 {period}마다 {runtime}까지만 쓸 수 있고(sched_rt_runtime_us), 나머지 {left}는 보통 태스크 몫입니다."
    ),
    Message(
      "demo.nice.heading.quota", en: "Two spinners, free to use every CPU",
      ko: "모든 CPU를 쓸 수 있는 스피너 둘"),
    Message(
      "demo.nice.quota.set",
      en:
        "ProcLab's cgroup may use {quota} CPUs' worth of time per second (its CPU quota), out of {cpus} CPUs: two spinners got {used} CPUs' worth. A parallel speedup cannot go past the quota, however many CPUs there are (lesson 8).",
      ko:
        "ProcLab의 cgroup은 CPU {cpus}개 가운데 초당 CPU {quota}개 분량의 시간만 쓸 수 있습니다(CPU 할당량). 스피너 둘이 받은 시간은 CPU {used}개 분량입니다. CPU가 몇 개든 병렬 속도 향상은 이 할당량을 넘을 수 없습니다(8강)."
    ),
    Message(
      "demo.nice.quota.none",
      en:
        "No cgroup CPU quota is set for ProcLab: two spinners got {used} CPUs' worth of time per second from {cpus} CPUs; what is missing went to the other programs on the machine (load {load}).",
      ko:
        "ProcLab에는 cgroup CPU 할당량이 없습니다. 스피너 둘이 CPU {cpus}개에서 초당 CPU {used}개 분량의 시간을 받았습니다. 모자란 만큼은 이 컴퓨터의 다른 프로그램들이 썼습니다(부하 {load})."
    ),
  ]
}
