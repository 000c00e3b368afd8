import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { filteredForIdentifiedData } from '../common/identified.js';
import { RemoteSignatureDto, SignedReleaseDto, SigningLinkOpenDto, SigningLinkOpenedDto } from './dto/signing.dto.js';
import { SigningLinksService } from './signing-links.service.js';

/** A release form mailed to the signer, opened and signed on their own device (the patient pages). */
@ApiTags('signing')
@Controller('signing')
export class SigningLinksController {
  constructor(private readonly links: SigningLinksService) {}

  @Public()
  @Post('open')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open a mailed signing link with the patient’s date of birth',
    description:
      'Public. The link’s token and the patient’s date of birth give the form to read, who signs it, and a proof ' +
      'of identity (valid an hour, or until the request expires) that the signature must carry. A used, expired, ' +
      'cancelled or unknown link answers the same 401; a wrong date of birth 403. Throttled: 5 tries a link and ' +
      '30 an address an hour.',
  })
  @ApiOkResponse({ type: SigningLinkOpenedDto })
  @ApiProblems({ 401: ['signing_link_invalid'], 403: ['identity_not_proven'], 429: ['too_many_requests'] })
  async open(@Body() input: SigningLinkOpenDto, @CurrentCaller() caller: Caller): Promise<SigningLinkOpenedDto> {
    // The caller proved they are the patient (or the guardian the link went to): the form is theirs to read.
    return filteredForIdentifiedData(await this.links.open(input, caller));
  }

  @Public()
  @Post('signature')
  @ApiOperation({
    summary: 'Sign a mailed form',
    description:
      'Public. As the desk’s signature, with the link’s token and the proof its opening gave. The release is ' +
      'recorded with exactly the request’s terms; the signature page says it was signed on the signer’s own ' +
      'device, identity checked by the mailed link and the date of birth, with no witness. The copy is mailed.',
  })
  @ApiCreatedResponse({ type: SignedReleaseDto })
  @ApiProblems({
    401: ['signing_link_invalid'],
    403: ['identity_not_proven'],
    409: ['form_changed', 'signing_request_closed'],
  })
  async sign(@Body() input: RemoteSignatureDto, @CurrentCaller() caller: Caller): Promise<SignedReleaseDto> {
    return { releaseId: await this.links.sign(input, caller) };
  }
}
