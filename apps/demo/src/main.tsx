import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseSettings } from './settings';
import './styles.css';
import './review.css';

// Before React renders anything, so a link with ?theme=dark does not open light.
document.documentElement.dataset.theme = parseSettings(window.location.search).theme;

// StrictMode mounts every component twice in dev: the token counter on the page shows that
// <FlinksConnect> still fetches one token per mount.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
