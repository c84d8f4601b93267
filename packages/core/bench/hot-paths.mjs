// Throughput of the work core does on hot paths: every `message` event on the page goes through
// the parser, and every iframe load through the URL builder. Prints figures; asserts nothing.
import { Bench } from 'tinybench';
import { buildConnectUrl, classifyConnectMessage, redirectDetails } from '../dist/index.js';

const origin = 'https://toolbox-iframe.private.fin.ag';
const frame = {};
const from = { origin, source: frame };
const redirect = {
  type: 'step',
  step: 'REDIRECT',
  data: {
    step: 'REDIRECT',
    url: 'https://app.example/done?loginId=8b35&institution=FlinksCapital&accountId=a1',
  },
};
const params = {
  demo: true,
  language: 'fr',
  consentEnable: true,
  redirectUrl: 'https://app.example/done',
  theme: 'dark',
};

const bench = new Bench({ time: 500 });
bench
  .add('classify: foreign message (another frame)', () => {
    classifyConnectMessage({ origin: 'https://ads.example', source: {}, data: { any: 1 } }, from);
  })
  .add('classify: object step event', () => {
    classifyConnectMessage({ origin, source: frame, data: { step: 'APP_MOUNTED' } }, from);
  })
  .add('classify: JSON-string step event (stringify=true)', () => {
    classifyConnectMessage(
      { origin, source: frame, data: '{"step":"INSTITUTION_SELECTED","institution":"X"}' },
      from,
    );
  })
  .add('redirectDetails from url', () => {
    redirectDetails(redirect);
  })
  .add('buildConnectUrl with 5 params', () => {
    buildConnectUrl(`${origin}/v2/`, params, '5b5c4f1e-0d8f-4a43-9a7b-6d2b8f0c1e2a');
  });

await bench.run();
console.log('@flinks-embed/core hot paths (node', process.version + ')');
console.table(
  bench.tasks.map(({ name, result }) => ({
    task: name,
    'ops/s': Math.round(result.throughput?.mean ?? result.hz ?? 0).toLocaleString('en-US'),
    'mean (µs)': ((result.latency?.mean ?? result.mean ?? 0) * 1000).toFixed(3),
  })),
);
