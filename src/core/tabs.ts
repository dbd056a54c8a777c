/**
 * Tabs of one site share decisions at once (DESIGN.md section 5): each decision is posted on
 * the `yinyom` BroadcastChannel as its cookie value, and every other tab applies it. Opening
 * the channel is cheap; a browser without BroadcastChannel still shares the cookie, read on
 * the next page load.
 */
export function connectTabs(receive: (cookieValue: string) => void, signal?: AbortSignal): (cookieValue: string) => void {
  if (typeof BroadcastChannel !== 'function' || signal?.aborted) return () => undefined;
  const channel = new BroadcastChannel('yinyom');
  channel.onmessage = ({ data }) => receive(String(data));
  signal?.addEventListener('abort', () => channel.close());
  return (cookieValue) => {
    if (!signal?.aborted) channel.postMessage(cookieValue);
  };
}
