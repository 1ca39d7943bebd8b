/** @module What the server says about itself (GET /health), fetched once per page load and shared. */
import { ref } from 'vue';

export interface SystemInfo {
  demo?: boolean;
  corpus?: { loaded: boolean; notice?: string; message?: string };
}

export const system = ref<SystemInfo | null>(null);
let pending: Promise<void> | null = null;

export function loadSystem(): Promise<void> {
  pending ??= fetch('/api/v1/health')
    .then((r) => r.json() as Promise<SystemInfo>)
    .then((j) => void (system.value = j))
    .catch(() => undefined);
  return pending;
}
