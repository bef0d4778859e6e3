import { describeInboxStore } from '@smmkit/testkit/conformance';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';

describeInboxStore('memoryInboxStore', memoryInboxStore);
