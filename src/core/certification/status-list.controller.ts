import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
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
  @ApiProduces('application/vc+jwt')
  @ApiOperation({
    summary:
      'The seals\u2019 revocation list: a W3C BitstringStatusListCredential signed by the issuer key (VC-JWT), named by each seal\u2019s credentialStatus',
  })
  async list(@Param('list', IntParamPipe) list: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const jwt = await this.statusList.credential(list);
    // Set once the list exists, so that an error keeps its JSON body. Verifiers must see a revocation at once,
    // and may read the list from any origin.
    void reply
      .header('content-type', 'application/vc+jwt')
      .header('cache-control', 'no-cache')
      .header('access-control-allow-origin', '*');
    return jwt;
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
