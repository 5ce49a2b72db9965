import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { withMessage } from './validation';

/** The query filters the listings share, each validated the same way wherever it appears. */

/** `uf=RS`: a state's abbreviation, upper-cased. */
export const UfFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Federative unit (state) abbreviation', example: 'RS' }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value)),
    Matches(/^[A-Z]{2}$/, withMessage('common.validation.uf')),
  );

/** `kind=municipality|state`. */
export const GovernmentKindFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: ['municipality', 'state'] }),
    IsOptional(),
    IsIn(['municipality', 'state']),
  );

/** `edition=2024`: an edition's year. */
export const EditionFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', description: 'Edition year', example: 2024 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(2000),
    Max(2100),
  );

/** `limit`: a page's size, 1 to `max`. */
export const PageLimit = (defaultSize: number, max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: defaultSize, minimum: 1, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );

/** `offset`: how many rows come before the page. */
export const PageOffset = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
  );
