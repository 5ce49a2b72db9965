import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Peak and mean of one phase, in bytes: the sum over the bench's process and every process it started (Chromium). */
export interface MemoryFigures {
  readonly peak: number;
  readonly mean: number;
  /** The bench's process alone at the tree's peak. */
  readonly nodeAtPeak: number;
  /** The highest sum of proportional set sizes (shared pages counted once), read every second. */
  readonly pssPeak: number;
  readonly processesAtPeak: number;
  readonly samples: number;
}

/**
 * The memory of this process and of all its descendants (Chromium's browser, zygotes, renderers and utility
 * processes), sampled by a process of its own: the samples, above all the proportional set sizes (tens of ms
 * of CPU for Chromium's page tables), cost the engine's thread nothing. The sampler leaves itself out of the
 * tree; `pid` lets the CPU figures leave it out too.
 */
export class ProcessTreeMemory {
  private constructor(private readonly sampler: ChildProcess) {}

  static async open(): Promise<ProcessTreeMemory> {
    const sampler = fork(join(__dirname, 'process-tree-memory.js'), ['--sample', String(process.pid)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await once(sampler, 'spawn');
    return new ProcessTreeMemory(sampler);
  }

  get pid(): number {
    return this.sampler.pid!;
  }

  /** Starts a phase. */
  start(): Promise<void> {
    return this.ask({ start: true }).then(() => undefined);
  }

  /** Ends the phase and gives its figures. */
  stop(): Promise<MemoryFigures> {
    return this.ask({ stop: true });
  }

  close(): void {
    this.sampler.kill();
  }

  private ask(command: object): Promise<MemoryFigures> {
    const answer = once(this.sampler, 'message') as Promise<[MemoryFigures]>;
    this.sampler.send(command);
    return answer.then(([figures]) => figures);
  }
}

interface Sample {
  readonly rss: number;
  readonly node: number;
  readonly processes: number;
}

/** The sampler's side: RSS (statm, cheap) every 100 ms, PSS (smaps_rollup) every second, of `root`'s tree. */
class TreeSampler {
  private timer?: NodeJS.Timeout;
  private samples: Sample[] = [];
  private peak?: Sample;
  private pssPeak = 0;
  private tree: number[] = [];
  private treeAt = -Infinity;
  private pssAt = -Infinity;

  constructor(private readonly root: number) {}

  start(): void {
    this.end();
    this.samples = [];
    this.peak = undefined;
    this.pssPeak = 0;
    this.treeAt = -Infinity;
    this.pssAt = -Infinity;
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
  }

  stop(): MemoryFigures {
    this.end();
    this.pssAt = -Infinity;
    this.sample();
    const peak = this.peak ?? { rss: 0, node: 0, processes: 0 };
    return {
      peak: peak.rss,
      mean: this.samples.reduce((s, x) => s + x.rss, 0) / this.samples.length,
      nodeAtPeak: peak.node,
      pssPeak: this.pssPeak,
      processesAtPeak: peak.processes,
      samples: this.samples.length,
    };
  }

  private end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private sample(): void {
    const now = performance.now();
    // Listing /proc costs far more than reading a few processes' sizes: the tree is refreshed every 2 s.
    if (now - this.treeAt > 2000) {
      this.tree = [this.root, ...descendants(this.root, new Set([process.pid]))];
      this.treeAt = now;
    }
    const sizes = this.tree.map((pid) => residentBytes(pid));
    const sample = { rss: sizes.reduce((s, x) => s + x, 0), node: sizes[0], processes: this.tree.length };
    this.samples.push(sample);
    if (!this.peak || sample.rss > this.peak.rss) this.peak = sample;
    if (now - this.pssAt >= 1000) {
      this.pssPeak = Math.max(
        this.pssPeak,
        this.tree.reduce((s, pid) => s + rollupKb(pid, 'Pss') * 1024, 0),
      );
      this.pssAt = now;
    }
  }
}

/** Every process whose parent chain leads to `root`, from /proc/<pid>/stat, leaving out `skip` and its children. */
export function descendants(root: number, skip: ReadonlySet<number> = new Set()): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  for (let queue = [...(children.get(root) ?? [])]; queue.length > 0;) {
    const pid = queue.shift()!;
    if (skip.has(pid)) continue;
    found.push(pid);
    queue = [...queue, ...(children.get(pid) ?? [])];
  }
  return found;
}

function parentOf(pid: number): number | undefined {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  // "pid (comm) state ppid …": the command may hold spaces and parentheses, so read after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return stat === '' ? undefined : Number(fields[1]);
}

/** VmRSS, read from statm (resident pages, the second field): the cheapest of the files that hold it. */
function residentBytes(pid: number): number {
  const pages = Number(readOrEmpty(`/proc/${pid}/statm`).split(' ')[1] ?? 0);
  return Number.isFinite(pages) ? pages * PAGE_BYTES : 0;
}

const PAGE_BYTES = 4096;

function rollupKb(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readOrEmpty(`/proc/${pid}/smaps_rollup`));
  return match ? Number(match[1]) : 0;
}

/** A process may exit between the listing and the read. */
export function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

// Run as the sampler (forked by ProcessTreeMemory.open): answers each command with the phase's figures.
if (process.argv[2] === '--sample' && process.send) {
  const sampler = new TreeSampler(Number(process.argv[3]));
  process.on('message', (command: { start?: boolean }) => {
    if (command.start) {
      sampler.start();
      process.send!({});
    } else process.send!(sampler.stop());
  });
  process.on('disconnect', () => process.exit(0));
}
