/**
 * @module The one way pages send files: pick them from an `<input type="file">`, check their size, and
 * upload them (multipart through api.ts's upload, or as base64 for the JSON import endpoints).
 * DOM types stay in this .ts file, where the linter knows them.
 */
import { ref } from 'vue';
import { upload } from '../api';
import { t } from '../locale';
import { failureText } from './use-request';

/** The files chosen in an `<input type="file">` change event. */
export const filesOf = (e: Event): File[] => [...((e.target as HTMLInputElement).files ?? [])];

/** The text of the first chosen file (a CSV for an import), or null when none was chosen. */
export async function textOf(e: Event): Promise<string | null> {
  const f = (e.target as HTMLInputElement).files?.[0];
  return f ? f.text() : null;
}

/** A chosen file as base64 (for the JSON import endpoints). */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/**
 * Upload state for a page: `send` uploads the files one after another to `url(file)`; `error` holds
 * the first refusal (the server's message as is, else the one fallback text).
 */
export function useUpload(maxBytes = 10 * 1024 * 1024) {
  const busy = ref(false);
  const error = ref('');
  /** The files within the size limit; sets `error` for the first one over it. */
  const accept = (files: File[]): File[] => {
    const big = files.find((f) => f.size > maxBytes);
    error.value = big
      ? t(`文件“${big.name}”超过 ${Math.round(maxBytes / 1024 / 1024)}MB，请压缩后再上传`)
      : '';
    return files.filter((f) => f.size <= maxBytes);
  };
  async function send(files: File[], url: (f: File) => string): Promise<boolean> {
    busy.value = true;
    error.value = '';
    try {
      for (const f of files) await upload(url(f), f);
      return true;
    } catch (e) {
      error.value = failureText(e, 'action');
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, accept, send };
}
