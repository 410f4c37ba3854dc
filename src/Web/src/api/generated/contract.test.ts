import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the generated contract', () => {
  it('is what tools/contract.mjs makes of openapi.json (npm run contract when this fails)', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    expect(() => execFileSync(process.execPath, ['tools/contract.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
