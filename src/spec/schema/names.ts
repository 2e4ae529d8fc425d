import * as z from 'zod';

/** RFC 1123 DNS label: lower-case alphanumerics and '-', starting and ending alphanumeric, ≤ 63 chars. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: dot-separated labels, ≤ 253 chars. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API hostname: a DNS name, optionally with a leading `*.` wildcard label. */
export const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** HTTP header name (RFC 7230 token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

export const Label = z
  .string()
  .max(63, 'must be at most 63 characters (RFC 1123 label)')
  .regex(DNS_LABEL, 'must be an RFC 1123 label: lower-case letters, digits and "-", starting and ending alphanumeric');

export const Subdomain = z
  .string()
  .max(253, 'must be at most 253 characters')
  .regex(DNS_SUBDOMAIN, 'must be an RFC 1123 subdomain: lower-case labels separated by "."');

export const Hostname = z
  .string()
  .max(253)
  .regex(HOSTNAME, 'must be a DNS hostname, optionally starting with "*." (no IP addresses, no ports)');

export const HeaderName = z.string().min(1).max(256).regex(HEADER_NAME, 'must be an HTTP header name');

export const Port = z.number().int().min(1).max(65535);

/** Gateway API duration, e.g. 10s, 500ms, 1h. */
export const Duration = z
  .string()
  .regex(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/, 'must be a Gateway API duration such as 10s, 500ms or 1m30s');
