import { PublicationDto, PublicationLocationViewDto } from './dto/publication.dto.js';
import { locationOf, type PublicationWithCode } from './publications.service.js';

/** The public URL of a hosted photo: outside /api/v1, naming nothing but the random token. */
export function mediaUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/m/${token}`;
}

export function publicationView(
  { publication, patientCode }: PublicationWithCode,
  publicBaseUrl: string,
): PublicationDto {
  return Object.assign(new PublicationDto(), {
    id: publication.id,
    photoId: publication.photoId,
    patientCode,
    channel: publication.channel,
    location: Object.assign(new PublicationLocationViewDto(), locationOf(publication)),
    faceShown: publication.faceShown,
    marksObscured: publication.marksObscured,
    nameShown: publication.nameShown,
    paid: publication.paid,
    publishedAt: publication.publishedAt,
    publishedByUserId: publication.publishedByUserId,
    releaseId: publication.releaseId,
    hosted: publication.hosted,
    howFound: publication.howFound,
    clearedWhenPublished: publication.clearedWhenPublished,
    mediaUrl: publication.mediaToken ? mediaUrl(publicBaseUrl, publication.mediaToken) : null,
    status: publication.status,
    statusChangedAt: publication.statusChangedAt,
    createdAt: publication.createdAt,
    updatedAt: publication.updatedAt,
  });
}
