/// The IPC demos: pipe, queue, shm-race, semaphore, mutex, ipc-compare.
public enum IPCDemos {
  static let all: [DemoDefinition] = []
  static let workerRoles: [String: Workers.Role] = [:]
}
