/** @module Worker thread body: reads an import sheet (xlsx-rows.ts) off the main thread and posts the rows back. */
import { parentPort, workerData } from 'node:worker_threads';
import { readSheetRows } from './xlsx-rows.js';

const { buf, limit } = workerData as { buf: Uint8Array; limit: number };
parentPort?.postMessage(await readSheetRows(Buffer.from(buf), limit));
