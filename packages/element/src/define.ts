// The package's one side effect: importing this module registers <flinks-connect>.
import { FlinksConnectElement } from './flinks-connect-element';

export { FlinksConnectElement };
export type { FlinksConnectElementProperties, FlinksConnectEventMap } from './flinks-connect-element';

// Once, however many copies of this module a page loads; and not at all on a server.
if (typeof customElements != 'undefined' && !customElements.get('flinks-connect')) {
  customElements.define('flinks-connect', FlinksConnectElement);
}
