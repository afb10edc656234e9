// Parts shared by several views (the conflict dialog, the comment threads) as templates of their own
// (app/views/<name>.html, our own static files, fetched same-origin): appended to a view's root, where Alpine
// initializes them in the view's scope as they arrive.
export async function include(root, name) {
  const response = await fetch('/app/views/' + name + '.html', { credentials: 'omit' });
  if (!response.ok) {
    throw new Error('no partial ' + name);
  }
  const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
  root.append(...parsed.body.childNodes);
}

/**
 * A part placed where the view marks it (`<div data-partial="name">`), which may sit inside an x-if that shows only
 * once the view has its data: called after that, it waits for Alpine to render the place first.
 */
export async function includeWhere(view, name) {
  await view.$nextTick();
  const place = view.$root.querySelector('[data-partial="' + name + '"]');
  if (place && !place.hasChildNodes()) {
    await include(place, name);
  }
}
