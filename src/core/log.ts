/** Console output, always prefixed so a site's developers can tell where it came from. */
export const log = (level: 'error' | 'warn', ...args: unknown[]) => console[level]('[yinyom]', ...args);

/** An Error for page code, prefixed like the console output. */
export const failure = (message: string) => new Error(`[yinyom] ${message}`);
