import { Module } from '@nestjs/common';
import { FormTemplatesController } from './form-templates.controller.js';
import { FormTemplatesService } from './form-templates.service.js';

/** Release forms: the templates the clinic words them in. */
@Module({
  controllers: [FormTemplatesController],
  providers: [FormTemplatesService],
  exports: [FormTemplatesService],
})
export class FormsModule {}
