export { readMediaBlob, readMediaChunks } from './media-bytes.js';
export { countHashtags, countMentions, countText } from './text-length.js';
export { textWithLink } from './text-with-link.js';
export { urlsInText } from './urls-in-text.js';
