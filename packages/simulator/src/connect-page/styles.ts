/**
 * The Connect page's style sheet. Colours are custom properties so `theme=dark`,
 * `backgroundColor` and `foregroundColor1` only swap values; the layout never changes.
 */
export const CONNECT_PAGE_CSS = `
:root {
  color-scheme: light;
  --bg: #f3f4f7;
  --surface: #ffffff;
  --surface-hover: #f7f8fb;
  --text: #151a23;
  --muted: #5d6677;
  --border: #dde1e8;
  --accent: #3056d3;
  --on-accent: #ffffff;
  --danger: #b42318;
  --danger-bg: #fef3f2;
  --success: #1f7a3f;
  --success-bg: #e9f7ee;
  --notice-bg: #fff6d6;
  --notice-text: #5b4507;
  --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 12px 32px rgb(16 24 40 / 8%);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  -webkit-text-size-adjust: 100%;
}
:root[data-theme="dark"] {
  color-scheme: dark;
  --bg: #0e1116;
  --surface: #171b22;
  --surface-hover: #1e232c;
  --text: #eef1f6;
  --muted: #a2aabb;
  --border: #2d333e;
  --accent: #7f9cff;
  --on-accent: #0b0e14;
  --danger: #ff9c92;
  --danger-bg: #2c1614;
  --success: #7ad39b;
  --success-bg: #12281b;
  --notice-bg: #2d2712;
  --notice-text: #f3e2a6;
  --shadow: 0 1px 2px rgb(0 0 0 / 30%), 0 12px 32px rgb(0 0 0 / 35%);
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0;
  min-height: 100vh;
  padding: 24px 16px;
  background: var(--bg);
  color: var(--text);
  -webkit-font-smoothing: antialiased;
}
.notice {
  width: min(100%, 440px);
  margin: 0 auto 12px;
  padding: 10px 14px;
  border-radius: 10px;
  background: var(--notice-bg);
  color: var(--notice-text);
  font-size: 13px;
}
.card {
  width: min(100%, 440px);
  margin: 0 auto;
  padding: 20px 28px 16px;
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: 16px;
  box-shadow: var(--shadow);
}
.card-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  min-height: 36px;
  margin-bottom: 16px;
}
.brand { font-size: 14px; font-weight: 600; color: var(--muted); letter-spacing: 0.01em; }
.icon-button {
  display: inline-grid;
  place-items: center;
  width: 36px;
  height: 36px;
  margin-right: -8px;
  border: 0;
  border-radius: 8px;
  background: transparent;
  color: var(--muted);
  cursor: pointer;
}
.icon-button:hover { background: var(--surface-hover); color: var(--text); }
h1 { margin: 0 0 6px; font-size: 22px; line-height: 1.3; letter-spacing: -0.01em; }
h1:focus { outline: none; }
.lead { margin: 0 0 20px; color: var(--muted); }
.field { display: grid; gap: 6px; margin-bottom: 16px; }
label, .label { font-size: 14px; font-weight: 600; }
input[type="text"], input[type="password"], input[type="search"] {
  width: 100%;
  height: 46px;
  padding: 0 14px;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--surface);
  color: var(--text);
  font: inherit;
}
input::placeholder { color: var(--muted); opacity: 0.8; }
input:focus { border-color: var(--accent); }
input[aria-invalid="true"] { border-color: var(--danger); }
:focus-visible { outline: 3px solid color-mix(in srgb, var(--accent) 55%, transparent); outline-offset: 2px; }
.field-error { margin: 0; color: var(--danger); font-size: 13px; }
.actions { display: grid; gap: 10px; margin-top: 8px; }
.button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  width: 100%;
  min-height: 48px;
  padding: 0 16px;
  border-radius: 10px;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
.button-primary { border: 1px solid transparent; background: var(--accent); color: var(--on-accent); }
.button-primary:hover { filter: brightness(1.08); }
.button-secondary { border: 1px solid var(--border); background: transparent; color: var(--text); }
.button-secondary:hover { background: var(--surface-hover); }
.button:disabled { cursor: progress; opacity: 0.75; filter: none; }
.link-button {
  display: inline-flex;
  align-items: center;
  gap: 2px;
  margin: -4px 0 12px -6px;
  padding: 4px 6px;
  border: 0;
  border-radius: 6px;
  background: none;
  color: var(--accent);
  font: inherit;
  font-size: 14px;
  font-weight: 600;
  cursor: pointer;
}
.points { display: grid; gap: 12px; margin: 0 0 24px; padding: 0; list-style: none; }
.points li { display: flex; gap: 10px; align-items: flex-start; }
.points svg { flex: none; margin-top: 2px; color: var(--success); }
.institutions { display: grid; gap: 8px; margin: 16px 0 0; padding: 0; list-style: none; }
.institution {
  display: flex;
  align-items: center;
  gap: 12px;
  width: 100%;
  padding: 10px 12px;
  border: 1px solid var(--border);
  border-radius: 12px;
  background: var(--surface);
  color: var(--text);
  font: inherit;
  text-align: left;
  cursor: pointer;
}
.institution:hover { border-color: var(--accent); background: var(--surface-hover); }
.institution-name { flex: 1; font-weight: 600; }
.institution > svg { color: var(--muted); }
.avatar {
  display: grid;
  place-items: center;
  flex: none;
  width: 36px;
  height: 36px;
  border-radius: 50%;
  background: var(--avatar, #3056d3);
  color: #ffffff;
  font-size: 13px;
  font-weight: 700;
  letter-spacing: 0.02em;
}
.avatar[data-long] { font-size: 10px; }
.badge {
  padding: 2px 8px;
  border-radius: 999px;
  background: color-mix(in srgb, var(--accent) 14%, transparent);
  color: var(--accent);
  font-size: 12px;
  font-weight: 600;
}
.empty { margin: 16px 0 0; color: var(--muted); text-align: center; }
.accounts { display: grid; gap: 8px; margin: 0 0 16px; padding: 0; border: 0; }
.account {
  display: grid;
  grid-template-columns: auto 1fr auto;
  align-items: center;
  gap: 12px;
  padding: 14px;
  border: 1px solid var(--border);
  border-radius: 12px;
  cursor: pointer;
}
.account:hover { background: var(--surface-hover); }
.account:has(input:checked) { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); }
.account input { width: 18px; height: 18px; margin: 0; accent-color: var(--accent); }
.account-title { display: block; font-weight: 600; }
.account-meta { display: block; color: var(--muted); font-size: 13px; }
.amount { font-weight: 600; font-variant-numeric: tabular-nums; }
.alert {
  margin: 0 0 20px;
  padding: 12px 14px;
  border-radius: 10px;
  background: var(--danger-bg);
  color: var(--danger);
  font-size: 14px;
}
.status {
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  margin-bottom: 16px;
  border-radius: 50%;
}
.status-success { background: var(--success-bg); color: var(--success); }
.status-error { background: var(--danger-bg); color: var(--danger); }
.status-info { background: color-mix(in srgb, var(--accent) 14%, transparent); color: var(--accent); }
.footer {
  display: flex;
  align-items: center;
  justify-content: center;
  gap: 6px;
  margin-top: 24px;
  padding-top: 14px;
  border-top: 1px solid var(--border);
  color: var(--muted);
  font-size: 12px;
}
.spinner {
  width: 16px;
  height: 16px;
  border: 2px solid currentColor;
  border-right-color: transparent;
  border-radius: 50%;
  animation: spin 0.7s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2s; } }
@media (max-width: 380px) { .card { padding: 16px 18px 12px; } body { padding: 12px 8px; } }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
`;
