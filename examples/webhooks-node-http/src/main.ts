import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { createXAdapter } from '@smmkit/adapter-x';
import { createWebhookRouter } from '@smmkit/core/inbox';
import { createWebhookServer } from './server.ts';

// Secrets come from the environment; an adapter given none has no webhooks, so no route (404).
const router = createWebhookRouter({
  adapters: [
    createXAdapter({ webhookConsumerSecret: process.env.X_API_SECRET }),
    createFacebookAdapter({
      appSecret: process.env.META_APP_SECRET,
      webhookVerifyToken: process.env.META_VERIFY_TOKEN,
    }),
  ],
  onEngagements: (engagements) => {
    for (const item of engagements)
      console.log(`${item.platform} ${item.kind} from ${item.author.id}: ${item.text}`);
  },
});

const port = Number(process.env.PORT ?? 3000);
createWebhookServer(router).listen(port, () =>
  console.log(`webhooks on http://localhost:${port}/webhooks/{x,facebook}`),
);
