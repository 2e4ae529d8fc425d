import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './helpers.js';

let c: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  c = await connect({ allowApply: true });
});
afterAll(() => c.close());

describe('tools/list', () => {
  it('stays under 12 KB in all (with every tool enabled)', async () => {
    const r = await c.client.listTools();
    const bytes = Buffer.byteLength(JSON.stringify(r));
    console.log(`tools/list: ${r.tools.length} tools, ${bytes} bytes`);
    for (const t of r.tools) console.log(`  ${t.name}: ${Buffer.byteLength(JSON.stringify(t))}`);
    expect(bytes).toBeLessThan(12 * 1024);
  });

  it('stays under 12,000 bytes as served by default (without --allow-apply)', async () => {
    const plain = await connect();
    const bytes = Buffer.byteLength(JSON.stringify(await plain.client.listTools()));
    await plain.close();
    console.log(`tools/list (default): ${bytes} bytes`);
    expect(bytes).toBeLessThan(12_000);
  });

  it('gives every tool a title, a description, object schemas and all four annotations', async () => {
    const r = await c.client.listTools();
    for (const t of r.tools) {
      expect(t.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(t.description?.length).toBeGreaterThan(40);
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
      for (const k of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const)
        expect(typeof t.annotations?.[k], `${t.name}.${k}`).toBe('boolean');
    }
  });
});
