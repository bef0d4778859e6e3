export { accountUrl, renderAccount, renderCredentialAccount } from './account.js';
export { attachmentType, renderMediaAttachment } from './media-attachment.js';
export { type MentionNotification, mentionNotificationsOf, renderNotification } from './notification.js';
export {
  FAVOURITES_PER_HOUR,
  REBLOGS_PER_HOUR,
  type RenderStatusOptions,
  renderStatus,
  textRenderer,
} from './status.js';
export type {
  MastodonAccountJson,
  MastodonCredentialAccountJson,
  MastodonMediaAttachmentJson,
  MastodonNotificationJson,
  MastodonPollJson,
  MastodonStatusJson,
} from './types.js';
