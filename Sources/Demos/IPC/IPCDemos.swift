/// The IPC demos: pipe, queue, shm-race, semaphore, mutex, ipc-compare.
public enum IPCDemos {
  static let all: [DemoDefinition] = [
    PipeDemo.definition,
    QueueDemo.definition,
    ShmRace.definition,
    SemaphoreDemo.definition,
    MutexDemo.definition,
    IPCCompare.definition,
  ]

  /// `proclab worker <role> …` entry points of the IPC demos.
  static let workerRoles: [String: Workers.Role] = [
    "shm-add": ShmRace.worker,
    "pipe-send": PipeDemo.sendWorker,
    "pipe-echo": PipeDemo.echoWorker,
    "pipe-serve": PipeDemo.serveWorker,
    "pipe-sink": PipeDemo.sinkWorker,
    "pipe-flood": QueueDemo.pipeFloodWorker,
    "queue-producer": QueueDemo.producerWorker,
    "queue-consumer": QueueDemo.consumerWorker,
    "queue-flood": QueueDemo.floodWorker,
    "sem-holder": SemaphoreDemo.worker,
    "sem-post": MutexDemo.postWorker,
    "mutex-die-holding": MutexDemo.dieHoldingWorker,
    "ipc-echo": IPCCompare.worker,
  ]
}
