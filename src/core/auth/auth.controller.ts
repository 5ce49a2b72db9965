import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, Public } from './access.decorator';
import type { Actor } from './actor';
import { CreateUserDto, LoginDto } from './auth.dto';
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
}
