import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, Public } from './access.decorator';
import type { Actor } from './actor';
import { CreateUserDto, LoginDto, ResetPasswordDto, UpdateUserDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer access token' })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.email, body.password);
  }

  @Get('auth/me')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({ summary: 'Who the token belongs to' })
  me(@CurrentActor() actor: Actor) {
    return actor;
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
    return this.auth.listUsers();
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
