/**
 * Route simulation contract: a request as the Gateway API conformance dataset describes it,
 * and the predicted outcome. Shared by the route simulator, the policy simulator and `check`.
 */
export interface SimRequest {
  /** `namespace/name` of the Gateway the request is sent to. Optional when the config has a single Gateway. */
  gateway?: string;
  port: number;
  scheme: 'http' | 'https';
  /** TLS ServerName (https only). */
  sni?: string;
  /** Host header value, may carry a port. */
  host?: string;
  /** The request was sent to the Gateway's address with no explicit Host. */
  hostIsGatewayAddress?: boolean;
  method?: string;
  path: string;
  query?: Record<string, string | string[]>;
  rawQuery?: string;
  headers?: Record<string, string | string[]>;
  protocol?: string;
  /** Optional label echoed back in the result. */
  name?: string;
}

export interface RedirectResult {
  scheme: string;
  host?: string;
  /** String port when explicit in Location, null for the scheme's default. */
  port?: string | null;
  path: string;
}

export interface SimResult {
  /** The request's `name`, echoed back. */
  name?: string;
  status: number;
  /** `namespace/name` of the chosen Service (single backend or single non-zero weight). */
  backend?: string;
  /** Traffic split as fractions, zero-weight backends included with 0. */
  weightedBackends?: Record<string, number>;
  redirect?: RedirectResult;
  location?: string;
  /** Upstream request after URLRewrite (host/path), when rewritten. */
  rewrite?: { host?: string; path?: string };
  /** `namespace/name` of the Gateway, the listener name, the route `namespace/name`, rule and match indices. */
  gateway?: string;
  listener?: string;
  route?: string;
  rule?: number;
  match?: number;
  /** Why a 404/421/500 (or redirect) happened, in words. */
  reason?: string;
}
