/**
 * The pods/portforward subresource over WebSocket, for the fake API server: RFC 6455 framing (server frames
 * unmasked, client frames masked) and the Kubernetes channel protocol (`v4.channel.k8s.io`): every binary message
 * starts with a channel byte; channel 0 carries data and channel 1 errors for the first port, and the server's first
 * message on each channel is the port number as 2 little-endian bytes.
 * Docs: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/ ("create connect portforward
 * of a Pod"), https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/,
 * RFC 6455 §5.2 (base framing).
 */
import { createHash } from 'node:crypto';
import type * as http from 'node:http';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126 && len < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Parses complete client frames from `buf`; returns the frames and the unconsumed rest. */
function parse(buf: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let off = 0;
  while (buf.length - off >= 2) {
    const opcode = buf[off] & 0x0f;
    const masked = (buf[off + 1] & 0x80) !== 0;
    let len = buf[off + 1] & 0x7f;
    let p = off + 2;
    if (len === 126) {
      if (buf.length < p + 2) break;
      len = buf.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      if (buf.length < p + 8) break;
      len = Number(buf.readBigUInt64BE(p));
      p += 8;
    }
    const maskLen = masked ? 4 : 0;
    if (buf.length < p + maskLen + len) break;
    const mask = buf.subarray(p, p + maskLen);
    const payload = Buffer.from(buf.subarray(p + maskLen, p + maskLen + len));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    frames.push({ opcode, payload });
    off = p + maskLen + len;
  }
  return { frames, rest: buf.subarray(off) };
}

/**
 * Returns an upgrade handler that forwards `/api/v1/namespaces/<ns>/pods/<pod>/portforward?ports=<p>` to
 * `targets["<ns>/<pod>:<p>"]`, a TCP port on 127.0.0.1 (the test's stand-in for the Envoy container).
 */
export function portForwardUpgrade(targets: Record<string, number>) {
  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = u.pathname.match(/^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/);
    const port = Number(u.searchParams.get('ports'));
    const target = m ? targets[`${m[1]}/${m[2]}:${port}`] : undefined;
    if (!m || !target) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim());
    const protocol = protocols.includes('v4.channel.k8s.io') ? 'v4.channel.k8s.io' : protocols[0];
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
    );
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16LE(port, 0);
    socket.write(frame(2, Buffer.concat([Buffer.from([0]), portBytes])));
    socket.write(frame(2, Buffer.concat([Buffer.from([1]), portBytes])));
    const upstream = net.connect(target, '127.0.0.1');
    let buf: Buffer = Buffer.from(head);
    let closed = false;
    const finish = () => {
      if (closed) return;
      closed = true;
      socket.write(frame(8, Buffer.from([0x03, 0xe8])));
      socket.end();
      upstream.destroy();
    };
    upstream.on('data', (d: Buffer) => socket.write(frame(2, Buffer.concat([Buffer.from([0]), d]))));
    upstream.on('end', finish);
    upstream.on('error', finish);
    const onData = (d: Buffer) => {
      const r = parse(Buffer.concat([buf, d]));
      buf = r.rest;
      for (const f of r.frames) {
        if (f.opcode === 8) finish();
        else if (f.opcode === 9) socket.write(frame(10, f.payload));
        else if ((f.opcode === 2 || f.opcode === 0) && f.payload[0] === 0) upstream.write(f.payload.subarray(1));
      }
    };
    socket.on('data', onData);
    socket.on('error', finish);
    socket.on('close', () => upstream.destroy());
    if (head.length) onData(Buffer.alloc(0));
  };
}
