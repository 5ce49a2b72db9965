import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageLimit, PageOffset } from '../http/query-params';
import { withMessage } from '../http/validation';
import { ROLES, type Role } from './role';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from './sign-in-outcomes';

export class LoginDto {
  @ApiProperty({ example: 'admin@migracidades.local' })
  @IsString()
  @MaxLength(200)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'focal@portoalegre.rs.gov.br' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({ example: 'Maria Souza' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'IBGE code of the government, for officials', example: '4314902' })
  @IsOptional()
  @Matches(/^\d{2}(\d{5})?$/, withMessage('common.validation.ibge-code'))
  governmentCode?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description: 'IBGE code of the government, for officials; null to clear it',
    example: '4314902',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Matches(/^\d{2}(\d{5})?$/, withMessage('common.validation.ibge-code'))
  governmentCode?: string | null;

  @ApiPropertyOptional({ description: 'false disables the user: their sessions and tokens stop at once' })
  @IsOptional()
  @IsIn([true, false])
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ minLength: 12, description: 'Left out: a temporary password is generated and returned once' })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
}

export class SignInQueryDto {
  @ApiPropertyOptional({ description: 'Part of the e-mail tried (case ignored)', example: 'admin@' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ enum: SIGN_IN_OUTCOMES })
  @IsOptional()
  @IsIn(SIGN_IN_OUTCOMES)
  outcome?: SignInOutcome;

  @ApiPropertyOptional({ description: 'The client address, or its beginning', example: '10.0.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  address?: string;

  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
