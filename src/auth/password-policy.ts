import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
// zxcvbn's scale: 0-2 are guessable within about 10^8 tries (common passwords and their variants,
// keyboard walks, repeats, dates); 3 and 4 are not.
const MIN_STRENGTH_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries take tens of megabytes: they are loaded when a password is first set, not at start.
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: MAX_PASSWORD_LENGTH,
  });
}

/**
 * Why a new password is refused, or undefined when it is acceptable: at least 12 characters and not
 * a common password or an easy variant of one (leet spellings, appended digits, keyboard patterns),
 * nor built from the account's own email or name.
 */
export async function passwordWeakness(password: string, accountWords: string[] = []): Promise<string | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  estimator ??= loadEstimator();
  const result = (await estimator).check(password, accountWords);
  if (result.score >= MIN_STRENGTH_SCORE) return undefined;
  const reason = result.feedback.warning ?? 'This password is too easy to guess.';
  return `is too easy to guess: ${reason.replace(/\.$/, '')}. A few unrelated words or a password manager's password will do.`;
}
