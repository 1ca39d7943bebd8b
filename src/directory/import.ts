/**
 * @module Reading a directory import file (CSV or .xlsx) into validated rows. Nothing is written here: the
 * service validates every row first and writes only when all rows pass, in one transaction.
 */
import { startThread } from '../core/thread-entry.js';
import { badRequest } from '../core/errors.js';
import { zodDetails } from '../core/validate.js';
import { ENTRY_KINDS, ENTRY_STATUSES, KIND_LABELS, STATUS_LABELS, splitList } from './labels.js';
import type { SheetResult } from './xlsx-rows.js';
import { EntryFields } from './schema.js';
import { hasContent, parseCsv as readCsv } from '../core/csv.js';

/** Column headers people use in their spreadsheets → field names. */
const HEADERS: Record<string, string> = {
  类型: 'kind',
  机构类型: 'kind',
  名称: 'name',
  姓名: 'name',
  所在区: 'district',
  区: 'district',
  地址: 'address',
  办公时间: 'hours',
  服务时间: 'hours',
  电话: 'phone',
  联系电话: 'phone',
  执业许可证号: 'licenceNo',
  许可证号: 'licenceNo',
  执业证号: 'licenceNo',
  状态: 'status',
  业务专长: 'specialties',
  服务项目: 'services',
  所属机构: 'parentName',
};

export const TEMPLATE_HEADERS = [
  '类型',
  '名称',
  '所在区',
  '地址',
  '办公时间',
  '电话',
  '执业许可证号',
  '状态',
  '业务专长',
  '服务项目',
  '所属机构',
];

export const MAX_IMPORT_ROWS = 5000;

export interface RowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

export interface ImportRow {
  row: number;
  fields: EntryFields;
  parentName: string | null;
}

/** The file's rows with text (the one CSV reader, core/csv.ts; blank lines dropped). */
export const parseCsv = (text: string): string[][] => readCsv(text).filter(hasContent);

const XLSX_WORKER = new URL('./xlsx-worker.ts', import.meta.url);

/** Reads the sheet in a worker thread (unzipping and XML parsing are seconds of CPU for a big file). */
function readOffThread(buf: Buffer, limit: number): Promise<SheetResult> {
  return new Promise<SheetResult>((resolve, reject) => {
    const worker = startThread(XLSX_WORKER, { workerData: { buf, limit } });
    worker.once('message', (r: SheetResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Excel 读取线程退出（${code}）`)));
  }).catch((err: unknown) => {
    console.warn(`Excel 读取线程失败，改在主线程读取：${String(err)}`);
    // exceljs is loaded only here: the server does not pay for it at start.
    return import('./xlsx-rows.js').then((m) => m.readSheetRows(buf, limit));
  });
}

/**
 * The first worksheet of an .xlsx file as rows of cell text, read off the main thread and only up to
 * one row past the import cap (validateTable then refuses the file as too large).
 */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const r = await readOffThread(buf, MAX_IMPORT_ROWS + 2);
  if ('error' in r) {
    if (r.error === 'empty') throw badRequest('import_empty', '文件中没有工作表');
    throw badRequest('import_unreadable', '无法读取该 Excel 文件，请确认是 .xlsx 格式');
  }
  return r.rows;
}

const byLabel = <K extends string>(labels: Record<K, string>, codes: readonly K[], v: string) =>
  codes.find((k) => k === v || labels[k] === v);

/** Maps one raw row (header → text) to the entry fields, before schema validation. */
function toCandidate(raw: Record<string, string>) {
  const kind = byLabel(KIND_LABELS, ENTRY_KINDS, raw.kind ?? '') ?? (raw.kind || undefined);
  const status = raw.status
    ? (byLabel(STATUS_LABELS, ENTRY_STATUSES, raw.status) ?? raw.status)
    : undefined;
  return {
    kind,
    name: raw.name ?? '',
    district: raw.district || null,
    address: raw.address ?? null,
    hours: raw.hours ?? null,
    phone: raw.phone || null,
    licenceNo: raw.licenceNo ?? null,
    ...(status ? { status } : {}),
    specialties: splitList(raw.specialties),
    services: splitList(raw.services),
  };
}

/** Validates every row; returns the good rows and an error per bad field (with the sheet's row number). */
export function validateTable(table: string[][]): { rows: ImportRow[]; errors: RowError[] } {
  const [header, ...body] = table;
  if (!header || body.length === 0) throw badRequest('import_empty', '文件中没有数据行');
  if (body.length > MAX_IMPORT_ROWS)
    throw badRequest('import_too_large', `一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  const fields = header.map((h) => HEADERS[h.trim()] ?? null);
  const missing = ['kind', 'name'].filter((f) => !fields.includes(f));
  if (missing.length)
    throw badRequest('import_bad_header', '表头缺少必填列：类型、名称', {
      expected: TEMPLATE_HEADERS,
    });
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const raw: Record<string, string> = {};
    fields.forEach((f, c) => {
      if (f) raw[f] = (cells[c] ?? '').trim();
    });
    const parsed = EntryFields.safeParse(toCandidate(raw));
    if (!parsed.success) {
      for (const f of zodDetails(parsed.error).fields)
        errors.push({ row: rowNo, field: f.path, message: f.message });
      return;
    }
    const key = parsed.data.licenceNo ? `${parsed.data.kind}|${parsed.data.licenceNo}` : null;
    if (key && seen.has(key)) {
      errors.push({
        row: rowNo,
        field: 'licenceNo',
        message: `与第 ${seen.get(key)} 行的执业许可证号重复`,
      });
      return;
    }
    if (key) seen.set(key, rowNo);
    rows.push({ row: rowNo, fields: parsed.data, parentName: raw.parentName || null });
  });
  return { rows, errors };
}
