// Desks watching the surge: STREAMS event streams of one investigator, read as a browser's
// EventSource would. Keeps when each tip's `tip.received` event first arrived on any of them.
import { TextDecoder } from 'node:util';

export async function openStreams(url, cookie, count) {
  const firstSeen = new Map();
  const recent = [];
  const controller = new globalThis.AbortController();
  const read = async () => {
    const res = await fetch(`${url}/api/events`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!res.ok) throw new Error(`event stream: ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (type !== 'tip.received' || !data) continue;
        const { tipId } = JSON.parse(data);
        if (firstSeen.has(tipId)) continue;
        firstSeen.set(tipId, Date.now());
        recent.push(tipId);
        if (recent.length > 200) recent.shift();
      }
    }
  };
  const readers = Array.from({ length: count }, () =>
    read().catch((err) => (err.name === 'AbortError' ? null : err)),
  );
  return {
    firstSeen,
    recentTipIds: () => recent,
    close: () => controller.abort(),
    readers,
  };
}
