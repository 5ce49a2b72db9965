import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { withMessage } from '../http/validation';

export class GovernmentQueryDto {
  @ApiPropertyOptional({ description: 'Federative unit (state) abbreviation', example: 'RS' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, withMessage('common.validation.uf'))
  uf?: string;

  @ApiPropertyOptional({ enum: ['municipality', 'state'] })
  @IsOptional()
  @IsIn(['municipality', 'state'])
  kind?: 'municipality' | 'state';

  @ApiPropertyOptional({ description: 'Part of the name; accents and case are ignored', example: 'porto' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 50, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
