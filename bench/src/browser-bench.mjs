// 2-5. The Chromium parts: token economy, time to iframe, render cost, leaks, one file each. Every
// figure comes from the bench page (src/page/harness.tsx); those files drive it and make tables.
export { LABELS } from './subjects.mjs';
export { economy, economyTables } from './token-economy.mjs';
export { timeToIframeTable } from './time-to-iframe.mjs';
export { renderCostTable } from './render-cost.mjs';
export { leaksTable } from './leaks.mjs';
