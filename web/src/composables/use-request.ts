/**
 * @module The one way pages say a request failed: the server's message as it is (already in 繁体 for
 * a page in 繁体 mode), else one fallback text per kind, shown in the reader's script.
 */
import { ref, type Ref } from 'vue';
import { ApiError } from '../api';
import { t } from '../locale';

export const LOAD_FAILED = '加载失败，请稍后重试';
export const ACTION_FAILED = '操作失败，请稍后重试';

/** What to show for a failed request: a load (reading a page) or an action (a write). */
export function failureText(e: unknown, kind: 'load' | 'action' = 'load'): string {
  return e instanceof ApiError ? e.message : t(kind === 'load' ? LOAD_FAILED : ACTION_FAILED);
}

/**
 * Loading and error state for one kind of request: `run(fn)` clears the error, runs `fn` with
 * `loading` set, and on failure keeps the message in `error` (the result is then undefined).
 */
export function useRequest(kind: 'load' | 'action' = 'load') {
  const loading = ref(false);
  const error = ref('');
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    loading.value = true;
    error.value = '';
    try {
      return await fn();
    } catch (e) {
      error.value = failureText(e, kind);
      return undefined;
    } finally {
      loading.value = false;
    }
  }
  return { loading, error, run };
}

/**
 * An action (a write) and what the page says of it: `act(fn, ok)` runs `fn`, then shows `ok` (in
 * the reader's script) and reloads with `reload`; on failure `error` holds the message and nothing
 * reloads. A page with one status line passes its ref as `line`, and both messages go there.
 */
export function useAction(reload: () => Promise<unknown>, line?: Ref<string>) {
  const busy = ref(false);
  const notice = line ?? ref('');
  const error = line ?? ref('');
  async function act(fn: () => Promise<unknown>, ok = ''): Promise<void> {
    busy.value = true;
    error.value = '';
    notice.value = '';
    try {
      await fn();
      notice.value = ok && t(ok);
      await reload();
    } catch (e) {
      error.value = failureText(e, 'action');
    } finally {
      busy.value = false;
    }
  }
  return { busy, notice, error, act };
}
