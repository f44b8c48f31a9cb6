/**
 * Headless start-up before the core exists: the data directory (created), the log file in it
 * and the access token (--token-file). Kept out of headless.ts so tests run it on temp dirs.
 */
import { loadOrCreateToken } from './api/token-file';
import type { LaunchOptions } from './cli-args';
import type { CoreConfig } from './config';
import { defaultDataDir, ensureDataDir, type DataDirEnv } from './util/data-dir';
import type { AppLogger } from './util/logger';

export interface HeadlessSetup {
  /** The core's config, its data directory filled in. */
  config: CoreConfig & { dataDir: string };
  /** The token from --token-file; undefined for a fresh one this run. */
  token: string | undefined;
}

/** Throws with a message for the user when the data dir or the token file cannot be used. */
export async function prepareHeadless(
  launch: LaunchOptions,
  log: AppLogger,
  env: DataDirEnv,
): Promise<HeadlessSetup> {
  const dataDir = ensureDataDir(launch.core.dataDir ?? defaultDataDir(env));
  const logs = await log.writeFilesTo(dataDir);
  log.info('data directory', { dir: dataDir, logs });
  let token: string | undefined;
  if (launch.tokenFile) {
    const fromFile = loadOrCreateToken(launch.tokenFile, env.platform);
    token = fromFile.token;
    log.info(fromFile.created ? 'created a token file' : 'token from file', {
      file: launch.tokenFile,
    });
  }
  return { config: { ...launch.core, dataDir }, token };
}
