/**
 * Keeping the user's work between visits: the keeper saves after a change, a new engine
 * reopens it, "Clear my data" leaves nothing in IndexedDB, and a browser that refuses to
 * store (quota, no storage, a damaged copy) leaves the data loaded with a status saying so.
 * IndexedDB is fake-indexeddb here; OPFS, which needs a browser worker, is covered by
 * tests/e2e/persistence.spec.ts.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { DATABASE_ENTRY, Keeper } from "../../../src/lib/db/persist.ts";
import { IdbStore, STORE_NAME, type BlobStore } from "../../../src/lib/db/store.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";
import { ORDERS } from "../../fixtures/tiny-shop.ts";

/** The worker's queue, run by hand: tasks wait until `drain()`. */
function manualQueue() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => void tasks.push(task),
    drain: () => tasks.splice(0).forEach((task) => task()),
    get length() {
      return tasks.length;
    },
  };
}

/** A keeper on IndexedDB (or on the given store) with its queue run by hand. */
function keeperOn(openStore: () => Promise<BlobStore | null> = async () => IdbStore.open()) {
  const queue = manualQueue();
  return { keeper: new Keeper(openStore, queue.schedule), queue };
}

/** Tells the keeper the data changed, runs the queue and waits for the write. */
async function saved(engine: Engine, { keeper, queue }: ReturnType<typeof keeperOn>) {
  keeper.changed(engine);
  queue.drain();
  return keeper.status(engine);
}

const revenue = (engine: Engine) => engine.query("SELECT TOTAL(amount) AS r FROM sales").rows[0]?.r;
const storeExists = async () => (await indexedDB.databases()).some((d) => d.name === STORE_NAME);

async function userEngine(): Promise<Engine> {
  const engine = await newEngine();
  await engine.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
  return engine;
}

afterEach(async () => {
  await IdbStore.open()?.destroy();
});

describe("saving and reopening", () => {
  it("saves once after several changes, and a new engine reopens the same data (480 of revenue, tiny-shop.ts)", async () => {
    const engine = await userEngine();
    const { keeper, queue } = keeperOn();
    keeper.changed(engine);
    keeper.changed(engine);
    expect(queue.length).toBe(1);
    queue.drain();

    const status = await keeper.status(engine);
    const databaseBytes = engine.exportDatabase().byteLength;
    expect(status).toMatchObject({ backend: "indexeddb", kept: true, problem: null });
    // The database and the original orders.csv beside it.
    expect(status.bytes).toBe(databaseBytes + new Blob([ORDERS]).size);
    expect(status.savedAt).not.toBeNull();

    const next = await newEngine();
    const restored = await keeperOn().keeper.restore(next, DEFAULT_SETTINGS);
    expect(restored?.info.files.map((f) => [f.name, f.state])).toEqual([["orders.csv", "applied"]]);
    expect(revenue(next)).toBe(480);
    // The original bytes came back too: the file can be read again with another delimiter.
    expect(next.sources().get(1)?.size).toBe(new Blob([ORDERS]).size);
  });

  it("answers a status asked before a waiting save has run once that save is written", async () => {
    const engine = await userEngine();
    const { keeper, queue } = keeperOn();
    keeper.changed(engine);
    let answered = false;
    const status = keeper.status(engine).then((s) => ((answered = true), s));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    queue.drain();
    expect(await status).toMatchObject({ kept: true, problem: null });
  });

  it("reopens nothing when nothing was saved, and never saves the demo", async () => {
    const engine = await newEngine();
    await engine.load([{ ...csvFile("orders.csv", ORDERS), demo: true }], true, DEFAULT_SETTINGS);
    const keeping = keeperOn();
    expect(await keeping.keeper.restore(engine, DEFAULT_SETTINGS)).toBeNull();
    expect(await saved(engine, keeping)).toEqual({ backend: "indexeddb", kept: false, bytes: 0, savedAt: null, problem: null });
    expect(await storeExists()).toBe(false);
  });

  it("drops the original bytes of files no longer loaded", async () => {
    const engine = await userEngine();
    const store = IdbStore.open() as BlobStore;
    const keeping = keeperOn(async () => store);
    await saved(engine, keeping);
    await engine.load([csvFile("more.csv", ORDERS)], true, DEFAULT_SETTINGS);
    await saved(engine, keeping);
    expect((await store.list()).map((e) => e.name).sort()).toEqual([DATABASE_ENTRY, "source-2"]);
  });
});

describe("Clear my data", () => {
  it("deletes the IndexedDB database, and nothing comes back on the next start", async () => {
    const engine = await userEngine();
    const keeping = keeperOn();
    const { keeper } = keeping;
    expect((await saved(engine, keeping)).kept).toBe(true);
    expect(await storeExists()).toBe(true);

    await keeper.forget();
    engine.clear();
    expect(await storeExists()).toBe(false);
    expect(await keeper.status(engine)).toEqual({ backend: "indexeddb", kept: false, bytes: 0, savedAt: null, problem: null });
    // Asking for the status did not create the database again.
    expect(await storeExists()).toBe(false);
    expect(await keeperOn().keeper.restore(await newEngine(), DEFAULT_SETTINGS)).toBeNull();
  });
});

/** A store that fails every write the way a full disk does. */
class FullStore implements BlobStore {
  readonly backend = "indexeddb";
  destroyed = false;
  constructor(private readonly inner: BlobStore) {}
  put(): Promise<void> {
    return Promise.reject(new DOMException("quota", "QuotaExceededError"));
  }
  get(name: string) {
    return this.inner.get(name);
  }
  remove(name: string) {
    return this.inner.remove(name);
  }
  list() {
    return this.inner.list();
  }
  async destroy() {
    this.destroyed = true;
    await this.inner.destroy();
  }
}

describe("when the browser does not keep the data", () => {
  it("says the quota is full, keeps the data loaded, and leaves no half-saved copy", async () => {
    const engine = await userEngine();
    const store = new FullStore(IdbStore.open() as BlobStore);
    expect(await saved(engine, keeperOn(async () => store))).toMatchObject({ kept: false, bytes: 0, problem: "quota" });
    expect(store.destroyed).toBe(true);
    expect(revenue(engine)).toBe(480);
  });

  it("says storage is unavailable (a private window) and never throws", async () => {
    const engine = await userEngine();
    const keeping = keeperOn(() => Promise.reject(new DOMException("denied", "SecurityError")));
    expect(await keeping.keeper.restore(engine, DEFAULT_SETTINGS)).toBeNull();
    expect(await saved(engine, keeping)).toEqual({ backend: null, kept: false, bytes: 0, savedAt: null, problem: "unavailable" });
    await expect(keeping.keeper.forget()).resolves.toBeUndefined();
  });

  it("says a damaged copy could not be read, opens nothing, and saves over it at the next change", async () => {
    const store = IdbStore.open() as BlobStore;
    await store.put(DATABASE_ENTRY, new TextEncoder().encode("not a database"));
    const engine = await newEngine();
    const keeping = keeperOn(async () => store);
    expect(await keeping.keeper.restore(engine, DEFAULT_SETTINGS)).toBeNull();
    expect(engine.dataset.files).toEqual([]);
    expect((await keeping.keeper.status(engine)).problem).toBe("unreadable");

    await engine.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
    expect(await saved(engine, keeping)).toMatchObject({ kept: true, problem: null });
  });
});
