/**
 * Probes: loopback or remote HTTP(S), TLS and Prometheus clients built on node:http/https/tls only.
 * Requests go exactly where the URL says; every call is bounded in time (and bursts in count).
 */
export { type BurstOptions, type BurstResult, burst } from './burst.js';
export { ProbeError, probeErrorFrom } from './errors.js';
export { type HttpRequestOptions, type HttpResponse, httpRequest } from './http.js';
export { type PromQueryResult, type PromSample, parsePromAnswer, promQuery } from './prometheus.js';
export { type TlsInspection, type TlsInspectOptions, tlsInspect } from './tls.js';
