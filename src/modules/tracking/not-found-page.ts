/** What a buyer sees for a link that does not exist: a page, not an API error. */
export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Link not found</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f7f8;color:#222}
main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.4rem;margin:0 0 .5rem}p{color:#555;margin:0}</style></head>
<body><main><h1>This link doesn’t go anywhere</h1>
<p>The link you followed doesn’t exist or was mistyped. Check it with whoever shared it, or visit the store directly.</p></main></body></html>
`;

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Try again</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;text-align:center;padding:3rem"><h1>Please try again in a moment</h1>
<p>We could not look this link up just now.</p></body></html>
`;
