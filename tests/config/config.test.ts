import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { maskSecrets } from '../../src/config/mask.js';
import { FlywheelError } from '../../src/errors.js';
import { tmpDir } from '../support/tmp.js';

function errorOf(fn: () => unknown): FlywheelError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FlywheelError) return err;
    throw err;
  }
  throw new Error('expected a FlywheelError');
}

describe('configuration', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const setup = (file?: unknown) => {
    const t = tmpDir();
    cleanup = t.cleanup;
    if (file !== undefined) fs.writeFileSync(path.join(t.dir, 'flywheel.config.json'), typeof file === 'string' ? file : JSON.stringify(file));
    return t.dir;
  };

  it('has working defaults with no file, environment or flags', () => {
    const cwd = setup();
    const { config, file } = loadConfig({ cwd, env: {} });
    expect(file).toBeUndefined();
    expect(config.outputDir).toBe(path.join(cwd, 'output'));
    expect(config.redis.url).toBeUndefined();
    expect(config.render.chromiumPath).toBe('/usr/bin/chromium');
    expect(config.pipeline.passThreshold).toBe(7);
    expect(config.llm.roles.author).toEqual({});
  });

  it('layers file < environment < flags, coercing strings to the expected types', () => {
    const cwd = setup({ pipeline: { perRound: 4, seed: 9 }, llm: { roles: { author: { model: 'file-model' } } } });
    const { config, origins } = loadConfig({
      cwd,
      env: { FLYWHEEL_PIPELINE__PER_ROUND: '6', FLYWHEEL_PIPELINE__EXPAND: 'false', REDIS_URL: 'redis://10.0.0.1:6379', FLYWHEEL_LLM__ROLES__AUTHOR__MODEL: 'env-model' },
      flags: { 'pipeline.perRound': '8', 'llm.prices': '{"m":{"inputPerMTok":1,"outputPerMTok":2}}' },
    });
    expect(config.pipeline).toMatchObject({ perRound: 8, seed: 9, expand: false });
    expect(config.redis.url).toBe('redis://10.0.0.1:6379');
    expect(config.llm.roles.author.model).toBe('env-model');
    expect(config.llm.prices.m).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(origins.get('pipeline.perRound')).toBe('flag (pipeline.perRound)');
    expect(origins.get('pipeline.seed')).toBe('flywheel.config.json');
    expect(origins.get('redis.url')).toBe('environment variable REDIS_URL');
  });

  it('names the bad field, what was expected and where it was set', () => {
    const cwd = setup({ pipeline: { passThreshold: 'high' } });
    const err = errorOf(() => loadConfig({ cwd, env: {} }));
    expect(err.message).toMatch(/pipeline\.passThreshold: .*expected number.*\(set by flywheel\.config\.json\)/);
    expect(err.where).toBe(path.join(cwd, 'flywheel.config.json'));
  });

  it('rejects out-of-range values, unknown keys and unknown FLYWHEEL_ variables', () => {
    const cwd = setup({ render: { jobTimeoutMs: 5 }, pipline: {} });
    const err = errorOf(() => loadConfig({ cwd, env: {} }));
    expect(err.message).toMatch(/render\.jobTimeoutMs: .*>=50/);
    expect(err.message).toMatch(/pipline/);
    expect(errorOf(() => loadConfig({ cwd: setup(), env: { FLYWHEEL_NOPE: '1' } })).where).toBe('environment variable FLYWHEEL_NOPE');
    expect(errorOf(() => loadConfig({ cwd: setup(), env: {}, flags: { 'pipeline.nope': '1' } })).message).toMatch(/unknown setting "pipeline.nope"/);
  });

  it('reports malformed JSON and a missing explicit file', () => {
    const cwd = setup('{ "pipeline": ');
    expect(errorOf(() => loadConfig({ cwd, env: {} })).message).toMatch(/not valid JSON/);
    expect(errorOf(() => loadConfig({ cwd, env: {}, file: 'missing.json' })).message).toMatch(/cannot read the config file/);
  });

  it('rejects a malformed Redis URL from the environment', () => {
    const err = errorOf(() => loadConfig({ cwd: setup(), env: { REDIS_URL: 'localhost:6379' } }));
    expect(err.message).toMatch(/redis\.url: must start with redis:\/\/.*environment variable REDIS_URL/);
  });

  it('masks secrets when printed', () => {
    const { config } = loadConfig({ cwd: setup(), env: { OPENAI_API_KEY: 'sk-secret-key-123456' }, flags: { 'dashboard.token': 'tok-abcdefgh-xyz' } });
    const masked = JSON.stringify(maskSecrets(config));
    expect(masked).not.toContain('sk-secret-key-123456');
    expect(masked).not.toContain('tok-abcdefgh-xyz');
    expect(masked).toContain('(masked)');
    expect(config.llm.defaults.apiKey).toBe('sk-secret-key-123456');
  });
});
