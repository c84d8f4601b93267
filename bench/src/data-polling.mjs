// After Connect: what `getAccountsDetail` costs for a login whose data needs N polls, over real
// HTTP against the simulator, beside the ideal (N + 1 requests, N x the poll interval).
import { createFlinksClient } from '@flinks-embed/server';
import { startFlinksSimulator } from '@flinks-embed/simulator';
import { int, median, ms, table } from './markdown.mjs';

/** A sandbox login without the security question: a session at once. */
const LOGIN = { username: 'greatday_nomfa', password: 'Everyday', institution: 'FlinksCapital' };

/**
 * For each N, `runs` fresh RequestIds (each its own job of N 202s), timed from the first POST to
 * the data. Requests are counted by the simulator, so nothing the client does goes unseen.
 * @param {{ polls?: number[]; intervalMs?: number; runs?: number; log?: (line: string) => void }} [options]
 */
export async function dataPollingTable({
  polls = [3, 5, 10],
  intervalMs = 50,
  runs = 7,
  log = () => {},
} = {}) {
  /** @type {(string | number)[][]} */
  const rows = [];
  for (const n of polls) {
    log(`data polling: ${n} polls at ${intervalMs} ms, ${runs} runs`);
    const sim = await startFlinksSimulator({ port: 0, data: { pendingPolls: n } });
    try {
      const flinks = createFlinksClient({
        baseUrl: sim.apiBaseUrl,
        customerId: sim.customerId,
        secretKey: sim.secretKey,
      });
      /** @type {number[]} */
      const times = [];
      /** @type {number[]} */
      const requests = [];
      for (let run = 0; run < runs; run += 1) {
        const session = await flinks.authorize(LOGIN);
        if (session.kind !== 'session') throw new Error(`expected a session, got ${session.kind}`);
        const before = sim.dataStats();
        const started = performance.now();
        const detail = await flinks.getAccountsDetail({
          requestId: session.requestId,
          pollIntervalMs: intervalMs,
        });
        times.push(performance.now() - started);
        const after = sim.dataStats();
        if (detail.accounts.length === 0 || after.ready - before.ready !== 1) throw new Error('no data came');
        requests.push(after.requests - before.requests);
      }
      const time = median(times);
      const ideal = n * intervalMs;
      rows.push([
        String(n),
        `${int(median(requests))} (max ${int(Math.max(...requests))})`,
        int(n + 1),
        ms(time),
        ms(ideal),
        ms(time - ideal),
        ms((time - ideal) / (n + 1)),
      ]);
    } finally {
      await sim.close();
    }
  }
  return [
    '### Data polling',
    '',
    `\`getAccountsDetail\` from \`@flinks-embed/server\` against the simulator over loopback HTTP, for a RequestId whose data comes after N answers of 202 \`OPERATION_PENDING\`, polled every ${intervalMs} ms (\`pollIntervalMs\`; Flinks asks for 10 s). Medians of ${runs} runs, each on a fresh RequestId; requests counted by the simulator. The ideal is one POST and N GETs, and N intervals of waiting; the overhead is the time of the requests themselves.`,
    '',
    table(
      [
        '202s before the data (N)',
        'requests made',
        'ideal (N + 1)',
        'time to data',
        'ideal (N x interval)',
        'overhead',
        'overhead per request',
      ],
      rows,
    ),
  ].join('\n');
}
