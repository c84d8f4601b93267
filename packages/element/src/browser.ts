// The one-file build for a page without a bundler (`<script type="module">` from a CDN or your own
// static files): core bundled in, production mode, <flinks-connect> registered on import.
export * from './index';
import './define';
