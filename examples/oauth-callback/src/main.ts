import { createSmmkit } from '@smmkit/core/app';
import { sqliteStore } from '@smmkit/core/sqlite';
import { platformsFromEnv } from './platforms-from-env.ts';
import { createOAuthCallbackServer } from './server.ts';

// App credentials come from the environment; the accounts and their tokens go to one SQLite file.
const { flows, adapters, refresh } = platformsFromEnv(process.env);
if (flows.length === 0) {
  console.error('Set the app credentials of at least one platform (see README.md), e.g. X_CLIENT_ID.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
// X wants 127.0.0.1 rather than localhost for local callbacks; TikTok and Meta want https (a tunnel).
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
// The CLI's default store is smmkit.db next to smmkit.config.json: point SMMKIT_DB at it.
const database = process.env.SMMKIT_DB ?? 'smmkit.db';
const smm = await createSmmkit({ store: sqliteStore(database), adapters, refresh });

const server = createOAuthCallbackServer({ smm, flows, publicUrl });
server.listen(port, () => {
  console.log(`Accounts and tokens go to ${database}. Register these redirect URIs in each app:`);
  for (const flow of flows) console.log(`  ${flow.platform}: ${publicUrl}/callback/${flow.platform}`);
  console.log('Then open, for each account:');
  for (const flow of flows) console.log(`  ${publicUrl}/connect/${flow.platform}?id=brand-${flow.platform}`);
});

process.once('SIGINT', () => {
  server.close();
  void smm.shutdown();
});
