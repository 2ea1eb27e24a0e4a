/** Where the editor's files live: a machine's file system through the simulation's inputs. */
export interface FileIo {
  read(machine: string, path: string): string | undefined;
  write(machine: string, path: string, content: string): void;
}

export interface Doc {
  readonly key: string;
  readonly machine: string;
  readonly path: string;
  /** What the machine's file holds (as last read or saved). */
  saved: string;
  /** What the editor holds. */
  text: string;
}

export const docKey = (machine: string, path: string): string => `${machine}:${path}`;

/**
 * The editor's open files: each one's text against what is on the machine. Saving writes the
 * file into the machine (an input of the world), where the shell sees it. Monaco models mirror
 * `text`; this class knows nothing of Monaco so it can be tested alone.
 */
export class EditorDocs {
  /** Keys of the files with unsaved changes. */
  dirty: Record<string, boolean> = $state({});
  private docs = new Map<string, Doc>();

  constructor(private io: FileIo) {}

  get(key: string): Doc | undefined {
    return this.docs.get(key);
  }

  /** Opens a file (reading it from the machine the first time); undefined if it does not exist. */
  open(machine: string, path: string): Doc | undefined {
    const key = docKey(machine, path);
    let d = this.docs.get(key);
    if (!d) {
      const text = this.io.read(machine, path);
      if (text === undefined) return undefined;
      d = { key, machine, path, saved: text, text };
      this.docs.set(key, d);
    }
    return d;
  }

  edit(key: string, text: string): void {
    const d = this.docs.get(key);
    if (!d) return;
    d.text = text;
    this.setDirty(d);
  }

  /** Writes the editor's text into the machine's file. */
  save(key: string): void {
    const d = this.docs.get(key);
    if (!d) return;
    this.io.write(d.machine, d.path, d.text);
    d.saved = d.text;
    this.setDirty(d);
  }

  /**
   * After machines came or went, or a file changed behind the editor (the shell wrote it):
   * files of machines that are gone are closed; a clean file takes the machine's content; an
   * edited one keeps its edits (and is clean again if the machine now holds the same text).
   * Returns the closed keys and the keys whose text changed.
   */
  sync(machines: readonly string[]): { closed: string[]; changed: string[] } {
    const closed: string[] = [];
    const changed: string[] = [];
    for (const d of [...this.docs.values()]) {
      const now = machines.includes(d.machine) ? this.io.read(d.machine, d.path) : undefined;
      if (now === undefined) {
        this.docs.delete(d.key);
        delete this.dirty[d.key];
        closed.push(d.key);
        continue;
      }
      if (d.text === d.saved && now !== d.text) {
        d.text = now;
        changed.push(d.key);
      }
      d.saved = now;
      this.setDirty(d);
    }
    return { closed, changed };
  }

  private setDirty(d: Doc): void {
    const dirty = d.text !== d.saved;
    if (!!this.dirty[d.key] !== dirty) this.dirty[d.key] = dirty;
  }
}
