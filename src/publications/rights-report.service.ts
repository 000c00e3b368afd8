import { Injectable } from '@nestjs/common';
import { ClearanceService } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { decideClearance, type ClearanceDecision } from '../rights/clearance.js';
import { PublicationsService, type PublicationWithCode } from './publications.service.js';

const DAY_MS = 86_400_000;
/** Photos whose facts are read in one query. */
const FACTS_CHUNK = 500;

export interface DeniedPublication {
  item: PublicationWithCode;
  decision: ClearanceDecision;
}

export interface ExpiringRelease {
  releaseId: string;
  releaseVersion: number;
  expiresAt: Date;
  patientCode: string;
  publicationIds: string[];
}

export interface RightsReport {
  generatedAt: Date;
  expiringWithinDays: number;
  deniedLivePublications: DeniedPublication[];
  /** Live publications recorded as found after the fact, with why their use was not cleared when published. */
  unclearedWhenPublished: DeniedPublication[];
  expiringReleases: ExpiringRelease[];
}

/**
 * What marketing and the privacy officer must act on: live publications whose use the clearance
 * rule now denies (an expired release, say), live publications found after the fact whose use
 * consent did not clear when they were published, and releases that expire soon while publications
 * under them are live. Every live publication is decided afresh, as of now.
 */
@Injectable()
export class RightsReportService {
  constructor(
    private readonly publications: PublicationsService,
    private readonly clearance: ClearanceService,
    private readonly clock: Clock,
  ) {}

  async report(expiringWithinDays: number): Promise<RightsReport> {
    const now = this.clock.now();
    const horizon = now.getTime() + expiringWithinDays * DAY_MS;
    const live = await this.publications.allLive();
    const denied: DeniedPublication[] = [];
    const unclearedWhenPublished: DeniedPublication[] = [];
    const expiring = new Map<string, ExpiringRelease>();
    for (let start = 0; start < live.length; start += FACTS_CHUNK) {
      const chunk = live.slice(start, start + FACTS_CHUNK);
      const facts = await this.clearance.loadFacts(chunk.map((item) => item.publication.photoId));
      for (const item of chunk) {
        const { publication } = item;
        const photoFacts = facts.get(publication.photoId);
        if (!photoFacts) continue;
        const use = {
          channel: publication.channel,
          at: now,
          faceShown: publication.faceShown,
          marksObscured: publication.marksObscured,
          nameShown: publication.nameShown,
          paid: publication.paid,
        };
        const decision = decideClearance(photoFacts, use);
        if (publication.clearedWhenPublished === false) {
          unclearedWhenPublished.push({
            item,
            decision: decideClearance(photoFacts, { ...use, at: publication.publishedAt }),
          });
        }
        if (!decision.allowed) {
          denied.push({ item, decision });
        } else if (decision.validUntil && decision.validUntil.getTime() <= horizon && decision.releaseId) {
          const entry = expiring.get(decision.releaseId) ?? {
            releaseId: decision.releaseId,
            releaseVersion: decision.releaseVersion ?? 0,
            expiresAt: decision.validUntil,
            patientCode: item.patientCode,
            publicationIds: [],
          };
          entry.publicationIds.push(publication.id);
          expiring.set(decision.releaseId, entry);
        }
      }
    }
    return {
      generatedAt: now,
      expiringWithinDays,
      deniedLivePublications: denied,
      unclearedWhenPublished,
      expiringReleases: [...expiring.values()].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()),
    };
  }
}
