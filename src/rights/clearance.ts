// The clearance rule of docs/architecture.md §2: whether a use of a photo is cleared at a time, as one pure
// function (no I/O, no clock). Every path that decides (clearance checks, reverse lookup,
// publishing, the public media URL, removals) calls decideClearance with facts it has loaded.

import { calendarDay } from '../common/calendar.js';
import { channelCovers } from './channels.js';
import { releaseStanding, withdrawnChannels, type ReleaseStanding } from './release-standing.js';

/** What a use shows and where, at a time. */
export interface IntendedUse {
  channel: string;
  at: Date;
  faceShown: boolean;
  marksObscured: boolean;
  nameShown: boolean;
  paid: boolean;
}

export interface ClearancePhoto {
  id: string;
  caseId: string;
  /** E.g. "tattoo, left forearm". */
  identifyingMarks: readonly string[];
}

export interface ReleaseScope {
  /** Permitted channel prefixes. */
  channels: readonly string[];
  /** Exceptions to them. */
  deniedChannels: readonly string[];
  faceAllowed: boolean;
  obscureIdentifyingMarks: boolean;
  nameAllowed: boolean;
  paidAdvertisingAllowed: boolean;
  educationalUseAllowed: boolean;
}

/** One version of a release authorization of the photo's patient. */
export interface ClearanceRelease {
  id: string;
  /** The authorization this version belongs to: every amendment of it shares the series. */
  seriesId: string;
  version: number;
  signedAt: Date;
  expiresAt: Date | null;
  /** When a later version replaced this one; null while it is the current version. */
  supersededAt: Date | null;
  coversAllCases: boolean;
  caseIds: readonly string[];
  /** Elements of 45 CFR 164.508(c) the form lacks: an authorization missing one is not valid. */
  defects: readonly string[];
  scope: ReleaseScope;
}

export type RevocationScope =
  | { kind: 'everything' }
  | { kind: 'channels'; channels: readonly string[] }
  | { kind: 'photos'; photoIds: readonly string[] };

/** A revocation by the patient, in effect from the moment it was received. */
export interface ClearanceRevocation {
  id: string;
  receivedAt: Date;
  scope: RevocationScope;
  /**
   * The authorizations (release series) a revocation of everything or of channels ends; absent for
   * every release of the patient. A withdrawal of photos holds whatever release covers them.
   */
  releaseSeriesIds?: readonly string[];
}

/** A revocation as its row holds it. */
export interface RevocationRecordFields {
  id: string;
  receivedAt: Date;
  kind: RevocationScope['kind'];
  channels: readonly string[] | null;
  photoIds: readonly string[] | null;
  /** Null for a revocation of every release of the patient. */
  releaseSeriesIds: readonly string[] | null;
}

export function clearanceRevocationOf(row: RevocationRecordFields): ClearanceRevocation {
  const scope: RevocationScope =
    row.kind === 'channels'
      ? { kind: 'channels', channels: row.channels ?? [] }
      : row.kind === 'photos'
        ? { kind: 'photos', photoIds: row.photoIds ?? [] }
        : { kind: 'everything' };
  const revocation: ClearanceRevocation = { id: row.id, receivedAt: row.receivedAt, scope };
  return row.releaseSeriesIds ? { ...revocation, releaseSeriesIds: row.releaseSeriesIds } : revocation;
}

/** A privacy officer's hold on the photo, while a request is disputed or verified. */
export interface ClearanceHold {
  id: string;
  placedAt: Date;
  liftedAt: Date | null;
}

export interface ClearanceFacts {
  /** The clinic's time zone: the dates in messages are its calendar days (UTC when absent). */
  timeZone?: string;
  photo: ClearancePhoto;
  /** Every version of every release of the photo's patient; the rule picks the governing one. */
  releases: readonly ClearanceRelease[];
  revocations: readonly ClearanceRevocation[];
  holds: readonly ClearanceHold[];
}

