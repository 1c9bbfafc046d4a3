import { QueryFailedError } from 'typeorm';
import { loggableError, withheldError } from './loggable-error';

describe('loggableError', () => {
  it('withholds the parameters a query error carries in its message', () => {
    const err = new QueryFailedError('INSERT INTO tip (description) VALUES ($1)', ['I saw my neighbour'], {
      code: '23505',
    } as unknown as Error);
    const logged = JSON.stringify(loggableError(err));
    expect(logged).not.toContain('neighbour');
    expect(loggableError(err)).toMatchObject({ type: 'QueryFailedError', code: '23505' });
  });

  it("withholds a pg error's message, which may quote a value", () => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "Marie Tremblay"'), {
      code: '22P02',
      severity: 'ERROR',
    });
    expect(loggableError(err)).toMatchObject({
      code: '22P02',
      message: '(database error; parameters withheld)',
    });
  });

  it("keeps a driver error's kind and code, never its detail", () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "tip_code_key"'), {
      code: '23505',
      detail: 'Key (code)=(K7QM-2XH9) already exists.',
    });
    const logged = loggableError(err);
    expect(logged).toMatchObject({ code: '23505' });
    expect(JSON.stringify(logged)).not.toContain('K7QM');
  });
});

describe('withheldError', () => {
  it('keeps kind, code and place, and none of the fields a stored error would carry', () => {
    const err = Object.assign(new Error('new row for relation "tip" violates check constraint "x"'), {
      code: '23514',
      severity: 'ERROR',
      detail: 'Failing row contains (…, Marie Tremblay, 12 rue des Érables, …).',
      where: 'SQL statement "INSERT INTO tip …"',
    });
    const withheld = withheldError(err);
    expect(withheld).toMatchObject({ name: 'Error', code: '23514' });
    expect(JSON.stringify({ ...withheld, message: withheld.message, stack: withheld.stack })).not.toMatch(
      /Tremblay|Érables|INSERT/,
    );
    expect(withheld.stack).toContain('loggable-error.spec.ts');
  });
});
