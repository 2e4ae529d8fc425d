import type { Block } from './scan.js';

/** What the prose of a markdown spec says outside its code blocks, for `init` and for reports. */
export interface MarkdownProse {
  /** Text of the first level-1 heading. */
  title?: string;
  /** Every heading with the prose under it (code blocks excluded) and its list items. */
  sections: { heading: string; level: number; line: number; text: string; items: string[] }[];
  /** List items under Goals / Business Goals. */
  goals: string[];
  /** List items under Constraints / Environment / Assumptions. */
  constraints: string[];
  /** List items under Non-Goals / Out of scope. */
  nonGoals: string[];
  /** Names and addresses the prose makes explicit. */
  mentions: {
    /** `in the task-api namespace`, `namespace task-api`. */
    namespaces: string[];
    /** http(s) URLs. */
    urls: string[];
    /** `Prometheus at host:port` (as written, scheme added if missing). */
    prometheus?: string;
    /** `Secret task-api-tls`. */
    secrets: string[];
    /** `GatewayClass eg`. */
    gatewayClass?: string;
    /** True when the prose speaks of a self-signed certificate. */
    selfSigned: boolean;
  };
}

const NAME = '[`"\']?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)[`"\']?';
/** A name written as code or in quotes (`eg`, "eg"), or with a hyphen (task-api-tls): not an ordinary word. */
const STRICT_NAME = '(?:[`"\']([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)[`"\']|\\b([a-z0-9]+(?:-[a-z0-9]+)+)\\b)';
const strict = (m: RegExpMatchArray) => m[1] ?? m[2];

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (m) items.push(m[1].trim());
    else if (items.length > 0 && /^\s{2,}\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

/** Collects the prose of a scanned document. */
export function readProse(blocks: readonly Block[]): MarkdownProse {
  const sections: MarkdownProse['sections'] = [];
  let title: string | undefined;
  let cur: { heading: string; level: number; line: number; lines: string[] } | undefined;
  const all: string[] = [];
  const close = () => {
    if (cur) {
      const text = cur.lines.join('\n').trim();
      sections.push({ heading: cur.heading, level: cur.level, line: cur.line, text, items: listItems(text) });
    }
  };
  for (const b of blocks) {
    if (b.type === 'heading') {
      close();
      if (b.level === 1 && title === undefined) title = b.text;
      cur = { heading: b.text, level: b.level, line: b.line, lines: [] };
    } else if (b.type === 'text') {
      cur?.lines.push(b.text);
      all.push(b.text);
    }
  }
  close();
  const pick = (re: RegExp) => sections.filter((s) => re.test(s.heading)).flatMap((s) => s.items);
  const text = all.join('\n');
  const namespaces = [
    ...[...text.matchAll(new RegExp(`\\bin(?:to)? the ${NAME} namespace`, 'gi'))].map((m) => m[1]),
    ...[...text.matchAll(new RegExp(`\\bnamespace:?\\s+${STRICT_NAME}`, 'gi'))].map(strict),
  ];
  const urls = uniq([...text.matchAll(/https?:\/\/[^\s)`'"<>,]+/g)].map((m) => m[0].replace(/[.;:]$/, '')));
  const prom = /prometheus\b[^\n]*?\b(?:at|on|:)\s+[`"]?((?:https?:\/\/)?[a-z0-9.-]+:\d{2,5})/i.exec(text)?.[1];
  const gc = new RegExp(`gateway\\s*class(?:Name)?:?\\s+${STRICT_NAME}`, 'i').exec(text);
  const gatewayClass = gc ? strict(gc) : undefined;
  return {
    ...(title !== undefined ? { title } : {}),
    sections,
    goals: pick(/^(?:business\s+)?goals?\b/i),
    constraints: pick(/constraint|environment|assumption|prerequisite/i),
    nonGoals: pick(/non-?goals?|out of scope/i),
    mentions: {
      namespaces: uniq(namespaces),
      urls,
      ...(prom ? { prometheus: /^https?:\/\//.test(prom) ? prom : `http://${prom}` } : {}),
      secrets: uniq([...text.matchAll(new RegExp(`\\bsecret:?\\s+(?:named\\s+)?${STRICT_NAME}`, 'gi'))].map(strict)),
      ...(gatewayClass ? { gatewayClass } : {}),
      selfSigned: /self-signed/i.test(text),
    },
  };
}
