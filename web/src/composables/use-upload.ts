/**
 * @module The one way pages send files: pick them from an `<input type="file">` and upload them
 * (multipart through api.ts's upload, with api()'s headers and errors, or as base64 for the JSON
 * import endpoints).
 * DOM types stay in this .ts file, where the linter knows them.
 */
import { upload } from '../api';

export { upload };

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
