import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentActor, Public } from './access.decorator';
import type { Actor } from './actor';
import { CreateUserDto, LoginDto, ResetPasswordDto, SignInQueryDto, UpdateUserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { UserDirectory } from './user-directory.service';
import { retryAfterOf, signInClient, SignInsService } from './sign-ins.service';

const bearerOf = (req: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserDirectory,
    private readonly signIns: SignInsService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange e-mail and password for a bearer access token (12 hours). Repeated failures slow the answer down, ' +
      'then are refused with 429 and Retry-After',
  })
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.auth.login(body.email, body.password, signInClient(req));
    } catch (e) {
      const retryAfter = retryAfterOf(e);
      if (retryAfter !== null) void reply.header('Retry-After', String(retryAfter));
      throw e;
    }
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the bearer token sent (its session): it is refused from now on' })
  async logout(@Req() req: FastifyRequest) {
    await this.auth.revoke(bearerOf(req));
  }

  @Get('auth/me')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({ summary: 'Who the token belongs to' })
  me(@CurrentActor() actor: Actor) {
    const { sessionId: _session, ...who } = actor;
    return who;
  }

  @Get('auth/sign-ins')
  @Access('admin')
  @ApiOperation({ summary: 'Every sign-in attempt, newest first: e-mail tried, outcome, address, time' })
  signInRecord(@Query() query: SignInQueryDto) {
    return this.signIns.find(query);
  }

  @Post('users')
  @Access('admin')
  @ApiOperation({ summary: 'Create a user (administrators only)' })
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.auth.createUser(actor, body);
  }

  @Get('users')
  @Access('admin')
  @ApiOperation({ summary: 'All users' })
  listUsers() {
    return this.users.listUsers();
  }

  @Patch('users/:id')
  @Access('admin')
  @ApiOperation({
    summary:
      'Change a user\u2019s role or government, or disable/enable them (a disabled user\u2019s tokens stop at once)',
  })
  updateUser(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateUserDto) {
    return this.auth.updateUser(actor, id, body);
  }

  @Post('users/:id/password')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reset a user\u2019s password: the one given, or a temporary one returned once; their sessions end',
  })
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ResetPasswordDto) {
    return this.auth.resetPassword(actor, id, body.password);
  }
}
