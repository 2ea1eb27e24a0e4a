import { goJsonString } from './go-json.ts';

/**
 * etcd's v2 error codes (etcd `error/error.go`, release-2.3): the code, its fixed message and
 * the HTTP status it is served with.
 */
export const EcodeKeyNotFound = 100;
export const EcodeTestFailed = 101;
export const EcodeNotFile = 102;
export const EcodeNoMorePeer = 103;
export const EcodeNotDir = 104;
export const EcodeNodeExist = 105;
export const EcodeKeyIsPreserved = 106;
export const EcodeRootROnly = 107;
export const EcodeDirNotEmpty = 108;
export const EcodeExistingPeerAddr = 109;
export const EcodeUnauthorized = 110;
export const EcodeValueRequired = 200;
export const EcodePrevValueRequired = 201;
export const EcodeTTLNaN = 202;
export const EcodeIndexNaN = 203;
export const EcodeValueOrTTLRequired = 204;
export const EcodeTimeoutNaN = 205;
export const EcodeNameRequired = 206;
export const EcodeIndexOrValueRequired = 207;
export const EcodeIndexValueMutex = 208;
export const EcodeInvalidField = 209;
export const EcodeInvalidForm = 210;
export const EcodeRefreshValue = 211;
export const EcodeRefreshTTLRequired = 212;
export const EcodeRaftInternal = 300;
export const EcodeLeaderElect = 301;
export const EcodeWatcherCleared = 400;
export const EcodeEventIndexCleared = 401;
export const EcodeStandbyInternal = 402;
export const EcodeInvalidActiveSize = 403;
export const EcodeInvalidRemoveDelay = 404;
export const EcodeClientInternal = 500;

export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  100: 'Key not found',
  101: 'Compare failed',
  102: 'Not a file',
  103: 'Reached the max number of peers in the cluster',
  104: 'Not a directory',
  105: 'Key already exists',
  106: 'The prefix of given key is a keyword in etcd',
  107: 'Root is read only',
  108: 'Directory not empty',
  109: 'Peer address has existed',
  110: 'The request requires user authentication',
  200: 'Value is Required in POST form',
  201: 'PrevValue is Required in POST form',
  202: 'The given TTL in POST form is not a number',
  203: 'The given index in POST form is not a number',
  204: 'Value or TTL is required in POST form',
  205: 'The given timeout in POST form is not a number',
  206: 'Name is required in POST form',
  207: 'Index or value is required',
  208: 'Index and value cannot both be specified',
  209: 'Invalid field',
  210: 'Invalid POST form',
  211: 'Value provided on refresh',
  212: 'A TTL must be provided on refresh',
  300: 'Raft Internal Error',
  301: 'During Leader Election',
  400: 'watcher is cleared due to etcd recovery',
  401: 'The event in requested index is outdated and cleared',
  402: 'Standby Internal Error',
  403: 'Invalid active size',
  404: 'Standby remove delay',
  500: 'Client Internal Error',
};

/** Codes not listed are served as 400 Bad Request. */
const ERROR_STATUS: Readonly<Record<number, number>> = {
  100: 404,
  101: 412,
  102: 403,
  105: 412,
  108: 403,
  110: 401,
  300: 500,
  301: 500,
};

/** An etcd error as the store and the keys API return it (never thrown). */
export class EtcdError {
  readonly message: string;

  constructor(
    readonly errorCode: number,
    /** Store paths keep their `/1` prefix here; the HTTP layer trims it. */
    public cause: string,
    /** The etcd index when the error happened (0 for request-parsing errors). */
    public index: number,
  ) {
    this.message = ERROR_MESSAGES[errorCode] ?? '';
  }

  /** HTTP status the error is written with. */
  get status(): number {
    return ERROR_STATUS[this.errorCode] ?? 400;
  }

  /** Go's `Error()`: `Key not found (/foo)`. */
  toString(): string {
    return `${this.message} (${this.cause})`;
  }

  /** The JSON body without the trailing newline: cause is omitted when empty. */
  toJson(): string {
    const cause = this.cause === '' ? '' : `,"cause":${goJsonString(this.cause)}`;
    return `{"errorCode":${this.errorCode},"message":${goJsonString(this.message)}${cause},"index":${this.index}}`;
  }
}

export function isEtcdError(x: unknown): x is EtcdError {
  return x instanceof EtcdError;
}
