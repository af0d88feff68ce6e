/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker that makes the app work offline, and the new version it may have
 * waiting: the shell offers "a new version is ready — reload" and never reloads by itself
 * (a trainer may be in the middle of a class). See vite.config.ts for what is precached.
 */
import { registerSW } from "virtual:pwa-register";

export class AppUpdate {
  /** $state: a new version is installed and waits for the user to reload. */
  waiting = $state(false);
  /** Not $state: activates the waiting version, after which the page reloads. */
  private activate: (() => Promise<void>) | null = null;

  register(): void {
    if (import.meta.env.DEV) {
      // Development has no service worker: drop one a production preview left on this origin.
      void navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    const update = registerSW({ onNeedRefresh: () => (this.waiting = true) });
    this.activate = () => update(true);
  }

  reload(): void {
    void this.activate?.();
  }

  dismiss(): void {
    this.waiting = false;
  }
}
