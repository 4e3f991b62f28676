// What `make bench` and `make profile-keys` both do to the console: fill the form with a request
// holding all 115 paths, then type into one field and wait for its finding.
import { readFile } from 'node:fs/promises';

const MIN = '/Policies/PasswordPolicy/MinimumLength';

/** MinimumLength's input and its R-PWD-01 finding (5 is too short, 12 is fine). */
export const MINIMUM_LENGTH = {
  input: `[data-pointer="${MIN}"] input`,
  finding: `.field[data-pointer="${MIN}"] .finding[data-rule="R-PWD-01"]`,
  bad: '5',
  good: '12',
};

/** Imports the maximal request into the console open in `page`: every field is rendered. */
export async function importMaximal(page) {
  const request = JSON.parse(await readFile(new URL('../fixtures/maximal_request.json', import.meta.url), 'utf8'));
  request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';
  await page.getByLabel('Import JSON').fill(JSON.stringify(request));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

/**
 * Input event -> finding shown / cleared, `keys` times each way, on a loaded `page`: the times
 * in ms, { appear: [...], clear: [...] }.
 */
export function keystrokes(page, { input, finding, bad, good }, keys) {
  return page.evaluate(
    async ({ input, finding, bad, good, keys }) => {
      const field = document.querySelector(input);
      const shown = () => document.querySelector(finding);
      const until = (wanted) =>
        new Promise((done) => {
          if (wanted()) return done();
          const observer = new MutationObserver(() => {
            if (wanted()) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      const out = { appear: [], clear: [] };
      for (let i = 0; i < keys; i += 1) {
        let t0 = performance.now();
        field.value = bad;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => shown() !== null);
        out.appear.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 0));
        t0 = performance.now();
        field.value = good;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => shown() === null);
        out.clear.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 0));
      }
      return out;
    },
    { input, finding, bad, good, keys },
  );
}
