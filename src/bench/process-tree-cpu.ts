import { descendants, readOrEmpty } from './process-tree-memory';

/** CPU time of one phase, in seconds: this process (all its threads) and the processes it started (Chromium). */
export interface CpuFigures {
  readonly node: number;
  readonly children: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time this process and its descendants spent between `start` and `stop`, from /proc/<pid>/stat: each
 * process's own user and system time plus that of its children already waited for (so a print compositor that
 * Chromium started and reaped during the phase still counts). Unlike a sampling profile, a thread waiting for a
 * core is not counted as busy.
 */
export class ProcessTreeCpu {
  private before = new Map<number, number>();

  start(): void {
    this.before = this.times();
  }

  stop(): CpuFigures {
    let node = 0;
    let children = 0;
    for (const [pid, ticks] of this.times()) {
      const spent = (ticks - (this.before.get(pid) ?? 0)) / TICKS_PER_SECOND;
      if (pid === process.pid) node += spent;
      else children += spent;
    }
    return { node, children };
  }

  private times(): Map<number, number> {
    return new Map([process.pid, ...descendants(process.pid)].map((pid) => [pid, ticksOf(pid)]));
  }
}

/** utime, stime, cutime and cstime (fields 14-17 of /proc/<pid>/stat); 0 for a process gone. */
function ticksOf(pid: number): number {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  if (stat === '') return 0;
  // After "pid (comm) ", the fields start at the third one (state): utime is the 14th field overall.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
}