export const CLEARANCE_REASON_CODES = [
  'no_release',
  'release_not_yet_signed',
  'release_expired',
  'release_defective',
  'release_revoked',
  'channel_revoked',
  'photo_withdrawn',
  'photo_on_hold',
  'channel_not_permitted',
  'channel_denied',
  'face_not_allowed',
  'marks_not_obscured',
  'name_not_allowed',
  'paid_not_allowed',
  'education_not_allowed',
] as const;
export type ClearanceReasonCode = (typeof CLEARANCE_REASON_CODES)[number];

export interface ClearanceReason {
  code: ClearanceReasonCode;
  message: string;
}

export interface ClearanceDecision {
  allowed: boolean;
  /** Every rule that failed, in the order of docs/architecture.md §2. Empty exactly when allowed. */
  reasons: ClearanceReason[];
  /** Changes to the use (or the paperwork) that would make it pass, where there are any. */
  remedies: string[];
  /** The governing release version, when one covers the photo. */
  releaseId: string | null;
  releaseVersion: number | null;
  /** Until when an allowance holds: the governing release's expiry; null when it has none or when denied. */
  validUntil: Date | null;
}

const EDUCATION = 'education';

/**
 * Decides whether `use` of the photo is cleared. A use is cleared only when every rule holds:
 * 1. a release covers the photo's case, and the governing one (the newest signed version current at
 *    the use's time) is in force: signed by then, not expired, not defective, not revoked;
 * 2. the channel falls under a permitted prefix and touches no denied or revoked one;
 * 3. a face shown needs faceAllowed; 4. marks must be obscured when the release says so;
 * 5. a name needs nameAllowed, paid placement paidAdvertisingAllowed, education educationalUseAllowed;
 * 6. the photo is neither withdrawn nor on hold.
 * Every failed rule is reported, not only the first, so the answer says everything to fix.
 */
export function decideClearance(facts: ClearanceFacts, use: IntendedUse): ClearanceDecision {
  const reasons: ClearanceReason[] = [];
  const remedies: string[] = [];
  const fail: Fail = (code, message, ...remediesOfReason) => {
    reasons.push({ code, message });
    for (const remedy of remediesOfReason) if (!remedies.includes(remedy)) remedies.push(remedy);
  };
  const governing = checkStanding(facts, use.at, fail);
  if (governing) {
    for (const { channel, receivedAt } of withdrawnChannels(governing.standing, use.channel)) {
      fail('channel_revoked', `The patient withdrew consent for ${channel} on ${day(receivedAt, facts.timeZone)}.`);
    }
    checkScope(governing.release.scope, facts.photo, use, fail);
  }

  const allowed = reasons.length === 0;
  return {
    allowed,
    reasons,
    remedies: allowed ? [] : remedies,
    releaseId: governing?.release.id ?? null,
    releaseVersion: governing?.release.version ?? null,
    validUntil: allowed ? (governing?.release.expiresAt ?? null) : null,
  };
}

/**
 * How far ahead of this clock a change may be stamped and still count as made: instances' clocks
 * agree within this. A clock far off must not move every decision about the patient into the future
 * for good (releases would count as expired years early).
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * The time a decision about the present is made at: now, or the latest change among the facts if
 * that is later. Every change the facts hold has committed, so it has happened, even when it was
 * stamped by a clock a little ahead of this one (another instance's); decided at this clock's now,
 * it would not count yet. Checking about now, deciding under the release lock or serving a hosted
 * image, a change must never be missed that way; a stamp further ahead than MAX_CLOCK_AHEAD_MS is
 * followed only that far.
 */
export function presentOf(facts: ClearanceFacts, now: Date): Date {
  let latest = now.getTime();
  const consider = (change: Date | null) => {
    if (change && change.getTime() > latest) latest = change.getTime();
  };
  for (const release of facts.releases) {
    consider(release.signedAt);
    consider(release.supersededAt);
  }
  for (const revocation of facts.revocations) consider(revocation.receivedAt);
  for (const hold of facts.holds) {
    consider(hold.placedAt);
    consider(hold.liftedAt);
  }
  return new Date(Math.min(latest, now.getTime() + MAX_CLOCK_AHEAD_MS));
}

