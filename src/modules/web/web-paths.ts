/** Path prefixes the server answers itself; the SPA fallback never shadows them (unknown ones stay JSON 404s). */
const SERVER_PREFIXES = ['/api', '/r', '/js', '/docs', '/healthz', '/readyz', '/assets'];

/** True for paths the client router must not claim: server areas and anything that looks like a file. */
export function isServerPath(pathname: string): boolean {
  if (SERVER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return true;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return lastSegment.includes('.');
}

/** Vite puts content-hashed files under `assets/`; their names change whenever their bytes do. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split(/[\\/]/)[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export const INDEX_HEADERS: Record<string, string> = {
  // Always revalidate: a new deploy must reach the browser on the next navigation.
  'Cache-Control': 'no-cache',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

export const BUILD_MISSING_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Influencemart</title></head>
<body>
<h1>Influencemart</h1>
<p>The server is running, but the dashboard has not been built yet.</p>
<p>Run <code>npm run build</code>, then restart the server.</p>
<p>The API is available under <a href="/docs">/docs</a>.</p>
</body>
</html>
`;
