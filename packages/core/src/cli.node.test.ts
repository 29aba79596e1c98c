import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const presets = fileURLToPath(new URL('../presets/', import.meta.url));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function tempForm(json: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'intake-check-'));
  const file = join(dir, 'form.json');
  await writeFile(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}

describe('intake-check (built CLI)', () => {
  it('passes the presets with exit code 0', async () => {
    const result = await run(join(presets, 'crm-lead.json'), join(presets, 'contact.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/crm-lead\.json: ok\n.*contact\.json: ok/);
  });

  it('prints every problem with its path and exits 1', async () => {
    const file = await tempForm({ id: 'x', fields: [{ type: 'txt', name: 'a' }, { type: 'text', name: 'b', requierd: true }] });
    const result = await run(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: fields[0].type: Unknown field type "txt"`);
    expect(result.stdout).toContain(`${file}: fields[1].requierd: Unknown key "requierd" (did you mean "required"?)`);
    expect(result.stdout).toContain(`${file}: 2 problem(s)`);
  });

  it('writes messages in Chinese and as JSON on request', async () => {
    const file = await tempForm('{ not json');
    const zh = await run('--locale', 'zh-CN', file);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('表单不是有效的 JSON');
    const json = await run('--json', file);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ ok: false, issues: [{ code: 'invalid_json', path: [] }] });
  });

  it('exits 2 for a missing file or no arguments', async () => {
    expect((await run('/nonexistent/form.json')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});