/** Where a photo stands at a time, whatever the use: what its rights metadata says. */
export interface PhotoStanding {
  /** The governing release, if any covers the photo. */
  release: ClearanceRelease | null;
  /** What stops every use: an expired, defective or revoked release, a withdrawal, a hold. */
  reasons: ClearanceReason[];
  /** Channels the patient withdrew from the governing release by then. */
  revokedChannels: string[];
  /** The clinic's time zone, for the dates the standing is told in (UTC when absent). */
  timeZone?: string;
}

export function photoStanding(facts: ClearanceFacts, at: Date): PhotoStanding {
  const reasons: ClearanceReason[] = [];
  const governing = checkStanding(facts, at, (code, message) => reasons.push({ code, message }));
  return {
    release: governing?.release ?? null,
    reasons,
    revokedChannels: governing?.standing.narrowings.flatMap((narrowing) => narrowing.channels) ?? [],
    timeZone: facts.timeZone,
  };
}

/**
 * Rules 1 and 6, which hold or fail for every use: the governing release (returned) must be in
 * force at `t`, and the photo neither withdrawn nor on hold.
 */
function checkStanding(
  facts: ClearanceFacts,
  at: Date,
  fail: Fail,
): { release: ClearanceRelease; standing: ReleaseStanding } | undefined {
  const { photo } = facts;
  const t = at.getTime();
  const covering = facts.releases.filter((release) => release.coversAllCases || release.caseIds.includes(photo.caseId));
  const governing = governingRelease(covering, t);
  if (!governing) {
    const signedLater = covering.filter((release) => release.signedAt.getTime() > t);
    if (signedLater.length > 0) {
      fail(
        'release_not_yet_signed',
        `The release covering this photo was signed on ${day(earliest(signedLater), facts.timeZone)}, after the time of this use.`,
      );
    } else {
      fail(
        'no_release',
        "No signed release covers this photo's case.",
        "Record a signed release that covers the photo's case.",
      );
    }
  }
  const standing = governing ? releaseStanding(governing, facts.revocations, at) : undefined;
  if (standing) checkInForce(standing, facts, fail);
  for (const revocation of facts.revocations) {
    if (revocation.receivedAt.getTime() > t || revocation.scope.kind !== 'photos') continue;
    if (revocation.scope.photoIds.includes(photo.id)) {
      fail('photo_withdrawn', `The patient withdrew this photo on ${day(revocation.receivedAt, facts.timeZone)}.`);
    }
  }
  for (const hold of facts.holds) {
    const active = hold.placedAt.getTime() <= t && (hold.liftedAt === null || hold.liftedAt.getTime() > t);
    // The hold's reason is staff's free text, often about the patient: marketing reads this message.
    if (active) fail('photo_on_hold', `The photo has been on hold since ${day(hold.placedAt, facts.timeZone)}.`);
  }
  return governing && standing ? { release: governing, standing } : undefined;
}

type Fail = (code: ClearanceReasonCode, message: string, ...remedies: string[]) => void;

/**
 * The newest signed version among those current at `t` (not yet superseded then) and signed by
 * then. Ties on the signing time go to the higher version, then the id, so the answer never
 * depends on the order the facts came in.
 */
function governingRelease(covering: readonly ClearanceRelease[], t: number): ClearanceRelease | undefined {
  let best: ClearanceRelease | undefined;
  for (const release of covering) {
    const current = release.supersededAt === null || release.supersededAt.getTime() > t;
    if (!current || release.signedAt.getTime() > t) continue;
    if (!best || newer(release, best)) best = release;
  }
  return best;
}

