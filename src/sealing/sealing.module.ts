import { Module } from '@nestjs/common';
import { DocumentSealer } from './document-sealer.js';

@Module({ providers: [DocumentSealer], exports: [DocumentSealer] })
export class SealingModule {}
