import os from "os"

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown cpu"
  return `${os.cpus().length} x ${cpu.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}
