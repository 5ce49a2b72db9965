import { chosenEncoding } from './compressed-assets';

describe('the encoding a browser takes for a static file', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(chosenEncoding(header)).toBe(expected);
  });
});
