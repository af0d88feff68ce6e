/**
 * Where the user's data is kept between visits: a few named blobs (the database and the
 * original bytes of each file) in the origin private file system (OPFS) where the browser
 * offers it to workers, else in IndexedDB. Runs in the database worker. Nothing is created
 * until something is written, so a visit that only looks at the demo leaves no trace.
 */
import { deleteDB, openDB, type IDBPDatabase } from "idb";

export type StoreBackend = "opfs" | "indexeddb";

export interface StoredEntry {
  name: string;
  size: number;
  /** Milliseconds since the epoch of the last write. */
  modified: number;
}

export interface BlobStore {
  readonly backend: StoreBackend;
  /** Replaces the entry whole: a reader sees the old bytes or the new ones, never a mix. */
  put(name: string, data: Uint8Array | Blob): Promise<void>;
  /** The entry's bytes (read lazily where the backend allows), or null. */
  get(name: string): Promise<Blob | null>;
  remove(name: string): Promise<void>;
  list(): Promise<StoredEntry[]>;
  /** Deletes everything this app stored, the directory or database included. */
  destroy(): Promise<void>;
}

/** Name of the OPFS directory and of the IndexedDB database. */
export const STORE_NAME = "crm-lens";

/** `entries()` is in every engine with OPFS; TypeScript's DOM library declares it only with DOM.AsyncIterable. */
type ListableDirectory = FileSystemDirectoryHandle & { entries(): AsyncIterableIterator<[string, FileSystemHandle]> };

const isNotFound = (error: unknown) => error instanceof DOMException && error.name === "NotFoundError";

/** OPFS through synchronous access handles, which only dedicated workers have (and every engine that has OPFS offers there). */
export class OpfsStore implements BlobStore {
  readonly backend = "opfs";

  private constructor(private readonly root: FileSystemDirectoryHandle) {}

  /** Null where the browser has no OPFS for this page (older browsers, some private windows). */
  static async open(): Promise<OpfsStore | null> {
    if (typeof FileSystemFileHandle === "undefined" || !("createSyncAccessHandle" in FileSystemFileHandle.prototype)) return null;
    try {
      return new OpfsStore(await navigator.storage.getDirectory());
    } catch {
      return null;
    }
  }

