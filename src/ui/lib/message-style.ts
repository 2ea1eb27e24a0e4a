/** How each message kind looks: shape carries the meaning as well as colour (colour-blind safe). */
export type Shape = 'diamond' | 'circle' | 'dot' | 'triangle' | 'square';

export interface MessageStyle {
  shape: Shape;
  /** CSS colour (a theme variable). */
  color: string;
  /** Radius in px. */
  size: number;
  /** Responses are smaller and paler. */
  response: boolean;
  label: string;
}

const STYLES: Record<string, MessageStyle> = {
  MsgVote: { shape: 'diamond', color: 'var(--msg-vote)', size: 7, response: false, label: 'vote request' },
  MsgVoteResp: { shape: 'diamond', color: 'var(--msg-vote)', size: 4.5, response: true, label: 'vote' },
  MsgPreVote: { shape: 'diamond', color: 'var(--msg-vote)', size: 6, response: false, label: 'pre-vote request' },
  MsgPreVoteResp: { shape: 'diamond', color: 'var(--msg-vote)', size: 4, response: true, label: 'pre-vote' },
  MsgApp: { shape: 'circle', color: 'var(--msg-app)', size: 6, response: false, label: 'append' },
  MsgAppResp: { shape: 'circle', color: 'var(--msg-app)', size: 4, response: true, label: 'append reply' },
  MsgHeartbeat: { shape: 'dot', color: 'var(--msg-beat)', size: 4, response: false, label: 'heartbeat' },
  MsgHeartbeatResp: { shape: 'dot', color: 'var(--msg-beat)', size: 3, response: true, label: 'heartbeat reply' },
  MsgProp: { shape: 'triangle', color: 'var(--msg-prop)', size: 7, response: false, label: 'proposal' },
  MsgSnap: { shape: 'square', color: 'var(--msg-app)', size: 7, response: false, label: 'snapshot' },
};

const HTTP: MessageStyle = { shape: 'square', color: 'var(--msg-http)', size: 4.5, response: false, label: 'HTTP' };
const OTHER: MessageStyle = { shape: 'dot', color: 'var(--msg-http)', size: 3.5, response: false, label: 'message' };

export function styleOf(kind: string): MessageStyle {
  if (STYLES[kind]) return STYLES[kind];
  if (kind.startsWith('http.')) return { ...HTTP, response: kind !== 'http.req', label: kind };
  return { ...OTHER, label: kind };
}

/** SVG path of a shape centred on (0, 0). */
export function shapePath(shape: Shape, r: number): string {
  switch (shape) {
    case 'diamond':
      return `M0,${-r}L${r},0L0,${r}L${-r},0Z`;
    case 'triangle': {
      const h = r * 0.9;
      return `M0,${-r}L${h},${r * 0.7}L${-h},${r * 0.7}Z`;
    }
    case 'square':
      return `M${-r * 0.8},${-r * 0.8}h${r * 1.6}v${r * 1.6}h${-r * 1.6}Z`;
    case 'circle':
    case 'dot':
      return `M${r},0A${r},${r},0,1,1,${-r},0A${r},${r},0,1,1,${r},0Z`;
  }
}

/** Legend entries for the cluster view. */
export const LEGEND: { kind: string; text: string }[] = [
  { kind: 'MsgVote', text: 'vote request' },
  { kind: 'MsgVoteResp', text: 'vote' },
  { kind: 'MsgApp', text: 'append' },
  { kind: 'MsgHeartbeat', text: 'heartbeat' },
  { kind: 'MsgProp', text: 'proposal' },
];
