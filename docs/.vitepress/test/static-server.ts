import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site as a static host does: `/dir/` is `/dir/index.html`, `/page` is
 * `/page.html`, anything else that is not a file is a 404 with the site's 404.html, and the
 * hashed files under `/assets/` may be cached for good.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const assets = join(dir, 'assets') + sep;
  const server = createServer((request, response) => {
    const file = resolveFile(dir, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (file === undefined) {
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      const notFound = join(dir, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // VitePress names every file under /assets/ by its content hash, and asks hosts to serve
      // them as immutable (https://vitepress.dev/guide/deploy#http-cache-headers): the browser then
      // keeps the shared scripts, compiled, across pages instead of fetching them again for each.
      ...(file.startsWith(assets) ? { 'cache-control': 'max-age=31536000, immutable' } : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function resolveFile(dir: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = normalize(join(dir, decodeURIComponent(pathname)));
  } catch {
    return undefined;
  }
  if (path !== dir && !path.startsWith(dir + sep)) return undefined;
  const candidates = pathname.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}
