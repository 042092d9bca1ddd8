import ProcLabApp

@main
struct Entrypoint {
  static func main() {
    ProcLabMain.run()
  }
}
