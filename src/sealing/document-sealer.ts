import { readFile } from 'node:fs/promises';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { readCertificate, selfSignedCertificate, type SealingCertificate } from './certificate.js';

/** What the seal says of itself in a reader's signature panel. */
export interface SealDetails {
  reason: string;
  /** Where it was signed: the clinic. */
  location: string;
  signingTime: Date;
}

/**
 * Seals PDFs the service makes with the clinic's key: a PAdES signature (ETSI.CAdES.detached) over
 * every byte, so any PDF reader shows whether the document was altered after it was made. The key is
 * the PKCS#12 bundle of SIGNING_CERTIFICATE_FILE; without one (never in production) a self-signed
 * certificate is made on first use, which proves integrity but not who sealed.
 */
@Injectable()
export class DocumentSealer implements OnModuleInit {
  private readonly logger = new Logger(DocumentSealer.name);
  private certificate?: Promise<SealingCertificate>;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A configured certificate is opened at start, so a wrong passphrase or an expired one stops the start. */
  async onModuleInit(): Promise<void> {
    if (!this.config.sealing.certificateFile) return;
    const sealing = await this.certificateInUse();
    this.logger.log({ subject: sealing.subject }, 'Signed documents are sealed with the configured certificate');
  }

  async seal(pdf: Buffer, details: SealDetails): Promise<Buffer> {
    const { p12, passphrase, subject } = await this.certificateInUse();
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: details.reason,
      name: subject,
      contactInfo: this.config.http.publicBaseUrl,
      location: details.location,
      signingTime: details.signingTime,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Photo Consent Service',
    });
    // A signer keeps the parsed bundle of one signature; each seal takes its own.
    return new SignPdf().sign(prepared, new P12Signer(p12, { passphrase }));
  }

  private certificateInUse(): Promise<SealingCertificate> {
    this.certificate ??= this.load();
    return this.certificate;
  }

  private async load(): Promise<SealingCertificate> {
    const { certificateFile, passphrase } = this.config.sealing;
    if (certificateFile) {
      const bytes = await readFile(certificateFile).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`SIGNING_CERTIFICATE_FILE ${certificateFile} cannot be read (${error.code ?? error.message})`);
      });
      try {
        return readCertificate(bytes, passphrase ?? '', this.clock.now());
      } catch (error) {
        throw new Error(`SIGNING_CERTIFICATE_FILE ${certificateFile} ${(error as Error).message}`, { cause: error });
      }
    }
    this.logger.warn(
      'No SIGNING_CERTIFICATE_FILE: signed documents are sealed with a self-signed development certificate, ' +
        'which shows they are unaltered but not that the clinic sealed them',
    );
    return selfSignedCertificate('Photo Consent Service (development)', this.clock.now());
  }
}
