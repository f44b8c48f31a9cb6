/**
 * Where the start-of-day NLV survives a restart: one small JSON file in the data directory,
 * written to a temporary file and renamed so a crash mid-write never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoDateSchema } from '@shared/domain/instrument';
import { errorMessage, type Logger } from '../../util/logger';

const RecordSchema = z
  .object({ session: IsoDateSchema, nlv: z.number().finite().positive(), recordedAt: z.number() })
  .strict();
export type StartOfDayRecord = z.infer<typeof RecordSchema>;

export interface StartOfDayStore {
  load(): StartOfDayRecord | null;
  save(record: StartOfDayRecord): void;
}

export const START_OF_DAY_FILE = 'start-of-day.json';

export function memoryStartOfDayStore(): StartOfDayStore {
  let record: StartOfDayRecord | null = null;
  return {
    load: () => record,
    save: (r) => {
      record = r;
    },
  };
}

export function fileStartOfDayStore(dataDir: string, log: Logger): StartOfDayStore {
  const path = join(dataDir, START_OF_DAY_FILE);
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null; // never recorded yet
      }
      try {
        return RecordSchema.parse(JSON.parse(text));
      } catch (e) {
        log.warn('start-of-day file ignored', { path, error: errorMessage(e) });
        return null;
      }
    },
    save(record) {
      try {
        mkdirSync(dataDir, { recursive: true });
        const tmp = `${path}.tmp`;
        writeFileSync(tmp, JSON.stringify(record));
        renameSync(tmp, path);
      } catch (e) {
        log.error('start-of-day NLV not saved', { path, error: errorMessage(e) });
      }
    },
  };
}
