import Handlebars from 'handlebars';
import { translateHelper } from './translate-helper';

describe('the templates\u2019 t helper', () => {
  const hbs = Handlebars.create();
  hbs.registerHelper('t', translateHelper);
  const render = (source: string, context: object) => hbs.compile(source, { strict: true })(context);

  it('prints a catalogue text in the language of the root context, its placeholders from the hash', () => {
    const source = '{{#each items}}<p>{{t "reporting.index.label" year=this}}</p>{{/each}}';
    expect(render(source, { lang: 'pt-BR', items: [2025] })).toBe('<p>Índice MigraCidades 2025</p>');
    expect(render(source, { lang: 'en', items: [2025] })).toBe('<p>MigraCidades Index 2025</p>');
  });

  it('escapes the text and the values, and sets the values in bold with strong=true', () => {
    expect(render('{{t "reporting.practices.none" place=place}}', { lang: 'en', place: '<b>X</b>' })).toBe(
      'No good practice of &lt;b&gt;X&lt;/b&gt; was approved by the review in this edition.',
    );
    expect(render('{{t "reporting.practices.since" year=year strong=true}}', { lang: 'en', year: '2017 & on' })).toBe(
      'Since <strong>2017 &amp; on</strong>',
    );
  });

  it('refuses an unknown key or a context without a language, as strict mode refuses a missing variable', () => {
    expect(() => render('{{t "reporting.nothing"}}', { lang: 'en' })).toThrow(
      'No catalogue message "reporting.nothing"',
    );
    expect(() => render('{{t "reporting.toc.title"}}', {})).toThrow('no language');
    expect(() => render('{{t "reporting.toc.title"}}', { lang: 'es' })).toThrow('no language');
  });
});
