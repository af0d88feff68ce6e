/** Entry point: create the database client, the dataset and the view state, and mount the shell. */
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { createDbClient } from "./lib/db/client.ts";
import { Dataset } from "./lib/state/dataset.svelte.ts";
import { ViewState } from "./lib/state/view.svelte.ts";

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

const view = new ViewState(window);
const dataset = new Dataset(createDbClient());

mount(App, { target, props: { dataset, view } });
