#!/usr/bin/env bash
# The MCP Inspector CLI as an outside client of `traffic-engineer mcp` (stdio): tools/list, then one
# tools/call of generate_stack on the Task API spec, asserting structuredContent with the stack and
# zero error diagnostics. Needs `npm run build` first and npm registry access for the inspector.
set -euo pipefail
cd "$(dirname "$0")/.."

INSPECTOR="@modelcontextprotocol/inspector@2.12.0"
SERVER=(node bin/traffic-engineer.js mcp)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The inspector declares node >= 22 but runs on 20; silence npm's engine warnings only.
inspect() { npx -y --loglevel=error "$INSPECTOR" --cli "${SERVER[@]}" "$@"; }

inspect --method tools/list >"$out/list.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const names = r.tools.map((t) => t.name);
  const need = ["generate_stack", "generate_gateway", "generate_httproute", "generate_ratelimit", "generate_circuit_breaker",
    "generate_tls", "generate_scaler", "validate_manifests", "simulate_requests", "validate_criteria", "dry_run",
    "cluster_status", "recommend", "troubleshoot"];
  const missing = need.filter((n) => !names.includes(n));
  if (missing.length) { console.error("mcp-inspector: tools missing from tools/list:", missing.join(", ")); process.exit(1); }
  const bytes = Buffer.byteLength(JSON.stringify(r));
  if (bytes >= 12000) { console.error(`mcp-inspector: tools/list is ${bytes} bytes (limit 12000)`); process.exit(1); }
  console.log(`mcp-inspector: tools/list ok (${names.length} tools, ${bytes} bytes)`);
' "$out/list.json"

inspect --method tools/call --tool-name generate_stack --tool-arg specPath=examples/task-api/traffic-spec.md >"$out/call.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.structuredContent;
  const fail = (m) => { console.error("mcp-inspector: generate_stack:", m); process.exit(1); };
  if (r.isError) fail("isError: " + JSON.stringify(r.content));
  if (!s || s.ok !== true) fail("no structuredContent with ok: true");
  const errors = s.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) fail(`${errors.length} error diagnostic(s): ${errors.map((d) => d.code).join(", ")}`);
  for (const kind of ["Gateway", "HTTPRoute", "BackendTrafficPolicy", "ScaledObject"])
    if (!s.resources.some((x) => x.startsWith(kind + " "))) fail("no " + kind + " in the stack");
  if (/PRIVATE KEY|LS0tLS1CRUdJTiBQUklWQVRF/.test(JSON.stringify(r))) fail("key material in the answer");
  console.log(`mcp-inspector: generate_stack ok (${s.resources.length} resources, 0 errors)`);
' "$out/call.json"
