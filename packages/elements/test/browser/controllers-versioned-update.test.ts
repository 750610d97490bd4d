import { expect } from '@open-wc/testing';
import { PartnerkitError, type Versioned } from '@partnerkit/api';
import { VersionConflictError, versionedUpdate } from '../../src/core/controllers/versioned-update.ts';

/** A record on a server that versions it: updates need the current ETag. */
function server(initial: string) {
  let version = 1;
  let value = initial;
  const calls = { loads: 0, updates: [] as string[] };
  return {
    calls,
    /** Someone else changes it. */
    changeElsewhere(next: string) {
      value = next;
      version += 1;
    },
    get value() {
      return value;
    },
    load: async (): Promise<Versioned<string>> => {
      calls.loads += 1;
      return { data: value, etag: `"v${version}"` };
    },
    update: (next: string) => async (ifMatch: string) => {
      calls.updates.push(ifMatch);
      if (ifMatch !== `"v${version}"`) throw new PartnerkitError({ kind: 'http', status: 412, code: 'precondition_failed', title: 'Precondition failed' });
      value = next;
      version += 1;
      return { data: value, etag: `"v${version}"` };
    },
  };
}

describe('versionedUpdate', () => {
  it('updates from the version given, reading the current one only when none is', async () => {
    const record = server('a');
    const answer = await versionedUpdate({ ifMatch: '"v1"', load: record.load, update: record.update('b'), onConflict: 'ask' });
    expect(answer.etag).to.equal('"v2"');
    expect(record.calls.loads).to.equal(0);
    await versionedUpdate({ load: record.load, update: record.update('c'), onConflict: 'ask' });
    expect(record.calls.loads, 'read once for its version').to.equal(1);
    expect(record.value).to.equal('c');
  });

  it('replace: on 412 reads the current version and applies the change once more', async () => {
    const record = server('a');
    record.changeElsewhere('theirs');
    const answer = await versionedUpdate({ ifMatch: '"v1"', load: record.load, update: record.update('mine'), onConflict: 'replace' });
    expect(record.calls.updates).to.deep.equal(['"v1"', '"v2"']);
    expect(answer.data).to.equal('mine');
  });

  it('ask: on 412 reads the current version and hands it to the caller; a second, deliberate update from it replaces knowingly', async () => {
    const record = server('a');
    record.changeElsewhere('theirs');
    let conflict: VersionConflictError<string> | undefined;
    try {
      await versionedUpdate({ ifMatch: '"v1"', load: record.load, update: record.update('mine'), onConflict: 'ask' });
    } catch (error) {
      conflict = error as VersionConflictError<string>;
    }
    expect(conflict).to.be.instanceOf(VersionConflictError);
    expect(conflict!.current).to.deep.equal({ data: 'theirs', etag: '"v2"' });
    expect(record.value, 'nothing overwritten unasked').to.equal('theirs');
    await versionedUpdate({ ifMatch: conflict!.current!.etag, load: record.load, update: record.update('mine'), onConflict: 'ask' });
    expect(record.value).to.equal('mine');
  });

  it('ask: when the current version cannot be read either, the conflict still reaches the caller', async () => {
    const record = server('a');
    record.changeElsewhere('theirs');
    const failing = async (): Promise<Versioned<string>> => {
      throw new PartnerkitError({ kind: 'network', code: 'network', title: 'offline' });
    };
    const error = await versionedUpdate({ ifMatch: '"v1"', load: failing, update: record.update('mine'), onConflict: 'ask' }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(VersionConflictError);
    expect((error as VersionConflictError<string>).current).to.equal(undefined);
  });

  it('other failures pass through untouched', async () => {
    const record = server('a');
    const refused = new PartnerkitError({ kind: 'http', status: 403, code: 'forbidden', title: 'Forbidden' });
    const error = await versionedUpdate({ ifMatch: '"v1"', load: record.load, update: () => Promise.reject(refused), onConflict: 'replace' }).catch((caught: unknown) => caught);
    expect(error).to.equal(refused);
    expect(record.calls.loads).to.equal(0);
  });
});