function newer(a: ClearanceRelease, b: ClearanceRelease): boolean {
  const bySigning = a.signedAt.getTime() - b.signedAt.getTime();
  if (bySigning !== 0) return bySigning > 0;
  if (a.version !== b.version) return a.version > b.version;
  return a.id > b.id;
}

/** Rule 1 beyond coverage: the governing version must not have expired, be defective or be revoked. */
function checkInForce(standing: ReleaseStanding, facts: ClearanceFacts, fail: Fail): void {
  for (const ending of standing.ended) {
    if (ending.cause === 'expired') {
      fail(
        'release_expired',
        `The release expired on ${day(ending.at, facts.timeZone)}.`,
        'Ask the patient to sign a new release.',
      );
    }
  }
  if (standing.defects.length > 0) {
    fail(
      'release_defective',
      `The signed form lacks what a valid authorization needs: ${standing.defects.join('; ')}.`,
      'Have the patient (a guardian, for a minor) sign a complete release form.',
    );
  }
  for (const ending of standing.ended) {
    if (ending.cause === 'revoked') {
      fail('release_revoked', `The patient revoked the release on ${day(ending.at, facts.timeZone)}.`);
    }
  }
}

function checkScope(scope: ReleaseScope, photo: ClearancePhoto, use: IntendedUse, fail: Fail): void {
  const permitted = scope.channels.some((prefix) => channelCovers(prefix, use.channel));
  const chooseAnother =
    scope.channels.length > 0
      ? `Choose a channel the release permits: ${scope.channels.join(', ')}.`
      : 'Ask the patient to sign a release that permits this channel.';
  if (!permitted) {
    fail(
      'channel_not_permitted',
      scope.channels.length > 0
        ? `The release permits ${scope.channels.join(', ')}; ${use.channel} is not among them.`
        : 'The release permits no channel.',
      chooseAnother,
    );
  }
  // A denial of a channel under the one asked for counts too: "social" includes a denied "social.tiktok".
  const denied = scope.deniedChannels.filter((channel) => overlaps(channel, use.channel));
  if (denied.length > 0) {
    fail('channel_denied', `The release excludes ${denied.join(', ')}.`, chooseAnother);
  }
  if (use.faceShown && !scope.faceAllowed) {
    fail('face_not_allowed', 'The release does not allow the face to be shown.', 'Crop or obscure the face.');
  }
  if (scope.obscureIdentifyingMarks && photo.identifyingMarks.length > 0 && !use.marksObscured) {
    fail(
      'marks_not_obscured',
      `The release requires identifying marks to be obscured: ${photo.identifyingMarks.join('; ')}.`,
      ...photo.identifyingMarks.map((mark) => `Obscure the ${mark}.`),
    );
  }
  if (use.nameShown && !scope.nameAllowed) {
    fail(
      'name_not_allowed',
      "The release does not allow the patient's name to be shown.",
      "Leave the patient's name out.",
    );
  }
  if (use.paid && !scope.paidAdvertisingAllowed) {
    fail(
      'paid_not_allowed',
      'The release does not allow paid advertising.',
      'Use the photo only in unpaid placements.',
    );
  }
  if (channelCovers(EDUCATION, use.channel) && !scope.educationalUseAllowed) {
    fail(
      'education_not_allowed',
      'The release does not allow educational use (conferences, journals, teaching).',
      'Ask the patient to sign a release that allows educational use.',
    );
  }
}

/** Whether two channels share a path: one is the other or lies under it. */
function overlaps(a: string, b: string): boolean {
  return channelCovers(a, b) || channelCovers(b, a);
}

function earliest(releases: readonly ClearanceRelease[]): Date {
  return releases.reduce(
    (first, release) => (release.signedAt < first ? release.signedAt : first),
    releases[0].signedAt,
  );
}

/** A day as YYYY-MM-DD on the clinic's calendar: what a message needs, without a locale. */
function day(date: Date, timeZone = 'UTC'): string {
  return calendarDay(date, timeZone);
}
