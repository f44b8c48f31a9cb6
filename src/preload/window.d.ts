import type { BulwarkBridge } from '@shared/api/client-core';

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in a browser (headless mode). */
    readonly bulwark?: BulwarkBridge;
  }
}

export {};
