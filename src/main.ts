/** Entry point: create the database client, the dataset, the view state and the offline worker, and mount the shell. */
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { createDbClient } from "./lib/db/client.ts";
import { Dataset } from "./lib/state/dataset.svelte.ts";
import { ViewState } from "./lib/state/view.svelte.ts";
import { AppUpdate } from "./lib/state/app-update.svelte.ts";
import { browserLocale, loadLocale } from "./lib/i18n/index.svelte.ts";

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

const view = new ViewState(window);
const dataset = new Dataset(createDbClient());

const update = new AppUpdate();
update.register();

// The first language's dictionary before the first paint: no flash of English.
await loadLocale(view.url.lang ?? browserLocale());
mount(App, { target, props: { dataset, view, update } });
