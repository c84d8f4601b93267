// The demo passes its theme in the redirectUrl, so this page matches the Connect frame it replaces.
document.documentElement.dataset.theme =
  new URLSearchParams(window.location.search).get('theme') === 'dark' ? 'dark' : 'light';