  private async dir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
    try {
      return await this.root.getDirectoryHandle(STORE_NAME, { create });
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async put(name: string, data: Uint8Array | Blob): Promise<void> {
    const dir = await this.dir(true);
    if (!dir) throw new Error("OPFS directory missing");
    // Written beside the entry, then moved over it, so that a tab closed mid-write leaves the old entry.
    const partial = await dir.getFileHandle(`${name}.partial`, { create: true });
    const access = await lockedAccess(partial);
    try {
      access.truncate(0);
      let at = 0;
      const chunks = data instanceof Uint8Array ? slices(data, WRITE_CHUNK_BYTES) : streamChunks(data);
      for await (const chunk of chunks) {
        for (let done = 0; done < chunk.byteLength; ) done += access.write(chunk.subarray(done), { at: at + done });
        at += chunk.byteLength;
        // Writes are synchronous: between chunks the worker answers the queries waiting for it.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      access.flush();
    } finally {
      access.close();
    }
    await moveOver(dir, partial, name);
  }

  async get(name: string): Promise<Blob | null> {
    const dir = await this.dir(false);
    if (!dir) return null;
    try {
      return await (await dir.getFileHandle(name)).getFile();
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    const dir = await this.dir(false);
    try {
      await dir?.removeEntry(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async list(): Promise<StoredEntry[]> {
    const dir = await this.dir(false);
    if (!dir) return [];
    const entries: StoredEntry[] = [];
    for await (const [name, handle] of (dir as ListableDirectory).entries()) {
      if (handle.kind !== "file" || name.endsWith(".partial")) continue;
      const file = await (handle as FileSystemFileHandle).getFile();
      entries.push({ name, size: file.size, modified: file.lastModified });
    }
    return entries;
  }

  async destroy(): Promise<void> {
    try {
      await this.root.removeEntry(STORE_NAME, { recursive: true });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/**
 * A sync access handle locks its file: another tab of the app saving at the same moment
 * holds it for as long as its write takes, so wait for it (a few seconds at most).
 */
async function lockedAccess(handle: FileSystemFileHandle): Promise<FileSystemSyncAccessHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.createSyncAccessHandle();
    } catch (error) {
      const locked = error instanceof DOMException && error.name === "NoModificationAllowedError";
      if (!locked || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Bytes per synchronous OPFS write. A 200 MB database written in one call held the worker,
 * and so every query, for seconds after a 1M-order load.
 */
const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += size) yield bytes.subarray(start, start + size);
}

async function* streamChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** `move()` is in every engine with OPFS sync handles today; where it is not, the entry is written in place. */
async function moveOver(dir: FileSystemDirectoryHandle, partial: FileSystemFileHandle, name: string): Promise<void> {
  const movable = partial as FileSystemFileHandle & { move?: (name: string) => Promise<void> };
  if (movable.move) {
    await movable.move(name);
    return;
  }
  const target = await lockedAccess(await dir.getFileHandle(name, { create: true }));
  try {
    const bytes = new Uint8Array(await (await partial.getFile()).arrayBuffer());
    target.truncate(0);
    target.write(bytes, { at: 0 });
    target.flush();
  } finally {
    target.close();
  }
  await dir.removeEntry(partial.name);
}

interface IdbEntry {
  data: Blob;
  modified: number;
}

const ENTRIES = "entries";

/** IndexedDB: one object store of entries keyed by name (each put is one transaction, so atomic). */
export class IdbStore implements BlobStore {
  readonly backend = "indexeddb";
  /** Opened on first use and closed before the database is deleted (an open connection would block the deletion). */
  private connection: Promise<IDBPDatabase> | null = null;

  /** Null where the browser has no IndexedDB; a browser that refuses to store says so on the first write. */
  static open(): IdbStore | null {
    return typeof indexedDB === "undefined" ? null : new IdbStore();
  }

  private db(): Promise<IDBPDatabase> {
    this.connection ??= openDB(STORE_NAME, 1, {
      upgrade: (db) => void db.createObjectStore(ENTRIES),
      // Another tab (or store) deleting the data: let it, and open again on next use.
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        this.connection = null;
      },
    });
    return this.connection;
  }

  /** The database when it exists: reading must not create it (after "Clear my data" nothing may be left). */
  private async existing(): Promise<IDBPDatabase | null> {
    if (this.connection) return this.connection;
    const known = await indexedDB.databases?.();
    if (known && !known.some((d) => d.name === STORE_NAME)) return null;
    return this.db();
  }

  async put(name: string, data: Uint8Array | Blob): Promise<void> {
    const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
    const entry: IdbEntry = { data: blob, modified: Date.now() };
    await (await this.db()).put(ENTRIES, entry, name);
  }

  async get(name: string): Promise<Blob | null> {
    const entry = (await (await this.existing())?.get(ENTRIES, name)) as IdbEntry | undefined;
    return entry?.data ?? null;
  }

  async remove(name: string): Promise<void> {
    await (await this.existing())?.delete(ENTRIES, name);
  }

  async list(): Promise<StoredEntry[]> {
    const db = await this.existing();
    if (!db) return [];
    const names = (await db.getAllKeys(ENTRIES)).map(String);
    const entries = (await db.getAll(ENTRIES)) as IdbEntry[];
    return entries.map((entry, i) => ({ name: names[i] ?? "", size: entry.data.size, modified: entry.modified }));
  }

  async destroy(): Promise<void> {
    const open = this.connection;
    this.connection = null;
    if (open) (await open.catch(() => null))?.close();
    await deleteDB(STORE_NAME);
  }
}

/** OPFS where the browser has it for workers, else IndexedDB, else null (nothing can be kept). */
export async function openStore(): Promise<BlobStore | null> {
  return (await OpfsStore.open()) ?? IdbStore.open();
}
