/**
 * etcd 0.4 (`etcd.service`) as one module: its own start, log, role lines, routes and registry.
 * The page loads it as a chunk of its own, before anything can start an etcd 0.4 (bundle budget).
 */
export { bootEtcd04 } from './startup.ts';
export { etcd04Log } from './log.ts';
export { RoleLogger04 } from './role-log.ts';
export { routeClient04 } from './routes.ts';
export { routePeer04 } from './peer-routes.ts';
export { registerMachine, unregisterMachine } from './registry.ts';
