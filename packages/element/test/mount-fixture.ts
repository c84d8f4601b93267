// What the jsdom tests of mountFlinksConnect share: a fresh container on the page.

/** A new empty `<div>` at the end of `<body>`, for one mount. */
export const container = (): HTMLElement => document.body.appendChild(document.createElement('div'));
