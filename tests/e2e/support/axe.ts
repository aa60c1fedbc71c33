import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

// Evaluated through the DevTools protocol (as page.evaluate does), which the app's CSP does not block.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const WCAG_AA: RunOptions['runOnly'] = {
  type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
};

/**
 * Runs axe-core (pinned in package.json) over the page as it is now, against WCAG 2.2 A and AA (or
 * the named rules alone: experimental ones such as label-content-name-mismatch run only by name), and
 * returns the serious and critical findings: what a screen-reader or keyboard author would hit.
 * With `everyImpact`, the moderate and minor ones too (the main screens have none to justify).
 */
export async function seriousAxeFindings(
  page: Page,
  rules?: string[],
  everyImpact = false,
): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const runOnly: RunOptions['runOnly'] = rules ? { type: 'rule', values: rules } : WCAG_AA;
  const result = await page.evaluate(
    (options) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
        }
      ).axe.run(document, options),
    { runOnly, resultTypes: ['violations'] } as RunOptions,
  );
  return result.violations
    .filter((violation) => everyImpact || violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => String(node.target)),
    }));
}
