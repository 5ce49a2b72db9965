import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { IntParamPipe } from '../http/validation';
import { IssuerKeysService } from './issuer-keys.service';
import { StatusListService } from './status-list.service';

/** What a standard verifier fetches to check a seal on its own: the revocation list and the issuer's DID document. */
@ApiTags('credentials')
@Controller()
export class StatusListController {
  constructor(
    private readonly statusList: StatusListService,
    private readonly keys: IssuerKeysService,
  ) {}

  @Get('credentials/status/:list')
  @Public()
  @Header('content-type', 'application/vc+jwt')
  // Verifiers must see a revocation at once, and read the list from any origin.
  @Header('cache-control', 'no-cache')
  @Header('access-control-allow-origin', '*')
  @ApiProduces('application/vc+jwt')
  @ApiOperation({
    summary:
      'The seals\u2019 revocation list: a W3C BitstringStatusListCredential signed by the issuer key (VC-JWT), named by each seal\u2019s credentialStatus',
  })
  list(@Param('list', IntParamPipe) list: number) {
    return this.statusList.credential(list);
  }

  @Get('did.json')
  @Public()
  @Header('access-control-allow-origin', '*')
  @ApiOperation({
    summary:
      'The issuer\u2019s did:web document where did:web looks for it when PUBLIC_URL has a path (<path>/did.json)',
  })
  did() {
    return this.keys.didDocument();
  }
}
