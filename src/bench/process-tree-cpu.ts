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
  private before = new Map<number, Ticks>();

  /** `skip`: a descendant left out, with its children (the memory sampler). */
  constructor(private readonly skip: () => ReadonlySet<number> = () => new Set()) {}

  start(): void {
    this.before = this.times();
  }

  stop(): CpuFigures {
    let node = 0;
    let children = 0;
    for (const [pid, ticks] of this.times()) {
      const before = this.before.get(pid) ?? { own: 0, reaped: 0 };
      const own = (ticks.own - before.own) / TICKS_PER_SECOND;
      // A process's reaped children are children of this one too (a browser launched and closed per PDF).
      children += (ticks.reaped - before.reaped) / TICKS_PER_SECOND;
      if (pid === process.pid) node += own;
      else children += own;
    }
    return { node, children };
  }

  private times(): Map<number, Ticks> {
    return new Map([process.pid, ...descendants(process.pid, this.skip())].map((pid) => [pid, ticksOf(pid)]));
  }
}

interface Ticks {
  /** utime and stime: the process's own threads. */
  readonly own: number;
  /** cutime and cstime: its children already waited for. */
  readonly reaped: number;
}

/** Fields 14-17 of /proc/<pid>/stat; nothing for a process gone. */
function ticksOf(pid: number): Ticks {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  if (stat === '') return { own: 0, reaped: 0 };
  // After "pid (comm) ", the fields start at the third one (state): utime is the 14th field overall.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: fields[11] + fields[12], reaped: fields[13] + fields[14] };
}
