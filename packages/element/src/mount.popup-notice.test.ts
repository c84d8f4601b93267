// The blocked-pop-up notice comes and goes next to an iframe that stays the same element.
import { describe, expect, it, vi } from 'vitest';
import { flush, frame, post, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { alert, button, en, fr, mount } from '../test/mount-fixture';

setupTestEnvironment();

describe('the blocked pop-up notice', () => {
  it('appears before the same iframe on POPUP_BLOCKED, is dismissed, comes back, and goes on POPUP_OPENED', async () => {
    const onPopupBlocked = vi.fn();
    const { box } = mount({ onPopupBlocked });
    await flush();
    const iframe = frame();
    // Every iframe removal (a move is one too), to check that none happens from here on.
    const observer = new MutationObserver(() => {});
    observer.observe(box, { childList: true });
    const iframeRemovals = () =>
      observer.takeRecords().filter((record) => [...record.removedNodes].includes(iframe));
    post({ step: 'APP_MOUNTED' });
    expect(alert(box)).toBeNull();

    post({ step: 'POPUP_BLOCKED' });
    expect(onPopupBlocked).toHaveBeenCalledTimes(1);
    expect(onPopupBlocked).toHaveBeenCalledWith(expect.objectContaining({ step: 'POPUP_BLOCKED' }));
    expect(alert(box)).toHaveTextContent(en.popupBlocked);
    const notice = box.firstElementChild!;
    expect(notice.nextElementSibling).toBe(iframe);
    expect(notice.querySelector('[role="alert"] button')).toBeNull();
    // The iframe is the same element, never moved: the session (and the token) carry on.
    expect(frame()).toBe(iframe);

    const dismiss = button(box)!;
    expect(dismiss).toHaveTextContent('Dismiss');
    expect(dismiss.type).toBe('button');
    dismiss.click();
    expect(alert(box)).toBeNull();
    expect(box.children).toHaveLength(1);
    expect(frame()).toBe(iframe);

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent(en.popupBlocked);
    expect(frame()).toBe(iframe);

    // The user allowed pop-ups and tried again: the notice goes.
    post({ step: 'POPUP_OPENED' });
    expect(alert(box)).toBeNull();
    expect([...box.children]).toEqual([iframe]);
    expect(onPopupBlocked).toHaveBeenCalledTimes(2);
    expect(iframeRemovals()).toEqual([]);
    observer.disconnect();
  });

  it('speaks French, with labels over it', async () => {
    const { box } = mount({ params: { language: 'fr' }, labels: { dismiss: 'OK' } });
    await flush();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent(fr.popupBlocked);
    expect(button(box)).toHaveTextContent('OK');
  });

  it('can be turned off, and onPopupBlocked still fires', async () => {
    const onPopupBlocked = vi.fn();
    const { box } = mount({ popupBlockedNotice: false, onPopupBlocked });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(onPopupBlocked).toHaveBeenCalledTimes(1);
    expect(alert(box)).toBeNull();
    expect([...box.children]).toEqual([iframe]);
  });

  it('can be replaced, with a dismiss and the labels', async () => {
    const { box } = mount({
      params: { language: 'fr' },
      popupBlockedNotice: ({ dismiss, labels }) => {
        const open = document.createElement('button');
        open.textContent = `${labels.dismiss}: ouvrir la banque`;
        open.addEventListener('click', dismiss);
        return open;
      },
    });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toBeNull();
    expect(button(box)).toHaveTextContent('Fermer: ouvrir la banque');
    button(box)!.click();
    expect(button(box)).toBeNull();
    expect(frame()).toBe(iframe);
  });

  it('is gone with a new load, and destroy removes it with the iframe', async () => {
    const { box, connect } = mount();
    await flush();
    const first = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).not.toBeNull();
    connect.reload();
    await flush();
    expect(frame()).not.toBe(first);
    expect(alert(box)).toBeNull();

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).not.toBeNull();
    const dismiss = button(box)!;
    connect.destroy();
    expect(box.children).toHaveLength(0);
    // A stale dismiss after destroy draws nothing.
    dismiss.click();
    expect(box.children).toHaveLength(0);
  });

  it("may be a template's content (a DocumentFragment): all of it comes and goes", async () => {
    const template = document.createElement('template');
    template.innerHTML = '<p role="alert">Pop-ups are blocked.</p><button type="button">Close</button>';
    const { box, connect } = mount({
      popupBlockedNotice: ({ dismiss }) => {
        const notice = template.content.cloneNode(true) as DocumentFragment;
        notice.querySelector('button')!.addEventListener('click', dismiss);
        return notice;
      },
    });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect([...box.childNodes].map((node) => node.nodeName)).toEqual(['P', 'BUTTON', 'IFRAME']);
    button(box)!.click();
    expect([...box.childNodes]).toEqual([iframe]);

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent('Pop-ups are blocked.');
    post({ step: 'POPUP_OPENED' });
    expect([...box.childNodes]).toEqual([iframe]);

    post({ step: 'POPUP_BLOCKED' });
    connect.destroy();
    expect(box.childNodes).toHaveLength(0);
  });
});
