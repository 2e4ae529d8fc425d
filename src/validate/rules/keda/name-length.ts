import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { hpaNameOf, scaledObjectsIn } from '../util/keda.js';

const MAX = 63;

/** KEDA webhook W1/W2: the ScaledObject name and the generated HPA name fit in 63 characters. */
export const nameLength: Rule = {
  id: 'keda/name-length',
  severity: 'error',
  docs: {
    description:
      'The ScaledObject name is used as a label value and the HPA name is keda-hpa-<name>: both must be at most 63 characters, so the name itself at most 54 unless a custom HPA name is set (KEDA admission webhook).',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      if (so.name.length > MAX) {
        out.push(
          finding(this, so, ['metadata', 'name'], {
            message: `scaledobject name "${so.name}" is ${so.name.length} characters long; must be no more than ${MAX} characters because it is used as the "scaledobject.keda.sh/name" label value`,
            hint: 'shorten the name',
          }),
        );
      }
      const hpa = hpaNameOf(so);
      if (hpa.length > MAX) {
        out.push(
          finding(this, so, ['metadata', 'name'], {
            message: `HPA name "${hpa}" derived from scaledobject is ${hpa.length} characters long; must be no more than ${MAX} characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name`,
            hint: `keep the ScaledObject name at most ${MAX - 'keda-hpa-'.length} characters`,
          }),
        );
      }
    }
    return out;
  },
};
