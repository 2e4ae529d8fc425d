import { describe, expect, it } from 'vitest';
import { duplicateTriggerName } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/duplicate-trigger-name';
const t = (name?: string) =>
  `{type: cron, ${name ? `name: ${name}, ` : ''}metadata: {timezone: UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "3"}}`;
const spec = (...triggers: string[]) => so(`scaleTargetRef: {name: api}\ntriggers: [${triggers.join(', ')}]`);

describe(C, () => {
  it.each([
    ['distinct names', spec(t('a'), t('b')), []],
    ['unnamed triggers', spec(t(), t()), []],
    ['same name twice', spec(t('a'), t('a')), [`${C}:error@spec.triggers[1].name`]],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(duplicateTriggerName, yaml)).toEqual(expected);
  });
});
