import { parser } from '@prometheus-io/lezer-promql';

export interface PromqlError {
  /** 0-based offset of the first error in the query. */
  offset: number;
  message: string;
}

export interface LabelMatcher {
  name: string;
  op: string;
  value: string;
}

export interface PromqlSummary {
  error?: PromqlError;
  /** Metric names of vector selectors. */
  metrics: string[];
  /** Label matchers of every vector selector. */
  matchers: LabelMatcher[];
}

const unquote = (s: string) => {
  try {
    return s.startsWith("'") ? s.slice(1, -1) : s.startsWith('`') ? s.slice(1, -1) : (JSON.parse(s) as string);
  } catch {
    return s.slice(1, -1);
  }
};

const memo = new Map<string, PromqlSummary>();
const MEMO_LIMIT = 10_000;

/** Parses PromQL with the Prometheus lezer grammar: first error node (⚠), metric names and label matchers. Memoized. */
export function analyzePromql(query: string): PromqlSummary {
  const hit = memo.get(query);
  if (hit) return hit;
  const result = parsePromql(query);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(query, result);
  return result;
}

function parsePromql(query: string): PromqlSummary {
  const out: PromqlSummary = { metrics: [], matchers: [] };
  if (query.trim() === '') {
    out.error = { offset: 0, message: 'empty query' };
    return out;
  }
  const tree = parser.parse(query);
  tree.iterate({
    enter(n) {
      if (n.type.isError && !out.error) {
        const near = query.slice(n.from, n.from + 12);
        out.error = {
          offset: n.from,
          message: `syntax error at offset ${n.from}${near ? ` near "${near}"` : ' (unexpected end)'}`,
        };
      }
      if (n.name === 'VectorSelector') {
        const id = n.node.getChild('Identifier');
        if (id) out.metrics.push(query.slice(id.from, id.to));
      }
      if (n.name === 'UnquotedLabelMatcher' || n.name === 'QuotedLabelMatcher') {
        const nameNode = n.node.getChild('LabelName') ?? n.node.getChild('QuotedLabelName');
        const op = n.node.getChild('MatchOp');
        const val = n.node.getChild('StringLiteral');
        if (nameNode && op && val) {
          const raw = query.slice(nameNode.from, nameNode.to);
          out.matchers.push({
            name: raw.startsWith('"') ? unquote(raw) : raw,
            op: query.slice(op.from, op.to),
            value: unquote(query.slice(val.from, val.to)),
          });
        }
      }
    },
  });
  return out;
}
