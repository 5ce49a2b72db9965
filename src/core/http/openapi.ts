import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtension,
  ApiExtraModels,
  type MediaTypeObject,
  type OpenAPIObject,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';

/** A file part of a multipart form, as Swagger UI offers it for upload. */
export const binaryFile = (description: string): SchemaObject => ({ type: 'string', format: 'binary', description });

export interface MultipartBody {
  readonly description?: string;
  readonly properties: Record<string, SchemaObject | ReferenceObject>;
  readonly required: readonly string[];
  /** DTOs the properties refer to with `getSchemaPath`, so that they appear among the components. */
  readonly models?: readonly Type[];
}

/**
 * A multipart/form-data body, read by `readMultipart`: file parts and text fields. Routes that read the
 * request themselves have no `@Body()`, so without this the document shows no body at all.
 */
export function ApiMultipartBody(body: MultipartBody): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiExtraModels(...(body.models ?? [])),
    ApiBody({
      required: true,
      description: body.description,
      schema: { type: 'object', required: [...body.required], properties: body.properties },
    }),
  );
}

const REQUEST_CONTENT = 'x-request-content';

/**
 * A body whose schema differs by content type (e.g. a PDF upload or a JSON credential): `@ApiBody` gives
 * every type the same schema, so the content is carried as an extension and put in place by
 * `applyRequestContent` once the document is built.
 */
export function ApiRequestContent(content: Record<string, MediaTypeObject>, description?: string): MethodDecorator {
  return applyDecorators(
    ApiConsumes(...Object.keys(content)),
    ApiExtension(REQUEST_CONTENT, { description, content }) as MethodDecorator,
  );
}

/** Turns the `ApiRequestContent` extensions into request bodies. */
export function applyRequestContent(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || operation === null || !(REQUEST_CONTENT in operation)) continue;
      const holder = operation as Record<string, unknown>;
      const { description, content } = holder[REQUEST_CONTENT] as {
        description?: string;
        content: Record<string, MediaTypeObject>;
      };
      delete holder[REQUEST_CONTENT];
      holder.requestBody = { required: true, ...(description ? { description } : {}), content };
    }
  }
  return document;
}
