import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * axios turns TCP keep-alive on with a 60 s delay on every request's socket, and Node's default
 * agents set it back to 1 s when the socket returns to the pool: two rounds of setsockopt calls per
 * request on a kept-alive connection. Agents that pool with axios' own delay leave the socket as it
 * is. Otherwise they are Node's default agents (keep-alive, most recently used socket first, idle
 * sockets closed after 5 s), shared by every client as those are.
 */
const AXIOS_KEEP_ALIVE_MS = 60_000;
const poolOptions = {
  keepAlive: true,
  keepAliveMsecs: AXIOS_KEEP_ALIVE_MS,
  scheduling: 'lifo',
  timeout: 5000,
} as const;
/** The connection pools of every request the core makes, axios' and the lean exchange's alike. */
export const sharedAgents = { http: new HttpAgent(poolOptions), https: new HttpsAgent(poolOptions) };
