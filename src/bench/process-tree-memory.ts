import { readdirSync, readFileSync } from 'node:fs';

/** Peak and mean of one phase, in bytes: the sum over this process and every process it started (Chromium). */
export interface MemoryFigures {
  readonly peak: number;
  readonly mean: number;
  /** This process alone at the tree's peak. */
  readonly nodeAtPeak: number;
  /** The sum of proportional set sizes near the peak (read at most every 5 s): shared pages counted once. */
  readonly pssAtPeak: number;
  readonly processesAtPeak: number;
  readonly samples: number;
}

interface Sample {
  readonly rss: number;
  readonly node: number;
  readonly processes: readonly number[];
}

/**
 * Samples the resident memory (VmRSS, from /proc/<pid>/statm) of this process and of all its descendants:
 * Chromium's browser, zygotes, renderers and utility processes, found through the parent ids in
 * /proc/<pid>/stat. A sum of RSS counts the pages processes share once per process, so it is an upper
 * bound; the proportional set size (smaps_rollup) at the peak is given beside it.
 */
export class ProcessTreeMemory {
  private timer?: NodeJS.Timeout;
  private samples: Sample[] = [];
  private peak?: Sample;
  private peakPss = 0;
  private pssAt = -Infinity;
  private tree: number[] = [];
  private treeAt = -Infinity;

  /** Starts a phase (ends the previous one's sampling). */
  start(intervalMs = 100): void {
    this.stop();
    this.samples = [];
    this.peak = undefined;
    this.peakPss = 0;
    this.pssAt = -Infinity;
    this.treeAt = -Infinity;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Ends the phase and gives its figures. */
  stop(): MemoryFigures {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.samples.length > 0) this.sample();
    const samples = this.samples;
    const peak = this.peak ?? { rss: 0, node: 0, processes: [] };
    return {
      peak: peak.rss,
      mean: samples.length === 0 ? 0 : samples.reduce((s, x) => s + x.rss, 0) / samples.length,
      nodeAtPeak: peak.node,
      pssAtPeak: this.peakPss,
      processesAtPeak: peak.processes.length,
      samples: samples.length,
    };
  }

  private sample(): void {
    // Listing /proc costs far more than reading a few processes' sizes: the tree is refreshed every 2 s.
    const now = performance.now();
    if (now - this.treeAt > 2000) {
      this.tree = [process.pid, ...descendants(process.pid)];
      this.treeAt = now;
    }
    const sizes = this.tree.map((pid) => residentBytes(pid));
    const sample = { rss: sizes.reduce((s, x) => s + x, 0), node: sizes[0], processes: this.tree };
    this.samples.push(sample);
    if (!this.peak || sample.rss > this.peak.rss) {
      this.peak = sample;
      // smaps_rollup walks the page tables (tens of ms for Chromium): read at a new peak, at most every 5 s.
      if (now - this.pssAt > 5000) {
        this.peakPss = this.tree.reduce((s, pid) => s + rollupKb(pid, 'Pss') * 1024, 0);
        this.pssAt = now;
      }
    }
  }
}

/** Every process whose parent chain leads to `root`, from /proc/<pid>/stat. */
export function descendants(root: number): number[] {
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
  return kbField(readOrEmpty(`/proc/${pid}/smaps_rollup`), field);
}

function kbField(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
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
