import DemoContract

/// `pool mode=`: which parts of the demo run.
enum PoolMode: String, ParameterChoice { case schedule, apply, overhead, all }
/// `pool pool=`: worker processes or threads.
enum PoolKind: String, ParameterChoice { case process, thread }
/// `pool work=`: what each task does for its duration.
enum PoolWork: String, ParameterChoice { case sleep, spin }

struct PoolKeys: ParameterSet {
  let mode = EnumParameter<PoolMode>(
    "mode", default: .schedule,
    help:
      "schedule: the GIL tutorial's Pool(3).map; apply: the pool tutorial's apply; overhead: cost of a task"
  )
  let pool = EnumParameter<PoolKind>(
    "pool", default: .process, help: "worker processes or threads (schedule and apply)")
  let workers = IntParameter(
    "workers", default: 0, range: 0...16,
    help: "pool size; 0: the tutorial's (3 for schedule, 4 for apply, usable CPUs for overhead)")
  let tasks = IntParameter(
    "tasks", default: 0, range: 0...200,
    help: "tasks; 0: the tutorial's (10 for schedule, 4 for apply)")
  let duration = DecimalParameter(
    "duration", default: 0.2, range: 0.01...5,
    help: "seconds each task lasts (the tutorials used 1)")
  let chunksize = IntParameter(
    "chunksize", default: 1, range: 1...100, help: "tasks handed to a worker at a time by map")
  let work = EnumParameter<PoolWork>(
    "work", default: .sleep, help: "sleep like the tutorials' time.sleep, or keep a CPU busy")
  let python = FlagParameter(
    "python", default: true,
    help: "also run the lessons' Python program (lessons/python) when python3 is on PATH")
}
