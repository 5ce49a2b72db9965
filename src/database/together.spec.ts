import { together } from './together';

describe('together: statements sent at once', () => {
  it('gives every result in order', async () => {
    await expect(together(Promise.resolve(1), Promise.resolve('two'))).resolves.toEqual([1, 'two']);
  });

  it('throws the first failure only after every statement has ended', async () => {
    let slowEnded = false;
    const slow = new Promise<string>((resolve) =>
      setTimeout(() => {
        slowEnded = true;
        resolve('late');
      }, 30),
    );
    await expect(together(Promise.reject(new Error('first')), slow)).rejects.toThrow('first');
    expect(slowEnded).toBe(true);
  });
});
