import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import Handlebars from 'handlebars';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { translateHelper } from './translate-helper';

/**
 * Handlebars templates from TEMPLATES_DIR, compiled once at start in strict mode (a missing variable is an
 * error, not a blank on a certificate). `partials/*.hbs` are registered by name (`web/partials/*.hbs` as `web/<name>`).
 */
@Injectable()
export class TemplatesService implements OnModuleInit {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    const root = this.config.templatesDir;
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
      );
    const files = walk(root).filter((f) => f.endsWith('.hbs'));
    // `{{t "key"}}`: a catalogue text in the context's `lang` (see translate-helper.ts).
    this.hbs.registerHelper('t', translateHelper);
    // `partials/x.hbs` is the partial `x`; a layer's own `web/partials/x.hbs` is `web/x`.
    for (const file of files.filter((f) => /(^|\/)partials\//.test(relative(root, f)))) {
      this.hbs.registerPartial(
        relative(root, file)
          .replace(/(^|\/)partials\//, '$1')
          .replace(/\.hbs$/, ''),
        readFileSync(file, 'utf8'),
      );
    }
    for (const file of files) {
      const name = relative(root, file).replace(/\.hbs$/, '');
      this.compiled.set(name, this.hbs.compile(readFileSync(file, 'utf8'), { strict: true }));
    }
  }

  render(name: string, context: object): string {
    const template = this.compiled.get(name);
    if (!template) throw new Error(`No template "${name}" in ${this.config.templatesDir}`);
    return template(context);
  }
}
