/** The MESSAGE_IDs systemd (PID 1) gives its unit job lines (sd-messages.h). */
export const MESSAGE_ID = {
  unitStarting: '7d4958e842da4a758f6c1cdc7b36dcc5',
  unitStarted: '39f53479d3a045ac8e11786248231fbf',
  unitFailed: 'be02cf6855d2428ba40df7e9d022f03d',
  unitStopping: 'de5b426a63be47a7b6ac3eaac82e2f6f',
  unitStopped: '9d1aaa27d60140bd96365438aad20286',
  unitReloading: 'd34d037fff1847e6ae669a370e694725',
  unitReloaded: '7b05ebc668384222baa8881179cfda54',
} as const;
