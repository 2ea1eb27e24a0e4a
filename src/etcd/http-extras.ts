/**
 * What etcd needs only for requests that a command line makes (bundle budget): the members API's
 * refusals of a bad body or URL, and the proxy's relay of a member's answer. The page loads it
 * with the shell, before any terminal takes input; nothing else sends such requests.
 */
export { memberIdFromPath, parseMemberURLs, type MemberRequestError } from './member-request.ts';
export { ResponseRelay, SINGLE_HOP } from './proxy/relay.ts';
