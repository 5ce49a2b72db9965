import { passwordProblem } from './password-policy';

const owner = { email: 'maria.souza@portoalegre.rs.gov.br', name: 'Maria Souza' };

describe('password policy', () => {
  it.each([
    ['short', 'length'],
    ['x'.repeat(201), 'length'],
    ['123456789012', 'repetitive'],
    ['aaaaaaaaaaaa', 'repetitive'],
    ['abcabcabcabc', 'repetitive'],
    ['abcdefghijkl', 'repetitive'],
    ['password1234', 'common'],
    ['P@ssw0rd2024!', 'common'],
    ['senha12345678', 'common'],
    ['Senha@2024!!', 'common'],
    ['qwertyuiop12', 'common'],
    ['migracidades', 'common'],
    ['Migracidades2026', 'common'],
    ['flamengo1981!', 'common'],
    ['1q2w3e4r5t6y', 'common'],
    ['Corinthians#2012', 'common'],
    ['maria.souza@portoalegre.rs.gov.br', 'personal'],
    ['mariasouza2024', 'personal'],
    ['Maria Souza 123', 'personal'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password, owner)).toBe(problem);
  });

  it.each([
    'correct-horse-battery',
    'uma frase nova e longa',
    'Tq7#mZp2vLx9',
    'migracidades-demo',
    'Souza e a ponte velha',
  ])('accepts %j', (password) => {
    expect(passwordProblem(password, owner)).toBeNull();
  });
});
