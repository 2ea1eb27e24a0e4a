import type { JournalEntry } from './journal.ts';

import { MESSAGE_ID } from './journal-message-ids.ts';

export { MESSAGE_ID };

const SUPPORT = 'Defined-By: systemd\nSupport: http://lists.freedesktop.org/mailman/listinfo/systemd-devel\n\n';

/** catalog/systemd.catalog of v225-229, the entries for the ids above; @UNIT@, @RESULT@ filled in. */
const CATALOG: Record<string, string> = {
  [MESSAGE_ID.unitStarting]: `Subject: Unit @UNIT@ has begun start-up\n${SUPPORT}Unit @UNIT@ has begun starting up.`,
  [MESSAGE_ID.unitStarted]: `Subject: Unit @UNIT@ has finished start-up\n${SUPPORT}Unit @UNIT@ has finished starting up.\n\nThe start-up result is @RESULT@.`,
  [MESSAGE_ID.unitFailed]: `Subject: Unit @UNIT@ has failed\n${SUPPORT}Unit @UNIT@ has failed.\n\nThe result is @RESULT@.`,
  [MESSAGE_ID.unitStopping]: `Subject: Unit @UNIT@ has begun shutting down\n${SUPPORT}Unit @UNIT@ has begun shutting down.`,
  [MESSAGE_ID.unitStopped]: `Subject: Unit @UNIT@ has finished shutting down\n${SUPPORT}Unit @UNIT@ has finished shutting down.`,
  [MESSAGE_ID.unitReloading]: `Subject: Unit @UNIT@ has begun reloading its configuration\n${SUPPORT}Unit @UNIT@ has begun reloading its configuration`,
  [MESSAGE_ID.unitReloaded]: `Subject: Unit @UNIT@ has finished reloading its configuration\n${SUPPORT}Unit @UNIT@ has finished reloading its configuration\n\nThe result is @RESULT@.`,
};

/**
 * What `journalctl -x` prints after an entry with a catalog text: print_catalog of
 * logs-show.c, every line behind `-- ` (an empty line too: `-- `). Undefined: no entry.
 */
export function catalogLines(e: JournalEntry): string | undefined {
  const text = e.messageId !== undefined ? CATALOG[e.messageId] : undefined;
  if (text === undefined) return undefined;
  const filled = text.replace(/@UNIT@/g, e.unit ?? '').replace(/@RESULT@/g, e.result ?? '');
  return '-- ' + filled.replace(/\n/g, '\n-- ') + '\n';
}
