/** What is kept of one lesson: the step the learner is on and the ids of the steps done. */
export interface LessonProgress {
  step: number;
  done: string[];
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

/** The part of Web Storage progress needs (the screen passes localStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PROGRESS_KEY = 'coreos-playground-progress';
export const PROGRESS_VERSION = 1;

const empty = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });

/** Parses kept or imported progress; a string is what is wrong with it. */
export function parseProgress(text: string): Progress | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!data || typeof data !== 'object') return 'not an object';
  const d = data as { version?: unknown; lessons?: unknown };
  if (d.version !== PROGRESS_VERSION) return `unknown version ${JSON.stringify(d.version)} (expected ${PROGRESS_VERSION})`;
  if (!d.lessons || typeof d.lessons !== 'object' || Array.isArray(d.lessons)) return 'no lessons';
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, v] of Object.entries(d.lessons as Record<string, unknown>)) {
    const p = v as Partial<LessonProgress> | null;
    if (!p || typeof p !== 'object' || !Number.isInteger(p.step) || (p.step as number) < 0 || !Array.isArray(p.done) || !p.done.every((x) => typeof x === 'string')) {
      return `bad entry for ${slug}`;
    }
    lessons[slug] = { step: p.step as number, done: [...p.done] };
  }
  return { version: PROGRESS_VERSION, lessons };
}

/**
 * Progress kept in storage, versioned. A corrupt entry is reported (`problem`) and reset, never
 * thrown; without storage (privacy mode) progress lives in memory only.
 */
export class ProgressStore {
  /** Set when the kept progress could not be read and was reset. */
  problem: string | undefined;
  private data: Progress;

  constructor(private storage: KeyValueStorage | undefined) {
    this.data = empty();
    let raw: string | null = null;
    try {
      raw = storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      raw = null;
    }
    if (raw === null) return;
    const p = parseProgress(raw);
    if (typeof p === 'string') {
      this.problem = `Saved progress could not be read (${p}); it was reset.`;
      this.save();
    } else this.data = p;
  }

  get(slug: string): LessonProgress | undefined {
    const p = this.data.lessons[slug];
    return p && { step: p.step, done: [...p.done] };
  }

  all(): Readonly<Record<string, LessonProgress>> {
    return this.data.lessons;
  }

  set(slug: string, p: LessonProgress): void {
    this.data.lessons[slug] = { step: p.step, done: [...p.done] };
    this.save();
  }

  reset(slug: string): void {
    delete this.data.lessons[slug];
    this.save();
  }

  /** The progress as a file's text. */
  exportText(): string {
    return JSON.stringify(this.data, null, 2) + '\n';
  }

  /** Replaces the progress with an exported file's; returns what is wrong with it, if anything. */
  importText(text: string): string | undefined {
    const p = parseProgress(text);
    if (typeof p === 'string') return `This file is not playground progress: ${p}.`;
    this.data = p;
    this.save();
    this.problem = undefined;
    return undefined;
  }

  private save(): void {
    try {
      this.storage?.setItem(PROGRESS_KEY, JSON.stringify(this.data));
    } catch {
      // Quota or privacy mode: progress stays in memory for this visit.
    }
  }
}
