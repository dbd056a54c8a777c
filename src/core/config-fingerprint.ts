/**
 * A short fingerprint of a parsed config: FNV-1a (32 bits, base 36) over its JSON text. The
 * decision cookie carries the fingerprint of the config it was made under, so that a
 * returning visit whose config is unchanged skips checking it again. It tells configs apart;
 * it is no security measure (whoever can write the cookie can write any decision). A
 * synchronous few lines: Web Crypto's digest would make the boot wait a task.
 */
export function configFingerprint(config: unknown): string {
  const text = JSON.stringify(config) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
