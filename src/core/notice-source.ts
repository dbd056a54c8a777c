import { fetchJson } from './fetch-json.js';
import { failure } from './log.js';
import type { Notice, ResolvedConfig } from './types.js';

/** The config's notice: given inline, or fetched once from its URL when first needed. */
export interface NoticeSource {
  /** The notice if it is known without a request. */
  known(): Notice | undefined;
  /** The notice; rejects (with a `[yinyom]` error) when its URL fails or it lacks id and version. */
  load(): Promise<Notice>;
}

export function createNoticeSource(config: ResolvedConfig): NoticeSource {
  let notice = typeof config.notice === 'object' ? config.notice : undefined;
  let loading: Promise<Notice> | undefined;
  return {
    known: () => notice,
    load: () =>
      notice
        ? Promise.resolve(notice)
        : (loading ??= fetchJson(new URL(config.notice as string, location.href).href).then(
            (loaded) => {
              const { id, version } = (loaded ?? {}) as Notice;
              if (typeof id !== 'string' || typeof version !== 'string') throw new Error(`${config.notice}: id and version are required`);
              return (notice = loaded as Notice);
            })
            .catch((error: Error) => {
              throw failure(`notice: ${error.message}`);
            })),
  };
}
