import type { ConnectEvent } from './events';
import { liveSessions, type LiveSession } from './live-sessions';
import { messageSender, readConnectEvent } from './messages';
import type { RefusedMessageReason } from './session-types';

/**
 * Returns `listen`, which routes the page's messages (after `replay`, kept from before) to one
 * session until the function it returns is called. Which messages from the Connect origin are this session's: `classifyConnectMessage`'s reading
 * (its sender rule, `messageSender`, and its parser), with a sender that is gone or another
 * window decided against every live session on the page.
 */
export function createMessageRouter(
  origin: string,
  getFrame: () => unknown,
  accept: (event: ConnectEvent) => void,
  refuse: (data: unknown, reason: RefusedMessageReason) => void,
): (replay?: MessageEvent[]) => () => void {
  const live: LiveSession = { origin, frame: getFrame };
  const onMessage = (message: MessageEvent): void => {
    const frame = getFrame();
    const sender = messageSender(message, origin, frame);
    if (!sender) return;
    if (sender === 'gone') {
      // Its frame navigated away before the message was dispatched. Only a session with an iframe
      // on this origin can have sent it; when that is more than this one, none guesses.
      if (frame == null) return;
      let candidates = 0;
      for (const session of liveSessions())
        if (session.origin === origin && session.frame() != null) candidates++;
      if (candidates > 1) return refuse(message.data, 'ambiguous_source');
    } else if (sender === 'other') {
      // Another session's iframe is that session's business; any other window is refused.
      for (const session of liveSessions()) if (session.frame() === message.source) return;
      return refuse(message.data, 'other_window');
    }
    const event = readConnectEvent(message.data);
    if (!event) return refuse(message.data, 'malformed');
    accept(event);
  };
  return (replay) => {
    window.addEventListener('message', onMessage);
    liveSessions().add(live);
    // Messages from before it listened (a server-rendered iframe's), as if they came now.
    replay?.forEach(onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      liveSessions().delete(live);
    };
  };
}
